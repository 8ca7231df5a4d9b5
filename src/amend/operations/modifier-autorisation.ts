// Operation « modifier_autorisation »: Changes to an authorisation.
import { keyOf } from '../keys.ts';
import { modifierAutorisation } from '../ops/moyens.ts';
import { defineOperation, fields } from './module.ts';

export default defineOperation('modifier_autorisation', {
  apply: (env, op) => modifierAutorisation(env, op),
  touches: (op) => fields(keyOf.autorisation(op.arhgos), op.modifications),
  wording: (op, ctx) => ({
    blocks: ctx.render('autorisation-modification', { op, autorisation: ctx.before.autorisations.find((x) => x.arhgos === op.arhgos)! }),
  }),
});
