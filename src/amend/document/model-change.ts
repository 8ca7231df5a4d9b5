// The model a contract was produced under, against today's (issue 11, item 13). The version 0
// of a consolidated version or a comparison is the contract re-rendered from its data: if the
// model's templates changed since the contract was produced for signature, that text is not the
// signed one. The engine keeps no copy of old models, so it cannot render the signed wording;
// it says so plainly instead, under the title of every document it produces (legal wording:
// templates/_mentions.yaml, modele_modifie) and on the CLI's error output (a command message:
// src/cli/commands/signed-model.ts).
import { fail, ok, type Result } from '../../diagnostics/diagnostic.ts';
import type { ModelFingerprint } from '../../batch/types.ts';
import { modelFingerprint } from '../../io/contract-manifest.ts';
import { frenchInlines } from '../../ir/resolve/typography.ts';
import type { DocumentSet, Inline, Paragraph } from '../../ir/types.ts';
import { MentionEvaluator } from '../../eval/mentions.ts';
import type { Contract } from '../../model/contract.ts';
import type { Model } from '../../templates/load.ts';
import { underTitle } from './consolidated.ts';

/** How long a fingerprint is printed: enough to tell two versions apart at a glance. */
export const SHORT = 12;

/** The recorded fingerprint when it is not today's model (same id: checked by the caller). */
export function changedModel(model: Model, signed: ModelFingerprint): ModelFingerprint | undefined {
  return signed.empreinte === model.hash ? undefined : signed;
}

const short = (f: ModelFingerprint) => ({ id: f.id, version: f.version, empreinte: f.empreinte.slice(0, SHORT) });

/** `set` with the model-change note under the title of each of its documents. */
export function withModelChange(set: DocumentSet, model: Model, contract: Contract, signed: ModelFingerprint, what: 'consolidation' | 'comparaison'): Result<DocumentSet> {
  const mentions = new MentionEvaluator(model, contract);
  const content = mentions.inlines(model.mentions.modeleModifie[what], { modele_signe: short(signed), modele_actuel: short(modelFingerprint(model)) });
  if (mentions.ev.diags.length > 0) return fail(mentions.ev.diags);
  const note: Paragraph = { type: 'paragraph', style: 'note', content: frenchInlines(content) };
  return ok({
    ...set,
    documents: set.documents.map((d) => {
      const at = underTitle(d.blocks);
      return { ...d, blocks: [...d.blocks.slice(0, at), note, ...d.blocks.slice(at)] };
    }),
  });
}
