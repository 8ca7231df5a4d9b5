// Static types for the checker, derived from the zod schema's JSON Schema so the data model has
// one source of truth: adding a field to src/model/contract.ts makes it usable in templates.
import { z } from 'zod';
import { ContractSchema } from '../model/contract.ts';

export type Ty =
  | { readonly k: 'string' }
  | { readonly k: 'number' }
  | { readonly k: 'boolean' }
  | { readonly k: 'date' }
  | { readonly k: 'enum'; readonly values: readonly string[] }
  /** A target / reference value: number or text. */
  | { readonly k: 'value' }
  | { readonly k: 'array'; readonly of: Ty }
  | { readonly k: 'object'; readonly fields: Readonly<Record<string, Field>> }
  | { readonly k: 'null' }
  | { readonly k: 'any' };

export interface Field {
  readonly ty: Ty;
  readonly optional: boolean;
}

export const T = {
  string: { k: 'string' } as Ty,
  number: { k: 'number' } as Ty,
  boolean: { k: 'boolean' } as Ty,
  date: { k: 'date' } as Ty,
  value: { k: 'value' } as Ty,
  any: { k: 'any' } as Ty,
  null: { k: 'null' } as Ty,
  array: (of: Ty): Ty => ({ k: 'array', of }),
  object: (fields: Record<string, Field>): Ty => ({ k: 'object', fields }),
};

type Js = Record<string, unknown>;

function fromJsonSchema(s: Js): { ty: Ty; nullable: boolean } {
  if (Array.isArray(s.anyOf)) {
    const parts = (s.anyOf as Js[]).map(fromJsonSchema);
    const nonNull = parts.filter((p) => p.ty.k !== 'null');
    const nullable = nonNull.length < parts.length;
    if (nonNull.length === 1) return { ty: nonNull[0]!.ty, nullable };
    return { ty: T.value, nullable };
  }
  // A schema refined by a check JSON Schema cannot say (`allOf: [schema, {}]`) is that schema.
  if (Array.isArray(s.allOf)) {
    const parts = (s.allOf as Js[]).filter((p) => Object.keys(p).length > 0);
    return parts.length === 1 ? fromJsonSchema(parts[0]!) : { ty: T.any, nullable: false };
  }
  const type = s.type;
  if (Array.isArray(type)) {
    const nullable = type.includes('null');
    const rest = type.filter((t) => t !== 'null');
    if (rest.length === 1) return { ty: fromJsonSchema({ ...s, type: rest[0] }).ty, nullable };
    return { ty: T.value, nullable };
  }
  switch (type) {
    case 'string':
      if (Array.isArray(s.enum)) return { ty: { k: 'enum', values: s.enum as string[] }, nullable: false };
      return { ty: s.format === 'date' ? T.date : T.string, nullable: false };
    case 'number':
    case 'integer':
      return { ty: T.number, nullable: false };
    case 'boolean':
      return { ty: T.boolean, nullable: false };
    case 'null':
      return { ty: T.null, nullable: true };
    case 'array':
      return { ty: T.array(fromJsonSchema((s.items as Js) ?? {}).ty), nullable: false };
    case 'object': {
      const props = (s.properties ?? {}) as Record<string, Js>;
      const required = new Set((s.required as string[] | undefined) ?? []);
      // fromEntries defines own properties: a field named « __proto__ » would stay a field.
      const fields: Record<string, Field> = Object.fromEntries(
        Object.entries(props).map(([name, sub]) => {
          const r = fromJsonSchema(sub);
          return [name, { ty: r.ty, optional: r.nullable || !required.has(name) }];
        }),
      );
      return { ty: T.object(fields), nullable: false };
    }
    default:
      return { ty: T.any, nullable: false };
  }
}

let cached: Readonly<Record<string, Field>> | undefined;

/** Fields of a validated contract (output types: defaulted lists are always present). */
export function contractFields(): Readonly<Record<string, Field>> {
  if (!cached) cached = fieldsOfSchema(ContractSchema);
  return cached;
}

/** Fields of any object schema (output types), for templates fed other data than a contract. */
export function fieldsOfSchema(schema: z.ZodType): Readonly<Record<string, Field>> {
  const js = z.toJSONSchema(schema, { io: 'output', unrepresentable: 'any' }) as Js;
  const ty = fromJsonSchema(js).ty;
  if (ty.k !== 'object') throw new Error('schema is not an object');
  return ty.fields;
}

const req = (ty: Ty): Field => ({ ty, optional: false });
const opt = (ty: Ty): Field => ({ ty, optional: true });

/** Variables computed by the engine, available in every template next to the contract data. */
export function computedFields(): Record<string, Field> {
  return {
    contrat: req(
      T.object({
        periode: req(T.string),
        annee_n: req(T.number),
        debut: req(T.date),
        fin: req(T.date),
        /** Last day the model's duration allows (modele.yaml `duree`). */
        fin_maximale: req(T.date),
        duree_ans: req(T.number),
      }),
    ),
    modele: req(
      T.object({
        id: req(T.string),
        titre: req(T.string),
        version: req(T.number),
        originaux: opt(T.number),
      }),
    ),
    region: req(T.string),
    document: req(
      T.object({
        id: req(T.string),
        annexes_engagements: req(T.array(T.string)),
      }),
    ),
    // The current document's signature (src/templates/annex-signatures.ts): the contract's, or
    // an annex's own when the model signs annexes separately; `effet` is when the document takes effect.
    signature: req(
      T.object({
        lieu: opt(T.string),
        date: opt(T.date),
        effet: opt(T.date),
      }),
    ),
  };
}

export function describeTy(t: Ty): string {
  switch (t.k) {
    case 'string':
      return 'texte';
    case 'number':
      return 'nombre';
    case 'boolean':
      return 'booléen';
    case 'date':
      return 'date';
    case 'enum':
      return `valeur parmi ${t.values.map((v) => `« ${v} »`).join(', ')}`;
    case 'value':
      return 'valeur (nombre ou texte)';
    case 'array':
      return `liste de ${describeTy(t.of)}`;
    case 'object':
      return 'objet';
    case 'null':
      return 'nul';
    case 'any':
      return 'valeur';
  }
}
