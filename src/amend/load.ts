// Reading avenant files (YAML, or JSON read as YAML 1.2): syntax and schema errors come back as
// French diagnostics with the file, line and column of the offending value — the same reader and
// the same messages as contract files; the returned locator lets later stages (apply) point
// into the file too.
import type { Result } from '../diagnostics/diagnostic.ts';
import { fail, ok } from '../diagnostics/diagnostic.ts';
import { AvenantSchema, type Avenant } from '../model/avenant.ts';
import { issueDiagnostics, safeParseFr, type PathLocator } from '../model/messages.ts';
import { loadYamlFile, locatePath, parseYamlText, spanOfPath, type YamlSource } from '../model/yaml.ts';
import type { Locator, SourcedAvenant } from './types.ts';

export function loadAvenantFile(path: string): Result<SourcedAvenant> {
  const y = loadYamlFile(path, 'l’avenant');
  return y.ok ? sourced(y.value.data, y.value.source) : y;
}

export function parseAvenantText(text: string, file: string): Result<SourcedAvenant> {
  const y = parseYamlText(file, text);
  return y.ok ? sourced(y.value.data, y.value.source) : y;
}

function sourced(data: unknown, source: YamlSource): Result<SourcedAvenant> {
  const r = parseAvenant(data, source.file, (path, keyOnly) => spanOfPath(source, path, keyOnly));
  // Exact places only for later stages: diag.ts walks up the path itself when a node is absent.
  const locate: Locator = (path) => {
    const l = locatePath(source, path);
    return l.depth === path.length ? l.span : undefined;
  };
  return r.ok ? ok({ avenant: r.value, file: source.file, locate }, r.warnings) : r;
}

/** Validates avenant data (already parsed); `locate` adds line numbers when known. */
export function parseAvenant(data: unknown, file?: string, locate?: PathLocator): Result<Avenant> {
  const parsed = safeParseFr(AvenantSchema, data);
  if (parsed.success) return ok(parsed.data);
  const where = file ? `avenant ${file}` : 'avenant';
  const prefix = (path: readonly PropertyKey[]) =>
    path[0] === 'operations' && typeof path[1] === 'number' ? `${where}, opération ${path[1] + 1} : ` : `${where} : `;
  return fail(
    parsed.error.issues.flatMap((iss) =>
      issueDiagnostics(iss, { schema: AvenantSchema, data, code: 'AVENANT-DONNEES', prefix, ...(locate ? { locate } : {}) }),
    ),
  );
}
