// Workbook sheets as plain rows of cell values. Big campaign workbooks are streamed with
// exceljs' streaming reader: its in-memory model costs hundreds of bytes per cell, which made
// the main thread's memory grow with the campaign; plain rows are dropped once converted.
import ExcelJS from 'exceljs';
import { Readable } from 'node:stream';

export interface CellData {
  readonly value: ExcelJS.CellValue;
  readonly numFmt?: string;
}

export interface RowData {
  /** 1-based row number, as Excel shows it. */
  readonly r: number;
  /** 1-based column → cell; empty cells absent. */
  readonly cells: ReadonlyMap<number, CellData>;
}

export interface SheetData {
  readonly name: string;
  readonly rows: readonly RowData[];
}

function rowData(row: ExcelJS.Row): RowData | undefined {
  const cells = new Map<number, CellData>();
  row.eachCell({ includeEmpty: false }, (cell, col) => {
    if (cell.value === null || cell.value === undefined) return;
    cells.set(col, { value: cell.value, ...(cell.numFmt ? { numFmt: cell.numFmt } : {}) });
  });
  return cells.size ? { r: row.number, cells } : undefined;
}

/** Sheets of a workbook already in memory (tests, small inputs). */
export function sheetsOf(wb: ExcelJS.Workbook): SheetData[] {
  const out: SheetData[] = [];
  wb.eachSheet((ws) => {
    const rows: RowData[] = [];
    ws.eachRow({ includeEmpty: false }, (row) => {
      const d = rowData(row);
      if (d) rows.push(d);
    });
    out.push({ name: ws.name, rows });
  });
  return out;
}

/** Bounds on reading a workbook: the reader gives up with a French message beyond them. */
export interface ReadGuard {
  readonly deadlineMs: number;
  /** Rows plus cells read, all sheets together. */
  readonly maxCells: number;
}

/** A workbook the reader refuses (too long to read, too many cells): a user error, not a bug. */
export class WorkbookLimitError extends Error {}

/**
 * Sheets of a workbook, streamed row by row from bytes already checked (see io/zip-check.ts).
 * A deadline guards against a reader that never settles: the race rejects, the input stream is
 * destroyed, and the abandoned read has nothing left to wait for.
 */
export async function streamSheets(input: Uint8Array | Readable, guard: ReadGuard): Promise<SheetData[]> {
  const stream = input instanceof Readable ? input : Readable.from([Buffer.from(input.buffer, input.byteOffset, input.byteLength)]);
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(stream, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    const seconds = Math.round(guard.deadlineMs / 100) / 10;
    timer = setTimeout(() => reject(new WorkbookLimitError(`lecture interrompue au bout de ${String(seconds).replace('.', ',')} s`)), guard.deadlineMs);
  });
  const read = readAll(reader, guard.maxCells);
  // The losing side of the race must not become an unhandled rejection.
  read.catch(() => {});
  try {
    return await Promise.race([read, deadline]);
  } finally {
    clearTimeout(timer);
    stream.destroy();
  }
}

async function readAll(reader: ExcelJS.stream.xlsx.WorkbookReader, maxCells: number): Promise<SheetData[]> {
  const out: SheetData[] = [];
  let cells = 0;
  let tooMany: WorkbookLimitError | undefined;
  try {
    for await (const ws of reader) {
      const rows: RowData[] = [];
      for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
        cells += 1 + row.cellCount;
        if (cells > maxCells) throw (tooMany = new WorkbookLimitError(`plus de ${maxCells} lignes et cellules`));
        const d = rowData(row);
        if (d) rows.push(d);
      }
      out.push({ name: (ws as unknown as { name: string }).name, rows });
    }
  } catch (e) {
    // Leaving exceljs' iterators early makes them fail on their own: the reason is ours.
    throw tooMany ?? e;
  }
  return out;
}
