// Prorogation in months (`proroger` with `prorogation_mois`): only where the contract's model
// provides for it (modele.yaml, `avenants.prorogation`), and within its bound. DGOS: the ARS may
// prorogue a CPOM by avenant « pour une durée pouvant aller jusqu’à six mois après la date
// d’adoption du PRS » (seed 001, l. 749-753). The prorogation lengthens the contract beyond its
// duration in years; it is stored as the contract's `dates.prorogation_mois` (a new total).
import { addMonths, contractEnd, formatDate } from '../../ir/resolve/french.ts';
import type { OperationOf } from '../../model/avenant.ts';
import type { Prorogation } from '../../templates/manifest.ts';
import { keyOf } from '../keys.ts';
import type { OpEnv } from './env.ts';

export function prorogerMois(env: OpEnv, op: OperationOf<'proroger'>, policy: Prorogation | undefined): void {
  const mois = op.prorogation_mois;
  if (mois === undefined) return;
  const d = env.state.dates;
  if (!policy?.mois) {
    env.error(
      `le modèle ${env.state.modele} ne prévoit pas de prorogation en mois : prorogez la durée en années avec « duree_ans »`,
      ['prorogation_mois'],
      'AVENANT-DUREE',
    );
    return;
  }
  const cur = d.prorogation_mois ?? 0;
  if (mois <= cur) {
    env.error(`une prorogation allonge le contrat : ${mois} mois demandés pour une prorogation actuelle de ${cur} mois`, ['prorogation_mois'], 'AVENANT-DUREE');
    return;
  }
  const fin = contractEnd({ ...d, prorogation_mois: mois });
  if (policy.apres_prs_mois !== undefined) {
    const prs = op.prs_adoption ?? env.state.ars.prs_adoption;
    if (prs === undefined) {
      env.error(
        `la prorogation en mois est bornée par la date d’adoption du PRS, que ni l’avenant (« prs_adoption ») ni le contrat (« ars.prs_adoption ») ne donnent`,
        ['prs_adoption'],
        'AVENANT-DUREE',
      );
      return;
    }
    const limite = addMonths(prs, policy.apres_prs_mois);
    if (fin > limite) {
      env.error(
        `avec ${mois} mois, le contrat prendrait fin le ${formatDate(fin)}, au-delà du ${formatDate(limite)} : le modèle ${env.state.modele} limite la prorogation à ${policy.apres_prs_mois} mois après l’adoption du PRS (le ${formatDate(prs)})`,
        ['prorogation_mois'],
        'AVENANT-DUREE',
      );
      return;
    }
  }
  d.prorogation_mois = mois;
  env.record(keyOf.prorogationMois(), cur === 0 ? 'ajout' : 'modification');
}
