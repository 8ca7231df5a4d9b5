// Cutting one word token: where it may break (after the hyphen of a compound word, or at a
// French hyphenation point, where a hyphen is added) and the pieces it breaks into.
//
// Used by the line breaker (hyphenation of justified text, words wider than their measure) and
// by tables (the narrowest a column can be without cutting a word between letters).
import { hyphenPoints, type HyphenMode } from './hyphenate.ts';
import { SUPERSCRIPT, type Fragment, type TextContext, type WordToken } from './text.ts';

/** The hyphen drawn at a line end that cuts a word (U+002D: it extracts and copies as typed). */
export const HYPHEN = '-';

/** A piece of a cut word; `hyphen`: it ends with a hyphen the cut added. */
export interface PieceToken extends WordToken {
  readonly hyphen?: true;
}

export interface Glyph {
  readonly frag: Fragment;
  readonly ch: string;
  readonly width: number;
}

export function glyphsOf(word: WordToken, ctx: TextContext): Glyph[] {
  const out: Glyph[] = [];
  for (const f of word.frags) {
    const size = f.sup ? ctx.size * SUPERSCRIPT.scale : ctx.size;
    for (const ch of f.text) out.push({ frag: f, ch, width: ctx.fonts.advance(f.face, ch.codePointAt(0)!) * size });
  }
  return out;
}

export function wordText(word: WordToken): string {
  return word.frags.length === 1 ? word.frags[0]!.text : word.frags.map((f) => f.text).join('');
}

const LETTER = /\p{L}/u;

/** A place a word may break: before glyph `at`; `hyphen` when a hyphen must be added there. */
export interface Cut {
  readonly at: number;
  readonly hyphen: boolean;
}

/**
 * Where a word may break, in order: after a hyphen between two letters (« rendez-|vous »,
 * « Île-de-|France »; never between digits: « L. 6114-1 », « 2019-2023 », nor after a
 * non-breaking hyphen U+2011), or at a hyphenation point of the French patterns.
 */
export function wordCuts(g: readonly Glyph[], text: string, mode: HyphenMode): Cut[] {
  const out: Cut[] = [];
  for (let i = 1; i + 1 < g.length; i++) {
    if (g[i]!.ch === '-' && LETTER.test(g[i - 1]!.ch) && LETTER.test(g[i + 1]!.ch)) out.push({ at: i + 1, hyphen: false });
  }
  const points = hyphenPoints(text, mode);
  if (!points.length) return out;
  // Points are UTF-16 offsets; glyphs are code points.
  let unit = 0;
  let p = 0;
  for (let i = 0; i < g.length && p < points.length; i++) {
    if (unit === points[p]) {
      out.push({ at: i, hyphen: true });
      p++;
    }
    unit += g[i]!.ch.length;
  }
  return out.sort((a, b) => a.at - b.at);
}

export function hyphenWidth(face: Fragment['face'], ctx: TextContext): number {
  return ctx.fonts.advance(face, HYPHEN.charCodeAt(0)) * ctx.size;
}

/** Glyphs [from, to) as a word token, one fragment per run of the same source fragment. */
export function wordOf(g: readonly Glyph[], from: number, to: number, hyphen = false, ctx?: TextContext): PieceToken {
  const frags: Fragment[] = [];
  let width = 0;
  for (let i = from; i < to; ) {
    const f = g[i]!.frag;
    let text = '';
    let w = 0;
    for (; i < to && g[i]!.frag === f; i++) {
      text += g[i]!.ch;
      w += g[i]!.width;
    }
    frags.push({ ...f, text, width: w });
    width += w;
  }
  if (hyphen && ctx && frags.length) {
    const last = frags[frags.length - 1]!;
    const hw = hyphenWidth(last.face, ctx);
    frags[frags.length - 1] = { ...last, text: last.text + HYPHEN, width: last.width + hw };
    width += hw;
    return { t: 'word', frags, width, hyphen: true };
  }
  return { t: 'word', frags, width };
}

/**
 * Cuts a word wider than `max` into pieces that fit: at the last break point (compound hyphen
 * or hyphenation, with its hyphen) that keeps the piece within `max`; between characters only
 * when the word has no such point (an overlong identifier, a URL, a number in a column that
 * cannot be widened enough): the text is never drawn outside its measure.
 */
export function splitWord(word: WordToken, max: number, ctx: TextContext): PieceToken[] {
  const g = glyphsOf(word, ctx);
  const cuts = wordCuts(g, wordText(word), 'narrow');
  const hw = cuts.some((c) => c.hyphen) ? hyphenWidth(word.frags[word.frags.length - 1]!.face, ctx) : 0;
  const pieces: PieceToken[] = [];
  let start = 0;
  let width = 0;
  let c = 0;
  for (let i = 0; i < g.length; i++) {
    if (width + g[i]!.width > max && i > start) {
      // The last cut of this piece whose piece (with its hyphen) still fits.
      let best: Cut | undefined;
      let w = 0;
      let k = start;
      for (let j = c; j < cuts.length && cuts[j]!.at <= i; j++) {
        const cut = cuts[j]!;
        for (; k < cut.at; k++) w += g[k]!.width;
        if (cut.at - start >= 2 && w + (cut.hyphen ? hw : 0) <= max + 1e-6) best = cut;
      }
      const at = best ? best.at : i;
      pieces.push(wordOf(g, start, at, !!best?.hyphen, ctx));
      start = at;
      while (c < cuts.length && cuts[c]!.at <= start) c++;
      width = 0;
      for (let k2 = start; k2 < i; k2++) width += g[k2]!.width;
      // What followed the cut may still leave no room for this character: cut here too.
      if (width + g[i]!.width > max && i > start) {
        pieces.push(wordOf(g, start, i));
        start = i;
        while (c < cuts.length && cuts[c]!.at <= start) c++;
        width = 0;
      }
    }
    width += g[i]!.width;
  }
  pieces.push(wordOf(g, start, g.length));
  return pieces;
}

/**
 * The narrowest a word can be set without cutting it between letters: its widest piece between
 * break points (a hyphenation piece with its hyphen). A number, a date or a reference has no
 * break point: its whole width.
 */
export function minWordWidth(word: WordToken, ctx: TextContext): number {
  const text = wordText(word);
  if (!text.includes('-') && hyphenPoints(text, 'narrow').length === 0) return word.width;
  const g = glyphsOf(word, ctx);
  const cuts = wordCuts(g, text, 'narrow');
  if (!cuts.length) return word.width;
  const hw = hyphenWidth(word.frags[word.frags.length - 1]!.face, ctx);
  let widest = 0;
  let w = 0;
  let c = 0;
  for (let i = 0; i < g.length; i++) {
    if (c < cuts.length && cuts[c]!.at === i) {
      widest = Math.max(widest, w + (cuts[c]!.hyphen ? hw : 0));
      w = 0;
      c++;
    }
    w += g[i]!.width;
  }
  return Math.max(widest, w);
}
