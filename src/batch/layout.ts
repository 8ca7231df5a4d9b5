// The campaign workbook's layout, derived from the contract schema:
// - `campagne`: the shared part, one row per dotted path (chemin | valeur | aide);
// - `titulaires`: one row per legal entity; headers are titulaire fields (`representant.nom`)
//   or contract-level fields (`dates.effet`, `avis.cme`, `reference`), which never collide;
// - one sheet per list of objects (`sites`, `engagements`, `indicateurs`, `dotations`…), rows
//   keyed by `finess_ej`, indicators also by the `engagement` they belong to (its numero).
import { flatten, contractJsonSchema, type Column, type NestedList } from './columns.ts';

export const SHEET_CAMPAGNE = 'campagne';
export const SHEET_TITULAIRES = 'titulaires';
export const KEY = 'finess_ej';
export const PARENT_KEY = 'engagement';

export interface ListSheet {
  readonly name: string;
  /** Path of the list in the contract (['financements', 'dotations']), or in the parent item. */
  readonly target: readonly string[];
  /** For lists nested in a list item (indicateurs in engagements): the parent sheet's name. */
  readonly parent?: string;
  readonly columns: readonly Column[];
}

export interface Layout {
  /** Every leaf of the contract outside lists, with full paths (`titulaire.adresse.voie`). */
  readonly rootColumns: readonly Column[];
  /** Headers accepted in `titulaires`, mapped to their full contract path. */
  readonly titulaireHeaders: ReadonlyMap<string, Column>;
  /** Headers written in a blank `titulaires` sheet, in order. */
  readonly titulaireTemplate: readonly string[];
  /** Paths offered in a blank `campagne` sheet. */
  readonly campagneTemplate: readonly string[];
  readonly lists: readonly ListSheet[];
}

/** Contract-level fields that vary per holder and so are offered as `titulaires` columns. */
const PER_HOLDER_PREFIXES = ['reference', 'contrat_precedent', 'penalites', 'orientations', 'dates.', 'avis.', 'financements.'];
/** Fields offered in the shared part. */
const SHARED_PREFIXES = ['modele', 'ars.', 'dates.'];

let cached: Layout | undefined;

export function layout(): Layout {
  cached ??= build();
  return cached;
}

function build(): Layout {
  const root = flatten(contractJsonSchema());
  const headers = new Map<string, Column>();
  const template: string[] = [];
  for (const c of root.columns) {
    if (c.path[0] === 'titulaire') {
      const header = c.path.slice(1).join('.');
      add(headers, header, c);
      template.push(header);
    }
  }
  for (const c of root.columns) {
    if (c.path[0] === 'titulaire') continue;
    add(headers, c.header, c);
    if (PER_HOLDER_PREFIXES.some((p) => matches(c.header, p))) template.push(c.header);
  }
  const lists: ListSheet[] = [];
  for (const n of root.nested) addList(lists, n, undefined);
  const names = new Set(lists.map((l) => l.name));
  if (names.size !== lists.length || names.has(SHEET_TITULAIRES) || names.has(SHEET_CAMPAGNE)) {
    throw new Error('bug: two workbook sheets would share a name');
  }
  return {
    rootColumns: root.columns,
    titulaireHeaders: headers,
    titulaireTemplate: template,
    campagneTemplate: root.columns.filter((c) => SHARED_PREFIXES.some((p) => matches(c.header, p))).map((c) => c.header),
    lists,
  };
}

function matches(header: string, prefix: string): boolean {
  return prefix.endsWith('.') ? header.startsWith(prefix) : header === prefix;
}

function add(map: Map<string, Column>, header: string, c: Column): void {
  if (map.has(header)) throw new Error(`bug: workbook header « ${header} » is ambiguous`);
  map.set(header, c);
}

function addList(out: ListSheet[], n: NestedList, parent: string | undefined): void {
  const name = n.path[n.path.length - 1] ?? '';
  const item = flatten(n.item);
  const columns = item.columns.filter((c) => c.header !== KEY && c.header !== PARENT_KEY);
  out.push({ name, target: n.path, ...(parent ? { parent } : {}), columns });
  for (const sub of item.nested) {
    // Nested rows point to their parent item by its numero.
    if (!item.columns.some((c) => c.header === 'numero')) {
      throw new Error(`bug: list ${n.path.join('.')} has nested lists but no numero to key them`);
    }
    addList(out, sub, name);
  }
}

/** The sheet names of a campaign workbook, in workbook order. */
export function sheetNames(): string[] {
  return [SHEET_CAMPAGNE, SHEET_TITULAIRES, ...layout().lists.map((l) => l.name)];
}

/** Headers of a list sheet: the keys first, then the item's fields. */
export function listHeaders(sheet: ListSheet): string[] {
  return [KEY, ...(sheet.parent ? [PARENT_KEY] : []), ...sheet.columns.map((c) => c.header)];
}
