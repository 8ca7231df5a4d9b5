// Checks that hold for every model, beyond what the schema types say: target values of the
// right kind, identifiers unique, FINESS keys. Model-specific limits live in each manifest.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatNumber, isStructuredValue } from '../ir/resolve/french.ts';
import { isPrintableNumber, LIMITS } from './limits.ts';
import type { Contract } from './contract.ts';
import { YEAR_KEYS } from './contract.ts';
import { finessKeyIssue } from './finess.ts';
import { formatDataPath } from '../diagnostics/path.ts';
import { describeInput } from './messages.ts';

export type PathDiagnostic = Diagnostic & { pathArray: readonly PropertyKey[] };

function diag(severity: Diagnostic['severity'], code: string, path: PropertyKey[], message: string): PathDiagnostic {
  return { severity, code, message, dataPath: formatDataPath(path), pathArray: path };
}

function checkValues(c: Contract, out: PathDiagnostic[]): void {
  c.engagements.forEach((e, ei) => {
    e.indicateurs.forEach((ind, ii) => {
      if (ind.type_valeur === 'texte') return;
      const base: PropertyKey[] = ['engagements', ei, 'indicateurs', ii];
      const check = (v: number | string | undefined, path: PropertyKey[]) => {
        if (v === undefined) return;
        if (!isStructuredValue(v)) {
          out.push(
            diag('erreur', 'DONNEES-VALEUR', path, `nombre, pourcentage ou « oui »/« non » attendu, reçu ${describeInput(v)} (déclarez type_valeur: texte pour une cible rédigée)`),
          );
          return;
        }
        // A percentage is text: its number is bounded here, as numbers are by the schema.
        const pct = typeof v === 'string' && v.includes('%') ? Number(v.replace(/[\s%]/g, '').replace(',', '.')) : undefined;
        if (pct !== undefined && !isPrintableNumber(pct)) {
          out.push(diag('erreur', 'DONNEES-VALEUR', path, `pourcentage hors des bornes, reçu ${describeInput(v)} : 0 ou une valeur absolue entre 0,000001 et ${formatNumber(LIMITS.numberMax)}`));
        }
      };
      for (const k of YEAR_KEYS) {
        check(ind.cibles[k], [...base, 'cibles', k]);
        check(ind.resultats?.[k], [...base, 'resultats', k]);
      }
      check(ind.reference?.valeur, [...base, 'reference', 'valeur']);
      check(ind.cible_nationale, [...base, 'cible_nationale']);
      check(ind.cible_regionale, [...base, 'cible_regionale']);
    });
  });
}

function unique<T>(items: readonly T[], key: (t: T) => string | number, list: string, field: string, what: string, out: PathDiagnostic[]): void {
  const seen = new Map<string | number, number>();
  items.forEach((it, i) => {
    const k = key(it);
    const first = seen.get(k);
    if (first !== undefined) {
      out.push(diag('erreur', 'DONNEES-DOUBLON', [list, i, field], `${what} « ${k} » déjà utilisé par ${list}[${first}]`));
    } else seen.set(k, i);
  });
}

function checkFinessKeys(c: Contract, out: PathDiagnostic[]): void {
  const check = (v: string | undefined, path: PropertyKey[]) => {
    const issue = v ? finessKeyIssue(v) : undefined;
    if (issue) out.push(diag('avertissement', 'DONNEES-FINESS-CLE', path, issue));
  };
  check(c.titulaire.finess_ej, ['titulaire', 'finess_ej']);
  c.cotitulaires.forEach((t, i) => check(t.finess_ej, ['cotitulaires', i, 'finess_ej']));
  c.sites.forEach((s, i) => check(s.finess_et, ['sites', i, 'finess_et']));
}

/**
 * The legal entities of a single CPOM (the holder, then its co-holders) are distinct, and a site
 * names the entity that runs it among them: each party signs for its own establishments
 * (004_ec60fe0b7b5a9c75.txt L.88-91). Whether a model allows co-holders at all is its own rule.
 */
function checkEntities(c: Contract, out: PathDiagnostic[]): void {
  const entities = new Map<string, string>([[c.titulaire.finess_ej, 'titulaire']]);
  c.cotitulaires.forEach((t, i) => {
    const first = entities.get(t.finess_ej);
    if (first !== undefined) {
      out.push(diag('erreur', 'DONNEES-DOUBLON', ['cotitulaires', i, 'finess_ej'], `FINESS EJ « ${t.finess_ej} » déjà utilisé par ${first}`));
    } else entities.set(t.finess_ej, `cotitulaires[${i}]`);
  });
  c.sites.forEach((s, i) => {
    if (s.finess_ej !== undefined && !entities.has(s.finess_ej)) {
      const known = [...entities.keys()].map((k) => `« ${k} »`).join(', ');
      out.push(
        diag('erreur', 'DONNEES-SITE-ENTITE', ['sites', i, 'finess_ej'], `le site « ${s.raison_sociale} » est rattaché au FINESS EJ « ${s.finess_ej} », qui n’est celui d’aucune entité juridique partie au contrat (${known})`),
      );
    }
  });
}

export function coherence(c: Contract): PathDiagnostic[] {
  const out: PathDiagnostic[] = [];
  checkValues(c, out);
  unique(c.engagements, (e) => e.numero, 'engagements', 'numero', 'numéro d’engagement', out);
  unique(c.reconnaissances, (r) => r.numero, 'reconnaissances', 'numero', 'numéro de reconnaissance', out);
  unique(c.autorisations, (a) => a.arhgos, 'autorisations', 'arhgos', 'N° ARHGOS', out);
  unique(c.sites, (s) => s.finess_et, 'sites', 'finess_et', 'FINESS ET', out);
  checkEntities(c, out);
  checkFinessKeys(c, out);
  return out;
}
