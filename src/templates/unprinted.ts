// « No data silently dropped »: a value the contract fills but none of the documents produced
// for it uses gets a warning naming the data path and the model. What "used" means is decided
// by the evaluator while it builds the documents (Evaluator.used: printed, summed, or compared
// in a condition that chose the wording); a field read only by a model rule is checked, not
// printed, so it does not count. Working from the real build rather than from the templates
// alone also catches data dropped by this contract's branches: an engagement filed under an
// annex that does not apply to it, PDS lines printed only under a mission the contract lacks.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { contractFields, type Field, type Ty } from '../dsl/types.ts';
import { joinPath } from '../eval/env.ts';
import type { Contract } from '../model/contract.ts';
import type { Model } from './load.ts';

export const CODE_NON_IMPRIME = 'DONNEES-NON-IMPRIMEES';

/**
 * Fields that classify the contract for the engine rather than carry text for the documents:
 * the model, the holder's profile (which annexes apply, which rules), an engagement's annex
 * code (where it is printed) and number (the required identifier avenants designate it by;
 * printed where the model has a N° column) and an indicator's value type (how its values are
 * written). The documents show their consequences, not their values. `reference` and `ars.nom`
 * are written in the files' properties (DOCX core properties, PDF metadata: reference, author).
 */
const NOT_CONTENT: ReadonlySet<string> = new Set([
  'modele',
  'reference',
  'ars.nom',
  'titulaire.statut',
  'titulaire.forme',
  'titulaire.categorie',
  'titulaire.typologie',
  'titulaire.activites',
  'titulaire.regime',
  'titulaire.sph',
  'engagements[].annexe',
  'engagements[].numero',
  'engagements[].indicateurs[].type_valeur',
]);

/** Computed variables (src/eval/build.ts rootEnv) and the data they are made of. */
const COMPUTED: Readonly<Record<string, readonly string[]>> = {
  'contrat.debut': ['dates.effet'],
  'contrat.annee_n': ['dates.effet'],
  'contrat.duree_ans': ['dates.duree_ans'],
  'contrat.fin': ['dates.effet', 'dates.duree_ans', 'dates.prorogation_mois'],
  'contrat.periode': ['dates.effet', 'dates.duree_ans', 'dates.prorogation_mois'],
};

/** The contract data a used path stands for: itself, or what a computed variable is made of. */
export function dataPathsOf(path: string): readonly string[] {
  return COMPUTED[path] ?? [path];
}

/** `engagements[2].indicateurs[0].resultats` → `engagements[].indicateurs[].resultats`. */
export function collapse(path: string): string {
  return path.replace(/\[\d+\]/g, '[]');
}

function filled(v: unknown): boolean {
  if (v === undefined || v === null || v === '') return false;
  if (Array.isArray(v)) return v.some(filled);
  if (typeof v === 'object') return Object.values(v).some(filled);
  return true;
}

/** A used path and every path above it (`a`, `a[2]`, `a[2].b` for `a[2].b`). */
function withPrefixes(used: ReadonlySet<string>): { exact: Set<string>; touched: Set<string> } {
  const exact = new Set<string>();
  for (const p of used) for (const q of dataPathsOf(p)) exact.add(q);
  const touched = new Set<string>();
  for (const p of exact) {
    for (let i = 1; i < p.length; i++) if (p[i] === '.' || p[i] === '[') touched.add(p.slice(0, i));
    touched.add(p);
  }
  return { exact, touched };
}

/**
 * The most general filled paths that nothing under was used: `autorisations` when no
 * authorisation is printed at all, `engagements[3].indicateurs[0].resultats` when only that
 * field is ignored. Concrete paths, in data order.
 */
export function unusedPaths(c: Contract, used: ReadonlySet<string>): string[] {
  const { exact, touched } = withPrefixes(used);
  const out: string[] = [];
  const walk = (v: unknown, path: string): void => {
    if (!filled(v) || exact.has(path) || NOT_CONTENT.has(collapse(path))) return;
    if (!touched.has(path)) {
      out.push(path);
      return;
    }
    if (Array.isArray(v)) v.forEach((x, k) => walk(x, joinPath(path, k)));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, joinPath(path, k));
  };
  for (const [k, v] of Object.entries(c)) walk(v, k);
  return out;
}

/** One warning per path with list indices collapsed (`engagements[].indicateurs[].resultats`), not per element. */
export function unprintedWarnings(model: Model, c: Contract, used: ReadonlySet<string>): Diagnostic[] {
  const groups = new Map<string, string[]>();
  for (const p of unusedPaths(c, used)) {
    const key = collapse(p);
    const g = groups.get(key);
    if (g) g.push(p);
    else groups.set(key, [p]);
  }
  return [...groups].map(([path, concrete]) => {
    const why = declaredReason(model, path);
    const where = concrete.length === 1 && concrete[0] === path ? '' : ` (${concrete.length === 1 ? concrete[0] : `${concrete.length} éléments : ${concrete.slice(0, 3).join(', ')}${concrete.length > 3 ? '…' : ''}`})`;
    return {
      severity: 'avertissement',
      code: CODE_NON_IMPRIME,
      dataPath: path,
      message: `donnée remplie${where} qu’aucun document du modèle ${model.id} n’imprime pour ce contrat : elle n’apparaîtra pas dans le contrat produit`,
      ...(why ? { hints: [`modèle ${model.id} : ${why}`] } : {}),
    } satisfies Diagnostic;
  });
}

/** The model's documented reason for not printing a path (or a path above it), if any. */
export function declaredReason(model: Model, path: string): string | undefined {
  const d = model.manifest.donnees_non_imprimees.find((x) => path === x.chemin || path.startsWith(`${x.chemin}.`) || path.startsWith(`${x.chemin}[`));
  return d?.raison;
}

/** Does a declared path (`engagements[].indicateurs[].resultats`) name a field of the contract schema? */
export function isDataPath(path: string): boolean {
  let fields: Readonly<Record<string, Field>> | undefined = contractFields();
  let ty: Ty | undefined;
  for (const seg of path.split('.')) {
    const m = /^([\p{L}_][\p{L}\p{N}_+-]*)((?:\[\])*)$/u.exec(seg);
    if (!m || !fields || !Object.hasOwn(fields, m[1]!)) return false;
    ty = fields[m[1]!]!.ty;
    for (let k = 0; k < m[2]!.length / 2; k++) {
      if (ty.k !== 'array') return false;
      ty = ty.of;
    }
    fields = ty.k === 'object' ? ty.fields : undefined;
  }
  return ty !== undefined;
}
