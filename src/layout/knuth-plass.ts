// Knuth–Plass total-fit line breaking over boxes, glue and penalties (Knuth & Plass, « Breaking
// paragraphs into lines », 1981; TeX's \linepenalty, \hyphenpenalty, \doublehyphendemerits,
// \finalhyphendemerits and \adjdemerits keep their TeX values).
//
// Written here rather than taken from tex-linebreak 0.9.0: that package retries with a doubled
// tolerance by recursion and throws when it gives up, keys its active nodes by line number (the
// active list grows with the paragraph) and allocates an object per item. Every line here has
// the same width, so an active node is kept per (fitness class, run of hyphenated lines) only,
// the items are parallel typed arrays, and the caller decides what to do when no break fits.

export const BOX = 0;
export const GLUE = 1;
export const PENALTY = 2;

/** A paragraph as parallel arrays; the last item must be the final forced break (a penalty). */
export interface Items {
  readonly n: number;
  readonly type: ArrayLike<number>;
  /** Natural width (a penalty's width is drawn only when the line breaks there: the hyphen). */
  readonly width: ArrayLike<number>;
  readonly stretch: ArrayLike<number>;
  readonly shrink: ArrayLike<number>;
  /** Penalty cost; -Infinity forces a break. */
  readonly cost: ArrayLike<number>;
  /** Flagged penalty: a hyphenation point. */
  readonly flagged: ArrayLike<number>;
}

export interface KpOptions {
  readonly width: number;
  /** Largest adjustment ratio allowed (Infinity: any stretch, for the last attempt). */
  readonly maxRatio: number;
}

const LINE_PENALTY = 10;
const DOUBLE_HYPHEN = 10000;
const FINAL_HYPHEN = 5000;
const ADJACENT = 10000;
/** A last line holding one word (or the end of a cut word) alone. */
const LONELY_LAST = 5000;
/** Hyphenated lines in a row, at most (as the DOCX's consecutiveHyphenLimit). */
const MAX_HYPHENS = 2;

interface Node {
  readonly pos: number;
  readonly fitness: number;
  readonly hyphens: number;
  readonly demerits: number;
  readonly ratio: number;
  readonly prev: Node | null;
  /** Sums at the start of the line after this break. */
  readonly w: number;
  readonly y: number;
  readonly z: number;
  readonly g: number;
}

export interface KpResult {
  /** Item index of each break (the last one is the final item). */
  readonly breaks: number[];
  /** Adjustment ratio of each line (0 for the last). */
  readonly ratios: number[];
}

function fitnessOf(r: number): number {
  return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
}

/** Optimal breaks, or null when no set of breaks keeps every line within the ratios. */
export function knuthPlass(it: Items, opts: KpOptions): KpResult | null {
  const n = it.n;
  // Cumulative sums before item i: width, stretch, shrink, glue count.
  const sw = new Float64Array(n + 1);
  const sy = new Float64Array(n + 1);
  const sz = new Float64Array(n + 1);
  const sg = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const t = it.type[i]!;
    sw[i + 1] = sw[i]! + (t === PENALTY ? 0 : it.width[i]!);
    sy[i + 1] = sy[i]! + (t === GLUE ? it.stretch[i]! : 0);
    sz[i + 1] = sz[i]! + (t === GLUE ? it.shrink[i]! : 0);
    sg[i + 1] = sg[i]! + (t === GLUE ? 1 : 0);
  }
  const max = opts.width;
  let active: Node[] = [{ pos: -1, fitness: 1, hyphens: 0, demerits: 0, ratio: 0, prev: null, w: 0, y: 0, z: 0, g: 0 }];
  const best: Array<Node | undefined> = new Array(4 * (MAX_HYPHENS + 1));
  for (let b = 0; b < n; b++) {
    const t = it.type[b]!;
    let isPenalty = false;
    if (t === GLUE) {
      if (b === 0 || it.type[b - 1] !== BOX) continue;
    } else if (t === PENALTY) {
      if (it.cost[b] === Infinity) continue;
      isPenalty = true;
    } else continue;
    const forced = isPenalty && it.cost[b] === -Infinity;
    const last = b === n - 1;
    const hyph = isPenalty && it.flagged[b] === 1;
    const pw = isPenalty ? it.width[b]! : 0;
    // The next line starts at the first box after the break (glue and penalties vanish there).
    let s = b + 1;
    while (s < n && it.type[s] !== BOX) {
      if (it.type[s] === PENALTY && it.cost[s] === -Infinity) break;
      s++;
    }
    best.fill(undefined);
    let kept = 0;
    for (let k = 0; k < active.length; k++) {
      const a = active[k]!;
      const lineW = sw[b]! - a.w + pw;
      let r: number;
      if (lineW < max) {
        const st = last ? Infinity : sy[b]! - a.y;
        r = st > 0 ? (st === Infinity ? 0 : (max - lineW) / st) : Infinity;
      } else if (lineW > max) {
        const sh = sz[b]! - a.z;
        r = sh > 0 ? (max - lineW) / sh : -Infinity;
      } else r = 0;
      // Too tight: this node can never start a line reaching here or further.
      if (r >= -1) active[kept++] = a;
      if (r < -1 || r > opts.maxRatio) continue;
      if (hyph && a.hyphens >= MAX_HYPHENS) continue;
      const bad = 100 * Math.abs(r) ** 3;
      let d = (LINE_PENALTY + bad) ** 2;
      const cost = isPenalty ? it.cost[b]! : 0;
      if (cost > 0) d += cost * cost;
      else if (cost < 0 && cost > -Infinity) d -= cost * cost;
      const aHyph = a.pos >= 0 && it.type[a.pos] === PENALTY && it.flagged[a.pos] === 1;
      if (hyph && aHyph) d += DOUBLE_HYPHEN;
      if (last && aHyph) d += FINAL_HYPHEN;
      if (last && a.pos >= 0 && sg[b]! - a.g === 0) d += LONELY_LAST;
      const fit = fitnessOf(r);
      if (a.pos >= 0 && Math.abs(fit - a.fitness) > 1) d += ADJACENT;
      const total = a.demerits + d;
      const hy = hyph ? a.hyphens + 1 : 0;
      const key = fit * (MAX_HYPHENS + 1) + hy;
      const cur = best[key];
      if (!cur || total < cur.demerits) {
        best[key] = { pos: b, fitness: fit, hyphens: hy, demerits: total, ratio: r, prev: a, w: sw[s]!, y: sy[s]!, z: sz[s]!, g: sg[s]! };
      }
    }
    if (forced) kept = 0;
    active.length = kept;
    for (const c of best) if (c) active.push(c);
    if (!active.length) return null;
  }
  let end: Node | undefined;
  for (const a of active) if (a.pos === n - 1 && (!end || a.demerits < end.demerits)) end = a;
  if (!end) return null;
  const breaks: number[] = [];
  const ratios: number[] = [];
  for (let x: Node | null = end; x && x.pos >= 0; x = x.prev) {
    breaks.push(x.pos);
    ratios.push(x.ratio);
  }
  breaks.reverse();
  ratios.reverse();
  return { breaks, ratios };
}
