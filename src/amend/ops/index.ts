// Operation dispatch, and what each operation touches (for conflicts within one avenant).
import type { Contract } from '../../model/contract.ts';
import type { Operation } from '../../model/avenant.ts';
import { assertNever } from '../../ir/types.ts';
import { keyOf, type Key } from '../keys.ts';
import { deplacerEcheance, modifierCible } from './cibles.ts';
import { DUREE_MSP } from './duree.ts';
import { ajouterMission, proroger, retirerMission } from './duree.ts';
import { ajouterEngagement, modifierEngagement, remplacerAnnexe, supprimerEngagement } from './engagements.ts';
import { changerSignataire, modifierPermanenceSoins } from './divers.ts';
import type { OpEnv } from './env.ts';
import { prorogerMois } from './prorogation.ts';
import { modifierPenalites, remplacerCooperations, remplacerDocument, remplacerHorsCpom, remplacerOrientations, touchesListe } from './listes.ts';
import { ajouterSite, fermerSite, modifierTitulaire, touchesAjouterSite, touchesFermerSite, touchesModifierTitulaire } from './sites.ts';
import { ajouterDotation, modifierDotation, remplacerFinancement, supprimerDotation } from './financement.ts';
import {
  ajouterAutorisation,
  ajouterReconnaissance,
  modifierAutorisation,
  modifierReconnaissance,
  supprimerAutorisation,
  supprimerReconnaissance,
} from './moyens.ts';

/** Applies one operation to env.state; `effet` is the avenant's date of effect. */
export function applyOperation(env: OpEnv, op: Operation, effet: string): void {
  switch (op.type) {
    case 'ajouter_engagement':
      return ajouterEngagement(env, op);
    case 'modifier_engagement':
      return modifierEngagement(env, op);
    case 'supprimer_engagement':
      return supprimerEngagement(env, op);
    case 'modifier_cible':
      return modifierCible(env, op);
    case 'reporter_echeance':
    case 'avancer_echeance':
      return deplacerEcheance(env, op);
    case 'ajouter_reconnaissance':
      return ajouterReconnaissance(env, op);
    case 'modifier_reconnaissance':
      return modifierReconnaissance(env, op);
    case 'supprimer_reconnaissance':
      return supprimerReconnaissance(env, op);
    case 'ajouter_autorisation':
      return ajouterAutorisation(env, op);
    case 'modifier_autorisation':
      return modifierAutorisation(env, op);
    case 'supprimer_autorisation':
      return supprimerAutorisation(env, op);
    case 'ajouter_dotation':
      return ajouterDotation(env, op);
    case 'modifier_dotation':
      return modifierDotation(env, op);
    case 'supprimer_dotation':
      return supprimerDotation(env, op);
    case 'remplacer_financement':
      return remplacerFinancement(env, op);
    case 'modifier_permanence_soins':
      return modifierPermanenceSoins(env, op);
    case 'ajouter_mission_service_public':
      return ajouterMission(env, op);
    case 'retirer_mission_service_public':
      return retirerMission(env, op, effet);
    case 'proroger':
      return op.prorogation_mois === undefined ? proroger(env, op, effet) : prorogerMois(env, op, env.prorogation);
    case 'changer_signataire':
      return changerSignataire(env, op);
    case 'remplacer_annexe':
      return remplacerAnnexe(env, op);
    case 'ajouter_site':
      return ajouterSite(env, op);
    case 'fermer_site':
      return fermerSite(env, op);
    case 'modifier_titulaire':
      return modifierTitulaire(env, op);
    case 'remplacer_cooperations':
      return remplacerCooperations(env, op);
    case 'remplacer_orientations':
      return remplacerOrientations(env, op);
    case 'remplacer_engagements_hors_cpom':
      return remplacerHorsCpom(env, op);
    case 'modifier_penalites':
      return modifierPenalites(env, op);
    case 'remplacer_document':
      return remplacerDocument(env, op);
    default:
      return assertNever(op, 'opération');
  }
}

const fields = (base: Key, m: object): Key[] => Object.keys(m).map((f) => [...base, f]);
/** Engagement n's place in annexes (a part of each annex: two additions to one annex commute). */
const inAnnexes = (n: number, ...codes: (string | undefined)[]): Key[] =>
  [...new Set(codes.filter((c) => c !== undefined))].map((c) => [...keyOf.annexe(c), 'engagements', String(n)]);

/**
 * Element identities an operation reads or writes, evaluated on the contract as it stands before
 * the avenant. Two operations of one avenant conflict when their identities overlap (one is the
 * other or a part of it): the result would depend on the order in which they were written.
 */
export function touches(op: Operation, before: Contract): Key[] {
  switch (op.type) {
    // An engagement entering or leaving an annex also touches that annex: a replacement of the
    // annex in the same avenant would otherwise keep or drop it depending on the order of writing.
    case 'ajouter_engagement':
      return [keyOf.engagement(op.engagement.numero), ...inAnnexes(op.engagement.numero, op.engagement.annexe)];
    case 'modifier_engagement': {
      const moved = op.modifications.annexe === undefined ? [] : [op.modifications.annexe, before.engagements.find((e) => e.numero === op.numero)?.annexe];
      return [...fields(keyOf.engagement(op.numero), op.modifications), ...inAnnexes(op.numero, ...moved)];
    }
    case 'supprimer_engagement':
      return [keyOf.engagement(op.numero)];
    case 'modifier_cible':
      return [keyOf.cible(op.engagement, op.indicateur, op.annee)];
    case 'reporter_echeance':
    case 'avancer_echeance':
      return [keyOf.cible(op.engagement, op.indicateur, op.de), keyOf.cible(op.engagement, op.indicateur, op.a)];
    case 'ajouter_reconnaissance':
      return [keyOf.reconnaissance(op.reconnaissance.numero)];
    case 'modifier_reconnaissance':
      return fields(keyOf.reconnaissance(op.numero), op.modifications);
    case 'supprimer_reconnaissance':
      return [keyOf.reconnaissance(op.numero)];
    case 'ajouter_autorisation':
      return [keyOf.autorisation(op.autorisation.arhgos)];
    case 'modifier_autorisation':
      return fields(keyOf.autorisation(op.arhgos), op.modifications);
    case 'supprimer_autorisation':
      return [keyOf.autorisation(op.arhgos)];
    case 'ajouter_dotation':
      return [keyOf.dotation(op.dotation.nature, op.dotation.libelle)];
    case 'modifier_dotation':
      return fields(keyOf.dotation(op.nature, op.libelle), op.modifications);
    case 'supprimer_dotation':
      return [keyOf.dotation(op.nature, op.libelle)];
    case 'remplacer_financement':
      return [keyOf.financements()];
    case 'modifier_permanence_soins':
      return [keyOf.permanenceSoins()];
    case 'ajouter_mission_service_public':
      return before.dates.duree_ans === DUREE_MSP
        ? [keyOf.mission(op.mission.numero)]
        : [keyOf.mission(op.mission.numero), keyOf.duree()];
    case 'retirer_mission_service_public':
      return op.duree_ans === undefined ? [keyOf.mission(op.numero)] : [keyOf.mission(op.numero), keyOf.duree()];
    case 'proroger':
      return [keyOf.duree()];
    case 'changer_signataire':
      return [keyOf.signataire(op.partie)];
    case 'remplacer_annexe': {
      const nums = new Set<number>(before.engagements.filter((e) => e.annexe === op.annexe).map((e) => e.numero));
      for (const e of op.engagements) nums.add(e.numero);
      return [keyOf.annexe(op.annexe), ...[...nums].sort((a, b) => a - b).map(keyOf.engagement)];
    }
    case 'ajouter_site':
      return touchesAjouterSite(op);
    case 'fermer_site':
      return touchesFermerSite(op);
    case 'modifier_titulaire':
      return touchesModifierTitulaire(op);
    case 'remplacer_cooperations':
    case 'remplacer_orientations':
    case 'remplacer_engagements_hors_cpom':
    case 'modifier_penalites':
    case 'remplacer_document':
      return touchesListe(op);
    default:
      return assertNever(op, 'opération');
  }
}
