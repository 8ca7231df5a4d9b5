// French names of contract elements, from their identity keys: used in conflict messages and in
// the consolidated version's table of changes.
import type { Key } from './keys.ts';

const FIELD: Record<string, string> = {
  annexe: 'l’annexe',
  finess: 'le FINESS de rattachement',
  objectif_strategique: 'l’objectif stratégique',
  objectif_operationnel: 'l’objectif opérationnel',
  actions: 'les actions',
  calendrier: 'le calendrier',
  autorisations: 'les autorisations liées',
  reconnaissances: 'les reconnaissances liées',
  indicateurs: 'les indicateurs',
};

const TYPE_LIGNE: Record<string, string> = {
  garde: 'garde',
  astreinte: 'astreinte',
  demi_garde_demi_astreinte: 'demi-garde / demi-astreinte',
};

export function describeKey(k: Key): string {
  const [head, a, b, c, d, e] = k;
  switch (head) {
    case 'engagements': {
      if (a === undefined) return 'la liste des engagements';
      const eng = `l’engagement n° ${a}`;
      if (b === undefined) return eng;
      if (b === 'indicateurs' && c !== undefined) {
        const ind = `l’indicateur « ${c} » de ${eng}`;
        return d === 'cibles' && e !== undefined ? `la cible ${e} de ${ind}` : ind;
      }
      return `${FIELD[b] ?? `le champ « ${b} »`} de ${eng}`;
    }
    case 'annexes':
      return `l’annexe « ${a} »`;
    case 'reconnaissances':
      return a === undefined ? 'les reconnaissances contractuelles' : `la reconnaissance contractuelle n° ${a}`;
    case 'autorisations':
      return a === undefined ? 'les autorisations' : `l’autorisation n° ARHGOS « ${a} »`;
    case 'financements':
      return a === 'dotations' && b !== undefined ? `la dotation ${b} « ${c} »` : 'le financement';
    case 'permanence_soins':
      return a === undefined
        ? 'la permanence des soins'
        : `la ligne de permanence des soins « ${b} » (${TYPE_LIGNE[c ?? ''] ?? c}) du site ${a}`;
    case 'missions_service_public':
      return `la mission de service public n° ${a}`;
    case 'dates':
      return a === 'prorogation_mois' ? 'la prorogation du contrat (en mois)' : 'la durée du contrat';
    case 'ars':
      return 'le signataire pour l’agence';
    case 'titulaire':
      return a === 'raison_sociale' ? 'la raison sociale du titulaire' : a === 'adresse' ? 'l’adresse du titulaire' : 'le représentant légal de l’établissement';
    case 'sites':
      return a === undefined ? 'les sites' : `le site FINESS ET ${a}`;
    case 'cooperations':
      return 'les coopérations';
    case 'orientations':
      return 'les orientations stratégiques';
    case 'engagements_hors_cpom':
      return 'les engagements contractuels hors CPOM';
    case 'penalites':
      return 'le régime des pénalités';
    case 'documents':
      return `l’annexe « ${a} »`;
    default:
      return `l’élément « ${k.join('.')} »`;
  }
}
