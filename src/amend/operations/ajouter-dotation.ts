// Operation « ajouter_dotation »: A new dotation.
import { keyOf } from '../keys.ts';
import { ajouterDotation } from '../ops/financement.ts';
import { defineOperation } from './module.ts';

export default defineOperation('ajouter_dotation', {
  apply: (env, op) => ajouterDotation(env, op),
  touches: (op) => [keyOf.dotation(op.dotation.nature, op.dotation.libelle)],
  wording: (op, ctx) => ({ blocks: ctx.render('dotation-ajout', { op }) }),
});
