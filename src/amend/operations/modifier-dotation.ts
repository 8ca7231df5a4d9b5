// Operation « modifier_dotation »: Changes to a dotation.
import { keyOf } from '../keys.ts';
import { modifierDotation } from '../ops/financement.ts';
import { defineOperation, fields } from './module.ts';

export default defineOperation('modifier_dotation', {
  apply: (env, op) => modifierDotation(env, op),
  touches: (op) => fields(keyOf.dotation(op.nature, op.libelle), op.modifications),
  wording: (op, ctx) => ({
    blocks: ctx.render('dotation-modification', { op, dotation: ctx.before.financements.dotations.find((x) => x.nature === op.nature && x.libelle === op.libelle)! }),
  }),
});
