// Operation « supprimer_reconnaissance »: Removal of a contractual recognition.
import { keyOf } from '../keys.ts';
import { supprimerReconnaissance } from '../ops/moyens.ts';
import { defineOperation, siteOf } from './module.ts';

export default defineOperation('supprimer_reconnaissance', {
  apply: (env, op) => supprimerReconnaissance(env, op),
  touches: (op) => [keyOf.reconnaissance(op.numero)],
  wording: (op, ctx) => {
    const r = ctx.before.reconnaissances.find((x) => x.numero === op.numero)!;
    return { blocks: ctx.render('reconnaissance-suppression', { op, reconnaissance: r, site: siteOf(ctx.before, r.finess_et) }) };
  },
});
