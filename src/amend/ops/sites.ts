// Sites (by FINESS ET) and the holder's identity. A site is opened or closed; a closed site
// leaves the contract, so everything still attached to it (authorisations, RC, PDS lines,
// engagements) must be moved or removed in the same avenant: leaving a "FINESS ET" that no
// longer designates a site of the contract would be a silent inconsistency in a signed document.
// Each operation keeps its pieces together: application, then the elements it touches.
import type { Contract } from '../../model/contract.ts';
import type { OperationOf } from '../../model/avenant.ts';
import { keyOf, type Key } from '../keys.ts';
import { findOne, sameData, type OpEnv } from './env.ts';

// ajouter_site -------------------------------------------------------------------------------

export function ajouterSite(env: OpEnv, op: OperationOf<'ajouter_site'>): void {
  const f = op.site.finess_et;
  const same = env.state.sites.find((s) => s.finess_et === f);
  if (same) {
    env.error(`le site FINESS ET ${f} (« ${same.raison_sociale} ») figure déjà au contrat`, ['site', 'finess_et'], 'AVENANT-DOUBLON');
    return;
  }
  env.state.sites.push(structuredClone(op.site));
  env.record(keyOf.site(f), 'ajout');
}

export const touchesAjouterSite = (op: OperationOf<'ajouter_site'>): Key[] => [keyOf.site(op.site.finess_et)];

// fermer_site --------------------------------------------------------------------------------

/**
 * What still designates the site: « l’autorisation n° ARHGOS « A-1 » », « l’engagement n° 3 »…
 * @message named in the refusal to close the site.
 */
export function citingSite(c: Contract, f: string): string[] {
  return [
    ...c.autorisations.filter((a) => a.finess_et === f).map((a) => `l’autorisation n° ARHGOS « ${a.arhgos} »`),
    ...c.reconnaissances.filter((r) => r.finess_et === f).map((r) => `la reconnaissance contractuelle n° ${r.numero}`),
    ...c.permanence_soins.filter((l) => l.finess_et === f).map((l) => `la ligne de permanence des soins « ${l.specialite} »`),
    ...c.engagements.filter((e) => e.finess === f).map((e) => `l’engagement n° ${e.numero}`),
  ];
}

export function fermerSite(env: OpEnv, op: OperationOf<'fermer_site'>): void {
  const f = op.finess_et;
  const sites = env.state.sites;
  const i = findOne(env, sites, (s) => s.finess_et === f, `le site FINESS ET ${f}`, ['finess_et'], () => sites.map((s) => s.finess_et), f);
  if (i === undefined) return;
  const citing = citingSite(env.state, f);
  if (citing.length > 0) {
    env.error(
      `le site FINESS ET ${f} ne peut être fermé : ${citing.length > 1 ? 'sont encore rattachés' : 'est encore rattaché'} à ce site ${citing.join(', ')} ; rattachez-les à un autre site ou supprimez-les dans le même avenant, avant cette opération`,
      ['finess_et'],
      'AVENANT-REFERENCE-PENDANTE',
    );
    return;
  }
  sites.splice(i, 1);
  env.record(keyOf.site(f), 'suppression');
}

export const touchesFermerSite = (op: OperationOf<'fermer_site'>): Key[] => [keyOf.site(op.finess_et)];

// modifier_titulaire -------------------------------------------------------------------------

export function modifierTitulaire(env: OpEnv, op: OperationOf<'modifier_titulaire'>): void {
  const t = env.state.titulaire;
  const m = op.modifications;
  if (m.raison_sociale !== undefined) {
    if (m.raison_sociale === t.raison_sociale) {
      env.error(`la raison sociale est déjà « ${t.raison_sociale} » : l’opération serait sans effet`, ['modifications', 'raison_sociale'], 'AVENANT-SANS-EFFET');
      return;
    }
    t.raison_sociale = m.raison_sociale;
    env.record(keyOf.titulaire('raison_sociale'), 'modification');
  }
  if (m.adresse !== undefined) {
    if (sameData(m.adresse, t.adresse)) {
      env.error('l’adresse donnée est déjà celle du titulaire : l’opération serait sans effet', ['modifications', 'adresse'], 'AVENANT-SANS-EFFET');
      return;
    }
    t.adresse = structuredClone(m.adresse);
    env.record(keyOf.titulaire('adresse'), 'modification');
  }
}

export const touchesModifierTitulaire = (op: OperationOf<'modifier_titulaire'>): Key[] =>
  (['raison_sociale', 'adresse'] as const).filter((k) => op.modifications[k] !== undefined).map(keyOf.titulaire);

