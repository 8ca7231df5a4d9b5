// Operation « remplacer_financement »: The whole financing replaced.
import { keyOf } from '../keys.ts';
import { remplacerFinancement } from '../ops/financement.ts';
import { remplacerFinancement as article } from '../document/wording-moyens.ts';
import { defineOperation } from './module.ts';

export default defineOperation('remplacer_financement', {
  apply: (env, op) => remplacerFinancement(env, op),
  touches: () => [keyOf.financements()],
  wording: (op, ctx) => article(op, ctx),
});
