// What an operation handler sees: the draft contract it mutates, a way to report French errors
// relative to the operation, and a way to record provenance. Handlers stay small and pure in
// effect: the draft is a private deep copy made by apply.ts.
import type { Contract } from '../../model/contract.ts';
import type { Duree } from '../../templates/manifest.ts';
import type { Key } from '../keys.ts';
import type { Prorogation } from '../../templates/manifest.ts';
import type { Nature } from '../types.ts';
import { suggest } from '../../dsl/suggest.ts';

export interface OpEnv {
  readonly state: Contract;
  /** The model's duration (modele.yaml `duree`): what duration operations may do. */
  readonly duree: Duree;
  /** Reports an error; `rel` is the data path inside the operation (e.g. ["numero"]). */
  error(message: string, rel?: readonly (string | number)[], code?: string, hints?: readonly string[]): void;
  /** Records that this avenant is now the last one to have changed the element. */
  record(key: Key, nature: Nature): void;
  /** What the contract's model allows beyond the operations' own rules (ApplyOptions). */
  readonly prorogation?: Prorogation | undefined;
}

/** Deterministic structural equality for plain data (zod output: no cycles, no class instances). */
export function sameData(a: unknown, b: unknown): boolean {
  return stableJson(a) === stableJson(b);
}

export function stableJson(v: unknown): string {
  return JSON.stringify(v, (_k, val: unknown) =>
    val && typeof val === 'object' && !Array.isArray(val)
      ? Object.fromEntries(
          Object.entries(val as Record<string, unknown>)
            .filter(([, x]) => x !== undefined)
            .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : val,
  );
}

/** Hint naming the closest candidate, when one is reasonably close (the DSL's own suggester). */
export function closest(wanted: string, candidates: readonly string[]): string[] {
  const best = suggest(wanted, candidates);
  return best !== undefined ? [`vouliez-vous dire « ${best} » ?`] : [];
}

/** « a », « b » et « c » — or « aucun » for an empty list. */
export function quoteList(items: readonly (string | number)[], none = 'aucun'): string {
  if (items.length === 0) return none;
  const q = items.map((i) => (typeof i === 'number' ? `n° ${i}` : `« ${i} »`));
  return q.length === 1 ? q[0]! : `${q.slice(0, -1).join(', ')} et ${q[q.length - 1]}`;
}

/**
 * Index of the single element matching `pred`. Reports unknown / ambiguous targets through
 * `env` and returns undefined; identifiers must designate exactly one element.
 */
export function findOne<T>(
  env: OpEnv,
  list: readonly T[],
  pred: (x: T) => boolean,
  what: string,
  rel: readonly (string | number)[],
  existing: () => readonly (string | number)[],
  wanted?: string,
): number | undefined {
  const hits: number[] = [];
  list.forEach((x, i) => {
    if (pred(x)) hits.push(i);
  });
  if (hits.length === 1) return hits[0];
  if (hits.length === 0) {
    const ex = existing();
    const hints = wanted === undefined ? [] : closest(wanted, ex.map(String));
    env.error(`${what} n’existe pas dans le contrat (existants : ${quoteList(ex)})`, rel, 'AVENANT-CIBLE-INCONNUE', hints);
  } else {
    env.error(`${what} est désigné de façon ambiguë : ${hits.length} éléments du contrat portent cet identifiant`, rel, 'AVENANT-CIBLE-AMBIGUE');
  }
  return undefined;
}
