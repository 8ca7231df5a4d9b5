// Reading one workbook cell into a contract value, by column kind. Spreadsheets store dates as
// serial numbers, drop leading zeros from FINESS numbers and postal codes, and hold formulas,
// rich text and hyperlinks: all of it is normalised here, with French messages for the rest.
import type { CellValue } from 'exceljs';
import type { Column } from './columns.ts';
import { isFinessColumn } from './columns.ts';

export type CellRead =
  | { readonly ok: true; readonly value: unknown; readonly warning?: string }
  | { readonly ok: false; readonly message: string };

const EMPTY: CellRead = { ok: true, value: undefined };

/** Column number (1-based) → letters: 1 → A, 28 → AB. */
export function columnLetter(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

/** `engagements!F12`; sheet names with spaces or punctuation are quoted as Excel does. */
export function a1(sheet: string, row: number, col?: number): string {
  const name = /^[A-Za-z_][A-Za-z0-9_]*$/.test(sheet) ? sheet : `'${sheet.replace(/'/g, "''")}'`;
  return col === undefined ? `${name}!${row}:${row}` : `${name}!${columnLetter(col)}${row}`;
}

/** The plain value behind formulas, rich text and hyperlinks. */
export function plainValue(v: CellValue): CellValue {
  if (v === null || v === undefined || typeof v !== 'object' || v instanceof Date) return v;
  if ('richText' in v) return v.richText.map((r) => r.text).join('');
  if ('hyperlink' in v) return v.text;
  if ('formula' in v || 'sharedFormula' in v) return v.result === undefined ? null : plainValue(v.result as CellValue);
  return v;
}

/** Text of a cell for keys and messages. */
export function cellText(v: CellValue): string {
  const p = plainValue(v);
  if (p === null || p === undefined) return '';
  if (p instanceof Date) return isoDate(p);
  if (typeof p === 'object') return 'error' in p ? p.error : '';
  return String(p);
}

export function readCell(raw: CellValue, numFmt: string | undefined, col: Column): CellRead {
  const v = plainValue(raw);
  if (v === null || v === undefined) return EMPTY;
  if (typeof v === 'object' && !(v instanceof Date)) {
    return { ok: false, message: `la cellule contient une erreur de formule (${'error' in v ? v.error : '?'})` };
  }
  if (typeof v === 'string' && v.trim() === '') return EMPTY;
  switch (col.kind) {
    case 'texte':
      return readText(v, col);
    case 'choix':
      return { ok: true, value: String(v).trim() };
    case 'date':
      return readDate(v);
    case 'nombre':
      return readNumber(v, false);
    case 'entier':
      return readNumber(v, true);
    case 'booleen':
      return readBoolean(v);
    case 'valeur':
      return readValeur(v, numFmt);
    case 'liste-texte':
    case 'liste-choix':
      return { ok: true, value: splitList(v) };
    case 'liste-entier': {
      const items: number[] = [];
      for (const item of splitList(v)) {
        const n = readNumber(item, true);
        if (!n.ok) return { ok: false, message: `élément « ${item} » : ${n.message}` };
        items.push(n.value as number);
      }
      return { ok: true, value: items };
    }
  }
}

function readText(v: string | number | boolean | Date, col: Column): CellRead {
  if (v instanceof Date) return { ok: true, value: isoDate(v) };
  if (typeof v === 'number') {
    // Excel turns "010000024" into 10000024 and "09000" into 9000: restore the zeros, say so.
    const width = isFinessColumn(col) ? 9 : col.header.endsWith('code_postal') ? 5 : 0;
    const digits = Number.isInteger(v) && v >= 0 ? String(v) : undefined;
    if (width && digits && digits.length < width) {
      const fixed = digits.padStart(width, '0');
      return {
        ok: true,
        value: fixed,
        warning: `nombre ${digits} lu comme « ${fixed} » (zéros initiaux perdus par le tableur) : saisissez cette colonne comme texte`,
      };
    }
    return { ok: true, value: String(v) };
  }
  if (typeof v === 'boolean') return { ok: true, value: v ? 'oui' : 'non' };
  // Free text stays intact (the spec: any character must come out as typed), except that
  // Windows line ends become \n and a value made only of spaces counts as empty (above).
  const text = v.replace(/\r\n?/g, '\n');
  return { ok: true, value: isFinessColumn(col) || col.header.endsWith('code_postal') ? text.trim() : text };
}

const FR_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;

function readDate(v: string | number | boolean | Date): CellRead {
  if (v instanceof Date) return { ok: true, value: isoDate(v) };
  if (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 2958466) {
    // A date typed into a cell without date format: Excel's serial day number.
    return { ok: true, value: isoDate(new Date(Date.UTC(1899, 11, 30) + v * 86400000)) };
  }
  const s = String(v).trim();
  const fr = FR_DATE.exec(s);
  if (fr) return { ok: true, value: `${fr[3]}-${fr[2]!.padStart(2, '0')}-${fr[1]!.padStart(2, '0')}` };
  // ISO text is passed on: the schema checks the calendar and says what is wrong.
  return { ok: true, value: s };
}

/** Dates from exceljs are UTC midnights; a time part (rare) is dropped. */
export function isoDate(d: Date): string {
  return d.toISOString().slice(0, 10);
}

function readNumber(v: string | number | boolean | Date, integer: boolean): CellRead {
  let n: number;
  if (typeof v === 'number') n = v;
  else if (typeof v === 'string') {
    // French writing: "180 000,00 €", "1 200" (spaces, no-break spaces, comma decimals).
    const s = v.replace(/[\s\u00a0\u202f€]/g, '').replace(',', '.');
    n = /^-?\d+(\.\d+)?$/.test(s) ? Number(s) : Number.NaN;
  } else n = Number.NaN;
  if (Number.isNaN(n)) return { ok: false, message: `${integer ? 'nombre entier' : 'nombre'} attendu, reçu « ${cellText(v)} »` };
  if (integer && !Number.isInteger(n)) return { ok: false, message: `nombre entier attendu, reçu ${String(n).replace('.', ',')}` };
  // Binary floats from the sheet (0.1 + 0.2): keep the value a person typed.
  return { ok: true, value: Math.round(n * 1e9) / 1e9 };
}

const TRUE = new Set(['oui', 'vrai', 'true', 'x', '1']);
const FALSE = new Set(['non', 'faux', 'false', '0']);

function readBoolean(v: string | number | boolean | Date): CellRead {
  if (typeof v === 'boolean') return { ok: true, value: v };
  const s = cellText(v).trim().toLowerCase();
  if (TRUE.has(s)) return { ok: true, value: true };
  if (FALSE.has(s)) return { ok: true, value: false };
  return { ok: false, message: `« oui » ou « non » attendu, reçu « ${cellText(v)} »` };
}

function readValeur(v: string | number | boolean | Date, numFmt: string | undefined): CellRead {
  if (typeof v === 'number') {
    // A cell formatted as a percentage holds 0.7 for « 70 % »: keep what the reader saw.
    if (numFmt && numFmt.includes('%')) {
      const pct = Math.round(v * 100 * 1e6) / 1e6;
      return { ok: true, value: `${String(pct).replace('.', ',')} %` };
    }
    return { ok: true, value: Math.round(v * 1e9) / 1e9 };
  }
  if (typeof v === 'boolean') return { ok: true, value: v ? 'oui' : 'non' };
  if (v instanceof Date) return { ok: true, value: isoDate(v) };
  return { ok: true, value: v.trim() };
}

/** List cells: one item per line (Alt+Entrée), or items separated by « ; ». */
export function splitList(v: string | number | boolean | Date): string[] {
  const s = cellText(v);
  const parts = /[\r\n]/.test(s) ? s.split(/\r?\n|\r/) : s.split(';');
  return parts.map((p) => p.trim()).filter((p) => p !== '');
}
