// Diagnostics: user errors are values, collected and reported together, never thrown.
// Every diagnostic names where the problem is: a file span (templates, data files) and/or a
// data path (contract fields), in French, for the people who maintain templates and data.

export interface Position {
  /** 1-based line. */
  readonly line: number;
  /** 1-based column (in UTF-16 code units, as editors count). */
  readonly column: number;
  /** 0-based offset into the source text. */
  readonly offset: number;
}

export interface Span {
  readonly file: string;
  readonly start: Position;
  readonly end: Position;
}

export type Severity = 'erreur' | 'avertissement';

export interface Diagnostic {
  readonly severity: Severity;
  /** Stable machine code, e.g. "DSL-CHAMP-INCONNU", "DONNEES-TYPE", or a model rule id. */
  readonly code: string;
  /** French message: what was expected, what was found. */
  readonly message: string;
  readonly span?: Span;
  /** Data path such as `engagements[2].indicateurs[0].cibles.N+3`. */
  readonly dataPath?: string;
  /** Suggestions ("vouliez-vous dire « raison_sociale » ?"). */
  readonly hints?: readonly string[];
  /** Provenance of a model rule: seed file and line, quoted text. */
  readonly source?: RuleSource;
}

export interface RuleSource {
  readonly fichier: string;
  readonly ligne: number;
  readonly citation?: string;
}

export type Result<T> =
  | { readonly ok: true; readonly value: T; readonly warnings: readonly Diagnostic[] }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

export function ok<T>(value: T, warnings: readonly Diagnostic[] = []): Result<T> {
  return { ok: true, value, warnings };
}

export function fail<T>(diagnostics: readonly Diagnostic[]): Result<T> {
  return { ok: false, diagnostics };
}

export function hasErrors(diags: readonly Diagnostic[]): boolean {
  return diags.some((d) => d.severity === 'erreur');
}

/** Builds a Result from collected diagnostics: errors make it fail, warnings ride along. */
export function collect<T>(value: T, diags: readonly Diagnostic[]): Result<T> {
  return hasErrors(diags) ? fail(diags) : ok(value, diags);
}
