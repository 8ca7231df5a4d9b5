// Operation « avancer_echeance »: A target moved to an earlier year.
import { keyOf } from '../keys.ts';
import { deplacerEcheance } from '../ops/cibles.ts';
import { citeData } from '../document/context.ts';
import { defineOperation } from './module.ts';

export default defineOperation('avancer_echeance', {
  apply: (env, op) => deplacerEcheance(env, op),
  touches: (op) => [keyOf.cible(op.engagement, op.indicateur, op.de), keyOf.cible(op.engagement, op.indicateur, op.a)],
  wording: (op, ctx) => {
    const v = ctx.before.engagements.find((e) => e.numero === op.engagement)?.indicateurs.find((i) => i.libelle === op.indicateur)?.cibles[op.de];
    return { blocks: ctx.render('echeance-avancement', { op, de: ctx.anneeData(op.de), a: ctx.anneeData(op.a), valeur: v === undefined ? undefined : citeData(v) }) };
  },
});
