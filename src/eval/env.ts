// Evaluation environment: variables bound to values *and* their data paths, so a missing
// value can be reported as `engagements[2].indicateurs[0].cibles.N+3`, not just "absent".
import { own } from '../dsl/own.ts';
import { appendDataPath, parseDataPath } from '../diagnostics/path.ts';
import { contractFields, type Field, type Ty } from '../dsl/types.ts';
import type { Contract } from '../model/contract.ts';
import type { Manifest } from '../templates/manifest.ts';

export interface Binding {
  readonly value: unknown;
  /** Data path of the value in the contract, or a descriptive name for computed values. */
  readonly path: string;
  /** For filtered lists (`liste où …`): the data path of each kept element. */
  readonly itemPaths?: readonly string[];
}

/** Data path of element k of a list binding. */
export function itemPath(list: Binding, k: number): string {
  return list.itemPaths?.[k] ?? joinPath(list.path, k);
}

/** What built-ins need beyond variables: the model's conventions and the contract's dates. */
export interface Runtime {
  readonly manifest: Manifest;
  readonly contract: Contract;
  /** Year N of the model's convention. */
  readonly yearN: number;
  /** Last day of the contract, ISO. */
  readonly endDate: string;
}

export class Env {
  private constructor(
    private readonly vars: ReadonlyMap<string, Binding>,
    readonly runtime: Runtime,
    private readonly parent?: Env,
    /** Set on element scopes (`où`, rules): an absent optional field resolves to undefined here. */
    private readonly elementPath?: string,
  ) {}

  static root(vars: ReadonlyMap<string, Binding>, runtime: Runtime): Env {
    return new Env(vars, runtime);
  }

  get(name: string): Binding | undefined {
    return this.vars.get(name) ?? this.parent?.get(name);
  }

  /**
   * Like get, but a name unknown to the data of an element scope is that element's absent
   * optional field (the checker has already proven the name exists in the schema).
   */
  lookup(name: string): Binding | undefined {
    const b = this.vars.get(name);
    if (b) return b;
    // A field of the element's schema that this element lacks is absent *here*: it must not
    // fall through to an outer list of the same name (engagement.reconnaissances vs the
    // contract's reconnaissances).
    if (this.elementPath !== undefined && elementFieldNames(this.elementPath).has(name)) {
      return { value: undefined, path: joinPath(this.elementPath, name) };
    }
    const outer = this.parent?.lookup(name);
    if (outer) return outer;
    return this.elementPath !== undefined ? { value: undefined, path: joinPath(this.elementPath, name) } : undefined;
  }

  child(vars: ReadonlyMap<string, Binding>, elementPath?: string): Env {
    return new Env(vars, this.runtime, this, elementPath);
  }
}

const fieldCache = new Map<string, ReadonlySet<string>>();

/** Field names the schema gives the element at a data path (`engagements[2]` → an engagement's). */
export function elementFieldNames(path: string): ReadonlySet<string> {
  const segs = parseDataPath(path).filter((s): s is string => typeof s === 'string');
  if (segs.length === 0) return new Set();
  const key = segs.join('\u0000');
  let names = fieldCache.get(key);
  if (!names) {
    let fields: Readonly<Record<string, Field>> | undefined = contractFields();
    for (const seg of segs) {
      let ty: Ty | undefined = fields ? own(fields, seg)?.ty : undefined;
      while (ty && ty.k === 'array') ty = ty.of;
      fields = ty && ty.k === 'object' ? ty.fields : undefined;
    }
    names = new Set(fields ? Object.keys(fields) : []);
    fieldCache.set(key, names);
  }
  return names;
}

export function isMissing(v: unknown): v is undefined | null {
  return v === undefined || v === null;
}

/** Truthiness of conditions: absent, null, false, "" and [] are false; 0 is a value, so true. */
export function truthy(v: unknown): boolean {
  if (isMissing(v) || v === false || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  return true;
}

/** Appends a field to a data path: `a.b`, `a[2]`, `cibles.N+1` (the one data-path format). */
export const joinPath: (base: string, seg: string | number) => string = appendDataPath;
