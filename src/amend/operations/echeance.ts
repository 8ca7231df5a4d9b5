// What reporter_echeance and avancer_echeance share: they differ only by direction (checked in
// ops/cibles.ts) and by their article's template.
import type { OperationOf } from '../../model/avenant.ts';
import { citeData } from '../document/context.ts';
import { keyOf } from '../keys.ts';
import { deplacerEcheance } from '../ops/cibles.ts';
import type { OperationModule } from './module.ts';

type Echeance = 'reporter_echeance' | 'avancer_echeance';

/** The module's behaviour for one direction, its article read from `template`. */
export const echeance = <T extends Echeance>(template: 'echeance-report' | 'echeance-avancement'): Omit<OperationModule<T>, 'type' | 'schema'> => ({
  apply: (env, op: OperationOf<Echeance>) => deplacerEcheance(env, op),
  touches: (op: OperationOf<Echeance>) => [keyOf.cible(op.engagement, op.indicateur, op.de), keyOf.cible(op.engagement, op.indicateur, op.a)],
  wording: (op: OperationOf<Echeance>, ctx) => {
    const v = ctx.before.engagements.find((e) => e.numero === op.engagement)?.indicateurs.find((i) => i.libelle === op.indicateur)?.cibles[op.de];
    return { blocks: ctx.render(template, { op, de: ctx.anneeData(op.de), a: ctx.anneeData(op.a), valeur: v === undefined ? undefined : citeData(v) }) };
  },
});
