// Tables → chunks: one chunk per row (or per group of rows joined by a rowSpan), the header
// rows as one chunk repeated on every page the table spans. A row taller than a page is the
// only thing cut inside, line by line per cell.
import { rowRevision } from '../ir/revisions.ts';
import type { Inline, Revision, Table, TableRow } from '../ir/types.ts';
import type { LayoutContext } from './blocks.ts';
import { linesOf } from './blocks.ts';
import type { Chunk } from './flow.ts';
import { pushMoved } from './flow.ts';
import { cellKey } from './structure.ts';
import { DELETED_GRAY, lineFrames, type Line } from './linebreak.ts';
import { inlinesKey, layoutMemo } from './memo.ts';
import { CELL_PAD_X, CELL_PAD_Y, cellStyle, RULE, SHADE, type TextStyle } from './styles.ts';
import { tokenize } from './text.ts';
import { minWordWidth } from './wordsplit.ts';
import { textContext } from './blocks.ts';
import type { Frame } from './types.ts';

/** A cell placed on the grid, its content broken into lines. */
interface Placed {
  readonly row: number;
  readonly col: number;
  readonly rowSpan: number;
  /** A header row's cell (tagged TH, rows numbered apart from the body's). */
  readonly header: boolean;
  readonly x: number;
  readonly w: number;
  readonly shade: boolean;
  /** Lines with their top offset inside the cell's content box. */
  readonly lines: ReadonlyArray<{ readonly line: Line; readonly top: number }>;
  readonly contentHeight: number;
}

export interface TableIssue {
  readonly message: string;
}

/**
 * Narrowest width each column needs so that no word of a single-column cell is cut between
 * letters: the widest word (unbreakable run, or part of a compound word up to its hyphen) plus
 * padding. Template widths are proportions; a word such as « N+1 »
 * or « l’autorisation » cut across two lines reads badly, so columns are widened when possible.
 */
function minContentWidths(t: Table, ncols: number, ctx: LayoutContext): number[] {
  const need = new Array<number>(ncols).fill(0);
  for (const rows of [t.headerRows, t.bodyRows]) {
    // Cells under a rowSpan are omitted from the IR: track them to find each cell's column.
    const covered: boolean[][] = rows.map(() => new Array<boolean>(ncols).fill(false));
    rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < ncols && covered[r]![c]) c++;
      const span = cell.colSpan ?? 1;
      const rs = cell.rowSpan ?? 1;
      for (let rr = r + 1; rr < Math.min(rows.length, r + rs); rr++) for (let cc = c; cc < Math.min(ncols, c + span); cc++) covered[rr]![cc] = true;
      if (span === 1 && c < ncols) {
        for (const p of cell.content) {
          // x ↦ x + padding is monotonic: the widest word plus padding is the max of each's.
          const widest = widestWord(p.content, cellStyle(p.style, t.fontSize), ctx);
          if (widest !== undefined) need[c] = Math.max(need[c]!, widest + 2 * CELL_PAD_X + 0.5);
        }
      }
      c += span;
    }
    });
  }
  return need;
}

/** The narrowest a paragraph's widest word can be set (see minWordWidth); undefined without words. */
function widestWord(content: readonly Inline[], style: TextStyle, ctx: LayoutContext): number | undefined {
  const memo = layoutMemo(ctx.fonts);
  const key = memo && inlinesKey(content, style);
  let hit = key === undefined ? undefined : memo!.minWidth.get(key);
  if (!hit) {
    const missing = new Set<string>();
    const tc = textContext({ ...ctx, missing }, style);
    let width = -Infinity;
    for (const tok of tokenize(content, tc)) if (tok.t === 'word') width = Math.max(width, minWordWidth(tok, tc));
    hit = { width, missing: [...missing] };
    if (key !== undefined) memo!.minWidth.set(key, hit);
  }
  for (const ch of hit.missing) ctx.missing.add(ch);
  return hit.width === -Infinity ? undefined : hit.width;
}

/** Smallest type a dense table may be set in (the IR's « petit » tables are 7.5 pt). */
export const MIN_TABLE_SIZE = 6;

/**
 * A table whose words cannot all fit their columns at its type size (DGOS Annexe 7: 23 columns
 * on a landscape page) is set smaller, half a point at a time down to MIN_TABLE_SIZE, rather
 * than having its columns crushed below their widest word: dates, numbers and references are
 * never cut, so they need their full width. A layout decision (it needs glyph widths): the DOCX
 * keeps the IR's size and lets Word or LibreOffice fit the table.
 */
function denseSize(t: Table, ncols: number, width: number, ctx: LayoutContext): { table: Table; need: number[] } {
  const need = minContentWidths(t, ncols, ctx);
  let size = t.fontSize ?? cellStyle('cell', undefined).size;
  const sum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);
  if (sum(need) <= width) return { table: t, need };
  while (size - 0.5 >= MIN_TABLE_SIZE) {
    size -= 0.5;
    const table = { ...t, fontSize: size };
    const smaller = minContentWidths(table, ncols, ctx);
    if (sum(smaller) <= width) return { table, need: smaller };
  }
  // Even the smallest type leaves a word too wide (a huge identifier): keep the size, the
  // widest columns are capped and that word is cut.
  return { table: t, need };
}

/** Raises columns below their minimum, taking the room from columns that have some to spare. */
export function fitMinContent(widths: readonly number[], need: readonly number[]): number[] {
  const total = widths.reduce((a, b) => a + b, 0);
  if (need.reduce((a, b) => a + b, 0) > total) {
    // Not every word can fit: short words (« N+1 », « oui ») keep their full width and the
    // widest columns share what is left, capped at one common width (water filling).
    let lo = 0;
    let hi = Math.max(...need);
    for (let k = 0; k < 40; k++) {
      const cap = (lo + hi) / 2;
      if (need.reduce((a, n) => a + Math.min(n, cap), 0) > total) hi = cap;
      else lo = cap;
    }
    const capped = need.map((n) => Math.min(n, lo));
    const rest = total - capped.reduce((a, b) => a + b, 0);
    return capped.map((w) => w + rest / capped.length);
  }
  const out = widths.map((w, i) => Math.max(w, need[i]!));
  let excess = out.reduce((a, b) => a + b, 0) - total;
  // Shrink the columns with slack, proportionally to their slack, until the total fits again.
  for (let pass = 0; pass < 4 && excess > 1e-6; pass++) {
    const slack = out.map((w, i) => Math.max(0, w - need[i]!));
    const sum = slack.reduce((a, b) => a + b, 0);
    if (sum <= 1e-6) break;
    const take = Math.min(excess, sum);
    for (let i = 0; i < out.length; i++) out[i] = out[i]! - (slack[i]! / sum) * take;
    excess -= take;
  }
  return out;
}

function placeRows(rows: readonly TableRow[], header: boolean, t: Table, xs: readonly number[], ctx: LayoutContext, issues: TableIssue[]): Placed[] {
  const ncols = xs.length - 1;
  const covered: boolean[][] = rows.map(() => new Array<boolean>(ncols).fill(false));
  const out: Placed[] = [];
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row.cells) {
      while (c < ncols && covered[r]![c]) c++;
      if (c >= ncols) {
        issues.push({ message: `une ligne de tableau a plus de cellules que ses ${ncols} colonnes : les cellules en trop sont ignorées` });
        break;
      }
      const cs = Math.max(1, Math.min(cell.colSpan ?? 1, ncols - c));
      const rs = Math.max(1, Math.min(cell.rowSpan ?? 1, rows.length - r));
      for (let rr = r + 1; rr < r + rs; rr++) for (let cc = c; cc < c + cs; cc++) covered[rr]![cc] = true;
      const x = xs[c]!;
      const w = xs[c + cs]! - x;
      const lines: Array<{ line: Line; top: number }> = [];
      let y = 0;
      cell.content.forEach((p, k) => {
        const style = cellStyle(p.style, t.fontSize);
        if (k > 0) y += style.spaceAfter;
        for (const line of linesOf(p.content, style, w - 2 * CELL_PAD_X, ctx, x + CELL_PAD_X)) {
          lines.push({ line, top: y });
          y += line.height;
        }
      });
      out.push({ row: r, col: c, rowSpan: rs, header, x, w, shade: !!cell.shade, lines, contentHeight: y });
      c += cs;
    }
  });
  return out;
}

function indexByRow(cells: readonly Placed[], rows: number): Placed[][] {
  const byRow: Placed[][] = Array.from({ length: rows }, () => []);
  for (const c of cells) byRow[c.row]!.push(c);
  return byRow;
}

function rowHeights(n: number, cells: readonly Placed[], minRow: number): number[] {
  const h = new Array<number>(n).fill(minRow);
  for (const c of cells) if (c.rowSpan === 1) h[c.row] = Math.max(h[c.row]!, c.contentHeight + 2 * CELL_PAD_Y);
  for (const c of cells) {
    if (c.rowSpan === 1) continue;
    let sum = 0;
    for (let r = c.row; r < c.row + c.rowSpan; r++) sum += h[r]!;
    const deficit = c.contentHeight + 2 * CELL_PAD_Y - sum;
    if (deficit > 0) h[c.row + c.rowSpan - 1]! += deficit;
  }
  return h;
}

function cellFrames(c: Placed, top: number, height: number, t: Table, lines: Placed['lines'], dy: number): Frame[] {
  const frames: Frame[] = [];
  const stroke = t.style === 'plain' ? undefined : RULE;
  if (c.shade || stroke) {
    frames.push({ kind: 'rect', x: c.x, y: top, w: c.w, h: height, ...(c.shade ? { fill: SHADE } : {}), ...(stroke ? { stroke } : {}) });
  }
  const key = cellKey(c.row, c.col, c.header);
  for (const l of lines) pushMoved(frames, lineFrames(l.line), 0, top + CELL_PAD_Y + l.top - dy, undefined, key);
  return frames;
}

/** How far left of the table a redline's change bar is drawn, and how thick. */
const BAR_GAP = 5;
const BAR_WIDTH = 1.2;

/**
 * A redline's change bar beside a row wholly inserted or deleted (grey for a deletion), as
 * Word and LibreOffice draw one: the row itself is the change, not only its words.
 */
function changeBar(kind: Revision['kind'] | undefined, x: number, top: number, height: number): Frame[] {
  if (!kind) return [];
  const gray = kind === 'suppression' ? { gray: DELETED_GRAY } : {};
  return [{ kind: 'line', x1: x - BAR_GAP, y1: top, x2: x - BAR_GAP, y2: top + height, width: BAR_WIDTH, ...gray }];
}

/** Chunks of a group of rows [from, to] drawn whole; `marks[r]`: row r wholly inserted / deleted. */
function groupChunk(byRow: readonly (readonly Placed[])[], heights: readonly number[], from: number, to: number, t: Table, marks: readonly (Revision['kind'] | undefined)[], x: number): Chunk {
  const tops: number[] = [];
  let y = 0;
  for (let r = from; r <= to; r++) {
    tops[r] = y;
    y += heights[r]!;
  }
  const frames: Frame[] = [];
  for (let r = from; r <= to; r++) for (const c of byRow[r]!) {
    let h = 0;
    for (let r = c.row; r < c.row + c.rowSpan; r++) h += heights[r]!;
    frames.push(...cellFrames(c, tops[c.row]!, h, t, c.lines, 0));
  }
  for (let r = from; r <= to; r++) frames.push(...changeBar(marks[r], x, tops[r]!, heights[r]!));
  return { height: y, spaceBefore: 0, keepWithNext: false, frames };
}

/**
 * A single row taller than a page, as a chunk that pagination can split: each piece shows, per
 * cell, the lines that fit in the room left, and the rest continues on the next page.
 *
 * Each piece builds the frames of the lines it takes and nothing else: the rest's height is read
 * from its last lines, and its frames are only drawn if it is placed whole. Drawing the whole
 * rest for every page made a long cell quadratic (pages × lines: minutes for a 2 MB field).
 */
function splittableRow(cells: readonly Placed[], t: Table, header: Chunk | undefined, next: readonly number[]): Chunk {
  const take = (room: number): Taken[] => {
    const limit = room - 2 * CELL_PAD_Y;
    return cells.map((c, i) => {
      const start = next[i]!;
      const base = c.lines[start]?.top ?? 0;
      let end = start;
      if (limit === Infinity) end = c.lines.length;
      else while (end < c.lines.length && c.lines[end]!.top + c.lines[end]!.line.height - base <= limit + 0.01) end++;
      return { start, end, base };
    });
  };
  const heightOf = (taken: readonly Taken[]): number => {
    let contentH = 0;
    cells.forEach((c, i) => {
      const { start, end, base } = taken[i]!;
      if (end > start) contentH = Math.max(contentH, c.lines[end - 1]!.top + c.lines[end - 1]!.line.height - base);
    });
    return contentH + 2 * CELL_PAD_Y;
  };
  const framesOf = (taken: readonly Taken[], height: number): Frame[] => {
    const frames: Frame[] = [];
    cells.forEach((c, i) => {
      const { start, end, base } = taken[i]!;
      frames.push(...cellFrames(c, 0, height, t, c.lines.slice(start, end), base));
    });
    return frames;
  };
  const whole = take(Infinity);
  const height = heightOf(whole);
  let frames: Frame[] | undefined;
  return {
    height,
    spaceBefore: 0,
    keepWithNext: false,
    ...(header ? { header } : {}),
    get frames(): Frame[] {
      frames ??= framesOf(whole, height);
      return frames;
    },
    split: (room: number) => {
      const taken = take(room);
      if (taken.every((x, i) => x.end === next[i])) return undefined; // not even one line fits
      const h = heightOf(taken);
      const first: Chunk = { height: h, spaceBefore: 0, keepWithNext: false, frames: framesOf(taken, h), ...(header ? { header } : {}) };
      if (taken.every((x, i) => x.end === cells[i]!.lines.length)) return { first };
      return { first, rest: splittableRow(cells, t, header, taken.map((x) => x.end)) };
    },
  };
}

interface Taken {
  readonly start: number;
  readonly end: number;
  readonly base: number;
}

/**
 * Table → chunks. `avail` is the body height of a page: rows taller than it minus the header
 * are sliced. Issues are reported in French by the caller.
 */
export function tableChunks(t0: Table, ctx: LayoutContext, avail: number, issues: TableIssue[]): Chunk[] {
  const left = ctx.geo.left;
  const width = ctx.geo.right - ctx.geo.left;
  const cols = t0.columns.length ? t0.columns : [1];
  const total = cols.reduce((a, b) => a + Math.max(0, b), 0) || cols.length;
  const fitted = denseSize(t0, cols.length, width, ctx);
  const t = fitted.table;
  const widths = fitMinContent(
    cols.map((c) => (Math.max(0, c) / total) * width),
    fitted.need,
  );
  const xs = [left];
  for (const w of widths) xs.push(xs[xs.length - 1]! + w);
  xs[xs.length - 1] = left + width;
  const minRow = cellStyle('cell', t.fontSize).leading + 2 * CELL_PAD_Y;

  let header: Chunk | undefined;
  if (t.headerRows.length) {
    const hc = placeRows(t.headerRows, true, t, xs, ctx, issues);
    const hh = rowHeights(t.headerRows.length, hc, minRow);
    header = { ...groupChunk(indexByRow(hc, t.headerRows.length), hh, 0, t.headerRows.length - 1, t, t.headerRows.map((r) => rowRevision(r)?.kind), left), keepWithNext: true };
  }
  const room = avail - (header?.height ?? 0);

  const bc = placeRows(t.bodyRows, false, t, xs, ctx, issues);
  const bh = rowHeights(t.bodyRows.length, bc, minRow);
  const byRow = indexByRow(bc, t.bodyRows.length);
  const marks = t.bodyRows.map((r) => rowRevision(r)?.kind);
  const chunks: Chunk[] = header ? [header] : [];
  let r = 0;
  while (r < t.bodyRows.length) {
    let end = r;
    for (let k = r; k <= end; k++) for (const c of byRow[k]!) end = Math.max(end, k + c.rowSpan - 1);
    let groupHeight = 0;
    for (let k = r; k <= end; k++) groupHeight += bh[k]!;
    if (groupHeight > room && r === end) {
      const cells = byRow[r]!;
      chunks.push(splittableRow(cells, t, header, cells.map(() => 0)));
    } else {
      const g = groupChunk(byRow, bh, r, end, t, marks, left);
      if (g.height > room) issues.push({ message: 'un groupe de lignes fusionnées est plus haut qu’une page : il déborde' });
      chunks.push({ ...g, ...(header ? { header } : {}) });
    }
    r = end + 1;
  }
  keepRowsTogether(chunks, header ? 1 : 0, avail);
  return chunks;
}

/**
 * Neither the header with a single row at the foot of a page, nor a lone last row at the top of
 * the next: the first body row is kept with the second, the last but one with the last. Rows
 * that may be sliced (taller than a page) are left free, and so is any kept group that would
 * not fit on one page: it would only move to a fresh page to be cut there anyway.
 */
function keepRowsTogether(chunks: Chunk[], first: number, avail: number): void {
  const body = chunks.length - first;
  if (body < 2) return;
  const original = [...chunks];
  const keep = (i: number) => {
    const c = chunks[i]!;
    if (!c.split && !chunks[i + 1]!.split) chunks[i] = { ...c, keepWithNext: true };
  };
  keep(first);
  keep(chunks.length - 2);
  let start = 0;
  let height = 0;
  for (let i = 0; i < chunks.length; i++) {
    height += chunks[i]!.height + (i === start ? 0 : chunks[i]!.spaceBefore);
    if (chunks[i]!.keepWithNext && i < chunks.length - 1) continue;
    if (height > avail) for (let k = start; k <= i; k++) chunks[k] = original[k]!;
    start = i + 1;
    height = 0;
  }
}
