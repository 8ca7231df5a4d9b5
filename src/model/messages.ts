// zod issues → French messages with the data path users see in their files:
// `engagements[2].indicateurs[0].cibles.N+3 : nombre, pourcentage ou « oui »/« non » attendu, reçu « beaucoup »`.
// The one error map and the one issue → diagnostic conversion for every data file (contracts,
// avenants, model manifests), so the same mistake reads the same wherever it is made.
import type { z } from 'zod';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { formatDataPath } from '../diagnostics/path.ts';
import { suggest } from '../dsl/suggest.ts';

const TYPE_NAMES: Record<string, string> = {
  string: 'texte',
  number: 'nombre',
  int: 'nombre entier',
  boolean: 'booléen (true / false)',
  object: 'objet (clés : valeurs)',
  array: 'liste',
  date: 'date',
  null: 'nul',
  undefined: 'absent',
};

export function describeInput(v: unknown): string {
  if (v === undefined) return 'rien (champ absent)';
  if (v === null) return 'nul';
  if (typeof v === 'string') return `« ${v.length > 60 ? `${v.slice(0, 57)}…` : v} »`;
  if (typeof v === 'number' || typeof v === 'boolean') return `${String(v)} (${TYPE_NAMES[typeof v]})`;
  if (Array.isArray(v)) return 'une liste';
  return 'un objet';
}

/** Per-parse error map: used for every issue whose schema did not give its own message. */
export const frenchErrorMap = (iss: z.core.$ZodRawIssue): string => {
  switch (iss.code) {
    case 'invalid_type': {
      if (iss.input === undefined) return `champ obligatoire manquant (${TYPE_NAMES[iss.expected] ?? iss.expected} attendu)`;
      return `${TYPE_NAMES[iss.expected] ?? iss.expected} attendu, reçu ${describeInput(iss.input)}`;
    }
    case 'too_small':
      if (iss.origin === 'string') return iss.minimum === 1 ? 'texte vide' : `au moins ${String(iss.minimum)} caractères attendus`;
      if (iss.origin === 'array') return `au moins ${String(iss.minimum)} élément(s) attendu(s)`;
      return `valeur supérieure ou égale à ${String(iss.minimum)} attendue, reçu ${describeInput(iss.input)}`;
    case 'too_big':
      if (iss.origin === 'string') return `au plus ${String(iss.maximum)} caractères attendus`;
      if (iss.origin === 'array') return `au plus ${String(iss.maximum)} élément(s) attendu(s)`;
      return `valeur inférieure ou égale à ${String(iss.maximum)} attendue, reçu ${describeInput(iss.input)}`;
    case 'invalid_value':
      return `valeur parmi ${iss.values.map((v) => `« ${String(v)} »`).join(', ')} attendue, reçu ${describeInput(iss.input)}`;
    case 'unrecognized_keys':
      return `clé${iss.keys.length > 1 ? 's' : ''} inconnue${iss.keys.length > 1 ? 's' : ''} : ${iss.keys.map((k) => `« ${k} »`).join(', ')}`;
    case 'invalid_format':
      return `format invalide, reçu ${describeInput(iss.input)}`;
    case 'not_multiple_of':
      return `multiple de ${String(iss.divisor)} attendu, reçu ${describeInput(iss.input)}`;
    case 'invalid_union':
      return `valeur invalide, reçu ${describeInput(iss.input)}`;
    default:
      return `valeur invalide, reçu ${describeInput(iss.input)}`;
  }
};

/** Where a data path lies in the file being read (`keyOnly`: the key, not its value). */
export type PathLocator = (path: readonly PropertyKey[], keyOnly: boolean) => Span | undefined;

export interface IssueContext {
  /** The schema that was parsed (its keys feed « vouliez-vous dire »). */
  readonly schema: z.ZodType;
  readonly data: unknown;
  /** Diagnostic code for schema errors (unknown keys get `DONNEES-CLE-INCONNUE`). */
  readonly code: string;
  readonly locate?: PathLocator;
  /** Text put before each message (« avenant n° 2, opération 3 : »), from the issue's path. */
  readonly prefix?: (path: readonly PropertyKey[]) => string;
}

/** Parses `data` with the French error map; issues become diagnostics with path and place. */
export function safeParseFr<S extends z.ZodType>(schema: S, data: unknown): z.ZodSafeParseResult<z.output<S>> {
  return schema.safeParse(data, { error: frenchErrorMap }) as z.ZodSafeParseResult<z.output<S>>;
}

/** One zod issue as diagnostics (one per unknown key). */
export function issueDiagnostics(iss: z.core.$ZodIssue, ctx: IssueContext): Diagnostic[] {
  const pre = (path: readonly PropertyKey[]) => ctx.prefix?.(path) ?? '';
  if (iss.code === 'unrecognized_keys') {
    const known = knownKeys(ctx.schema, ctx.data, iss.path);
    return iss.keys.map((k) => {
      const path = [...iss.path, k];
      const hint = suggest(k, known);
      const span = ctx.locate?.(path, true);
      return {
        severity: 'erreur',
        code: 'DONNEES-CLE-INCONNUE',
        message: `${pre(path)}clé inconnue « ${k} »`,
        dataPath: formatDataPath(path),
        ...(span ? { span } : {}),
        ...(hint ? { hints: [`vouliez-vous dire « ${hint} » ?`] } : known.length ? { hints: [`clés possibles : ${known.join(', ')}`] } : {}),
      } satisfies Diagnostic;
    });
  }
  const span = ctx.locate?.(iss.path, false);
  return [
    {
      severity: 'erreur',
      code: ctx.code,
      message: `${pre(iss.path)}${iss.message}`,
      ...(iss.path.length > 0 ? { dataPath: formatDataPath(iss.path) } : {}),
      ...(span ? { span } : {}),
    },
  ];
}

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType; element?: z.ZodType; options?: z.ZodType[]; discriminator?: string; in?: z.ZodType; values?: unknown[]; getter?: () => z.ZodType };
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** The object schemas `schema` may be at `path`, given the data (a union is narrowed by its discriminator). */
function objectsAt(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): Def[] {
  const d = defOf(schema);
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return objectsAt(d.innerType!, data, path);
    case 'pipe':
      return objectsAt(d.in!, data, path);
    case 'lazy':
      return objectsAt(d.getter!(), data, path);
    case 'union': {
      const opts = d.options ?? [];
      const tag = d.discriminator && data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[d.discriminator] : undefined;
      const chosen = d.discriminator ? opts.filter((o) => (defOf(defOf(o).shape?.[d.discriminator!] ?? o).values ?? []).includes(tag)) : [];
      return (chosen.length ? chosen : opts).flatMap((o) => objectsAt(o, data, path));
    }
    case 'array': {
      if (path.length === 0) return [];
      const [seg, ...rest] = path;
      return objectsAt(d.element!, Array.isArray(data) ? data[seg as number] : undefined, rest);
    }
    case 'object': {
      if (path.length === 0) return [d];
      const [seg, ...rest] = path;
      const next = d.shape?.[String(seg)];
      const sub = data !== null && typeof data === 'object' ? (data as Record<string, unknown>)[String(seg)] : undefined;
      return next ? objectsAt(next, sub, rest) : [];
    }
    default:
      return [];
  }
}

/** Keys the schema accepts at a path (for « vouliez-vous dire »). */
export function knownKeys(schema: z.ZodType, data: unknown, path: readonly PropertyKey[]): string[] {
  return [...new Set(objectsAt(schema, data, path).flatMap((d) => Object.keys(d.shape ?? {})))];
}
