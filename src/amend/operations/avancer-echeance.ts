// Operation « avancer_echeance »: A target moved to an earlier year.
import { keyOf } from '../keys.ts';
import { deplacerEcheance } from '../ops/cibles.ts';
import { deplacerEcheance as article } from '../document/wording-engagements.ts';
import { defineOperation } from './module.ts';

export default defineOperation('avancer_echeance', {
  apply: (env, op) => deplacerEcheance(env, op),
  touches: (op) => [keyOf.cible(op.engagement, op.indicateur, op.de), keyOf.cible(op.engagement, op.indicateur, op.a)],
  wording: (op, ctx) => article(op, ctx),
});
