// Operation « fermer_site »: A site closed.
import { fermerSite, touchesFermerSite } from '../ops/sites.ts';
import { defineOperation } from './module.ts';

export default defineOperation('fermer_site', {
  apply: (env, op) => fermerSite(env, op),
  touches: (op) => touchesFermerSite(op),
  wording: (op, ctx) => ({ blocks: ctx.render('site-fermeture', { op, site: ctx.before.sites.find((x) => x.finess_et === op.finess_et)! }) }),
});
