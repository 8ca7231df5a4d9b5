// Operation « supprimer_dotation »: Removal of a dotation.
import { keyOf } from '../keys.ts';
import { supprimerDotation } from '../ops/financement.ts';
import { defineOperation } from './module.ts';

export default defineOperation('supprimer_dotation', {
  apply: (env, op) => supprimerDotation(env, op),
  touches: (op) => [keyOf.dotation(op.nature, op.libelle)],
  wording: (op, ctx) => ({ blocks: ctx.render('dotation-suppression', { op }) }),
});
