// --tranche k/n: contract i (0-based, in FINESS order) belongs to tranche (i mod n) + 1. The
// order is the sorted ids of the whole campaign, so every machine given the same input computes
// the same split, the tranches are disjoint, cover everything and differ in size by one at most.

export interface Tranche {
  readonly k: number;
  readonly n: number;
}

export function parseTranche(text: string): Tranche | string {
  const m = /^(\d+)\/(\d+)$/.exec(text.trim());
  if (!m) return `tranche attendue sous la forme k/n (ex. « 2/4 »), reçu « ${text} »`;
  const k = Number(m[1]);
  const n = Number(m[2]);
  if (n < 1 || k < 1 || k > n) return `tranche « ${text} » impossible : il faut 1 ≤ k ≤ n`;
  return { k, n };
}

/** The items of tranche k/n, from a list already in campaign order. */
export function selectTranche<T>(sorted: readonly T[], t: Tranche): T[] {
  return sorted.filter((_, i) => i % t.n === t.k - 1);
}

/** File-name suffix so tranches sharing an output folder do not overwrite each other's manifest. */
export function trancheSuffix(t: Tranche | undefined): string {
  return !t || t.n === 1 ? '' : `-tranche-${t.k}-sur-${t.n}`;
}
