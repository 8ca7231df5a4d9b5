// Validation of one merged contract through the engine's own validator (schema + coherence),
// its diagnostics turned into campaign records placed in the user's input (cell or line).
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Contract } from '../model/contract.ts';
import { validateContract as engineValidate } from '../model/load.ts';
import { naturalCompare } from './sort.ts';
import type { IssueRecord, LoadedEntry } from './types.ts';

export type Locate = (path: string) => string | undefined;

export type Validation =
  | { readonly ok: true; readonly contract: Contract; readonly warnings: readonly IssueRecord[] }
  | { readonly ok: false; readonly errors: readonly IssueRecord[] };

export function validateContract(data: unknown, locate: Locate): Validation {
  const r = engineValidate(data);
  if (!r.ok) return { ok: false, errors: sortIssues(r.diagnostics.map((d) => toRecord(d, locate))) };
  return { ok: true, contract: r.value, warnings: sortIssues(r.warnings.map((d) => toRecord(d, locate))) };
}

/**
 * Everything wrong with one contract's input at once: the reading errors (bad cell, orphan row,
 * YAML syntax), then what validation finds in the fields those did not already report, so that
 * staff fix a workbook in one pass instead of one error per run. A field whose cell could not
 * be read is absent from the data: its « missing field » error would only repeat the first
 * (so would any error placed on the same cell).
 */
export function validateLoaded(l: LoadedEntry): Validation {
  if (l.data === undefined) return { ok: false, errors: sortIssues(l.erreurs) };
  const v = validateContract(l.data, l.locate);
  if (l.erreurs.length === 0) return v;
  // Only an unreadable cell leaves its field out of the data; other reading errors (a
  // duplicate holder, an orphan row) remove nothing the schema would then miss.
  const paths = l.erreurs.flatMap((i) => (i.chemin && i.code === 'CLASSEUR-VALEUR' ? [i.chemin] : []));
  const places = new Set(l.erreurs.flatMap((i) => (i.emplacement ? [i.emplacement] : [])));
  const repeats = (i: IssueRecord) =>
    (i.emplacement !== undefined && places.has(i.emplacement)) ||
    (i.chemin !== undefined && paths.some((p) => i.chemin === p || i.chemin!.startsWith(`${p}.`) || i.chemin!.startsWith(`${p}[`)));
  const more = v.ok ? [] : v.errors.filter((i) => !repeats(i));
  return { ok: false, errors: sortIssues([...l.erreurs, ...more]) };
}

/** A diagnostic as a campaign record; its place comes from the data path, else its span. */
export function toRecord(d: Diagnostic, locate: Locate): IssueRecord {
  const emplacement = (d.dataPath ? locate(d.dataPath) : undefined) ?? (d.span ? `${d.span.file}:${d.span.start.line}:${d.span.start.column}` : undefined);
  let message = d.message;
  if (d.source) message += ` (source : ${d.source.fichier}, ligne ${d.source.ligne})`;
  if (d.hints?.length) message += ` — ${d.hints.join(' ; ')}`;
  return {
    niveau: d.severity,
    code: d.code,
    message,
    ...(d.dataPath ? { chemin: d.dataPath } : {}),
    ...(emplacement ? { emplacement } : {}),
  };
}

/** Stable order (by place, then path, code, message) so reports are byte-identical. */
export function sortIssues(list: readonly IssueRecord[]): IssueRecord[] {
  const key = (i: IssueRecord) => `${i.emplacement ?? ''}\u0000${i.chemin ?? ''}\u0000${i.code}\u0000${i.message}`;
  return [...list].sort((a, b) => naturalCompare(key(a), key(b)));
}

/** Sorted, each issue once (the same problem may be reported by several stages). */
export function dedupeIssues(list: readonly IssueRecord[]): IssueRecord[] {
  const seen = new Set<string>();
  return sortIssues(list).filter((i) => {
    const k = JSON.stringify(i);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
