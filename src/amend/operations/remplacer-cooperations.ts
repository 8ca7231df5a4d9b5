// Operation « remplacer_cooperations »: The list of cooperations replaced whole.
import { keyOf } from '../keys.ts';
import { remplacerCooperations } from '../ops/listes.ts';
import { articleCooperations as article } from '../document/wording-nouvelles.ts';
import { defineOperation } from './module.ts';

export default defineOperation('remplacer_cooperations', {
  apply: (env, op) => remplacerCooperations(env, op),
  touches: (op) => [keyOf.liste('cooperations')],
  wording: (op, ctx) => article(op, ctx),
});
