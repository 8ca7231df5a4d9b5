// Operation « supprimer_autorisation »: Removal of an authorisation.
import { keyOf } from '../keys.ts';
import { supprimerAutorisation } from '../ops/moyens.ts';
import { defineOperation } from './module.ts';

export default defineOperation('supprimer_autorisation', {
  apply: (env, op) => supprimerAutorisation(env, op),
  touches: (op) => [keyOf.autorisation(op.arhgos)],
  wording: (op, ctx) => ({ blocks: ctx.render('autorisation-suppression', { op, autorisation: ctx.before.autorisations.find((x) => x.arhgos === op.arhgos)! }) }),
});
