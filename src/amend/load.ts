// Reading avenant files (YAML, or JSON read as YAML 1.2): syntax and schema errors come back as
// French diagnostics with the file, line and column of the offending value; the returned
// locator lets later stages (apply) point into the file too.
import { readFileSync } from 'node:fs';
import { isMap, isSeq, LineCounter, parseDocument } from 'yaml';
import { z } from 'zod';
import type { Diagnostic, Result, Span } from '../diagnostics/diagnostic.ts';
import { fail, ok } from '../diagnostics/diagnostic.ts';
import { AvenantSchema } from '../model/avenant.ts';
import { fileTooLarge, LIMITS } from '../model/limits.ts';
import { formatDataPath } from './keys.ts';
import type { Locator, SourcedAvenant } from './types.ts';

const fr = z.locales.fr();

export function loadAvenantFile(path: string): Result<SourcedAvenant> {
  const tooLarge = fileTooLarge(path, LIMITS.dataFileBytes);
  if (tooLarge) return fail([{ severity: 'erreur', code: 'FICHIER-VOLUME', message: `avenant « ${path} » : ${tooLarge}` }]);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'fichier introuvable' : code === 'EISDIR' ? 'c’est un dossier' : String(code ?? e);
    return fail([{ severity: 'erreur', code: 'FICHIER', message: `impossible de lire l’avenant « ${path} » : ${why}` }]);
  }
  return parseAvenantText(text, path);
}

export function parseAvenantText(text: string, file: string): Result<SourcedAvenant> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const spanAt = (a: number, b: number): Span => {
    const p = lines.linePos(a);
    const q = lines.linePos(Math.max(a, b));
    return { file, start: { line: p.line, column: p.col, offset: a }, end: { line: q.line, column: q.col, offset: b } };
  };
  if (doc.errors.length > 0) {
    return fail(
      doc.errors.map((e) => ({
        severity: 'erreur',
        code: 'DONNEES-SYNTAXE',
        message: `syntaxe YAML/JSON invalide : ${yamlMessage(e.code, e.message)}`,
        span: spanAt(e.pos[0], e.pos[1]),
      })),
    );
  }
  const locate: Locator = (path) => {
    let node: unknown = doc.contents;
    for (const seg of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => (p.key as { value?: unknown } | null)?.value === seg);
        if (!pair) return undefined;
        node = pair.value ?? pair.key;
      } else if (isSeq(node) && typeof seg === 'number') {
        node = node.items[seg];
      } else return undefined;
    }
    const r = (node as { range?: [number, number, number] } | null | undefined)?.range;
    return r ? spanAt(r[0], r[1]) : undefined;
  };
  const r = parseAvenant(doc.toJS({ maxAliasCount: 100 }), file, locate);
  return r.ok ? ok({ avenant: r.value, file, locate }, r.warnings) : r;
}

const YAML_FR: Record<string, string> = {
  DUPLICATE_KEY: 'clé en double dans le même objet',
  BLOCK_AS_IMPLICIT_KEY: '« : » suivi d’une espace dans une valeur : mettez la valeur entre guillemets',
  TAB_AS_INDENT: 'tabulation utilisée pour l’indentation (utilisez des espaces)',
  MISSING_CHAR: 'guillemet, crochet ou accolade fermant manquant',
  BAD_INDENT: 'indentation incorrecte ou liste entre crochets non fermée',
};

function yamlMessage(code: string, message: string): string {
  const first = (message.split('\n')[0] ?? message).replace(/ at line \d+, column \d+:?$/, '');
  return YAML_FR[code] ?? `${first} (${code})`;
}

/** Validates avenant data (already parsed); `locate` adds line numbers when known. */
export function parseAvenant(data: unknown, file?: string, locate?: Locator): Result<import('../model/avenant.ts').Avenant> {
  const parsed = AvenantSchema.safeParse(data, { error: fr.localeError });
  if (parsed.success) return ok(parsed.data);
  const where = file ? `avenant ${file}` : 'avenant';
  return fail(
    parsed.error.issues.map((iss): Diagnostic => {
      const path = iss.path.filter((p): p is string | number => typeof p !== 'symbol');
      // For unknown keys, point at the key itself rather than the enclosing object.
      const keys = iss.code === 'unrecognized_keys' ? iss.keys : [];
      const span = locate?.(keys.length === 1 ? [...path, keys[0]!] : path) ?? locate?.(path);
      const opIdx = path[0] === 'operations' && typeof path[1] === 'number' ? path[1] : undefined;
      const prefix = opIdx === undefined ? where : `${where}, opération ${opIdx + 1}`;
      return {
        severity: 'erreur',
        code: 'AVENANT-DONNEES',
        message: `${prefix} : ${iss.message}`,
        ...(path.length > 0 ? { dataPath: formatDataPath(path) } : {}),
        ...(span ? { span } : {}),
      };
    }),
  );
}
