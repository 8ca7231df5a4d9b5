// Operation « ajouter_reconnaissance »: A new contractual recognition.
import { keyOf } from '../keys.ts';
import { ajouterReconnaissance } from '../ops/moyens.ts';
import { defineOperation, siteOf } from './module.ts';

export default defineOperation('ajouter_reconnaissance', {
  apply: (env, op) => ajouterReconnaissance(env, op),
  touches: (op) => [keyOf.reconnaissance(op.reconnaissance.numero)],
  wording: (op, ctx) => ({ blocks: ctx.render('reconnaissance-ajout', { op, site: siteOf(ctx.after, op.reconnaissance.finess_et) }) }),
});
