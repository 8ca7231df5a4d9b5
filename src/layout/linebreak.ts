// Greedy line breaking (first fit, as word processors do) with justification.
//
// A line is a list of text frames relative to the line's top-left corner. Justified lines
// widen their breakable spaces (the only U+0020 left in the text) through TextFrame.wordGap,
// so the writer emits one TJ per run instead of one show per word. The last line of a
// paragraph and lines ended by a forced break stay ragged.
import type { Align } from './styles.ts';
import { hyphenPoints } from './hyphenate.ts';
import { BOX, GLUE, knuthPlass, PENALTY } from './knuth-plass.ts';
import { SUPERSCRIPT, type Mark, type SpaceToken, type TextContext, type Token, type WordToken } from './text.ts';
import { glyphsOf, hyphenWidth, splitWord, wordCuts, wordOf, wordText, type Glyph, type PieceToken } from './wordsplit.ts';
import type { FaceId, Frame, LineFrame, TextFrame } from './types.ts';

export interface Line {
  readonly frames: readonly TextFrame[];
  /** Rules under (insertion) or through (deletion) tracked-change runs, when there are any. */
  readonly rules?: readonly LineFrame[];
  /** Line pitch. */
  readonly height: number;
  /** Natural width of the text. */
  readonly width: number;
}

const EPS = 1e-6;

type Item = WordToken | SpaceToken;

/** Everything a line draws: its text and, for redlines, its change rules. */
export function lineFrames(l: Line): readonly Frame[] {
  return l.rules ? [...l.frames, ...l.rules] : l.frames;
}

export interface BreakOptions {
  readonly width: number;
  readonly align: Align;
  readonly leading: number;
  /** Extra left offset of every line (lists use it for the hanging indent). */
  readonly x?: number;
  /** Justified text by first fit instead of Knuth–Plass (comparisons, tests). */
  readonly firstFit?: boolean;
}

/** Baseline offset from the top of a line: the glyph box centred in the leading. */
export function baselineOffset(ctx: TextContext, leading: number): number {
  const face = ctx.fonts.face('serif');
  const asc = face.ascent * ctx.size;
  const desc = -face.descent * ctx.size;
  return (leading - (asc + desc)) / 2 + asc;
}

// Hot path: no inner named closures (tsx keeps function names with a helper call per closure
// creation, which showed up at the top of profiles).
export function breakLines(tokens: readonly Token[], ctx: TextContext, opts: BreakOptions): Line[] {
  const lines: Line[] = [];
  const base = baselineOffset(ctx, opts.leading);
  let from = 0;
  for (let k = 0; k < tokens.length; k++) {
    if (tokens[k]!.t !== 'break') continue;
    breakSegment(tokens, from, k, ctx, opts, base, lines);
    from = k + 1;
  }
  let words = false;
  for (let k = from; k < tokens.length && !words; k++) words = tokens[k]!.t === 'word';
  if (words || lines.length === 0) breakSegment(tokens, from, tokens.length, ctx, opts, base, lines);
  return lines;
}

/** Words and the spaces between them (none leading or trailing) of tokens [from, to). */
function itemsOf(tokens: readonly Token[], from: number, to: number): Item[] {
  const items: Item[] = [];
  let pending: SpaceToken | null = null;
  for (let k = from; k < to; k++) {
    const tok = tokens[k]!;
    if (tok.t === 'space') {
      if (items.length) pending = tok;
    } else if (tok.t === 'word') {
      if (pending) items.push(pending);
      items.push(tok);
      pending = null;
    }
  }
  return items;
}

/** Lines of one stretch of text between forced breaks; its last line stays ragged. */
function breakSegment(tokens: readonly Token[], from: number, to: number, ctx: TextContext, opts: BreakOptions, base: number, lines: Line[]): void {
  const items = itemsOf(tokens, from, to);
  if (!items.length) {
    lines.push(buildLine(items, 0, false, opts, base, ctx.size));
    return;
  }
  // A stretch that fits on one line has nothing to choose (and its only line stays ragged).
  let natural = 0;
  for (const it of items) natural += it.width;
  if (natural <= opts.width + EPS) {
    lines.push(buildLine(items, natural, false, opts, base, ctx.size));
    return;
  }
  if (opts.align === 'justify' && !opts.firstFit && optimalLines(items, ctx, opts, base, lines)) return;
  firstFit(items, ctx, opts, base, lines);
}

/**
 * First fit, as word processors do: ragged text (titles, table cells, centred lines) and the
 * last resort of justified text. A word wider than the line is cut at a hyphenation point.
 */
function firstFit(src: readonly Item[], ctx: TextContext, opts: BreakOptions, base: number, lines: Line[]): void {
  const max = opts.width;
  const justify = opts.align === 'justify';
  let items: Item[] = [];
  let width = 0;
  let pending: SpaceToken | null = null;
  for (const tok of src) {
    if (tok.t === 'space') {
      pending = tok;
      continue;
    }
    if (items.length) {
      const sw = pending ? pending.width : 0;
      if (width + sw + tok.width <= max + EPS) {
        if (pending) items.push(pending);
        items.push(tok);
        width += sw + tok.width;
        pending = null;
        continue;
      }
      lines.push(buildLine(items, width, justify, opts, base, ctx.size));
      pending = null;
    }
    let first: WordToken = tok;
    if (tok.width > max + EPS) {
      const parts = splitWord(tok, max, ctx);
      for (let p = 0; p < parts.length - 1; p++) lines.push(buildLine([parts[p]!], parts[p]!.width, false, opts, base, ctx.size));
      first = parts[parts.length - 1]!;
    }
    items = [first];
    width = first.width;
  }
  lines.push(buildLine(items, width, false, opts, base, ctx.size));
}

/** Interword glue: a space may grow by half its width and shrink by a third (TeX's values). */
const STRETCH = 1 / 2;
const SHRINK = 1 / 3;
/** TeX's \hyphenpenalty and \exhyphenpenalty. */
const HYPHEN_PENALTY = 50;

/** Items for Knuth–Plass, with what each box and glue stands for. */
class ParagraphItems {
  readonly type: number[] = [];
  readonly width: number[] = [];
  readonly stretch: number[] = [];
  readonly shrink: number[] = [];
  readonly cost: number[] = [];
  readonly flagged: number[] = [];
  /** Box: index of its word; glue: index of its space; penalty: -1. */
  readonly ref: number[] = [];
  /** Box: glyph range [from, to) of its word, or -1 for the whole word. */
  readonly from: number[] = [];
  readonly to: number[] = [];

  push(type: number, width: number, ref: number, from = -1, to = -1, cost = 0, flagged = 0): void {
    this.type.push(type);
    this.width.push(width);
    this.stretch.push(type === GLUE ? width * STRETCH : 0);
    this.shrink.push(type === GLUE ? width * SHRINK : 0);
    this.cost.push(cost);
    this.flagged.push(flagged);
    this.ref.push(ref);
    this.from.push(from);
    this.to.push(to);
  }

  get n(): number {
    return this.type.length;
  }

  truncate(n: number): void {
    for (const a of [this.type, this.width, this.stretch, this.shrink, this.cost, this.flagged, this.ref, this.from, this.to]) a.length = n;
  }
}

interface Words {
  readonly words: WordToken[];
  /** spaces[i]: the space before words[i] (none before the first word). */
  readonly spaces: Array<SpaceToken | null>;
  /** joined[i]: words[i] continues words[i - 1], an overlong word cut to fit the line. */
  readonly joined: boolean[];
  readonly glyphs: Map<number, readonly Glyph[]>;
}

function paragraphItems(w: Words, ctx: TextContext, hyphenate: boolean): ParagraphItems {
  const it = new ParagraphItems();
  for (let i = 0; i < w.words.length; i++) {
    const word = w.words[i]!;
    const sp = w.spaces[i];
    if (i > 0) {
      if (!w.joined[i]) it.push(GLUE, sp!.width, i);
      else it.push(PENALTY, 0, -1, -1, -1, 0, (w.words[i - 1] as PieceToken).hyphen ? 1 : 0);
    }
    const text = hyphenate && !w.joined[i] && !w.joined[i + 1] ? wordText(word) : '';
    // A compound word stays whole in running text: a line ending in « Haut- » reads as a cut
    // (pdftotext and screen readers join it to « HautLanguedoc »), and most are proper names.
    if (text.length < 5 || text.includes('-') || hyphenPoints(text, 'text').length === 0) {
      it.push(BOX, word.width, i);
      continue;
    }
    if (word.frags.length === 1 && !SURROGATE.test(text) && simplePieces(it, word, text, i, ctx)) continue;
    let g = w.glyphs.get(i);
    if (!g) w.glyphs.set(i, (g = glyphsOf(word, ctx)));
    const cuts = wordCuts(g, text, 'text');
    let at = 0;
    for (const cut of cuts) {
      let pw = 0;
      for (let k = at; k < cut.at; k++) pw += g[k]!.width;
      it.push(BOX, pw, i, at, cut.at);
      it.push(PENALTY, cut.hyphen ? hyphenWidth(g[cut.at - 1]!.frag.face, ctx) : 0, -1, -1, -1, HYPHEN_PENALTY, 1);
      at = cut.at;
    }
    let pw = 0;
    for (let k = at; k < g.length; k++) pw += g[k]!.width;
    it.push(BOX, pw, i, at, g.length);
  }
  it.push(PENALTY, 0, -1, -1, -1, -Infinity, 0);
  return it;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * The common case, without per-glyph objects: a word in one face whose offsets are its glyph
 * indices; piece widths come from the FontBook's string cache. False when a character is missing
 * from the face (the glyph path handles the fallback).
 */
function simplePieces(it: ParagraphItems, word: WordToken, text: string, i: number, ctx: TextContext): boolean {
  const face = word.frags[0]!.face;
  const points = hyphenPoints(text, 'text');
  const n0 = it.n;
  let at = 0;
  const hw = hyphenWidth(face, ctx);
  for (let p = 0; p <= points.length; p++) {
    const to = p < points.length ? points[p]! : text.length;
    const pw = ctx.fonts.width(face, text.slice(at, to)) * ctx.size;
    if (Number.isNaN(pw)) {
      it.truncate(n0);
      return false;
    }
    it.push(BOX, pw, i, at, to);
    if (p < points.length) it.push(PENALTY, hw, -1, -1, -1, HYPHEN_PENALTY, 1);
    at = to;
  }
  return true;
}

/**
 * Justified text by Knuth–Plass, as TeX does: first without hyphenation within a tight
 * tolerance, then with hyphenation, then with any stretch rather than overflow. False when even
 * that fails (first fit takes over).
 */
function optimalLines(src: readonly Item[], ctx: TextContext, opts: BreakOptions, base: number, lines: Line[]): boolean {
  const max = opts.width;
  const w: Words = { words: [], spaces: [], joined: [], glyphs: new Map() };
  let pending: SpaceToken | null = null;
  for (const tok of src) {
    if (tok.t === 'space') {
      pending = tok;
      continue;
    }
    const parts = tok.width > max + EPS ? splitWord(tok, max, ctx) : [tok];
    parts.forEach((p, k) => {
      w.words.push(p);
      w.spaces.push(k === 0 ? pending : null);
      w.joined.push(k > 0);
    });
    pending = null;
  }
  for (const [hyphenate, maxRatio] of PASSES) {
    const it = paragraphItems(w, ctx, hyphenate);
    const res = knuthPlass(it, { width: max, maxRatio });
    if (!res) continue;
    let start = 0;
    res.breaks.forEach((b, k) => {
      const last = k === res.breaks.length - 1;
      lines.push(lineOf(it, w, start, b, !last, ctx, opts, base));
      start = b + 1;
    });
    return true;
  }
  return false;
}

const PASSES: ReadonlyArray<readonly [boolean, number]> = [
  [false, 1],
  [true, 2],
  [true, Infinity],
];

/** The line of items [start, end) broken at `end`. */
function lineOf(it: ParagraphItems, w: Words, start: number, end: number, justify: boolean, ctx: TextContext, opts: BreakOptions, base: number): Line {
  const items: Item[] = [];
  let natural = 0;
  const hyphenAtEnd = it.type[end] === PENALTY && it.flagged[end] === 1 && it.width[end]! > 0;
  for (let i = start; i < end; i++) {
    const t = it.type[i]!;
    if (t === GLUE) {
      const sp = w.spaces[it.ref[i]!]!;
      items.push(sp);
      natural += sp.width;
    } else if (t === BOX) {
      const wi = it.ref[i]!;
      const from = it.from[i]!;
      let to = it.to[i]!;
      // Boxes of one word on the same line are drawn as one word.
      while (i + 2 < end && it.type[i + 1] === PENALTY && it.type[i + 2] === BOX && it.ref[i + 2] === wi) {
        i += 2;
        to = it.to[i]!;
      }
      const cutHere = hyphenAtEnd && i === end - 1;
      const word = w.words[wi]!;
      let tok: WordToken = word;
      if (from > 0 || cutHere || (to >= 0 && to < wordText(word).length)) {
        // Only a word cut at this line's start or end needs its glyphs.
        let g = w.glyphs.get(wi);
        if (!g) w.glyphs.set(wi, (g = glyphsOf(word, ctx)));
        tok = wordOf(g, Math.max(0, from), to < 0 ? g.length : to, cutHere, ctx);
      }
      items.push(tok);
      natural += tok.width;
    }
  }
  return buildLine(items, natural, justify, opts, base, ctx.size);
}

/** Grey of deleted text: readable, visibly not current. */
/** Grey of deleted text and of its marks (strike-through, change bar). */
export const DELETED_GRAY = 0.45;

/**
 * One run of text; a tracked-change run also gets its rule, so a redline prints visibly: an
 * underline for an insertion, a strike-through (and grey text) for a deletion.
 */
function pushRun(frames: TextFrame[], rules: LineFrame[], face: FaceId | null, mark: Mark | undefined, text: string, x0: number, x1: number, base: number, size: number, gap: number, sup = false): void {
  if (!face || !text) return;
  const t: TextFrame = sup
    ? { kind: 'text', x: x0, y: base - size * SUPERSCRIPT.rise, face, size: size * SUPERSCRIPT.scale, text, wordGap: 0 }
    : { kind: 'text', x: x0, y: base, face, size, text, wordGap: gap };
  if (!mark) {
    frames.push(t);
    return;
  }
  const deleted = mark === 'suppression';
  frames.push(deleted ? { ...t, gray: DELETED_GRAY } : t);
  const y = deleted ? base - size * 0.27 : base + size * 0.14;
  rules.push({ kind: 'line', x1: x0, y1: y, x2: x1, y2: y, width: Math.max(0.4, size * 0.05), ...(deleted ? { gray: DELETED_GRAY } : {}) });
}

function buildLine(
  items: readonly Item[],
  natural: number,
  justify: boolean,
  opts: BreakOptions,
  base: number,
  size: number,
): Line {
  let spaces = 0;
  for (const it of items) if (it.t === 'space') spaces++;
  // Negative when Knuth–Plass shrank the spaces of a tight line.
  const gap = justify && spaces > 0 ? (opts.width - natural) / spaces : 0;
  let x = (opts.x ?? 0) + (opts.align === 'center' ? Math.max(0, (opts.width - natural) / 2) : 0);

  const frames: TextFrame[] = [];
  const rules: LineFrame[] = [];
  let runFace: FaceId | null = null;
  let runMark: Mark | undefined;
  let runSup = false;
  let runText = '';
  let runX = x;
  for (const it of items) {
    if (it.t === 'space') {
      if (it.face !== runFace || it.mark !== runMark || runSup) {
        pushRun(frames, rules, runFace, runMark, runText, runX, x, base, size, gap, runSup);
        runFace = it.face;
        runMark = it.mark;
        runSup = false;
        runText = '';
        runX = x;
      }
      runText += ' ';
      x += it.width + gap;
      continue;
    }
    for (const f of it.frags) {
      if (f.face !== runFace || f.mark !== runMark || !!f.sup !== runSup) {
        pushRun(frames, rules, runFace, runMark, runText, runX, x, base, size, gap, runSup);
        runFace = f.face;
        runMark = f.mark;
        runSup = !!f.sup;
        runText = '';
        runX = x;
      }
      runText += f.text;
      x += f.width;
    }
  }
  pushRun(frames, rules, runFace, runMark, runText, runX, x, base, size, gap, runSup);
  // A word cut at a hyphenation point ends the line: the last run ends with the added hyphen.
  const end = items[items.length - 1];
  if (end?.t === 'word' && (end as PieceToken).hyphen && frames.length) frames[frames.length - 1] = { ...frames[frames.length - 1]!, hyphenated: true };
  return rules.length ? { frames, rules, height: opts.leading, width: natural } : { frames, height: opts.leading, width: natural };
}
