// The registry of avenant operations: one module per operation type (see module.ts). Every
// dispatch on an operation's type goes through it; the mapped type makes a missing or misnamed
// entry a compile error, and test/amend/operations-registry.test.ts checks it against the schema.
import type { Operation, OperationOf, OperationType } from '../../model/avenant.ts';
import type { Contract } from '../../model/contract.ts';
import type { Article, WordingContext } from '../document/context.ts';
import type { Key } from '../keys.ts';
import type { OpEnv } from '../ops/env.ts';
import type { OperationModule } from './module.ts';
import ajouterEngagement from './ajouter-engagement.ts';
import modifierEngagement from './modifier-engagement.ts';
import supprimerEngagement from './supprimer-engagement.ts';
import modifierCible from './modifier-cible.ts';
import reporterEcheance from './reporter-echeance.ts';
import avancerEcheance from './avancer-echeance.ts';
import ajouterReconnaissance from './ajouter-reconnaissance.ts';
import modifierReconnaissance from './modifier-reconnaissance.ts';
import supprimerReconnaissance from './supprimer-reconnaissance.ts';
import ajouterAutorisation from './ajouter-autorisation.ts';
import modifierAutorisation from './modifier-autorisation.ts';
import supprimerAutorisation from './supprimer-autorisation.ts';
import ajouterDotation from './ajouter-dotation.ts';
import modifierDotation from './modifier-dotation.ts';
import supprimerDotation from './supprimer-dotation.ts';
import remplacerFinancement from './remplacer-financement.ts';
import modifierPermanenceSoins from './modifier-permanence-soins.ts';
import ajouterMissionServicePublic from './ajouter-mission-service-public.ts';
import retirerMissionServicePublic from './retirer-mission-service-public.ts';
import proroger from './proroger.ts';
import changerSignataire from './changer-signataire.ts';
import remplacerAnnexe from './remplacer-annexe.ts';
import ajouterSite from './ajouter-site.ts';
import fermerSite from './fermer-site.ts';
import modifierTitulaire from './modifier-titulaire.ts';
import remplacerCooperations from './remplacer-cooperations.ts';
import remplacerOrientations from './remplacer-orientations.ts';
import remplacerEngagementsHorsCpom from './remplacer-engagements-hors-cpom.ts';
import modifierPenalites from './modifier-penalites.ts';
import remplacerDocument from './remplacer-document.ts';

export const OPERATIONS: { readonly [T in OperationType]: OperationModule<T> } = {
  ajouter_engagement: ajouterEngagement,
  modifier_engagement: modifierEngagement,
  supprimer_engagement: supprimerEngagement,
  modifier_cible: modifierCible,
  reporter_echeance: reporterEcheance,
  avancer_echeance: avancerEcheance,
  ajouter_reconnaissance: ajouterReconnaissance,
  modifier_reconnaissance: modifierReconnaissance,
  supprimer_reconnaissance: supprimerReconnaissance,
  ajouter_autorisation: ajouterAutorisation,
  modifier_autorisation: modifierAutorisation,
  supprimer_autorisation: supprimerAutorisation,
  ajouter_dotation: ajouterDotation,
  modifier_dotation: modifierDotation,
  supprimer_dotation: supprimerDotation,
  remplacer_financement: remplacerFinancement,
  modifier_permanence_soins: modifierPermanenceSoins,
  ajouter_mission_service_public: ajouterMissionServicePublic,
  retirer_mission_service_public: retirerMissionServicePublic,
  proroger: proroger,
  changer_signataire: changerSignataire,
  remplacer_annexe: remplacerAnnexe,
  ajouter_site: ajouterSite,
  fermer_site: fermerSite,
  modifier_titulaire: modifierTitulaire,
  remplacer_cooperations: remplacerCooperations,
  remplacer_orientations: remplacerOrientations,
  remplacer_engagements_hors_cpom: remplacerEngagementsHorsCpom,
  modifier_penalites: modifierPenalites,
  remplacer_document: remplacerDocument,
};

/** The module of `op`'s type, typed for `op` (TypeScript cannot narrow the mapped type itself). */
const moduleOf = <T extends OperationType>(op: OperationOf<T>): OperationModule<T> => OPERATIONS[op.type as T];

/** Applies one operation to env.state; `effet` is the avenant's date of effect. */
export const applyOperation = (env: OpEnv, op: Operation, effet: string): void => moduleOf(op).apply(env, op, effet);

/**
 * Element identities an operation reads or writes, evaluated on the contract as it stands before
 * the avenant. Two operations of one avenant conflict when their identities overlap (one is the
 * other or a part of it): the result would depend on the order in which they were written.
 */
export const touches = (op: Operation, before: Contract): Key[] => moduleOf(op).touches(op, before);

/** The operation's article in the avenant. */
export const articleFor = (op: Operation, ctx: WordingContext): Article => moduleOf(op).wording(op, ctx);
