// Operation « modifier_cible »: A new target value (or none) for one year of an indicator.
import { keyOf } from '../keys.ts';
import { modifierCible } from '../ops/cibles.ts';
import { modifierCible as article } from '../document/wording-engagements.ts';
import { defineOperation } from './module.ts';

export default defineOperation('modifier_cible', {
  apply: (env, op) => modifierCible(env, op),
  touches: (op) => [keyOf.cible(op.engagement, op.indicateur, op.annee)],
  wording: (op, ctx) => article(op, ctx),
});
