// Reading contract files (YAML or JSON — JSON is read as YAML 1.2, so both get line numbers):
// syntax errors, schema errors and coherence errors all come back as diagnostics that name the
// file, the line and column of the offending value, and its data path.
import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument, type Document as YamlDocument } from 'yaml';
import type { z } from 'zod';
import type { Diagnostic, Result, Span } from '../diagnostics/diagnostic.ts';
import { collect, fail } from '../diagnostics/diagnostic.ts';
import { suggest } from '../dsl/suggest.ts';
import { contractFields, type Field, type Ty } from '../dsl/types.ts';
import { coherence } from './coherence.ts';
import { ContractSchema, type Contract } from './contract.ts';
import { fileTooLarge, LIMITS } from './limits.ts';
import { formatPath, frenchErrorMap } from './messages.ts';

export interface YamlSource {
  readonly file: string;
  readonly doc: YamlDocument;
  readonly lines: LineCounter;
}

export function parseYamlText(file: string, text: string): Result<{ data: unknown; source: YamlSource }> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.map((e) => {
        const [a, b] = e.pos;
        return {
          severity: 'erreur',
          code: 'DONNEES-SYNTAXE',
          message: `syntaxe YAML/JSON invalide : ${translateYamlError(e.code, e.message)}`,
          span: spanAt({ file, doc, lines }, a, b),
        } satisfies Diagnostic;
      }),
    );
  }
  return { ok: true, value: { data: doc.toJS({ maxAliasCount: 100 }), source: { file, doc, lines } }, warnings: [] };
}

function translateYamlError(code: string, message: string): string {
  switch (code) {
    case 'DUPLICATE_KEY':
      return 'clé en double dans le même objet';
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return `indentation ou ponctuation incorrecte (${message.split('\n')[0]})`;
    case 'TAB_AS_INDENT':
      return 'tabulation utilisée pour l’indentation (utilisez des espaces)';
    default:
      return message.split('\n')[0] ?? message;
  }
}

function spanAt(src: YamlSource, start: number, end: number): Span {
  const a = src.lines.linePos(start);
  const b = src.lines.linePos(Math.max(start, end));
  return { file: src.file, start: { line: a.line, column: a.col, offset: start }, end: { line: b.line, column: b.col, offset: end } };
}

/**
 * A YAML text read against a zod schema (the engine's own files: manifests, mentions): every
 * schema issue becomes a diagnostic `code` with its data path and the span of the value.
 */
export function parseYamlWith<S extends z.ZodType>(file: string, text: string, schema: S, code: string): Result<{ data: z.output<S>; source: YamlSource }> {
  const y = parseYamlText(file, text);
  if (!y.ok) return y;
  const parsed = schema.safeParse(y.value.data, { error: frenchErrorMap });
  if (parsed.success) return { ok: true, value: { data: parsed.data, source: y.value.source }, warnings: [] };
  return fail(
    parsed.error.issues.map((iss) => {
      const span = spanOfPath(y.value.source, iss.path);
      return { severity: 'erreur', code, message: `${formatPath(iss.path)} : ${iss.message}`, ...(span ? { span } : {}) } satisfies Diagnostic;
    }),
  );
}

/** Span of the YAML node at a data path, or of its closest existing ancestor. */
export function spanOfPath(src: YamlSource, path: readonly PropertyKey[], keyOnly = false): Span | undefined {
  let node: unknown = src.doc.contents;
  let best: [number, number] | undefined = rangeOf(node);
  for (const seg of path) {
    if (isMap(node)) {
      const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === seg);
      if (!pair) break;
      const keyRange = rangeOf(pair.key);
      node = pair.value;
      best = (keyOnly && seg === path[path.length - 1] ? keyRange : rangeOf(node) ?? keyRange) ?? best;
    } else if (isSeq(node) && typeof seg === 'number') {
      node = node.items[seg];
      best = rangeOf(node) ?? best;
    } else break;
  }
  return best ? spanAt(src, best[0], best[1]) : undefined;
}

function rangeOf(n: unknown): [number, number] | undefined {
  const r = (n as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/** Validates already-parsed data; `source` (when the data came from a file) adds line numbers. */
export function validateContract(data: unknown, source?: YamlSource): Result<Contract> {
  const parsed = ContractSchema.safeParse(data, { error: frenchErrorMap });
  if (!parsed.success) return fail(parsed.error.issues.flatMap((iss) => issueToDiagnostics(iss, data, source)));
  const diags = coherence(parsed.data).map((d) => withSpan(d, source));
  return collect(parsed.data, diags);
}

function withSpan(d: Diagnostic & { pathArray?: readonly PropertyKey[] }, source?: YamlSource): Diagnostic {
  const { pathArray, ...rest } = d;
  const span = source && pathArray ? spanOfPath(source, pathArray) : undefined;
  return span ? { ...rest, span } : rest;
}

function issueToDiagnostics(iss: z.core.$ZodIssue, data: unknown, source?: YamlSource): Diagnostic[] {
  if (iss.code === 'unrecognized_keys') {
    const known = knownKeys(data, iss.path);
    return iss.keys.map((k) => {
      const path = [...iss.path, k];
      const hint = suggest(k, known);
      const span = source ? spanOfPath(source, path, true) : undefined;
      return {
        severity: 'erreur',
        code: 'DONNEES-CLE-INCONNUE',
        message: `clé inconnue « ${k} »`,
        dataPath: formatPath(path),
        ...(span ? { span } : {}),
        ...(hint ? { hints: [`vouliez-vous dire « ${hint} » ?`] } : known.length ? { hints: [`clés possibles : ${known.join(', ')}`] } : {}),
      } satisfies Diagnostic;
    });
  }
  const span = source ? spanOfPath(source, iss.path) : undefined;
  return [
    {
      severity: 'erreur',
      code: 'DONNEES-SCHEMA',
      message: iss.message,
      dataPath: formatPath(iss.path),
      ...(span ? { span } : {}),
    },
  ];
}

/** Keys the schema accepts at a path (for "vouliez-vous dire"), from the JSON Schema tree. */
function knownKeys(_data: unknown, path: readonly PropertyKey[]): string[] {
  let fields: Readonly<Record<string, Field>> | undefined = contractFields();
  for (const seg of path) {
    if (typeof seg === 'number') continue;
    let ty: Ty | undefined = fields?.[String(seg)]?.ty;
    while (ty && ty.k === 'array') ty = ty.of;
    fields = ty && ty.k === 'object' ? ty.fields : undefined;
  }
  return fields ? Object.keys(fields) : [];
}

export function parseContract(data: unknown, file?: string): Result<Contract> {
  void file;
  return validateContract(data);
}

export function loadContractFile(path: string): Result<Contract> {
  const tooLarge = fileTooLarge(path, LIMITS.dataFileBytes);
  if (tooLarge) return fail([{ severity: 'erreur', code: 'FICHIER-VOLUME', message: `« ${path} » : ${tooLarge}` }]);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return fail([{ severity: 'erreur', code: 'FICHIER', message: `impossible de lire « ${path} » : ${(e as NodeJS.ErrnoException).code ?? String(e)}` }]);
  }
  const parsed = parseYamlText(path, text);
  if (!parsed.ok) return parsed;
  return validateContract(parsed.value.data, parsed.value.source);
}
