// Table diff by row groups: rows bound together by vertical spans (an engagement and its
// indicators) move, appear and disappear together, so the table keeps a valid structure whether
// the changes are accepted or rejected. A group is diffed word by word only against an older
// version of itself; a row that disappears and an unrelated one that appears stay a whole
// deleted row and a whole inserted row (the DOCX writer then tracks the rows themselves).
import { inlineText, type Paragraph, type Revision, type Table, type TableCell, type TableRow } from '../../ir/types.ts';
import { diffSequence, similarity } from './blocks.ts';
import { diffInlines, markInlines, type Revisions } from './inlines.ts';
import { align } from './lcs.ts';

/** Splits rows into groups no vertical span crosses. */
export function rowGroups(rows: readonly TableRow[]): TableRow[][] {
  const groups: TableRow[][] = [];
  let cur: TableRow[] = [];
  let reach = 0;
  rows.forEach((r, i) => {
    cur.push(r);
    for (const c of r.cells) reach = Math.max(reach, i + (c.rowSpan ?? 1) - 1);
    if (reach <= i) {
      groups.push(cur);
      cur = [];
    }
  });
  if (cur.length) groups.push(cur);
  return groups;
}

const shape = (g: readonly TableRow[]) => JSON.stringify(g.map((r) => r.cells.map((c) => [c.colSpan ?? 1, c.rowSpan ?? 1])));
const cellText = (c: TableCell) => c.content.map((p) => inlineText(p.content)).join(' ');
const groupText = (g: readonly TableRow[]) => g.map((r) => r.cells.map(cellText).join(' ')).join(' ');

/**
 * Whether `b` is a later version of row group `a`: same shape, and either the same leading cell
 * (a row's key: an engagement's number, an element's name) or mostly the same words. Two rows
 * whose short leading cells differ (engagement 8 gone, engagement 9 new) are never paired.
 */
function sameRow(a: readonly TableRow[], b: readonly TableRow[]): boolean {
  if (shape(a) !== shape(b)) return false;
  const ka = cellText(a[0]!.cells[0]!).trim();
  const kb = cellText(b[0]!.cells[0]!).trim();
  if (ka === kb && ka !== '') return true;
  const short = (k: string) => k.length <= 12 && a[0]!.cells.length > 1;
  if (short(ka) && short(kb) && ka !== '' && kb !== '') return false;
  return similarity(groupText(a), groupText(b)) >= 0.5;
}

function markCell(c: TableCell, rev: Revision): TableCell {
  const content = c.content.length ? c.content : [{ type: 'paragraph', style: 'cell', content: [] } as Paragraph];
  return { ...c, content: content.map((p) => ({ ...p, content: markInlines(p.content, rev) })) };
}

const markRow = (r: TableRow, rev: Revision): TableRow => ({ cells: r.cells.map((c) => markCell(c, rev)) });

export function markTable(t: Table, rev: Revision): Table {
  return { ...t, headerRows: t.headerRows.map((r) => markRow(r, rev)), bodyRows: t.bodyRows.map((r) => markRow(r, rev)) };
}

function diffGroup(a: readonly TableRow[], b: readonly TableRow[], rev: Revisions): TableRow[] {
  return b.map((rb, i) => ({
    cells: rb.cells.map((cb, j) => {
      const ca = a[i]!.cells[j]!;
      // A cell holds one value: "900" → "950" is a change of that value, not a new paragraph.
      if (ca.content.length === 1 && cb.content.length === 1) {
        return { ...cb, content: [{ ...cb.content[0]!, content: diffInlines(ca.content[0]!.content, cb.content[0]!.content, rev) }] };
      }
      return { ...cb, content: diffSequence(ca.content, cb.content, rev) as Paragraph[] };
    }),
  }));
}

function diffRows(a: readonly TableRow[], b: readonly TableRow[], rev: Revisions): TableRow[] {
  const ga = rowGroups(a);
  const gb = rowGroups(b);
  const steps = align(ga.map((g) => JSON.stringify(g)), gb.map((g) => JSON.stringify(g)));
  const out: TableRow[] = [];
  let dels: TableRow[][] = [];
  let ins: TableRow[][] = [];
  const flush = () => {
    // Pairs first (in order), then the output: a deleted row is shown before the rows inserted
    // after it, the usual reading order of a redline.
    const pair: number[] = [];
    let x = 0;
    for (const g of ins) {
      const k = dels.findIndex((d, i) => i >= x && sameRow(d, g));
      pair.push(k);
      if (k >= 0) x = k + 1;
    }
    const deleted = (upTo: number) => {
      for (; x < upTo; x++) out.push(...dels[x]!.map((r) => markRow(r, rev.suppression)));
    };
    x = 0;
    ins.forEach((g, n) => {
      const k = pair[n]!;
      if (k >= 0) {
        deleted(k);
        out.push(...diffGroup(dels[k]!, g, rev));
        x = k + 1;
      } else {
        deleted(pair.slice(n).find((p) => p >= 0) ?? dels.length);
        out.push(...g.map((r) => markRow(r, rev.insertion)));
      }
    });
    deleted(dels.length);
    dels = [];
    ins = [];
  };
  for (const s of steps) {
    if (s.op === 'eq') {
      flush();
      out.push(...gb[s.b]!);
    } else if (s.op === 'del') dels.push(ga[s.a]!);
    else ins.push(gb[s.b]!);
  }
  flush();
  return out;
}

export function diffTable(a: Table, b: Table, rev: Revisions): Table {
  return { ...b, headerRows: diffRows(a.headerRows, b.headerRows, rev), bodyRows: diffRows(a.bodyRows, b.bodyRows, rev) };
}
