// Tracked changes that span a whole container (redlines): a paragraph, list item or table row
// made only of inserted (or deleted) text is itself inserted (deleted). Both writers need it:
// the DOCX writer tracks the paragraph mark or the row (w:trPr), the PDF layout draws a change
// bar beside the row.
import type { Inline, Revision, TableRow } from './types.ts';

/**
 * The tracked change a whole container belongs to: every text of it (at least one) is a run of
 * the same revision kind.
 */
export function wholeRevision(content: readonly Inline[]): Revision | undefined {
  let found: Revision | undefined;
  for (const i of content) {
    if (i.type === 'field' || i.type === 'break') continue;
    if (i.type !== 'text' || !i.revision) return undefined;
    if (found && found.kind !== i.revision.kind) return undefined;
    found ??= i.revision;
  }
  return found;
}

/** The revision of a row whose every paragraph is wholly inserted (or deleted). */
export function rowRevision(row: TableRow): Revision | undefined {
  let found: Revision | undefined;
  for (const cell of row.cells) {
    for (const p of cell.content) {
      const rev = wholeRevision(p.content);
      if (!rev || (found && found.kind !== rev.kind)) return undefined;
      found ??= rev;
    }
  }
  return found;
}
