// Paragraphs, headings and lists → chunks (one per line) with their keep links.
import { headingText, type Heading, type Inline, type List, type Paragraph } from '../ir/types.ts';
import type { FontBook } from './fonts.ts';
import type { Chunk } from './flow.ts';
import { shift } from './flow.ts';
import { breakLines, lineFrames, type Line } from './linebreak.ts';
import { inlinesKey, layoutMemo } from './memo.ts';
import { listKey } from './structure.ts';
import { headingStyle, LIST_INDENT, PARAGRAPH_STYLES, type PageGeometry, type TextStyle } from './styles.ts';
import { tokenize, type TextContext } from './text.ts';

export interface LayoutContext {
  readonly fonts: FontBook;
  readonly geo: PageGeometry;
  /** Characters replaced by "□" in the current document. */
  readonly missing: Set<string>;
}

export function textContext(ctx: LayoutContext, style: TextStyle): TextContext {
  return { fonts: ctx.fonts, size: style.size, bold: style.bold, italic: style.italic, missing: ctx.missing };
}

/** Lines of some inlines in a box `width` wide starting at x = 0. */
export function linesOf(content: readonly Inline[], style: TextStyle, width: number, ctx: LayoutContext, x = 0): readonly Line[] {
  const memo = layoutMemo(ctx.fonts);
  if (!memo) return setLines(content, style, width, ctx, x);
  const key = `${inlinesKey(content, style)}|${width}|${x}`;
  let hit = memo.lines.get(key);
  if (!hit) {
    // A fresh set: the characters this text replaces, whatever earlier text replaced already.
    const missing = new Set<string>();
    const lines = setLines(content, style, width, { ...ctx, missing }, x);
    hit = { lines, missing: [...missing] };
    memo.lines.set(key, hit);
  }
  for (const ch of hit.missing) ctx.missing.add(ch);
  return hit.lines;
}

function setLines(content: readonly Inline[], style: TextStyle, width: number, ctx: LayoutContext, x: number): Line[] {
  const tc = textContext(ctx, style);
  return breakLines(tokenize(content, tc), tc, { width, align: style.align, leading: style.leading, x });
}

/** Lines → chunks, with widow/orphan links: a page may only break after line i when at least
 * two lines stay on each side. */
export function lineChunks(lines: readonly Line[], dx: number, keepAll: boolean): Chunk[] {
  const n = lines.length;
  return lines.map((l, i) => {
    const k = i + 1;
    const breakable = k >= 2 && n - k >= 2;
    return { height: l.height, spaceBefore: 0, keepWithNext: keepAll || (k < n && !breakable), frames: shift(lineFrames(l), dx, 0) };
  });
}

export function paragraphChunks(p: Paragraph, ctx: LayoutContext): Chunk[] {
  const style = PARAGRAPH_STYLES[p.style];
  const indent = style.indent ?? 0;
  const lines = linesOf(p.content, style, ctx.geo.right - ctx.geo.left - indent, ctx, ctx.geo.left + indent);
  const chunks = lineChunks(lines, 0, false);
  if (p.keepWithNext) chunks[chunks.length - 1]!.keepWithNext = true;
  return chunks;
}

export function headingChunks(h: Heading, ctx: LayoutContext): Chunk[] {
  const style = headingStyle(h);
  const content: Inline[] = h.number
    ? [{ type: 'text', text: `${h.number}${h.separator ?? ' – '}` }, ...h.content]
    : [...h.content];
  const lines = linesOf(content, style, ctx.geo.right - ctx.geo.left, ctx, ctx.geo.left);
  const chunks = lineChunks(lines, 0, true);
  if (h.number && chunks[0]) {
    chunks[0] = { ...chunks[0], bookmark: { title: headingText(h).replace(/\s+/g, ' ').trim(), level: h.level } };
  }
  return chunks;
}

export function listChunks(list: List, ctx: LayoutContext): Chunk[] {
  const style = PARAGRAPH_STYLES.body;
  const width = ctx.geo.right - ctx.geo.left - LIST_INDENT;
  const chunks: Chunk[] = [];
  list.items.forEach((item, k) => {
    const marker = list.ordered ? `${k + 1}.` : (list.bullet ?? '–');
    const lines = linesOf(item.content, style, width, ctx, ctx.geo.left + LIST_INDENT);
    const itemChunks = lineChunks(lines, 0, false).map((c) => ({ ...c, frames: shift(c.frames, 0, 0, listKey(k, false)) }));
    // The marker goes through the same tokenizer, so a bullet missing from the serif falls back.
    const ml = linesOf([{ type: 'text', text: marker }], { ...style, align: 'left' }, 1000, ctx)[0]!;
    const first = itemChunks[0]!;
    itemChunks[0] = {
      ...first,
      spaceBefore: k === 0 ? 0 : 3,
      frames: [...shift(ml.frames, ctx.geo.left + LIST_INDENT - 5 - ml.width, 0, listKey(k, true)), ...first.frames],
    };
    chunks.push(...itemChunks);
  });
  return chunks;
}
