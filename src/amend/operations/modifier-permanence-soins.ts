// Operation « modifier_permanence_soins »: The whole continuity-of-care (PDS) list replaced.
import { keyOf } from '../keys.ts';
import { modifierPermanenceSoins } from '../ops/divers.ts';
import { modifierPermanenceSoins as article } from '../document/wording-moyens.ts';
import { defineOperation } from './module.ts';

export default defineOperation('modifier_permanence_soins', {
  apply: (env, op) => modifierPermanenceSoins(env, op),
  touches: () => [keyOf.permanenceSoins()],
  wording: (op, ctx) => article(op, ctx),
});
