// Duration operations and their legal effects (domain §4.3):
// - an MSP granted during the contract brings the total duration to 5 years from the initial
//   date, not from the avenant (BR-DUR-3);
// - an MSP withdrawn lets the parties renegotiate a shorter duration (BR-DUR-4), which is only
//   possible once no MSP remains (BR-DUR-2: 5 years exactly with MSP clauses);
// - a prorogation lengthens the total duration, at most 5 years (BR-DUR-1).
// What the model allows is data (modele.yaml `duree`, env.duree): a model that fixes the period
// (Occitanie 2019-2023, IDF) is neither shortened nor prolonged by avenant; the maximum counts
// from the initial signature or from the date of effect: an end past it is the model's rule to
// report (contrat.fin_maximale), as for the initial contract. The 5 years of an MSP are law
// (L. 6114-1) and, added by avenant, count from the initial contract, not from the avenant.
import type { OperationOf } from '../../model/avenant.ts';
import { endOfPeriod, formatDate } from '../../ir/resolve/french.ts';
import { keyOf } from '../keys.ts';
import { findOne, type OpEnv } from './env.ts';

export const DUREE_MSP = 5;

function setDuree(env: OpEnv, ans: number): void {
  if (env.state.dates.duree_ans === ans) return;
  env.state.dates.duree_ans = ans;
  env.record(keyOf.duree(), 'modification');
}

export function ajouterMission(env: OpEnv, op: OperationOf<'ajouter_mission_service_public'>): void {
  const n = op.mission.numero;
  if (env.state.missions_service_public.some((m) => m.numero === n)) {
    env.error(`la mission de service public n° ${n} figure déjà au contrat`, ['mission', 'numero'], 'AVENANT-DOUBLON');
    return;
  }
  env.state.missions_service_public.push(structuredClone(op.mission));
  env.state.missions_service_public.sort((a, b) => a.numero - b.numero);
  env.record(keyOf.mission(n), 'ajout');
  setDuree(env, DUREE_MSP);
}

export function retirerMission(
  env: OpEnv,
  op: OperationOf<'retirer_mission_service_public'>,
  effet: string,
): void {
  const list = env.state.missions_service_public;
  const i = findOne(env, list, (m) => m.numero === op.numero, `la mission de service public n° ${op.numero}`, ['numero'], () =>
    list.map((m) => m.numero),
  );
  if (i === undefined) return;
  list.splice(i, 1);
  env.record(keyOf.mission(op.numero), 'suppression');
  if (op.duree_ans === undefined) return;
  if (!dureeModifiable(env, 'le retrait d’une mission de service public ne la raccourcit pas')) return;
  // That no mission remains is checked on the avenant's result (together.ts): another
  // operation of the same avenant may withdraw the last one.
  if (!checkDuree(env, op.duree_ans, effet)) return;
  setDuree(env, op.duree_ans);
}

/** Prorogation in years (the total duration); in months, see prorogation.ts. */
export function proroger(env: OpEnv, op: OperationOf<'proroger'>, effet: string): void {
  if (!dureeModifiable(env, 'il ne peut être prorogé')) return;
  const cur = env.state.dates.duree_ans;
  const ans = op.duree_ans;
  if (ans === undefined) return;
  if (ans <= cur) {
    env.error(
      `une prorogation allonge la durée du contrat : ${ans} ans demandés pour une durée actuelle de ${cur} ans`,
      ['duree_ans'],
      'AVENANT-DUREE',
    );
    return;
  }
  if (!checkDuree(env, ans, effet)) return;
  setDuree(env, ans);
}

/** A model that fixes the period refuses any change of duration, citing its source. @message */
function dureeModifiable(env: OpEnv, consequence: string): boolean {
  const d = env.duree;
  if (!d.fixe) return true;
  const s = d.source;
  env.error(
    `le modèle fixe la durée du contrat à ${d.ans} ans, du ${formatDate(env.state.dates.effet)} au ${formatDate(endOfPeriod(env.state.dates.effet, d.ans))} : ${consequence} (source : ${s.fichier}, ligne ${s.ligne}${s.citation ? ` — « ${s.citation} »` : ''})`,
    ['duree_ans'],
    'AVENANT-DUREE',
  );
  return false;
}

function checkDuree(env: OpEnv, ans: number, effet: string): boolean {
  const max = env.duree.ans;
  if (ans > max) {
    env.error(`la durée totale du contrat est de ${max} ans au plus, reçu ${ans} ans`, ['duree_ans'], 'AVENANT-DUREE');
    return false;
  }
  const fin = endOfPeriod(env.state.dates.effet, ans);
  if (fin < effet) {
    env.error(
      `avec ${ans} ans, le contrat prendrait fin le ${formatDate(fin)}, avant la date d’effet de l’avenant (${formatDate(effet)})`,
      ['duree_ans'],
      'AVENANT-DUREE',
    );
    return false;
  }
  return true;
}
