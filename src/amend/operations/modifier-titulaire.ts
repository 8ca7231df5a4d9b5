// Operation « modifier_titulaire »: Changes to the holder (name, address, legal representative).
import { modifierTitulaire, touchesModifierTitulaire } from '../ops/sites.ts';
import { defineOperation } from './module.ts';

export default defineOperation('modifier_titulaire', {
  apply: (env, op) => modifierTitulaire(env, op),
  touches: (op) => touchesModifierTitulaire(op),
  wording: (op, ctx) => ({ blocks: ctx.render('titulaire', { op }) }),
});
