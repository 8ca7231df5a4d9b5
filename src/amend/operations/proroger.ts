// Operation « proroger »: The contract extended, in years or in months.
import { contractEnd, endOfPeriod } from '../../ir/resolve/french.ts';
import { keyOf } from '../keys.ts';
import { proroger } from '../ops/duree.ts';
import { prorogerMois } from '../ops/prorogation.ts';
import { defineOperation } from './module.ts';

export default defineOperation('proroger', {
  apply: (env, op, effet) => op.prorogation_mois === undefined ? proroger(env, op, effet) : prorogerMois(env, op, env.prorogation),
  touches: () => [keyOf.duree()],
  wording: (op, ctx) => ({ blocks: ctx.render('prorogation', { op, fin: op.prorogation_mois === undefined ? endOfPeriod(ctx.after.dates.effet, ctx.after.dates.duree_ans) : contractEnd(ctx.after.dates) }) }),
});
