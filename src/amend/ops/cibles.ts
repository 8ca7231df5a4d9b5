// Target operations: change one target value, or move a target to another year (report or
// avancement d'une échéance, IDF L490-499). The indicator is addressed by its label within the
// engagement, the year by its N+k key.
import type { OperationOf } from '../../model/avenant.ts';
import { YEAR_KEYS } from '../../model/contract.ts';
import { keyOf } from '../keys.ts';
import { findEngagement } from './engagements.ts';
import { findOne, type OpEnv } from './env.ts';

type Cibles = Partial<Record<(typeof YEAR_KEYS)[number], number | string>>;

/** Year keys back in N+1..N+5 order, so the data reads naturally once written out. */
function ordered(c: Cibles): Cibles {
  const out: Cibles = {};
  for (const k of YEAR_KEYS) if (c[k] !== undefined) out[k] = c[k];
  return out;
}

function findIndicateur(env: OpEnv, numero: number, libelle: string) {
  const i = findEngagement(env, numero, ['engagement']);
  if (i === undefined) return undefined;
  const e = env.state.engagements[i]!;
  const j = findOne(
    env,
    e.indicateurs,
    (x) => x.libelle === libelle,
    `l’indicateur « ${libelle} » de l’engagement n° ${numero}`,
    ['indicateur'],
    () => e.indicateurs.map((x) => x.libelle),
    libelle,
  );
  return j === undefined ? undefined : e.indicateurs[j]!;
}

export function modifierCible(env: OpEnv, op: OperationOf<'modifier_cible'>): void {
  const ind = findIndicateur(env, op.engagement, op.indicateur);
  if (!ind) return;
  if (op.valeur === null) {
    if (ind.cibles[op.annee] === undefined) {
      env.error(`l’indicateur « ${op.indicateur} » de l’engagement n° ${op.engagement} n’a pas de cible en ${op.annee} à supprimer`, ['annee'], 'AVENANT-CIBLE-INCONNUE');
      return;
    }
    delete ind.cibles[op.annee];
  } else {
    ind.cibles[op.annee] = op.valeur;
  }
  ind.cibles = ordered(ind.cibles);
  env.record(keyOf.cible(op.engagement, op.indicateur, op.annee), op.valeur === null ? 'suppression' : 'modification');
  env.record(keyOf.engagement(op.engagement), 'modification');
}

/** Report (to a later year) or avancement (to an earlier one) of a target. */
export function deplacerEcheance(env: OpEnv, op: OperationOf<'reporter_echeance' | 'avancer_echeance'>): void {
  const from = YEAR_KEYS.indexOf(op.de);
  const to = YEAR_KEYS.indexOf(op.a);
  const report = op.type === 'reporter_echeance';
  if (from === to || (report ? to < from : to > from)) {
    const right = from === to ? '' : ` ; utilisez « ${report ? 'avancer_echeance' : 'reporter_echeance'} »`;
    env.error(
      `${report ? 'un report' : 'un avancement'} d’échéance déplace la cible vers une année ${report ? 'postérieure' : 'antérieure'} : ${op.de} → ${op.a}${right}`,
      ['a'],
      'AVENANT-ECHEANCE',
    );
    return;
  }
  const ind = findIndicateur(env, op.engagement, op.indicateur);
  if (!ind) return;
  const v = ind.cibles[op.de];
  if (v === undefined) {
    env.error(`l’indicateur « ${op.indicateur} » de l’engagement n° ${op.engagement} n’a pas de cible en ${op.de} à déplacer`, ['de'], 'AVENANT-CIBLE-INCONNUE');
    return;
  }
  delete ind.cibles[op.de];
  ind.cibles[op.a] = v;
  ind.cibles = ordered(ind.cibles);
  env.record(keyOf.cible(op.engagement, op.indicateur, op.de), 'suppression');
  env.record(keyOf.cible(op.engagement, op.indicateur, op.a), 'modification');
  env.record(keyOf.engagement(op.engagement), 'modification');
}
