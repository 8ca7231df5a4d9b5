// IR tables → w:tbl.
//
// The IR omits cells covered by a rowSpan; OOXML needs them back as w:vMerge continuation
// cells, so rows are laid on an explicit grid that tracks which columns are still covered.

import type { Table, TableCell, TableRow } from '../../ir/types.ts';
import type { RenderContext } from './context.ts';
import { distribute, ptToHalfPoints, type Twips } from './page.ts';
import type { RunFormat } from './paragraph.ts';
import { revisionMark } from './inline.ts';
import { rowRevision } from '../../ir/revisions.ts';
import { renderParagraph } from './prose.ts';
import { empty, val } from './xml.ts';
import { CELL_PAD_X, CELL_PAD_Y } from '../../layout/styles.ts';

const SHADE_FILL = 'D9D9D9';
const BORDER = 'w:val="single" w:sz="4" w:space="0" w:color="000000"';
const NO_BORDER = 'w:val="nil"';

/** Table style ids in styles.xml; borders are also written directly so every reader agrees. */
const STYLE_IDS: Readonly<Record<Table['style'], string>> = {
  grid: 'TableauGrille',
  form: 'TableauFormulaire',
  plain: 'TableauSimple',
};

type Side = 'top' | 'left' | 'bottom' | 'right' | 'insideH' | 'insideV';
const SIDES: readonly Side[] = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'];

/** grid: every line; form (label/value rows): horizontal rules only; plain: none. */
const DRAWN: Readonly<Record<Table['style'], ReadonlySet<Side>>> = {
  grid: new Set(SIDES),
  form: new Set<Side>(['top', 'bottom', 'insideH']),
  plain: new Set<Side>(),
};

export function tableBorders(drawn: ReadonlySet<Side>): string {
  return `<w:tblBorders>${SIDES.map((s) => `<w:${s} ${drawn.has(s) ? BORDER : NO_BORDER}/>`).join('')}</w:tblBorders>`;
}

/**
 * Shared tblPr: fixed layout so the grid widths are used as given, not re-fitted to content.
 * Its attribute is w:type (ECMA-376 CT_TblLayoutType), not the usual w:val: with w:val the part
 * is schema-invalid and a reader may ignore the setting (test/docx/schema.test.ts checks this).
 */
const CELL_MAR_X: Twips = Math.round(CELL_PAD_X * 20);
const CELL_MAR_Y: Twips = Math.round(CELL_PAD_Y * 20);

export function tblPr(styleId: string, width: Twips, borders: string, jc?: 'right'): string {
  return (
    `<w:tblPr>${val('w:tblStyle', styleId)}${empty('w:tblW', [['w:w', width], ['w:type', 'dxa']])}` +
    `${jc ? val('w:jc', jc) : ''}${borders}${empty('w:tblLayout', [['w:type', 'fixed']])}` +
    // The PDF layout's cell padding (CELL_PAD_X, CELL_PAD_Y), so cells wrap alike in both formats.
    `<w:tblCellMar>${empty('w:top', [['w:w', CELL_MAR_Y], ['w:type', 'dxa']])}${empty('w:left', [['w:w', CELL_MAR_X], ['w:type', 'dxa']])}` +
    `${empty('w:bottom', [['w:w', CELL_MAR_Y], ['w:type', 'dxa']])}${empty('w:right', [['w:w', CELL_MAR_X], ['w:type', 'dxa']])}</w:tblCellMar>` +
    `</w:tblPr>`
  );
}

export function tblGrid(widths: readonly Twips[]): string {
  return `<w:tblGrid>${widths.map((w) => empty('w:gridCol', [['w:w', w]])).join('')}</w:tblGrid>`;
}

interface CellShape {
  readonly width: Twips;
  readonly span: number;
  readonly vMerge?: 'restart' | 'continue';
  readonly shade?: boolean;
}

function tcPr(c: CellShape): string {
  let inner = empty('w:tcW', [['w:w', c.width], ['w:type', 'dxa']]);
  if (c.span > 1) inner += val('w:gridSpan', c.span);
  if (c.vMerge === 'restart') inner += val('w:vMerge', 'restart');
  if (c.vMerge === 'continue') inner += '<w:vMerge/>';
  if (c.shade) inner += empty('w:shd', [['w:val', 'clear'], ['w:color', 'auto'], ['w:fill', SHADE_FILL]]);
  return `<w:tcPr>${inner}</w:tcPr>`;
}

/** A vertically merged region started above: remaining rows to cover and the origin's shape. */
interface Pending {
  remaining: number;
  readonly span: number;
  readonly shade: boolean;
}

function positiveInt(n: number | undefined, what: string): number {
  const v = n ?? 1;
  if (!Number.isInteger(v) || v < 1) throw new Error(`Invalid table ${what}: ${String(n)}`);
  return v;
}

/** The paragraph a cell must hold even when empty (or covered by a vertical merge). */
function emptyCellParagraph(keepNext: boolean): string {
  return `<w:p><w:pPr><w:pStyle w:val="Cellule"/>${keepNext ? '<w:keepNext/>' : ''}</w:pPr></w:p>`;
}

export function renderTable(table: Table, ctx: RenderContext): string {
  const ncols = table.columns.length;
  const widths = distribute(table.columns, ctx.geometry.textWidth);
  const spanWidth = (c: number, span: number): Twips => widths.slice(c, c + span).reduce((a, b) => a + b, 0);
  const format: RunFormat = table.fontSize === undefined ? {} : { halfPoints: ptToHalfPoints(table.fontSize) };
  const pending: (Pending | undefined)[] = new Array<Pending | undefined>(ncols).fill(undefined);

  const cellXml = (cell: TableCell, shape: CellShape, keep: boolean): string => {
    const paras = cell.content.map((p) => renderParagraph(p, ctx, keep ? { format, keepNext: true } : { format })).join('');
    return `<w:tc>${tcPr(shape)}${paras || emptyCellParagraph(keep)}</w:tc>`;
  };

  // As in the PDF layout: the header is kept with the first two body rows, and the last row
  // with the one before it (keepNext on a row's paragraphs keeps the row with the next one).
  const nb = table.bodyRows.length;
  const nh = table.headerRows.length;
  const keptWithNext = (r: number): boolean => (r < nh && nb >= 1) || (nb >= 2 && (r === nh || r === nh + nb - 2));

  const rowXml = (row: TableRow, r: number, header: boolean): string => {
    let out = '';
    let c = 0;
    let k = 0;
    while (c < ncols) {
      const p = pending[c];
      if (p) {
        out += `<w:tc>${tcPr({ width: spanWidth(c, p.span), span: p.span, vMerge: 'continue', shade: p.shade })}${emptyCellParagraph(keptWithNext(r))}</w:tc>`;
        p.remaining -= 1;
        if (p.remaining === 0) pending[c] = undefined;
        c += p.span;
        continue;
      }
      const cell = row.cells[k];
      if (!cell) throw new Error(`Table row ${r + 1} leaves grid column ${c + 1} of ${ncols} empty`);
      k += 1;
      const span = positiveInt(cell.colSpan, 'colSpan');
      const rowSpan = positiveInt(cell.rowSpan, 'rowSpan');
      if (c + span > ncols || pending.slice(c, c + span).some((x) => x !== undefined)) {
        throw new Error(`Table row ${r + 1}: cell ${k} (colSpan ${span}) overlaps the grid or a merged cell`);
      }
      const shade = cell.shade === true;
      out += cellXml(cell, { width: spanWidth(c, span), span, shade, ...(rowSpan > 1 ? { vMerge: 'restart' as const } : {}) }, keptWithNext(r));
      if (rowSpan > 1) pending[c] = { remaining: rowSpan - 1, span, shade };
      c += span;
    }
    if (k < row.cells.length) throw new Error(`Table row ${r + 1} has ${row.cells.length - k} cell(s) beyond its ${ncols} columns`);
    // Header rows repeat on every page and never split; body rows may split (a row taller than
    // a page would otherwise be clipped by Word).
    const mark = rowRevision(row);
    const props = `${header ? '<w:cantSplit/><w:tblHeader/>' : ''}${mark ? revisionMark(mark, ctx) : ''}`;
    const trPr = props ? `<w:trPr>${props}</w:trPr>` : '';
    return `<w:tr>${trPr}${out}</w:tr>`;
  };

  const rows = [
    ...table.headerRows.map((row) => ({ row, header: true })),
    ...table.bodyRows.map((row) => ({ row, header: false })),
  ];
  if (rows.length === 0) throw new Error('Table without rows reached the DOCX writer');
  const body = rows.map(({ row, header }, r) => rowXml(row, r, header)).join('');
  if (pending.some((p) => p !== undefined)) throw new Error('Table rowSpan extends past the last row');

  const styleId = STYLE_IDS[table.style];
  return `<w:tbl>${tblPr(styleId, ctx.geometry.textWidth, tableBorders(DRAWN[table.style]))}${tblGrid(widths)}${body}</w:tbl>`;
}
