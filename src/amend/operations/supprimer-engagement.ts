// Operation « supprimer_engagement »: Removal of an engagement.
import { keyOf } from '../keys.ts';
import { supprimerEngagement } from '../ops/engagements.ts';
import { annexeData } from '../document/context.ts';
import { defineOperation } from './module.ts';

export default defineOperation('supprimer_engagement', {
  apply: (env, op) => supprimerEngagement(env, op),
  touches: (op) => [keyOf.engagement(op.numero)],
  wording: (op, ctx) => {
    const e = ctx.before.engagements.find((x) => x.numero === op.numero)!;
    return { blocks: ctx.render('engagement-suppression', { op, engagement: e, annexe: annexeData(ctx, e.annexe) }) };
  },
});
