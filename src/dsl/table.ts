// Pipe-table rows: split cells on `|` but not inside `{{ … }}` / `{% … %}` (filters use `|`)
// nor when escaped as `\|`; `<` and `^` alone in a cell merge it left / up.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { CellNode, RowNode } from './ast.ts';
import { parseInline } from './inline.ts';
import type { SourceFile } from './source.ts';

export interface RawCell {
  readonly text: string;
  /** Offset of the cell text within the line. */
  readonly at: number;
}

export function splitCells(line: string): RawCell[] {
  const cells: RawCell[] = [];
  let i = line.indexOf('|');
  if (i < 0) return cells;
  i++;
  let start = i;
  let depth = 0;
  while (i < line.length) {
    const two = line.slice(i, i + 2);
    if (two === '{{' || two === '{%') {
      depth++;
      i += 2;
      continue;
    }
    if ((two === '}}' || two === '%}') && depth > 0) {
      depth--;
      i += 2;
      continue;
    }
    if (line[i] === '\\' && line[i + 1] === '|') {
      i += 2;
      continue;
    }
    if (line[i] === '|' && depth === 0) {
      cells.push({ text: line.slice(start, i), at: start });
      start = i + 1;
    }
    i++;
  }
  // Text after the last pipe counts only if not blank (rows may omit the closing pipe).
  const tail = line.slice(start);
  if (tail.trim() !== '') cells.push({ text: tail, at: start });
  return cells;
}

export function parseTableRow(src: SourceFile, line: { text: string; start: number; end: number }, diags: Diagnostic[]): RowNode {
  const cells: CellNode[] = splitCells(line.text).map((c) => {
    const trimmed = c.text.trim();
    const lead = c.text.length - c.text.trimStart().length;
    const offset = line.start + c.at + lead;
    const span = src.span(offset, offset + trimmed.length);
    if (trimmed === '<') return { merge: 'left', content: [], span };
    if (trimmed === '^') return { merge: 'up', content: [], span };
    return { content: parseInline(src, offset, trimmed.replace(/\\\|/g, '|'), diags), span };
  });
  return { kind: 'row', cells, span: src.span(line.start, line.end) };
}
