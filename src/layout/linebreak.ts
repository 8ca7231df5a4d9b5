// Greedy line breaking (first fit, as word processors do) with justification.
//
// A line is a list of text frames relative to the line's top-left corner. Justified lines
// widen their breakable spaces (the only U+0020 left in the text) through TextFrame.wordGap,
// so the writer emits one TJ per run instead of one show per word. The last line of a
// paragraph and lines ended by a forced break stay ragged.
import type { Align } from './styles.ts';
import { splitWord, SUPERSCRIPT, type Mark, type SpaceToken, type TextContext, type Token, type WordToken } from './text.ts';
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
  const max = opts.width;
  const base = baselineOffset(ctx, opts.leading);
  const justify = opts.align === 'justify';
  let items: Item[] = [];
  let width = 0;
  let pending: SpaceToken | null = null;
  for (let k = 0; k < tokens.length; k++) {
    const tok = tokens[k]!;
    if (tok.t === 'break') {
      lines.push(buildLine(items, width, false, opts, base, ctx.size));
      items = [];
      width = 0;
      pending = null;
      continue;
    }
    if (tok.t === 'space') {
      if (items.length) pending = tok;
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
    // The word starts a new line; a word wider than the line is cut by characters.
    let first: WordToken = tok;
    if (tok.width > max + EPS) {
      const parts = splitWord(tok, max, ctx);
      for (let p = 0; p < parts.length - 1; p++) lines.push(buildLine([parts[p]!], parts[p]!.width, false, opts, base, ctx.size));
      first = parts[parts.length - 1]!;
    }
    items = [first];
    width = first.width;
  }
  if (items.length || lines.length === 0) lines.push(buildLine(items, width, false, opts, base, ctx.size));
  return lines;
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
  const gap = justify && spaces > 0 ? Math.max(0, (opts.width - natural) / spaces) : 0;
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
  return rules.length ? { frames, rules, height: opts.leading, width: natural } : { frames, height: opts.leading, width: natural };
}
