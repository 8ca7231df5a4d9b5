// Operation « ajouter_site »: A new geographic site.
import { ajouterSite, touchesAjouterSite } from '../ops/sites.ts';
import { defineOperation } from './module.ts';

export default defineOperation('ajouter_site', {
  apply: (env, op) => ajouterSite(env, op),
  touches: (op) => touchesAjouterSite(op),
  wording: (op, ctx) => ({ blocks: ctx.render('site-ajout', { op }) }),
});
