// Operation « modifier_reconnaissance »: Changes to a contractual recognition.
import { keyOf } from '../keys.ts';
import { modifierReconnaissance } from '../ops/moyens.ts';
import { defineOperation, fields } from './module.ts';

export default defineOperation('modifier_reconnaissance', {
  apply: (env, op) => modifierReconnaissance(env, op),
  touches: (op) => fields(keyOf.reconnaissance(op.numero), op.modifications),
  wording: (op, ctx) => {
    const reconnaissance = ctx.before.reconnaissances.find((x) => x.numero === op.numero)!;
    return { blocks: ctx.render('reconnaissance-modification', { op, reconnaissance, sans_capacite: op.modifications.capacite === null }) };
  },
});
