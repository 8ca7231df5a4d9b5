// Operation « modifier_engagement »: Changes to an engagement's fields; moving it between annexes touches both annexes.
import { keyOf } from '../keys.ts';
import { modifierEngagement } from '../ops/engagements.ts';
import { modifierEngagement as article } from '../document/wording-engagements.ts';
import { defineOperation, fields, inAnnexes } from './module.ts';

export default defineOperation('modifier_engagement', {
  apply: (env, op) => modifierEngagement(env, op),
  touches: (op, before) => {
    const moved = op.modifications.annexe === undefined ? [] : [op.modifications.annexe, before.engagements.find((e) => e.numero === op.numero)?.annexe];
    return [...fields(keyOf.engagement(op.numero), op.modifications), ...inAnnexes(op.numero, ...moved)];
  },
  wording: (op, ctx) => article(op, ctx),
});
