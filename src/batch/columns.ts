// Workbook columns derived from the contract's zod schema, so the workbook never drifts from
// the data model: a field added to src/model/contract.ts appears as a column on the next
// `cpom campagne modele-classeur`. We walk zod's JSON Schema export (a public, stable format)
// rather than zod internals.
import { z } from 'zod';
import { ContractSchema } from '../model/contract.ts';

/** How a cell is read and checked. */
export type ColumnKind =
  | 'texte'
  | 'date'
  | 'nombre'
  | 'entier'
  | 'booleen'
  | 'valeur'
  | 'choix'
  | 'liste-texte'
  | 'liste-entier'
  | 'liste-choix';

export interface Column {
  /** Dotted path relative to the sheet's object: `representant.nom`, `cibles.N+3`. */
  readonly header: string;
  readonly path: readonly string[];
  readonly kind: ColumnKind;
  readonly required: boolean;
  readonly choices?: readonly string[];
  readonly description?: string;
}

/** An array of objects met during the walk: it gets a sheet of its own. */
export interface NestedList {
  readonly path: readonly string[];
  readonly item: JsonSchema;
}

export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly allOf?: readonly JsonSchema[];
  readonly enum?: readonly unknown[];
  readonly format?: string;
  readonly description?: string;
}

let cached: JsonSchema | undefined;

/** JSON Schema of a contract as users write it (input side: defaults are optional). */
export function contractJsonSchema(): JsonSchema {
  cached ??= z.toJSONSchema(ContractSchema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
  return cached;
}

/** The sub-schema at a dotted path of objects and arrays (`financements.dotations` → item). */
export function schemaAt(path: readonly string[]): JsonSchema {
  let s: JsonSchema = contractJsonSchema();
  for (const key of path) {
    const next = s.properties?.[key];
    if (!next) throw new Error(`bug: no schema at ${path.join('.')}`);
    s = next.type === 'array' && next.items ? next.items : next;
  }
  return s;
}

/**
 * Leaf columns of an object schema, depth first in schema order; arrays of objects are not
 * columns but nested lists (sheets of their own).
 */
export function flatten(schema: JsonSchema, prefix: readonly string[] = []): { columns: Column[]; nested: NestedList[] } {
  const columns: Column[] = [];
  const nested: NestedList[] = [];
  const required = new Set(schema.required ?? []);
  for (const [key, prop] of Object.entries(schema.properties ?? {})) {
    const path = [...prefix, key];
    const inner = nonNull(prop);
    // A map keyed by the model's document ids (`annexes`) has no fixed columns: a workbook
    // cannot give it, and its annexes print blanks to fill by hand (README « Les données »).
    if (inner.allOf) continue;
    if (inner.type === 'object') {
      const sub = flatten(inner, path);
      columns.push(...sub.columns);
      nested.push(...sub.nested);
      continue;
    }
    if (inner.type === 'array' && inner.items && nonNull(inner.items).type === 'object') {
      nested.push({ path, item: nonNull(inner.items) });
      continue;
    }
    columns.push(leaf(path, inner, required.has(key)));
  }
  return { columns, nested };
}

function leaf(path: readonly string[], s: JsonSchema, required: boolean): Column {
  const base = { header: path.join('.'), path, required, ...(s.description ? { description: s.description } : {}) };
  // A number-or-text union (target values) comes either as anyOf or as a type list.
  if (s.anyOf || Array.isArray(s.type)) return { ...base, kind: 'valeur' };
  if (s.type === 'array') {
    const item = nonNull(s.items ?? {});
    if (item.enum) return { ...base, kind: 'liste-choix', choices: item.enum.map(String) };
    return { ...base, kind: item.type === 'integer' ? 'liste-entier' : 'liste-texte' };
  }
  if (s.enum) return { ...base, kind: 'choix', choices: s.enum.map(String) };
  switch (s.type) {
    case 'integer':
      return { ...base, kind: 'entier' };
    case 'number':
      return { ...base, kind: 'nombre' };
    case 'boolean':
      return { ...base, kind: 'booleen' };
    case 'string':
      return { ...base, kind: s.format === 'date' ? 'date' : 'texte' };
    default:
      throw new Error(`bug: unsupported schema type at ${path.join('.')}: ${JSON.stringify(s.type)}`);
  }
}

/** `X | null` (nullable) is read as X: an empty cell is simply absent. */
function nonNull(s: JsonSchema): JsonSchema {
  if (Array.isArray(s.type) && s.type.includes('null')) {
    const types = s.type.filter((t) => t !== 'null');
    return { ...s, type: types.length === 1 ? types[0] : types };
  }
  if (!s.anyOf) return s;
  const rest = s.anyOf.filter((a) => a.type !== 'null');
  if (rest.length === 1 && rest[0]) return { ...rest[0], ...(s.description ? { description: s.description } : {}) };
  return s;
}

/** True for columns holding FINESS numbers: formatted as text so Excel keeps leading zeros. */
export function isFinessColumn(c: Column): boolean {
  const last = c.path[c.path.length - 1] ?? '';
  return last === 'finess' || last.startsWith('finess_');
}
