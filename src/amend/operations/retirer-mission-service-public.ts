// Operation « retirer_mission_service_public »: A public-service mission withdrawn (and the duration renegotiated, if given).
import { endOfPeriod } from '../../ir/resolve/french.ts';
import { keyOf } from '../keys.ts';
import { retirerMission } from '../ops/duree.ts';
import { defineOperation } from './module.ts';

export default defineOperation('retirer_mission_service_public', {
  apply: (env, op, effet) => retirerMission(env, op, effet),
  touches: (op) => op.duree_ans === undefined ? [keyOf.mission(op.numero)] : [keyOf.mission(op.numero), keyOf.duree()],
  wording: (op, ctx) => ({ blocks: ctx.render('mission-retrait', { op, fin: endOfPeriod(ctx.after.dates.effet, ctx.after.dates.duree_ans) }) }),
});
