// Workbook sheets as plain rows of cell values. Big campaign workbooks are streamed with
// exceljs' streaming reader: its in-memory model costs hundreds of bytes per cell, which made
// the main thread's memory grow with the campaign; plain rows are dropped once converted.
import ExcelJS from 'exceljs';

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

/** Sheets of a workbook file, streamed row by row. */
export async function streamSheets(path: string): Promise<SheetData[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(path, {
    entries: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  const out: SheetData[] = [];
  for await (const ws of reader) {
    const rows: RowData[] = [];
    for await (const row of ws as AsyncIterable<ExcelJS.Row>) {
      const d = rowData(row);
      if (d) rows.push(d);
    }
    out.push({ name: (ws as unknown as { name: string }).name, rows });
  }
  return out;
}
