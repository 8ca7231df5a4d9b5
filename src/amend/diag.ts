// Diagnostics about an avenant: every message names the avenant (number and file), the
// operation (1-based index and type) and the data path inside the avenant file, so legal staff
// can find the faulty line without knowing the engine.
import type { Diagnostic, Severity } from '../diagnostics/diagnostic.ts';
import { formatDataPath } from '../diagnostics/path.ts';
import type { SourcedAvenant } from './types.ts';

export function avenantLabel(src: SourcedAvenant): string {
  return `avenant n° ${src.avenant.numero}${src.file ? ` (${src.file})` : ''}`;
}

export interface DiagOptions {
  readonly op?: number;
  readonly rel?: readonly (string | number)[];
  readonly code: string;
  readonly hints?: readonly string[];
  readonly severity?: Severity;
}

/** Diagnostic located in the avenant: at operation `op` (0-based) and path `rel` inside it. */
export function avenantDiag(src: SourcedAvenant, message: string, o: DiagOptions): Diagnostic {
  const path: Array<string | number> =
    o.op === undefined ? [...(o.rel ?? [])] : ['operations', o.op, ...(o.rel ?? [])];
  const where =
    o.op === undefined
      ? avenantLabel(src)
      : `${avenantLabel(src)}, opération ${o.op + 1} « ${src.avenant.operations[o.op]?.type ?? '?'} »`;
  const span = locateBest(src, path);
  return {
    severity: o.severity ?? 'erreur',
    code: o.code,
    message: `${where} : ${message}`,
    ...(path.length > 0 ? { dataPath: formatDataPath(path) } : {}),
    ...(span ? { span } : {}),
    ...(o.hints && o.hints.length > 0 ? { hints: o.hints } : {}),
  };
}

/** The span of the deepest prefix of `path` found in the file. */
function locateBest(src: SourcedAvenant, path: readonly (string | number)[]) {
  if (!src.locate) return undefined;
  for (let n = path.length; n >= 0; n--) {
    const s = src.locate(path.slice(0, n));
    if (s) return s;
  }
  return undefined;
}
