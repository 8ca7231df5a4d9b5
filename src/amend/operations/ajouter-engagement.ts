// Operation « ajouter_engagement »: A new engagement; entering an annex, it also touches that annex (a replacement of the annex in the same avenant would keep or drop it depending on the order of writing).
import { keyOf } from '../keys.ts';
import { ajouterEngagement } from '../ops/engagements.ts';
import { annexeData, anneesData } from '../document/context.ts';
import { defineOperation, inAnnexes } from './module.ts';

export default defineOperation('ajouter_engagement', {
  apply: (env, op) => ajouterEngagement(env, op),
  touches: (op) => [keyOf.engagement(op.engagement.numero), ...inAnnexes(op.engagement.numero, op.engagement.annexe)],
  wording: (op, ctx) => ({
    blocks: ctx.render('engagement-ajout', { op, engagement: op.engagement, annexe: annexeData(ctx, op.engagement.annexe), annees: anneesData(ctx) }),
  }),
});
