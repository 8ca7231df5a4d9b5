// Operation « modifier_cible »: A new target value (or none) for one year of an indicator.
import { keyOf } from '../keys.ts';
import { modifierCible } from '../ops/cibles.ts';
import { citeData } from '../document/context.ts';
import { defineOperation } from './module.ts';

export default defineOperation('modifier_cible', {
  apply: (env, op) => modifierCible(env, op),
  touches: (op) => [keyOf.cible(op.engagement, op.indicateur, op.annee)],
  wording: (op, ctx) => {
    const old = ctx.before.engagements.find((e) => e.numero === op.engagement)?.indicateurs.find((i) => i.libelle === op.indicateur)?.cibles[op.annee];
    return {
      blocks: ctx.render('cible-modification', {
        op,
        annee: ctx.anneeData(op.annee),
        ancienne: old === undefined ? undefined : citeData(old),
        nouvelle: op.valeur === null ? undefined : citeData(op.valeur),
      }),
    };
  },
});
