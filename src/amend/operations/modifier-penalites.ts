// Operation « modifier_penalites »: The penalties clause changed or removed.
import { keyOf } from '../keys.ts';
import { modifierPenalites } from '../ops/listes.ts';
import { defineOperation } from './module.ts';

export default defineOperation('modifier_penalites', {
  apply: (env, op) => modifierPenalites(env, op),
  touches: (op) => [keyOf.liste('penalites')],
  wording: (op, ctx) => ({ blocks: ctx.render('penalites', { op }) }),
});
