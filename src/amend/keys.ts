// Stable identities of contract elements. Avenants address elements by identifier, provenance is
// recorded per identity, conflicts are found by comparing identities, and diagnostics raised on
// a contract path (with list indexes) are traced back to the operation that touched the same
// identity. Keeping all of this in one place guarantees the four agree.
import type { Contract } from '../model/contract.ts';

/** Path of identity segments, e.g. ["engagements", "3", "indicateurs", "Taux…", "cibles", "N+2"]. */
export type Key = readonly string[];

export const keyOf = {
  engagements: (): Key => ['engagements'],
  engagement: (n: number): Key => ['engagements', String(n)],
  cible: (n: number, libelle: string, annee: string): Key => [
    'engagements',
    String(n),
    'indicateurs',
    libelle,
    'cibles',
    annee,
  ],
  annexe: (code: string): Key => ['annexes', code],
  reconnaissance: (n: number): Key => ['reconnaissances', String(n)],
  autorisation: (arhgos: string): Key => ['autorisations', arhgos],
  financements: (): Key => ['financements'],
  dotation: (nature: string, libelle: string): Key => ['financements', 'dotations', nature, libelle],
  permanenceSoins: (): Key => ['permanence_soins'],
  lignePds: (finessEt: string, specialite: string, typeLigne: string): Key => [
    'permanence_soins',
    finessEt,
    specialite,
    typeLigne,
  ],
  mission: (n: number): Key => ['missions_service_public', String(n)],
  duree: (): Key => ['dates', 'duree_ans'],
  prorogationMois: (): Key => ['dates', 'prorogation_mois'],
  signataire: (partie: 'ars' | 'titulaire'): Key =>
    partie === 'ars' ? ['ars', 'signataire'] : ['titulaire', 'representant'],
  site: (finessEt: string): Key => ['sites', finessEt],
  titulaire: (champ: 'raison_sociale' | 'adresse'): Key => ['titulaire', champ],
  /** Lists without a stable identifier per item, amended as a whole; and the penalties clause. */
  liste: (champ: 'cooperations' | 'orientations' | 'engagements_hors_cpom' | 'penalites'): Key => [champ],
  document: (id: string): Key => ['documents', id],
};

/** Text form used as provenance record keys: segments joined by "/", "/" inside escaped. */
export function keyString(k: Key): string {
  return k.map((s) => s.replace(/%/g, '%25').replace(/\//g, '%2F')).join('/');
}

/**
 * An element's identity as diagnostics name it: its key's segments (« engagements › 3 ›
 * indicateurs › … »), the identifiers the avenant's author wrote. The legal name of an element
 * (« l’engagement n° 3 ») is wording of a model (templates/_avenant/version-consolidee.yaml),
 * which the avenants are checked without.
 */
export const keyLabel = (k: Key): string => k.join(' › ');

export function parseKeyString(s: string): Key {
  return s.split('/').map((p) => p.replace(/%2F/g, '/').replace(/%25/g, '%'));
}

/** One key is the other or lies inside it (an element and one of its parts). */
export function overlaps(a: Key, b: Key): boolean {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return false;
  return true;
}

/**
 * Translates a positional contract path into an identity key, reading identifiers from the
 * contract: engagements[2] → engagements/<numero of the 3rd engagement>. Paths that do not
 * reach an identifiable element stop at the deepest identifiable prefix.
 */
export function keyOfContractPath(c: Contract, path: readonly (string | number)[]): Key {
  const [head, i, ...rest] = path;
  const at = <T>(list: readonly T[], idx: unknown): T | undefined =>
    typeof idx === 'number' ? list[idx] : undefined;
  switch (head) {
    case 'engagements': {
      const e = at(c.engagements, i);
      if (!e) return ['engagements'];
      const base = keyOf.engagement(e.numero);
      if (rest[0] === 'indicateurs') {
        const ind = at(e.indicateurs, rest[1]);
        if (!ind) return [...base, 'indicateurs'];
        const tail = rest.slice(2).map(String);
        return [...base, 'indicateurs', ind.libelle, ...tail];
      }
      return [...base, ...rest.map(String)];
    }
    case 'reconnaissances': {
      const r = at(c.reconnaissances, i);
      return r ? [...keyOf.reconnaissance(r.numero), ...rest.map(String)] : ['reconnaissances'];
    }
    case 'autorisations': {
      const a = at(c.autorisations, i);
      return a ? [...keyOf.autorisation(a.arhgos), ...rest.map(String)] : ['autorisations'];
    }
    case 'financements': {
      if (i === 'dotations') {
        const d = at(c.financements.dotations, rest[0]);
        return d ? [...keyOf.dotation(d.nature, d.libelle), ...rest.slice(1).map(String)] : ['financements', 'dotations'];
      }
      return ['financements', ...(i === undefined ? [] : [String(i)])];
    }
    case 'permanence_soins': {
      const l = at(c.permanence_soins, i);
      return l ? keyOf.lignePds(l.finess_et, l.specialite, l.type_ligne) : ['permanence_soins'];
    }
    case 'missions_service_public': {
      const m = at(c.missions_service_public, i);
      return m ? keyOf.mission(m.numero) : ['missions_service_public'];
    }
    case 'sites': {
      const s = at(c.sites, i);
      return s ? [...keyOf.site(s.finess_et), ...rest.map(String)] : ['sites'];
    }
    case undefined:
      return [];
    default:
      return path.map(String);
  }
}
