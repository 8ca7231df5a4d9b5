// From a data path (`engagements[2].indicateurs[0].cibles.N+3`) back to where the user typed
// the value: a workbook cell (`indicateurs!L14`) or a YAML line (`contrats/ch.yaml:12:5`).
// Diagnostics carry data paths; staff need the place to fix.
import { formatLocation } from '../diagnostics/format.ts';
import { parseDataPath } from '../diagnostics/path.ts';
import { locatePath, type YamlSource } from '../model/yaml.ts';
import { a1 } from './cells.ts';

// The workbook reader builds its column paths with the one data-path formatter.

/** Rows of a workbook that produced one object of the contract. */
interface RowRef {
  readonly prefix: string;
  readonly sheet: string;
  readonly row: number;
  /** Path relative to the object → 1-based column. */
  readonly columns: ReadonlyMap<string, number>;
}

/**
 * Collects, while a contract is assembled from a workbook, which cell gave which value. A value
 * read from a holder's row or a list row is found again from the row and the column of its
 * path; only the holder's cells that shadow a value of the shared « campagne » sheet are
 * recorded, and the shared cells themselves are one map for the whole workbook (a campaign of
 * 1,000 holders would otherwise keep ~15 entries per filled cell).
 */
export class WorkbookLocator {
  private readonly cells = new Map<string, string>();
  private readonly rows: RowRef[] = [];

  constructor(private readonly shared: ReadonlyMap<string, string> = new Map()) {}

  /** Where the holder typed a value at `path`: kept only when it overrides a shared value. */
  setCell(path: string, ref: string): void {
    if (this.shared.has(path)) this.cells.set(path, ref);
  }

  addRow(prefix: string, sheet: string, row: number, columns: ReadonlyMap<string, number>): void {
    this.rows.push({ prefix, sheet, row, columns });
  }

  locate = (path: string): string | undefined => {
    const trimmed = path.replace(/\[\d+\]$/, '');
    const exact = this.cells.get(path) ?? this.shared.get(path) ?? this.cells.get(trimmed) ?? this.shared.get(trimmed);
    if (exact) return exact;
    let best: RowRef | undefined;
    for (const r of this.rows) {
      const under = r.prefix === '' || path === r.prefix || path.startsWith(`${r.prefix}.`) || path.startsWith(`${r.prefix}[`);
      if (under && (!best || r.prefix.length > best.prefix.length)) best = r;
    }
    if (!best) return undefined;
    const rel = (best.prefix === '' ? path : path.slice(best.prefix.length).replace(/^\./, '')).replace(/\[\d+\]/g, '');
    // A missing field points to its (empty) cell when the column exists, else to the row.
    for (let key = rel; key !== ''; key = key.includes('.') ? key.slice(0, key.lastIndexOf('.')) : '') {
      const col = best.columns.get(key);
      if (col !== undefined) return a1(best.sheet, best.row, col);
    }
    return a1(best.sheet, best.row);
  };
}

/** Locator over a contract file and the campaign file whose shared part it was merged with. */
export function yamlLocator(contract: YamlSource, shared?: YamlSource): (path: string) => string | undefined {
  const where = (l: ReturnType<typeof locatePath>) => (l.span ? formatLocation(l.span) : undefined);
  return (path) => {
    const segs = parseDataPath(path);
    const own = locatePath(contract, segs);
    if (own.depth === segs.length || !shared) return where(own);
    const common = locatePath(shared, segs);
    return where(common.depth === segs.length ? common : own);
  };
}
