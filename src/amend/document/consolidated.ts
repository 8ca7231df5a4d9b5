// The consolidated version after avenant k (BR-AV-4): the whole contract rendered by its model
// from the amended data, with the mention "Version consolidée intégrant les avenants n° 1 à k",
// the history of the avenants, the table of changed elements, and marks on the changed elements.
import { fail, ok, type Result } from '../../diagnostics/diagnostic.ts';
import { buildDocumentSet } from '../../eval/build.ts';
import { formatDate } from '../../ir/resolve/french.ts';
import { resolve } from '../../ir/resolve/index.ts';
import type { Block, DocumentSet } from '../../ir/types.ts';
import type { Model } from '../../templates/load.ts';
import { describeKey } from '../describe.ts';
import { parseKeyString } from '../keys.ts';
import type { AmendedContract } from '../types.ts';
import type { Versions } from '../versions.ts';
import { grid, para } from './ir.ts';
import { markContract } from './marks.ts';

export function consolidationMention(k: number): string {
  return k === 1 ? 'Version consolidée intégrant l’avenant n° 1' : `Version consolidée intégrant les avenants n° 1 à ${k}`;
}

const NATURE = { ajout: 'ajout', modification: 'modification', suppression: 'suppression' } as const;

/** Mention, history table and table of changed elements, inserted under the socle's title. */
export function consolidationBlocks(a: AmendedContract): Block[] {
  const k = a.history.length;
  const history = a.history.map((h) => [String(h.numero), formatDate(h.date), formatDate(h.effet), h.objet]);
  const changes = Object.entries(a.provenance).map(([key, t]) => {
    const what = describeKey(parseKeyString(key));
    return [`${what.charAt(0).toUpperCase()}${what.slice(1)}`, `n° ${t.avenant}`, NATURE[t.nature]];
  });
  return [
    para(consolidationMention(k), 'subtitle'),
    para('Le présent document intègre au contrat les avenants ci-dessous. Il n’a pas de valeur contractuelle propre : seuls le contrat et ses avenants signés font foi. Chaque élément modifié porte entre crochets la mention de l’avenant qui l’a modifié en dernier lieu.', 'note'),
    para('Historique des avenants', 'center', true),
    grid([10, 20, 20, 50], ['Avenant', 'Date', 'Prise d’effet', 'Objet'], history),
    para('Éléments modifiés', 'center', true),
    grid([60, 20, 20], ['Élément', 'Dernier avenant', 'Nature'], changes, 9),
  ];
}

/** The DocumentSet of version k (0: the base contract as signed). */
export function buildConsolidatedSet(model: Model, v: Versions, k: number): Result<DocumentSet> {
  const a = v.versions[k];
  if (!a) {
    return fail([{ severity: 'erreur', code: 'AVENANT-SELECTION', message: `version ${k} indisponible : la séquence compte ${v.avenants.length} avenant(s)` }]);
  }
  const built = buildDocumentSet(model, k === 0 ? a.contract : markContract(a));
  if (!built.ok || k === 0) return built;
  const [socle, ...rest] = built.value.documents;
  if (!socle) return built;
  // Under the title and the period line, before the parties.
  let at = socle.blocks.findIndex((b) => b.type === 'heading' && b.level === 1) + 1;
  const next = socle.blocks[at];
  if (next?.type === 'paragraph' && next.style === 'subtitle') at++;
  const blocks = [...socle.blocks.slice(0, at), ...consolidationBlocks(a), ...socle.blocks.slice(at)];
  const set: DocumentSet = {
    ...built.value,
    meta: { ...built.value.meta, title: `${built.value.meta.title} — ${consolidationMention(k).toLowerCase()}` },
    documents: [{ ...socle, blocks }, ...rest],
  };
  const r = resolve(set);
  return r.diagnostics.some((d) => d.severity === 'erreur') ? fail(r.diagnostics) : ok(r.set, [...built.warnings, ...r.diagnostics]);
}
