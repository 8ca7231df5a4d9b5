// Operation « modifier_engagement »: Changes to an engagement's fields; moving it between annexes touches both annexes.
import { keyOf } from '../keys.ts';
import { modifierEngagement } from '../ops/engagements.ts';
import { annexeData, anneesData } from '../document/context.ts';
import { defineOperation, fields, inAnnexes } from './module.ts';

export default defineOperation('modifier_engagement', {
  apply: (env, op) => modifierEngagement(env, op),
  touches: (op, before) => {
    const moved = op.modifications.annexe === undefined ? [] : [op.modifications.annexe, before.engagements.find((e) => e.numero === op.numero)?.annexe];
    return [...fields(keyOf.engagement(op.numero), op.modifications), ...inAnnexes(op.numero, ...moved)];
  },
  wording: (op, ctx) => {
    const after = ctx.after.engagements.find((e) => e.numero === op.numero)!;
    // In the order of the engagement's fields, the indicators (a table replacing the old one) last.
    const keys = Object.keys(op.modifications);
    const champs = [...keys.filter((k) => k !== 'indicateurs'), ...keys.filter((k) => k === 'indicateurs')];
    return { blocks: ctx.render('engagement-modification', { op, engagement: after, annexe: annexeData(ctx, after.annexe), champs, annees: anneesData(ctx) }) };
  },
});
