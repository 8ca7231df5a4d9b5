// Operation « ajouter_mission_service_public »: A new public-service mission; it brings the contract to the missions' duration unless it already has it.
import { endOfPeriod } from '../../ir/resolve/french.ts';
import { keyOf } from '../keys.ts';
import { ajouterMission, DUREE_MSP } from '../ops/duree.ts';
import { defineOperation } from './module.ts';

export default defineOperation('ajouter_mission_service_public', {
  apply: (env, op) => ajouterMission(env, op),
  touches: (op, before) => before.dates.duree_ans === DUREE_MSP ? [keyOf.mission(op.mission.numero)] : [keyOf.mission(op.mission.numero), keyOf.duree()],
  wording: (op, ctx) => ({ blocks: ctx.render('mission-ajout', { op, fin: endOfPeriod(ctx.after.dates.effet, ctx.after.dates.duree_ans) }) }),
});
