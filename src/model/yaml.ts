// Reading YAML (and JSON, read as YAML 1.2) data files — contracts, avenants, campaign files,
// model manifests — in one place, so that each of them refuses the same bad input with the same
// French message: unreadable file, invalid UTF-8, syntax errors (the yaml package's English
// messages translated by error code), undefined aliases, merge keys, alias bombs. Also the one
// locator from a data path to a line and column of the file.
import { readFileSync } from 'node:fs';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document as YamlDocument, type ErrorCode } from 'yaml';
import type { Diagnostic, Result, Span } from '../diagnostics/diagnostic.ts';
import { fail, ok } from '../diagnostics/diagnostic.ts';
import { describeFsError } from '../io/fs-errors.ts';
import { fileTooLarge, LIMITS } from './limits.ts';

export interface YamlSource {
  readonly file: string;
  readonly text: string;
  readonly doc: YamlDocument;
  readonly lines: LineCounter;
}

/**
 * How many values aliases may expand to (the yaml package's count: uses of an anchor times the
 * aliases inside it). Far above what a hand-written file needs, far below a "billion laughs".
 */
export const MAX_ALIAS_COUNT = 100;

const utf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * Reads a text file as strict UTF-8: a byte that is not UTF-8 is refused, never replaced by « � ».
 * `shownAs`: the name diagnostics give the file (a campaign shows paths relative to its folder).
 */
export function readTextFile(path: string, what = 'le fichier', shownAs = path, maxBytes: number = LIMITS.dataFileBytes): Result<string> {
  // Bounded before reading: a data file is never loaded whole just to be refused.
  const tooLarge = fileTooLarge(path, maxBytes);
  if (tooLarge) return fail([{ severity: 'erreur', code: 'FICHIER-VOLUME', message: tooLarge }]);
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (e) {
    return fail([{ severity: 'erreur', code: 'FICHIER', message: `impossible de lire ${what} « ${shownAs} » : ${describeFsError(e)}` }]);
  }
  try {
    return ok(utf8.decode(bytes));
  } catch {
    const loose = new TextDecoder('utf-8').decode(bytes);
    const at = loose.indexOf('\uFFFD');
    const lines = new LineCounter();
    for (let i = loose.indexOf('\n'); i >= 0; i = loose.indexOf('\n', i + 1)) lines.addNewLine(i + 1);
    const span = spanFrom(shownAs, lines, Math.max(0, at), Math.max(0, at) + 1);
    return fail([{ severity: 'erreur', code: 'FICHIER-ENCODAGE', message: `${what} n’est pas encodé en UTF-8 (octet invalide)`, span }]);
  }
}

const YAML_FR: Readonly<Record<ErrorCode, string>> = {
  ALIAS_PROPS: 'un alias (*nom) ne peut porter ni ancre ni étiquette',
  BAD_ALIAS: 'nom d’ancre ou d’alias vide ou ambigu',
  BAD_DIRECTIVE: 'directive YAML (%…) invalide',
  BAD_DQ_ESCAPE: 'séquence d’échappement invalide entre guillemets',
  BAD_INDENT: 'indentation incorrecte ou liste entre crochets non fermée',
  BAD_PROP_ORDER: 'ancre ou étiquette mal placée',
  BAD_SCALAR_START: 'une valeur ne peut pas commencer par ce caractère : mettez-la entre guillemets',
  BLOCK_AS_IMPLICIT_KEY: '« : » suivi d’une espace dans une valeur : mettez la valeur entre guillemets',
  BLOCK_IN_FLOW: 'bloc YAML à l’intérieur de crochets ou d’accolades',
  DUPLICATE_KEY: 'clé en double dans le même objet',
  IMPOSSIBLE: 'structure YAML illisible',
  KEY_OVER_1024_CHARS: 'clé de plus de 1 024 caractères',
  MISSING_CHAR: 'guillemet, crochet, accolade, virgule ou « : » manquant',
  MULTILINE_IMPLICIT_KEY: 'clé sur plusieurs lignes (un « : » manque-t-il à la ligne précédente ?)',
  MULTIPLE_ANCHORS: 'plusieurs ancres sur la même valeur',
  MULTIPLE_DOCS: 'plusieurs documents YAML (« --- ») dans un même fichier : un seul est attendu',
  MULTIPLE_TAGS: 'plusieurs étiquettes sur la même valeur',
  NON_STRING_KEY: 'clé qui n’est pas un texte',
  RESOURCE_EXHAUSTION: 'imbrication ou répétition excessive',
  TAB_AS_INDENT: 'tabulation utilisée pour l’indentation (utilisez des espaces)',
  TAG_RESOLVE_FAILED: 'étiquette YAML (!…) inconnue ou inapplicable',
  UNEXPECTED_TOKEN: 'caractère inattendu à cet endroit',
  BAD_COLLECTION_TYPE: 'étiquette YAML incompatible avec cette valeur',
};

/** The yaml package's error, in French (its own text is English). */
export function yamlErrorMessage(code: ErrorCode, message: string): string {
  if (code === 'MISSING_CHAR' && /quote/.test(message)) return 'guillemet fermant manquant';
  if (code === 'MISSING_CHAR' && /^Missing ,/.test(message)) return 'virgule manquante entre deux éléments entre crochets ou accolades';
  if (code === 'MISSING_CHAR' && /map values/.test(message)) return 'clé sans « : » (ou « : » sans espace après)';
  return YAML_FR[code] ?? 'syntaxe YAML invalide';
}

function problem(src: YamlSource, start: number, end: number, message: string, code: string): Diagnostic {
  return { severity: 'erreur', code, message, span: spanAt(src, start, end) };
}

/**
 * Parses YAML or JSON text. Errors and warnings of the yaml package (an unknown tag would be
 * silently read as text) are refused; aliases must name an anchor set before them; merge keys
 * (`<<`) are refused (the core schema would read them as a key named « << »); alias expansion
 * is bounded.
 */
export function parseYamlText(file: string, text: string): Result<{ data: unknown; source: YamlSource }> {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false, uniqueKeys: true });
  const src: YamlSource = { file, text, doc, lines };
  const problems = [...doc.errors, ...doc.warnings].map((e) => problem(src, e.pos[0], e.pos[1], `syntaxe YAML/JSON invalide : ${yamlErrorMessage(e.code, e.message)}`, 'DONNEES-SYNTAXE'));
  if (problems.length > 0) return fail(problems);
  // Anchor name → end offset of the latest node carrying it (the one an alias refers to).
  const anchors = new Map<string, number>();
  let firstAlias: [number, number] | undefined;
  visit(doc, {
    Node: (_k, node) => {
      if (isAlias(node)) {
        const r = node.range ?? [0, 0];
        firstAlias ??= [r[0], r[1]];
        const end = anchors.get(node.source);
        if (end === undefined) {
          problems.push(problem(src, r[0], r[1], `alias « *${node.source} » sans ancre « &${node.source} » définie avant lui`, 'DONNEES-ALIAS'));
        } else if (end > r[0]) {
          problems.push(problem(src, r[0], r[1], `alias « *${node.source} » à l’intérieur de sa propre ancre (structure récursive)`, 'DONNEES-ALIAS'));
        }
      } else if (node.anchor) anchors.set(node.anchor, node.range?.[1] ?? 0);
    },
    Pair: (_k, pair) => {
      if (isPair(pair) && isScalar(pair.key) && pair.key.value === '<<') {
        const r = pair.key.range ?? [0, 0];
        problems.push(problem(src, r[0], r[1], 'clé de fusion « << » non prise en charge : écrivez les valeurs en entier', 'DONNEES-ALIAS'));
      }
    },
  });
  if (problems.length > 0) return fail(problems);
  try {
    return ok({ data: doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }), source: src });
  } catch (e) {
    // Aliases are all defined (checked above): the only user-caused failure left is expansion.
    if (!(e instanceof ReferenceError) || !/alias count/i.test(e.message) || !firstAlias) throw e;
    return fail([
      problem(src, firstAlias[0], firstAlias[1], `les alias (*nom) se développent en trop de valeurs (plus de ${MAX_ALIAS_COUNT}) : écrivez les valeurs en entier`, 'DONNEES-ALIAS'),
    ]);
  }
}

/** Reads then parses a YAML/JSON data file; `what` names it in a read error (« l’avenant »). */
export function loadYamlFile(path: string, what?: string, shownAs = path): Result<{ data: unknown; source: YamlSource }> {
  const text = readTextFile(path, what, shownAs);
  return text.ok ? parseYamlText(shownAs, text.value) : text;
}

function spanFrom(file: string, lines: LineCounter, start: number, end: number): Span {
  const a = lines.linePos(start);
  const b = lines.linePos(Math.max(start, end));
  return { file, start: { line: a.line, column: a.col, offset: start }, end: { line: b.line, column: b.col, offset: Math.max(start, end) } };
}

export function spanAt(src: YamlSource, start: number, end: number): Span {
  return spanFrom(src.file, src.lines, start, end);
}

/**
 * Where a data path lies in the file: the span of its node (of its key with `keyOnly`), or of
 * its deepest ancestor present in the file, and how many segments were found. Object keys are
 * compared as text (a YAML key `2024` is the data key "2024"); aliases are followed to their
 * anchor.
 */
export function locatePath(src: YamlSource, path: readonly PropertyKey[], keyOnly = false): { span: Span; depth: number } {
  let node: unknown = src.doc.contents;
  // An empty document has no node: its place is then the start of the file.
  let best = rangeOf(node) ?? rangeOf(src.doc) ?? [0, 0];
  let depth = 0;
  for (const seg of path) {
    if (isAlias(node)) node = node.resolve(src.doc);
    let next: unknown;
    let range: [number, number] | undefined;
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === String(seg));
      if (!pair) break;
      const keyRange = rangeOf(pair.key);
      next = pair.value;
      range = (keyOnly && depth === path.length - 1 ? keyRange : rangeOf(next) ?? keyRange) ?? undefined;
    } else if (isSeq(node) && typeof seg === 'number' && node.items[seg] !== undefined) {
      next = node.items[seg];
      range = rangeOf(next);
    } else break;
    node = next;
    depth++;
    best = range ?? best;
  }
  return { span: spanAt(src, best[0], best[1]), depth };
}

/** Span of the YAML node at a data path, or of its closest existing ancestor. */
export function spanOfPath(src: YamlSource, path: readonly PropertyKey[], keyOnly = false): Span {
  return locatePath(src, path, keyOnly).span;
}

function rangeOf(n: unknown): [number, number] | undefined {
  const r = (n as { range?: [number, number, number] } | null)?.range;
  return r ? [r[0], r[1]] : undefined;
}
