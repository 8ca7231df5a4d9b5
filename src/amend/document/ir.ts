// Small checked builders for the IR blocks the avenant documents add (the rest comes from the
// model's own templates). Text is given with plain spaces: resolve applies French spacing.
import type { Heading, Inline, Paragraph, ParagraphStyle, Table, TableCell, TableRow, TextRun } from '../../ir/types.ts';

export const text = (t: string, f: { bold?: boolean; italic?: boolean } = {}): TextRun => ({ type: 'text', text: t, ...f });

export function para(content: string | readonly Inline[], style: ParagraphStyle = 'body', keepWithNext = false): Paragraph {
  return {
    type: 'paragraph',
    style,
    content: typeof content === 'string' ? [text(content)] : content,
    ...(keepWithNext ? { keepWithNext: true } : {}),
  };
}

export function title(t: string): Heading {
  return { type: 'heading', level: 1, content: [text(t)] };
}

/** "Article # – …", numbered by resolve. */
export function article(t: string): Heading {
  return { type: 'heading', level: 3, numbering: 'Article #', separator: ' – ', content: [text(t)] };
}

const cell = (t: string, shade = false, center = false): TableCell => ({
  content: [para(t, center ? 'cellCenter' : 'cell')],
  ...(shade ? { shade: true } : {}),
});

/** A grid table: one header row, body rows of plain strings. */
export function grid(columns: readonly number[], header: readonly string[], rows: readonly (readonly string[])[], fontSize?: number): Table {
  const row = (cells: readonly string[], shade: boolean): TableRow => ({ cells: cells.map((c) => cell(c, shade)) });
  return {
    type: 'table',
    columns,
    headerRows: [row(header, true)],
    bodyRows: rows.map((r) => row(r, false)),
    style: 'grid',
    ...(fontSize ? { fontSize } : {}),
  };
}
