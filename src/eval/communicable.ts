// The communicable version of one contract's documents: the wording comes from the shared
// mentions (templates/_mentions.yaml, version_communicable), the holder's status decides whether
// marked passages are withheld (public holders: « il n’y a pas d’exception à l’obligation de
// communicabilité », 001 l. 6245), and src/ir/communicable.ts removes them.
import { type Result, fail, ok } from '../diagnostics/diagnostic.ts';
import { communicableSet } from '../ir/communicable.ts';
import type { DocumentSet } from '../ir/types.ts';
import type { Contract } from '../model/contract.ts';
import type { Model } from '../templates/load.ts';
import { MentionEvaluator } from './mentions.ts';

export function communicableVersion(model: Model, contract: Contract, set: DocumentSet): Result<DocumentSet> {
  const statut = contract.titulaire.statut;
  const m = new MentionEvaluator(model, contract);
  const wording = model.mentions.communicable;
  const placeholder = m.text(wording.occultation);
  const notices = new Map<number, string>();
  const notice = (occultations: number): string => {
    let t = notices.get(occultations);
    if (t === undefined) notices.set(occultations, (t = m.text(wording.mention, { communicable: { occultations, statut } })));
    return t;
  };
  const out = communicableSet(set, statut !== 'public', { notice, placeholder });
  return m.ev.diags.length ? fail(m.ev.diags) : ok(out);
}
