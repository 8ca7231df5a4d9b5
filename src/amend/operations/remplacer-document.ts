// Operation « remplacer_document »: Any annex document of the model replaced by the one attached to the avenant.
import { keyOf } from '../keys.ts';
import { remplacerDocument } from '../ops/listes.ts';
import { articleDocument as article } from '../document/wording-nouvelles.ts';
import { defineOperation } from './module.ts';

export default defineOperation('remplacer_document', {
  apply: (env, op) => remplacerDocument(env, op),
  touches: (op) => [keyOf.document(op.document)],
  wording: (op, ctx) => article(op, ctx),
});
