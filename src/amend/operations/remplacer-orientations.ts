// Operation « remplacer_orientations »: The strategic orientations replaced whole.
import { keyOf } from '../keys.ts';
import { remplacerOrientations } from '../ops/listes.ts';
import { articleOrientations as article } from '../document/wording-nouvelles.ts';
import { defineOperation } from './module.ts';

export default defineOperation('remplacer_orientations', {
  apply: (env, op) => remplacerOrientations(env, op),
  touches: (op) => [keyOf.liste('orientations')],
  wording: (op, ctx) => article(op, ctx),
});
