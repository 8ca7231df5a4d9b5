// Writing campaign workbooks: the blank model (`cpom campagne modele-classeur`) and a filled
// one from contract data (the shipped example, tests). Headers come from the layout, hence from
// the zod schema. Bytes are deterministic: fixed document dates and zip entry dates.
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import type { Column } from './columns.ts';
import { isFinessColumn } from './columns.ts';
import { KEY, PARENT_KEY, SHEET_CAMPAGNE, SHEET_TITULAIRES, layout, listHeaders, type ListSheet } from './layout.ts';
import { isPlainObject } from './merge.ts';

const FIXED_DATE = new Date(Date.UTC(2019, 0, 1));

const KIND_HELP: Record<Column['kind'], string> = {
  texte: 'texte',
  date: 'date (JJ/MM/AAAA ou AAAA-MM-JJ)',
  nombre: 'nombre (décimales avec virgule ou point)',
  entier: 'nombre entier',
  booleen: '« oui » ou « non »',
  valeur: 'nombre, pourcentage (« 70 % »), « oui »/« non » ou texte',
  choix: 'une valeur de la liste',
  'liste-texte': 'liste : un élément par ligne (Alt+Entrée) ou séparés par « ; »',
  'liste-entier': 'liste de nombres entiers séparés par « ; »',
  'liste-choix': 'liste de valeurs séparées par « ; »',
};

/** Help text of a column: kind, obligation, allowed values, schema description. */
export function columnHelp(c: Column): string {
  const parts = [`${KIND_HELP[c.kind]}${c.required ? ', obligatoire' : ''}`];
  if (c.choices) parts.push(`valeurs : ${c.choices.join(', ')}`);
  if (c.description) parts.push(c.description);
  return parts.join('\n');
}

const KEY_HELP = 'FINESS EJ du titulaire (9 caractères, saisis comme texte) : rattache la ligne à son contrat';
const PARENT_HELP = 'numéro de l’engagement (feuille « engagements ») auquel l’indicateur appartient';

function addHeader(ws: ExcelJS.Worksheet, headers: readonly string[], help: (h: string) => string | undefined, text: (h: string) => boolean): void {
  const row = ws.getRow(1);
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = { bold: true };
    const note = help(h);
    if (note) cell.note = note;
    const col = ws.getColumn(i + 1);
    col.width = Math.min(40, Math.max(12, h.length + 2));
    // FINESS numbers and postal codes as text: Excel would drop their leading zeros.
    if (text(h)) col.numFmt = '@';
  });
  row.commit();
  ws.views = [{ state: 'frozen', ySplit: 1 }];
}

function isTextKey(c: Column | undefined, h: string): boolean {
  return h === KEY || (c !== undefined && (isFinessColumn(c) || c.header.endsWith('code_postal')));
}

function newWorkbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'cpom';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  return wb;
}

/** Sheets and headers, no data. `extraRoot` adds titulaires columns (overrides of shared fields). */
function skeleton(extraRoot: readonly string[] = []): { wb: ExcelJS.Workbook; titulaireHeaders: string[] } {
  const l = layout();
  const wb = newWorkbook();
  const camp = wb.addWorksheet(SHEET_CAMPAGNE);
  addHeader(camp, ['chemin', 'valeur', 'aide'], (h) => (h === 'chemin' ? 'chemin pointé de la donnée commune à tous les contrats ; les valeurs de « titulaires » l’emportent' : undefined), () => false);
  camp.getColumn(1).width = 30;
  camp.getColumn(2).width = 45;
  camp.getColumn(3).width = 60;
  const titulaireHeaders = [...l.titulaireTemplate, ...extraRoot.filter((h) => !l.titulaireTemplate.includes(h))];
  const tit = wb.addWorksheet(SHEET_TITULAIRES);
  addHeader(tit, titulaireHeaders, (h) => (h === KEY ? KEY_HELP : helpOf(l.titulaireHeaders.get(h))), (h) => isTextKey(l.titulaireHeaders.get(h), h));
  for (const list of l.lists) {
    const ws = wb.addWorksheet(list.name);
    const byHeader = new Map(list.columns.map((c) => [c.header, c]));
    addHeader(ws, listHeaders(list), (h) => (h === KEY ? KEY_HELP : h === PARENT_KEY ? PARENT_HELP : helpOf(byHeader.get(h))), (h) => isTextKey(byHeader.get(h), h));
  }
  return { wb, titulaireHeaders };
}

function helpOf(c: Column | undefined): string | undefined {
  return c ? columnHelp(c) : undefined;
}

/** The blank workbook: every sheet with its headers; `campagne` lists the shared paths. */
export function blankWorkbook(): ExcelJS.Workbook {
  const { wb } = skeleton();
  const camp = wb.getWorksheet(SHEET_CAMPAGNE)!;
  const byHeader = new Map(layout().rootColumns.map((c) => [c.header, c]));
  for (const path of layout().campagneTemplate) {
    const c = byHeader.get(path);
    camp.addRow([path, null, c ? columnHelp(c) : '']);
  }
  return wb;
}

/**
 * A filled workbook. `shared` is the common part; each contract is its own data (the shared
 * part is not repeated, except values that differ from it, which go in `titulaires` columns).
 */
export function filledWorkbook(shared: Record<string, unknown>, contracts: readonly Record<string, unknown>[]): ExcelJS.Workbook {
  const l = layout();
  const extra = l.rootColumns
    .filter((c) => c.path[0] !== 'titulaire' && contracts.some((k) => getPath(k, c.path) !== undefined))
    .map((c) => c.header);
  const { wb, titulaireHeaders } = skeleton(extra);
  const camp = wb.getWorksheet(SHEET_CAMPAGNE)!;
  for (const c of l.rootColumns) {
    const v = getPath(shared, c.path);
    if (v !== undefined) camp.addRow([c.header, toCell(v, c), columnHelp(c)]);
  }
  const tit = wb.getWorksheet(SHEET_TITULAIRES)!;
  for (const k of contracts) {
    tit.addRow(titulaireHeaders.map((h) => {
      const c = l.titulaireHeaders.get(h);
      return c ? toCell(getPath(k, c.path), c) : null;
    }));
  }
  for (const list of l.lists) fillList(wb.getWorksheet(list.name)!, list, contracts);
  return wb;
}

function fillList(ws: ExcelJS.Worksheet, list: ListSheet, contracts: readonly Record<string, unknown>[]): void {
  const parentList = list.parent ? layout().lists.find((p) => p.name === list.parent) : undefined;
  for (const k of contracts) {
    const finess = getPath(k, ['titulaire', 'finess_ej']);
    const emit = (item: unknown, parentNumero?: unknown) => {
      if (!isPlainObject(item)) return;
      const keys = [finess, ...(list.parent ? [parentNumero] : [])];
      ws.addRow([...keys.map((v) => (v === undefined ? null : (v as ExcelJS.CellValue))), ...list.columns.map((c) => toCell(getPath(item, c.path), c))]);
    };
    if (parentList) {
      for (const parent of asArray(getPath(k, parentList.target))) {
        if (isPlainObject(parent)) for (const item of asArray(getPath(parent, list.target))) emit(item, parent.numero);
      }
    } else for (const item of asArray(getPath(k, list.target))) emit(item);
  }
}

function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function getPath(obj: unknown, path: readonly string[]): unknown {
  let node = obj;
  for (const key of path) {
    if (!isPlainObject(node)) return undefined;
    node = node[key];
  }
  return node;
}

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

function toCell(v: unknown, c: Column): ExcelJS.CellValue {
  if (v === undefined || v === null) return null;
  if (Array.isArray(v)) {
    const items = v.map(String);
    return items.join(items.some((s) => s.includes(';')) || c.kind === 'liste-texte' ? '\n' : '; ');
  }
  if (c.kind === 'date' && typeof v === 'string') {
    const m = ISO.exec(v);
    if (m) return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  }
  if (typeof v === 'boolean') return v ? 'oui' : 'non';
  if (typeof v === 'number' || typeof v === 'string') return v;
  return JSON.stringify(v);
}

/** XLSX bytes with fixed zip entry dates, so the same data always gives the same file. */
export async function workbookBytes(wb: ExcelJS.Workbook): Promise<Uint8Array> {
  const raw = Buffer.from(await wb.xlsx.writeBuffer());
  const zip = new PizZip(raw);
  for (const f of Object.values(zip.files) as Array<{ date: Date; options: { date?: Date } }>) {
    f.date = FIXED_DATE;
    f.options.date = FIXED_DATE;
  }
  return zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
}
