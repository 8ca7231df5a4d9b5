// French hyphenation points, behind the typographic policy of a legal document.
//
// The patterns are TeX's hyph-fr (MIT), run by hyphenopoly's WebAssembly engine: synchronous,
// ~3 µs a word warm (the pure-JS `hyphen` package took ~240 µs for the same words, see the
// README). The policy decides which words may be cut at all: never a number, a date, a legal
// reference, a FINESS or ARHGOS number, an e-mail address or URL, a word in capitals, or a word
// that already has a hyphen (it breaks at its hyphen only); capitalised words (proper names,
// « Agence ») only when a word is wider than its measure (a narrow table column), where a cut
// with a hyphen beats a cut between letters. French norm: 2 letters at least before the cut and
// 3 after (the patterns declare 2 and 2).
//
// Results are cached per word for the whole process: layout is hot and a campaign renders the
// same vocabulary thousands of times.
import { readFileSync } from 'node:fs';
import hyphenopoly from 'hyphenopoly';

export const LEFTMIN = 2;
export const RIGHTMIN = 3;
/** Longest segment handed to the engine (its word buffer holds 64 UTF-16 units). */
const MAX_SEGMENT = 40;
const SHY = '\u00AD';

/**
 * 'text': a line of running text (lower-case words only); 'narrow': a word that does not fit
 * its measure at all, which may also be a capitalised word.
 */
export type HyphenMode = 'text' | 'narrow';

let engine: ((text: string) => string) | undefined;

function french(): (text: string) => string {
  if (!engine) {
    const map = hyphenopoly.config({
      require: ['fr'],
      hyphen: SHY,
      sync: true,
      loaderSync: (file, dir) => new Uint8Array(readFileSync(new URL(file, dir))),
      minWordLength: LEFTMIN + RIGHTMIN,
      leftmin: LEFTMIN,
      rightmin: RIGHTMIN,
      orphanControl: 1,
    });
    const fr = map.get('fr');
    if (!fr) throw new Error('hyphenopoly: French patterns not loaded');
    engine = fr;
  }
  return engine;
}

// Whole-token refusals: digits (numbers, dates, « L. 6114-1 », FINESS, ARHGOS, « 1er »),
// addresses, paths, compound words (they break at their own hyphen).
const NEVER = /[\d@/\\_=+#&%$<>|~*\-\u2010\u2011\u2013]|www\.|:\/\//;
const GLUE = /[\u00A0\u202F]/;
const CORE = /^[\p{L}'\u2019]+$/u;
const LEADING = /^[^\p{L}]+/u;
const TRAILING = /[^\p{L}]+$/u;
const MONTHS = new Set(['janvier', 'février', 'avril', 'juillet', 'septembre', 'octobre', 'novembre', 'décembre']);

const cache = new Map<string, readonly number[]>();
const MAX_CACHE = 50_000;
const NONE: readonly number[] = Object.freeze([]);

/**
 * Offsets (UTF-16 units into `word`, the text of one unbreakable word token) where a hyphen
 * may be inserted, in increasing order. Empty when the policy forbids cutting the word.
 */
export function hyphenPoints(word: string, mode: HyphenMode): readonly number[] {
  const key = mode === 'text' ? word : `\u0001${word}`;
  let p = cache.get(key);
  if (p === undefined) {
    p = compute(word, mode);
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(key, p);
  }
  return p;
}

function compute(word: string, mode: HyphenMode): readonly number[] {
  if (word.length < LEFTMIN + RIGHTMIN || NEVER.test(word)) return NONE;
  const out: number[] = [];
  // A token may be several words glued by no-break spaces (« 1er janvier », « n° 3 »): each is
  // judged alone, and a digit anywhere already refused the whole token above.
  let offset = 0;
  for (const part of GLUE.test(word) ? word.split(GLUE) : [word]) {
    partPoints(part, offset, mode, out);
    offset += part.length + 1;
  }
  return out.length ? out : NONE;
}

function partPoints(part: string, offset: number, mode: HyphenMode, out: number[]): void {
  const lead = LEADING.exec(part)?.[0].length ?? 0;
  const trail = TRAILING.exec(part)?.[0].length ?? 0;
  if (lead + trail >= part.length) return;
  const core = part.slice(lead, part.length - trail);
  if (!CORE.test(core)) return;
  // After an elision (« l’environnement », « qu’elle ») only the word itself is cut, and the
  // letters before the cut are counted from the apostrophe: never « l’-» nor « l’e-».
  const apos = Math.max(core.lastIndexOf('\u2019'), core.lastIndexOf("'"));
  const seg = core.slice(apos + 1);
  if (seg.length < LEFTMIN + RIGHTMIN || seg.length > MAX_SEGMENT) return;
  const lower = seg.toLowerCase();
  if (lower !== seg) {
    // Capitals: never a word in capitals (acronyms, names set in capitals); a capitalised word
    // (a proper name, or the first word of a sentence) only in a measure it cannot fit.
    if (mode === 'text' || seg.slice(1) !== lower.slice(1)) return;
  }
  if (MONTHS.has(lower)) return;
  const marked = french()(seg);
  const base = offset + lead + apos + 1;
  let k = 0;
  for (let i = 0; i < marked.length; i++) {
    if (marked[i] === SHY) {
      if (k >= LEFTMIN && seg.length - k >= RIGHTMIN) out.push(base + k);
    } else {
      k++;
    }
  }
}
