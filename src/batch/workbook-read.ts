// Reading a campaign workbook into one entry per legal entity. A bad cell fails only the
// contract whose row holds it; rows that belong to no holder (unknown or missing finess_ej)
// are campaign-level errors. Every message names its cell in A1 style (`engagements!F12`).
import type ExcelJS from 'exceljs';
import { readFileSync, statSync } from 'node:fs';
import { zipProblem } from '../io/zip-check.ts';
import { fileTooLarge, LIMITS } from '../model/limits.ts';
import type { Column } from './columns.ts';
import { a1, cellText, readCell } from './cells.ts';
import { KEY, PARENT_KEY, SHEET_CAMPAGNE, SHEET_TITULAIRES, layout, type ListSheet } from './layout.ts';
import { formatDataPath } from '../diagnostics/path.ts';
import { WorkbookLocator } from './locate.ts';
import { isPlainObject, mergeShared, setPath } from './merge.ts';
import type { CampaignEntry, CampaignInput, IssueRecord } from './types.ts';
import { sheetsOf, streamSheets, WorkbookLimitError, type CellData, type ReadGuard, type RowData, type SheetData } from './workbook-source.ts';

interface Holder {
  readonly id: string;
  readonly row: number;
  readonly own: Record<string, unknown>;
  readonly locator: WorkbookLocator;
  readonly erreurs: IssueRecord[];
  readonly avertissements: IssueRecord[];
}

const issue = (niveau: IssueRecord['niveau'], code: string, emplacement: string, message: string, chemin?: string): IssueRecord => ({
  niveau,
  code,
  message,
  emplacement,
  ...(chemin ? { chemin } : {}),
});

/** Reading limits of a workbook; tests shorten the deadline. */
export const WORKBOOK_GUARD: ReadGuard = { deadlineMs: LIMITS.workbookSeconds * 1000, maxCells: LIMITS.workbookCells };

export async function readWorkbook(path: string, guard: ReadGuard = WORKBOOK_GUARD): Promise<CampaignInput> {
  const unreadable = (why: string): CampaignInput => ({ kind: 'classeur', entries: [], issues: [issue('erreur', 'CLASSEUR-ILLISIBLE', path, `classeur illisible : ${why}`)] });
  // Size and structure first, on bytes read once: the reader then parses exactly what was checked.
  let bytes: Uint8Array;
  try {
    if (!statSync(path).isFile()) return unreadable('ce n’est pas un fichier');
    const tooLarge = fileTooLarge(path, LIMITS.workbookBytes);
    if (tooLarge) return unreadable(tooLarge);
    bytes = readFileSync(path);
  } catch (e) {
    return unreadable(`lecture impossible (${(e as NodeJS.ErrnoException).code ?? String(e)})`);
  }
  const damaged = zipProblem(bytes, { maxEntries: LIMITS.workbookParts, maxEntryBytes: LIMITS.workbookPartBytes, maxTotalBytes: LIMITS.workbookTotalBytes });
  if (damaged) return unreadable(`fichier .xlsx endommagé ou refusé (${damaged})`);
  let sheets: SheetData[];
  try {
    sheets = await streamSheets(bytes, guard);
  } catch (e) {
    if (e instanceof WorkbookLimitError) return unreadable(e.message);
    return unreadable(`contenu invalide (${e instanceof Error ? e.message : String(e)})`);
  }
  return readSheets(sheets);
}

export function readLoadedWorkbook(wb: ExcelJS.Workbook): CampaignInput {
  return readSheets(sheetsOf(wb));
}

const NO_CELL: CellData = { value: null };
const cellAt = (row: RowData, col: number): CellData => row.cells.get(col) ?? NO_CELL;

export function readSheets(all: readonly SheetData[]): CampaignInput {
  const issues: IssueRecord[] = [];
  const sheets = new Map<string, SheetData>();
  const known = new Set([SHEET_CAMPAGNE, SHEET_TITULAIRES, ...layout().lists.map((l) => l.name)]);
  for (const ws of all) {
    const name = ws.name.trim().toLowerCase();
    if (known.has(name)) sheets.set(name, ws);
    else issues.push(issue('avertissement', 'CLASSEUR-FEUILLE-IGNOREE', ws.name, `feuille « ${ws.name} » ignorée : elle ne correspond à aucune liste du contrat`));
  }

  const sharedLocator = new Map<string, string>();
  const shared = readShared(sheets.get(SHEET_CAMPAGNE), issues, sharedLocator);
  const titulaires = sheets.get(SHEET_TITULAIRES);
  if (!titulaires) {
    issues.push(issue('erreur', 'CLASSEUR-FEUILLE-MANQUANTE', SHEET_TITULAIRES, `feuille « ${SHEET_TITULAIRES} » absente : aucun contrat ne peut être lu`));
    return { kind: 'classeur', entries: [], issues };
  }
  const holders = readTitulaires(titulaires, issues, sharedLocator);
  for (const list of layout().lists) {
    const ws = sheets.get(list.name);
    if (ws) readList(ws, list, holders, issues);
  }

  const entries: CampaignEntry[] = [...holders.values()].map((h) => {
    const raison = h.own.titulaire && isPlainObject(h.own.titulaire) ? h.own.titulaire.raison_sociale : undefined;
    return {
      id: h.id,
      source: a1(SHEET_TITULAIRES, h.row),
      ...(typeof raison === 'string' ? { raisonSociale: raison } : {}),
      // Merged when its turn comes: a campaign never holds every contract's full data at once.
      load: () => ({ data: mergeShared(shared, h.own), erreurs: h.erreurs, avertissements: h.avertissements, locate: h.locator.locate }),
    };
  });
  return { kind: 'classeur', entries, issues };
}

/** Header row → columns; unknown headers are reported, `#…` and empty headers ignored. */
function headerMap(
  ws: SheetData,
  lookup: (header: string) => Column | undefined,
  issues: IssueRecord[],
): { byCol: Map<number, Column>; unknown: Map<number, string>; keys: Map<string, number> } {
  const byCol = new Map<number, Column>();
  const unknown = new Map<number, string>();
  const keys = new Map<string, number>();
  const first = ws.rows[0]?.r === 1 ? ws.rows[0] : undefined;
  for (const [col, cell] of [...(first?.cells ?? [])].sort((a, b) => a[0] - b[0])) {
    const header = cellText(cell.value).trim();
    if (header === '' || header.startsWith('#')) continue;
    if (header === KEY || header === PARENT_KEY || header === `titulaire.${KEY}`) {
      keys.set(header.replace(/^titulaire\./, ''), col);
      continue;
    }
    const c = lookup(header);
    if (!c) {
      unknown.set(col, header);
      continue;
    }
    if ([...byCol.values()].some((o) => o.header === c.header)) {
      issues.push(issue('erreur', 'CLASSEUR-COLONNE-DOUBLE', a1(ws.name, 1, col), `colonne « ${header} » en double : seule la première est lue`));
      continue;
    }
    byCol.set(col, c);
  }
  return { byCol, unknown, keys };
}

function readShared(ws: SheetData | undefined, issues: IssueRecord[], cells: Map<string, string>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (!ws) return out;
  const byPath = new Map(layout().rootColumns.map((c) => [c.header, c]));
  for (const row of ws.rows) {
    const r = row.r;
    if (r === 1) continue;
    const chemin = cellText(cellAt(row, 1).value).trim();
    if (chemin === '' || chemin.startsWith('#')) continue;
    const col = byPath.get(chemin);
    if (!col) {
      issues.push(issue('erreur', 'CLASSEUR-CHEMIN-INCONNU', a1(ws.name, r, 1), `chemin inconnu « ${chemin} » dans la partie commune`));
      continue;
    }
    const cell = cellAt(row, 2);
    const read = readCell(cell.value, cell.numFmt, col);
    const where = a1(ws.name, r, 2);
    if (!read.ok) issues.push(issue('erreur', 'CLASSEUR-VALEUR', where, read.message, chemin));
    else if (read.value !== undefined) {
      setPath(out, col.path, read.value);
      cells.set(chemin, where);
    }
  }
  return out;
}

function readTitulaires(ws: SheetData, issues: IssueRecord[], sharedCells: Map<string, string>): Map<string, Holder> {
  const headers = layout().titulaireHeaders;
  // `titulaire.raison_sociale` is accepted for `raison_sociale`: the full path is unambiguous.
  const { byCol, unknown, keys } = headerMap(ws, (h) => headers.get(h) ?? (h.startsWith('titulaire.') ? headers.get(h.slice(10)) : undefined), issues);
  const keyCol = keys.get(KEY);
  const holders = new Map<string, Holder>();
  if (keyCol === undefined) {
    issues.push(issue('erreur', 'CLASSEUR-CLE-MANQUANTE', a1(ws.name, 1), `colonne « ${KEY} » absente de la feuille « ${ws.name} »`));
    return holders;
  }
  const columnsByPath = new Map<string, number>([['titulaire.finess_ej', keyCol]]);
  for (const [col, c] of byCol) columnsByPath.set(c.path.join('.'), col);
  warnUnusedUnknown(ws, unknown, issues);
  for (const row of ws.rows) {
    const r = row.r;
    if (r === 1 || rowIsEmpty(row)) continue;
    const id = keyText(cellAt(row, keyCol).value);
    if (id === '') {
      issues.push(issue('erreur', 'CLASSEUR-CLE-VIDE', a1(ws.name, r, keyCol), `ligne sans « ${KEY} » : le titulaire ne peut pas être identifié`));
      continue;
    }
    const previous = holders.get(id);
    if (previous) {
      previous.erreurs.push(
        issue('erreur', 'CLASSEUR-TITULAIRE-DOUBLE', a1(ws.name, r, keyCol), `FINESS EJ « ${id} » déjà présent en ${a1(ws.name, previous.row)}`, 'titulaire.finess_ej'),
      );
      continue;
    }
    const locator = new WorkbookLocator(sharedCells);
    locator.addRow('', ws.name, r, columnsByPath);
    // The key cell wins over a (meaningless) finess_ej on the shared sheet.
    locator.setCell('titulaire.finess_ej', a1(ws.name, r, keyCol));
    const h: Holder = { id, row: r, own: {}, locator, erreurs: [], avertissements: [] };
    setPath(h.own, ['titulaire', 'finess_ej'], id);
    for (const [col, c] of byCol) readInto(h, ws.name, r, col, cellAt(row, col), c, c.path, formatDataPath(c.path));
    unknownValues(h, ws.name, row, unknown);
    holders.set(id, h);
  }
  return holders;
}

function readList(ws: SheetData, list: ListSheet, holders: Map<string, Holder>, issues: IssueRecord[]): void {
  const byHeader = new Map(list.columns.map((c) => [c.header, c]));
  const { byCol, unknown, keys } = headerMap(ws, (h) => byHeader.get(h), issues);
  const keyCol = keys.get(KEY);
  const parentCol = keys.get(PARENT_KEY);
  if (keyCol === undefined || (list.parent && parentCol === undefined)) {
    const missing = keyCol === undefined ? KEY : PARENT_KEY;
    issues.push(issue('erreur', 'CLASSEUR-CLE-MANQUANTE', a1(ws.name, 1), `colonne « ${missing} » absente de la feuille « ${ws.name} » : ses lignes ne peuvent être rattachées`));
    return;
  }
  const columnsByRel = new Map<string, number>([...byCol].map(([col, c]) => [c.header, col]));
  warnUnusedUnknown(ws, unknown, issues);
  for (const row of ws.rows) {
    const r = row.r;
    if (r === 1 || rowIsEmpty(row)) continue;
    const id = keyText(cellAt(row, keyCol).value);
    const h = id === '' ? undefined : holders.get(id);
    if (!h) {
      const why = id === '' ? `ligne sans « ${KEY} »` : `FINESS EJ « ${id} » absent de la feuille « ${SHEET_TITULAIRES} »`;
      issues.push(issue('erreur', 'CLASSEUR-LIGNE-ORPHELINE', a1(ws.name, r, keyCol), `${why} : ligne non rattachée à un contrat`));
      continue;
    }
    const base = listBase(h, list, ws.name, row, parentCol);
    if (!base) continue;
    const index = base.items.length;
    const item: Record<string, unknown> = {};
    base.items.push(item);
    const prefix = formatDataPath([...base.path, index]);
    h.locator.addRow(prefix, ws.name, r, columnsByRel);
    for (const [col, c] of byCol) readInto(h, ws.name, r, col, cellAt(row, col), c, c.path, `${prefix}.${c.header}`, item);
    unknownValues(h, ws.name, row, unknown);
  }
}

/** The array the row goes into: a contract list, or the indicators of the parent engagement. */
function listBase(
  h: Holder,
  list: ListSheet,
  sheet: string,
  row: RowData,
  parentCol: number | undefined,
): { items: Record<string, unknown>[]; path: (string | number)[] } | undefined {
  if (!list.parent || parentCol === undefined) return { items: arrayAt(h.own, list.target), path: [...list.target] };
  const parentList = layout().lists.find((l) => l.name === list.parent);
  const parents = parentList ? arrayAt(h.own, parentList.target) : [];
  const wanted = keyText(cellAt(row, parentCol).value);
  const k = parents.findIndex((p) => String(p.numero) === wanted);
  if (k < 0) {
    h.erreurs.push(
      issue('erreur', 'CLASSEUR-PARENT-INCONNU', a1(sheet, row.r, parentCol), `${PARENT_KEY} n° « ${wanted} » absent de la feuille « ${list.parent} » pour ce titulaire`),
    );
    return undefined;
  }
  const parent = parents[k]!;
  return { items: arrayAt(parent, list.target), path: [...(parentList?.target ?? []), k, ...list.target] };
}

function arrayAt(obj: Record<string, unknown>, path: readonly string[]): Record<string, unknown>[] {
  let node = obj;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    if (!isPlainObject(node[key])) node[key] = {};
    node = node[key] as Record<string, unknown>;
  }
  const last = path[path.length - 1]!;
  if (!Array.isArray(node[last])) node[last] = [];
  return node[last] as Record<string, unknown>[];
}

function readInto(
  h: Holder,
  sheet: string,
  r: number,
  col: number,
  cell: CellData,
  c: Column,
  path: readonly string[],
  chemin: string,
  target: Record<string, unknown> = h.own,
): void {
  const where = a1(sheet, r, col);
  const read = readCell(cell.value, cell.numFmt, c);
  if (!read.ok) {
    h.erreurs.push(issue('erreur', 'CLASSEUR-VALEUR', where, `${c.header} : ${read.message}`, chemin));
    return;
  }
  if (read.value === undefined) return;
  if (read.warning) h.avertissements.push(issue('avertissement', 'CLASSEUR-VALEUR', where, `${c.header} : ${read.warning}`, chemin));
  setPath(target, path, read.value);
  h.locator.setCell(chemin, where);
}

function warnUnusedUnknown(ws: SheetData, unknown: Map<number, string>, issues: IssueRecord[]): void {
  for (const [col, header] of unknown) {
    issues.push(issue('avertissement', 'CLASSEUR-COLONNE-INCONNUE', a1(ws.name, 1, col), `colonne inconnue « ${header} » : ses valeurs font échouer les contrats qui en ont (préfixez l’en-tête par « # » pour une colonne de notes)`));
  }
}

/** A value under an unknown header would be silently lost: fail that contract instead. */
function unknownValues(h: Holder, sheet: string, row: RowData, unknown: Map<number, string>): void {
  for (const [col, header] of unknown) {
    if (cellText(cellAt(row, col).value).trim() === '') continue;
    h.erreurs.push(issue('erreur', 'CLASSEUR-COLONNE-INCONNUE', a1(sheet, row.r, col), `valeur dans la colonne inconnue « ${header} »`));
  }
}

function keyText(v: ExcelJS.CellValue): string {
  const t = cellText(v).trim();
  // FINESS typed as a number loses its leading zero (01…09 départements).
  return typeof v === 'number' && /^\d{8}$/.test(t) ? t.padStart(9, '0') : t;
}

function rowIsEmpty(row: RowData): boolean {
  for (const cell of row.cells.values()) if (cellText(cell.value).trim() !== '') return false;
  return true;
}
