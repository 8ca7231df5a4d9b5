// One article per operation, dispatched on the operation type.
import { assertNever } from '../../ir/types.ts';
import type { Operation } from '../../model/avenant.ts';
import type { Article, WordingContext } from './context.ts';
import * as E from './wording-engagements.ts';
import * as M from './wording-moyens.ts';
import { articleNouvelle, prorogerMois } from './wording-nouvelles.ts';

export function articleFor(op: Operation, ctx: WordingContext): Article {
  switch (op.type) {
    case 'ajouter_engagement':
      return E.ajouterEngagement(op, ctx);
    case 'modifier_engagement':
      return E.modifierEngagement(op, ctx);
    case 'supprimer_engagement':
      return E.supprimerEngagement(op, ctx);
    case 'modifier_cible':
      return E.modifierCible(op, ctx);
    case 'reporter_echeance':
    case 'avancer_echeance':
      return E.deplacerEcheance(op, ctx);
    case 'remplacer_annexe':
      return E.remplacerAnnexe(op, ctx);
    case 'ajouter_reconnaissance':
      return M.ajouterReconnaissance(op, ctx);
    case 'modifier_reconnaissance':
      return M.modifierReconnaissance(op, ctx);
    case 'supprimer_reconnaissance':
      return M.supprimerReconnaissance(op, ctx);
    case 'ajouter_autorisation':
      return M.ajouterAutorisation(op, ctx);
    case 'modifier_autorisation':
      return M.modifierAutorisation(op, ctx);
    case 'supprimer_autorisation':
      return M.supprimerAutorisation(op, ctx);
    case 'ajouter_dotation':
      return M.ajouterDotation(op);
    case 'modifier_dotation':
      return M.modifierDotation(op, ctx);
    case 'supprimer_dotation':
      return M.supprimerDotation(op);
    case 'remplacer_financement':
      return M.remplacerFinancement(op, ctx);
    case 'modifier_permanence_soins':
      return M.modifierPermanenceSoins(op, ctx);
    case 'ajouter_mission_service_public':
      return M.ajouterMission(op, ctx);
    case 'retirer_mission_service_public':
      return M.retirerMission(op, ctx);
    case 'proroger':
      return op.prorogation_mois === undefined ? M.proroger(op, ctx) : prorogerMois(op, ctx);
    case 'changer_signataire':
      return M.changerSignataire(op, ctx);
    case 'ajouter_site':
    case 'fermer_site':
    case 'modifier_titulaire':
    case 'remplacer_cooperations':
    case 'remplacer_orientations':
    case 'remplacer_engagements_hors_cpom':
    case 'modifier_penalites':
    case 'remplacer_document':
      return articleNouvelle(op, ctx);
    default:
      return assertNever(op, 'opération');
  }
}
