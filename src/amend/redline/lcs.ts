// Longest-common-subsequence alignment of two sequences by key: the backbone of every level of
// the redline (documents, blocks, table rows, words). Common prefix and suffix are peeled off
// first: versions of a contract differ in few places, so the quadratic core stays small.
export type Step = { readonly op: 'eq'; readonly a: number; readonly b: number } | { readonly op: 'del'; readonly a: number } | { readonly op: 'ins'; readonly b: number };

export function align(a: readonly string[], b: readonly string[]): Step[] {
  let pre = 0;
  while (pre < a.length && pre < b.length && a[pre] === b[pre]) pre++;
  let suf = 0;
  while (suf < a.length - pre && suf < b.length - pre && a[a.length - 1 - suf] === b[b.length - 1 - suf]) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  // table[i][j]: LCS length of a[pre+i..] and b[pre+j..] (suffix form, so the walk is forward).
  const table: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    const row = table[i]!;
    const below = table[i + 1]!;
    for (let j = m - 1; j >= 0; j--) {
      row[j] = a[pre + i] === b[pre + j] ? below[j + 1]! + 1 : Math.max(below[j]!, row[j + 1]!);
    }
  }
  const steps: Step[] = [];
  for (let k = 0; k < pre; k++) steps.push({ op: 'eq', a: k, b: k });
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[pre + i] === b[pre + j]) {
      steps.push({ op: 'eq', a: pre + i, b: pre + j });
      i++;
      j++;
    } else if (j < m && (i === n || table[i]![j + 1]! >= table[i + 1]![j]!)) {
      // Deletions before insertions at equal cost would interleave oddly in running text; the
      // tie-break emits deletions first, the usual reading order of a redline.
      if (i < n && table[i + 1]![j]! === table[i]![j + 1]!) {
        steps.push({ op: 'del', a: pre + i });
        i++;
      } else {
        steps.push({ op: 'ins', b: pre + j });
        j++;
      }
    } else {
      steps.push({ op: 'del', a: pre + i });
      i++;
    }
  }
  for (let k = 0; k < suf; k++) steps.push({ op: 'eq', a: a.length - suf + k, b: b.length - suf + k });
  return steps;
}
