// Reading contract files (YAML or JSON — JSON is read as YAML 1.2, so both get line numbers):
// syntax errors, schema errors and coherence errors all come back as diagnostics that name the
// file, the line and column of the offending value, and its data path.
import type { Diagnostic, Result } from '../diagnostics/diagnostic.ts';
import type { z } from 'zod';
import { collect, fail, ok } from '../diagnostics/diagnostic.ts';
import { coherence } from './coherence.ts';
import { ContractSchema, type Contract } from './contract.ts';
import { issueDiagnostics, safeParseFr } from './messages.ts';
import { loadYamlFile, parseYamlText, spanOfPath, type YamlSource } from './yaml.ts';

/** Validates already-parsed data; `source` (when the data came from a file) adds line numbers. */
export function validateContract(data: unknown, source?: YamlSource): Result<Contract> {
  const parsed = safeParseFr(ContractSchema, data);
  if (!parsed.success) {
    const locate = source ? (path: readonly PropertyKey[], keyOnly: boolean) => spanOfPath(source, path, keyOnly) : undefined;
    return fail(parsed.error.issues.flatMap((iss) => issueDiagnostics(iss, { schema: ContractSchema, data, code: 'DONNEES-SCHEMA', ...(locate ? { locate } : {}) })));
  }
  const diags = coherence(parsed.data).map((d) => withSpan(d, source));
  return collect(parsed.data, diags);
}

function withSpan(d: Diagnostic & { pathArray?: readonly PropertyKey[] }, source?: YamlSource): Diagnostic {
  const { pathArray, ...rest } = d;
  const span = source && pathArray ? spanOfPath(source, pathArray) : undefined;
  return span ? { ...rest, span } : rest;
}

export function loadContractFile(path: string): Result<Contract> {
  const parsed = loadYamlFile(path, 'le contrat');
  if (!parsed.ok) return parsed;
  return validateContract(parsed.value.data, parsed.value.source);
}

/** Validates data that came from no file (tests, callers holding parsed data). */
export function parseContract(data: unknown): Result<Contract> {
  return validateContract(data);
}

/**
 * A YAML text read against a zod schema (the engine's own files: manifests, mentions): the same
 * reader and French messages as contract files; schema issues get `code`, path and place.
 */
export function parseYamlWith<S extends z.ZodType>(file: string, text: string, schema: S, code: string): Result<{ data: z.output<S>; source: YamlSource }> {
  const y = parseYamlText(file, text);
  if (!y.ok) return y;
  const parsed = safeParseFr(schema, y.value.data);
  if (parsed.success) return ok({ data: parsed.data, source: y.value.source });
  const source = y.value.source;
  const locate = (path: readonly PropertyKey[], keyOnly: boolean) => spanOfPath(source, path, keyOnly);
  return fail(parsed.error.issues.flatMap((iss) => issueDiagnostics(iss, { schema, data: y.value.data, code, locate })));
}
