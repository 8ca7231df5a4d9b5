// A document declared `verbatim` must say, word for word and in order, what the source it cites
// says (`provenance_detail: "001_….txt, lignes 4296-4424 …"`), typography aside (normalize.ts).
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { SourceFile } from '../dsl/source.ts';
import { excerpt, squash, type Mapped } from './normalize.ts';
import type { SourceCache, SourceText } from './sources.ts';
import { fragments, templateLines, type TemplateLine } from './units.ts';

export const CODE_VERBATIM = 'PROVENANCE-VERBATIM';

/** « 001_31e1b23b00324c09.txt, lignes 4296-4424 » at the start of `provenance_detail`. */
const CITED_RANGE = /^\s*([\w.-]+\.txt)\s*,\s*(?:lignes?|L\.)\s*(\d+)(?:\s*[-–]\s*(\d+))?/;

export interface CitedRange {
  readonly fichier: string;
  readonly from: number;
  readonly to: number;
}

export function citedRange(detail: string | undefined): CitedRange | undefined {
  const m = detail ? CITED_RANGE.exec(detail) : null;
  if (!m) return undefined;
  const from = Number(m[2]);
  return { fichier: m[1]!, from, to: m[3] ? Number(m[3]) : from };
}

/** Where the source's text goes on from offset `at` of its normalised range. */
function sourceAt(src: SourceText, hay: Mapped, at: number): { line: number; text: string } {
  const offset = hay.offsets[Math.min(at, hay.offsets.length - 1)] ?? 0;
  return { line: src.file.position(offset).line, text: excerpt(src.file.text.slice(offset, offset + 200)) };
}

/** Offset of the n-th word of a fragment in its template file (searched from the unit's start). */
function wordOffset(file: SourceFile, from: number, words: readonly string[], n: number): number {
  let pos = from;
  for (let i = 0; i <= n && i < words.length; i++) {
    const k = file.text.indexOf(words[i]!, pos);
    if (k < 0) return i === n ? pos : from;
    if (i === n) return k;
    pos = k + words[i]!.length;
  }
  return pos;
}

export interface VerbatimResult {
  readonly diagnostics: Diagnostic[];
  /** Passages (fragments of wording between values) compared. */
  readonly checked: number;
}

/**
 * Compares the template at `path` (includes inlined) with lines `range` of its source. Each
 * passage must be found after the previous one; the first that is not is reported at its first
 * differing word, with what the source says there.
 */
export function checkVerbatim(path: string, range: CitedRange, cache: SourceCache): VerbatimResult {
  const lines = templateLines(path, cache.libraryRoot);
  if (typeof lines === 'string') return { diagnostics: [{ severity: 'erreur', code: CODE_VERBATIM, message: lines }], checked: 0 };
  return compareWording(lines, range, cache, path);
}

/**
 * Passages quoted inside any document, between `{# verbatim : <fichier>, ligne(s) A[-B] #}` and
 * `{# verbatim : fin #}` (on one line or over several): each is compared like a verbatim
 * document with the lines it names (a single line: the quote starts there and may run over the
 * next few, as a citation). Regions whose place is in `seen` are skipped.
 */
export function checkQuotes(path: string, cache: SourceCache, span: number, seen = new Set<string>()): VerbatimResult & { quotes: number } {
  const lines = templateLines(path, cache.libraryRoot);
  if (typeof lines === 'string') return { diagnostics: [{ severity: 'erreur', code: CODE_VERBATIM, message: lines }], checked: 0, quotes: 0 };
  const diagnostics: Diagnostic[] = [];
  let checked = 0;
  let quotes = 0;
  for (const q of quotedRegions(lines)) {
    // A fragment included by several documents: its quotes are checked once (`seen`).
    const key = `${q.file?.file}:${q.lines[0]?.offset}`;
    if (seen.has(key)) continue;
    seen.add(key);
    quotes++;
    const range = q.range ?? undefined;
    if (!range) {
      const at = q.lines[0]?.offset ?? 0;
      diagnostics.push({ severity: 'erreur', code: CODE_VERBATIM, message: `citation verbatim mal délimitée : ${q.problem}`, ...(q.file ? { span: q.file.span(at, at) } : {}) });
      continue;
    }
    const src = cache.get(range.fichier);
    const last = typeof src === 'string' ? range.to : src.lines.length;
    const r = compareWording(q.lines, range.from === range.to && range.from <= last ? { ...range, to: Math.min(last, range.from + span) } : range, cache, path, false);
    diagnostics.push(...r.diagnostics);
    checked += r.checked;
  }
  return { diagnostics, checked, quotes };
}

const QUOTE_OPEN = /\{#\s*verbatim\s*:\s*(?!fin\s*#\})([\s\S]*?)#\}/;
const QUOTE_CLOSE = /\{#\s*verbatim\s*:\s*fin\s*#\}/;

interface Quoted {
  readonly range?: CitedRange;
  readonly problem?: string;
  readonly file?: SourceFile;
  readonly lines: TemplateLine[];
}

/** The pieces of lines between quote markers, each keeping its file and offset. */
function quotedRegions(lines: readonly TemplateLine[]): Quoted[] {
  const out: Quoted[] = [];
  let open: { range?: CitedRange; problem?: string; file: SourceFile; lines: TemplateLine[] } | undefined;
  for (const l of lines) {
    let rest = l.text;
    let base = 0;
    for (;;) {
      if (!open) {
        const m = QUOTE_OPEN.exec(rest);
        if (!m) break;
        const range = citedRange(m[1]);
        open = { ...(range ? { range } : { problem: `« ${m[1]!.trim()} » : attendu « <fichier de _sources>, ligne(s) <début>[-<fin>] »` }), file: l.file, lines: [] };
        base += m.index + m[0].length;
        rest = rest.slice(m.index + m[0].length);
        continue;
      }
      const c = QUOTE_CLOSE.exec(rest);
      const piece = c ? rest.slice(0, c.index) : rest;
      if (piece.trim()) open.lines.push({ text: piece, file: l.file, offset: l.offset + base });
      if (!c) break;
      out.push(open);
      open = undefined;
      base += c.index + c[0].length;
      rest = rest.slice(c.index + c[0].length);
    }
  }
  if (open) out.push({ problem: '« {# verbatim : fin #} » manquant', file: open.file, lines: open.lines });
  return out;
}

function compareWording(lines: readonly TemplateLine[], range: CitedRange, cache: SourceCache, path: string, skipNotes = true): VerbatimResult {
  const src = cache.get(range.fichier);
  const fail = (message: string): VerbatimResult => ({ diagnostics: [{ severity: 'erreur', code: CODE_VERBATIM, message }], checked: 0 });
  if (typeof src === 'string') return fail(`${path} : ${src}`);
  if (range.to > src.lines.length || range.from > range.to) {
    return fail(`${path} : lignes ${range.from}-${range.to} citées, mais ${range.fichier} n’a que ${src.lines.length} lignes`);
  }
  const hay = cache.range(src, range.from, range.to);
  const diagnostics: Diagnostic[] = [];
  let at = 0;
  let checked = 0;
  const all = fragments(lines, skipNotes);
  const groupFound = new Set<number>();
  for (const f of all) if (f.group !== undefined && hay.text.includes(squash(f.text))) groupFound.add(f.group);
  const reported = new Set<number>();
  for (const f of all) {
    checked++;
    const needle = squash(f.text);
    // The source's order is followed where it can be, so that a difference is looked for
    // where the previous passage ended; a model that lays its parts out otherwise is fine.
    const k = hay.text.indexOf(needle, at);
    if (k >= 0) {
      at = k + needle.length;
      continue;
    }
    if (hay.text.includes(needle)) continue;
    if (f.group !== undefined && (groupFound.has(f.group) || reported.has(f.group))) continue;
    if (f.group !== undefined) reported.add(f.group);
    const words = f.text.split(' ');
    // The longest run of leading words the source has from here: the next word is the first
    // that differs.
    let p = words.length - 1;
    let found = -1;
    for (; p > 0; p--) {
      const pre = squash(words.slice(0, p).join(' '));
      found = hay.text.indexOf(pre, at);
      if (found < 0) found = hay.text.indexOf(pre);
      if (found >= 0) {
        found += pre.length;
        break;
      }
    }
    const word = p;
    const source = sourceAt(src, hay, found >= 0 ? found : at);
    const expected = p > 0 ? source.text : `(à cet endroit de la source) ${source.text}`;
    const message = `texte verbatim différent de la source : attendu « ${excerpt(expected, 50)} », trouvé « ${excerpt(words.slice(p).join(' '), 50)} »`;
    const start = wordOffset(f.file, f.offset, words, word);
    diagnostics.push({
      severity: 'erreur',
      code: CODE_VERBATIM,
      message,
      span: f.file.span(start, start + (words[word]?.length ?? 1)),
      source: { fichier: range.fichier, ligne: source.line },
      hints: ['un document « verbatim » reprend le texte de sa source mot pour mot ; une formulation à nous se marque {# ajout : début … #} … {# ajout : fin #}'],
    });
  }
  return { diagnostics, checked };
}
