// Text compared for provenance, with a map back to where each character came from, so that a
// difference is reported at the template's line and column and at the source's line.
//
// Tolerances (the same as the per-model tests had): typography is not wording — every kind of
// whitespace (the PDF extraction splits words: « modernisat ion »), no-break spaces, curly or
// straight apostrophes and quotes; the extraction's quadrupled headings (« SSSSOCLE TYPE DU OCLE
// TYPE DU … ») count once.

export interface Mapped {
  /** Normalised text. */
  readonly text: string;
  /** For each character of `text`, its offset in the original text. */
  readonly offsets: readonly number[];
}

export function mapped(text: string, base = 0): Mapped {
  return { text, offsets: Array.from(text, (_, i) => base + i) };
}

/**
 * `String.replace` that keeps the map: a replacement's characters point at the match start
 * plus their index (exact when the replacement is a prefix of the match, as for degarbling).
 */
function replaceMapped(m: Mapped, re: RegExp, replacement: (match: RegExpExecArray) => string): Mapped {
  let text = '';
  const offsets: number[] = [];
  let last = 0;
  for (const match of m.text.matchAll(re)) {
    const at = match.index;
    text += m.text.slice(last, at);
    offsets.push(...m.offsets.slice(last, at));
    const r = replacement(match as RegExpExecArray);
    text += r;
    for (let i = 0; i < r.length; i++) offsets.push(m.offsets[Math.min(at + i, at + match[0].length - 1)]!);
    last = at + match[0].length;
  }
  text += m.text.slice(last);
  offsets.push(...m.offsets.slice(last));
  return { text, offsets };
}

// Code units, not code points: the map stays one entry per UTF-16 unit like String indices.
const APOSTROPHES = /[’‘`ʼ]/g;
const QUOTES = /[«»“”]/g;
const WHITESPACE = /[\s\u00a0\u202f\u2007\u2009]+/g;
/** A run repeated four times in a row: the extraction's way of printing a bold heading. */
const GARBLED = /(.+?)\1{3}/g;

/** Folds typography; whitespace is dropped altogether (the extraction splits and joins words). */
export function squashMapped(m: Mapped): Mapped {
  let r = replaceMapped(m, GARBLED, (x) => x[1]!);
  r = replaceMapped(r, APOSTROPHES, () => "'");
  r = replaceMapped(r, QUOTES, () => '"');
  return replaceMapped(r, WHITESPACE, () => '');
}

export function squash(s: string): string {
  return squashMapped(mapped(s)).text;
}

/** Whitespace folded to one space, for short excerpts in messages. */
export function excerpt(s: string, max = 60): string {
  const flat = s.replace(WHITESPACE, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}
