// Operation « ajouter_autorisation »: A new authorisation.
import { keyOf } from '../keys.ts';
import { ajouterAutorisation } from '../ops/moyens.ts';
import { defineOperation, siteOf } from './module.ts';

export default defineOperation('ajouter_autorisation', {
  apply: (env, op) => ajouterAutorisation(env, op),
  touches: (op) => [keyOf.autorisation(op.autorisation.arhgos)],
  wording: (op, ctx) => ({ blocks: ctx.render('autorisation-ajout', { op, site: siteOf(ctx.after, op.autorisation.finess_et) }) }),
});
