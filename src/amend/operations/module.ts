// What one avenant operation is, in one place: its schema (from the avenant model), how it
// changes the contract, what it touches (for conflicts within one avenant) and its article in
// the avenant (rendered from a template of templates/_avenant). The registry (index.ts) gathers
// one module per operation type, so adding an operation is one module (+ its schema and template).
import type { z } from 'zod';
import { operationSchema, type OperationOf, type OperationType } from '../../model/avenant.ts';
import type { Contract } from '../../model/contract.ts';
import type { Article, WordingContext } from '../document/context.ts';
import { keyOf, type Key } from '../keys.ts';
import type { OpEnv } from '../ops/env.ts';

export interface OperationModule<T extends OperationType> {
  readonly type: T;
  /** The operation's schema: its member of the avenant's discriminated union. */
  readonly schema: z.ZodType<OperationOf<T>>;
  /** Applies the operation to env.state; `effet` is the avenant's date of effect. */
  apply(env: OpEnv, op: OperationOf<T>, effet: string): void;
  /** Element identities the operation reads or writes, on the contract before the avenant. */
  touches(op: OperationOf<T>, before: Contract): Key[];
  /** The operation's article in the avenant. */
  wording(op: OperationOf<T>, ctx: WordingContext): Article;
}

export const defineOperation = <T extends OperationType>(type: T, m: Omit<OperationModule<T>, 'type' | 'schema'>): OperationModule<T> => ({
  type,
  schema: operationSchema(type),
  ...m,
});

/** Each field of a "modifications" object, as a part of `base`. */
export const fields = (base: Key, m: object): Key[] => Object.keys(m).map((f) => [...base, f]);

/** Engagement n's place in annexes (a part of each annex: two additions to one annex commute). */
export const inAnnexes = (n: number, ...codes: (string | undefined)[]): Key[] =>
  [...new Set(codes.filter((c) => c !== undefined))].map((c) => [...keyOf.annexe(c), 'engagements', String(n)]);

export const siteOf = (c: Contract, finess: string) => c.sites.find((x) => x.finess_et === finess);
