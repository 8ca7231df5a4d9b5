// Typography measures on `pdftotext -bbox-layout` pages: inter-word stretch of justified lines,
// hyphenated lines, runs of consecutive hyphens, and words cut without a hyphen.
//
// Choices (README « Mesurer la typographie »):
// - The natural space is measured, not assumed: the median gap between words on the ragged last
//   lines of justified paragraphs, per text size (word box height). The XML names no font, and
//   the three renderers do not use the same one, so a fixed « 0.318 em » would be wrong for two.
// - A justified line is one that ends on the page's dominant right edge (the most common line end).
//   Its stretch is its widest gap over the natural space: a justified line gives every stretchable
//   space the same width, and no-break spaces (not stretched) would pull a mean down.
// - Line breaks are judged against the real words of the source (`sourceWords`): a line ending
//   « activit » followed by « é » is a cut because « activité » is a source word and « activit »
//   is not. A line ending « compte- » followed by « rendu » is a break at the text's own hyphen,
//   not a hyphenation: it is counted apart.
import type { Line, Page, Word } from './bbox.ts';

/** Anything poppler or the source may use as a space or hyphen, folded the same way on both sides. */
export function norm(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u00A0\u202F\u2009]+/gu, '');
}

export interface SourceWords {
  readonly tokens: ReadonlySet<string>;
  /** Every proper prefix of a token: the beginning of a word cut over more than two lines. */
  readonly prefixes: ReadonlySet<string>;
  /** "a\u0000b" when the source has word a then word b after a space. */
  readonly bigrams: ReadonlySet<string>;
}

/**
 * The words of the source texts (split at spaces, punctuation kept). A pair joined by a no-break
 * space is also a word: poppler may or may not split there.
 */
export function sourceWords(texts: Iterable<string>): SourceWords {
  const tokens = new Set<string>();
  const bigrams = new Set<string>();
  for (const text of texts) {
    const nfc = text.normalize('NFC');
    const parts = nfc.split(/([\s\u00A0\u202F]+)/u);
    const words: { w: string; nbspBefore: boolean }[] = [];
    for (let k = 0; k < parts.length; k += 2) {
      const w = norm(parts[k]!);
      if (w) words.push({ w, nbspBefore: k > 0 && /^[\u00A0\u202F]+$/u.test(parts[k - 1]!) });
    }
    for (let k = 0; k < words.length; k++) {
      tokens.add(words[k]!.w);
      if (k > 0) bigrams.add(`${words[k - 1]!.w}\u0000${words[k]!.w}`);
      // Chains joined by no-break spaces (« 10 % », « article 3 ; ») as one token too.
      let joined = words[k]!.w;
      for (let j = k + 1; j < words.length && words[j]!.nbspBefore && j < k + 4; j++) {
        joined += words[j]!.w;
        tokens.add(joined);
      }
    }
  }
  const prefixes = new Set<string>();
  for (const t of tokens) for (let k = 1; k < t.length; k++) prefixes.add(t.slice(0, k));
  return { tokens, prefixes, bigrams };
}

export interface MeasureOptions {
  /** Lines entirely within this distance of the top or bottom edge are page furniture (pt). */
  readonly furnitureMargin: number;
  /** A line ends on the right edge within this distance (pt). */
  readonly edgeTolerance: number;
}
export const DEFAULT_OPTIONS: MeasureOptions = { furnitureMargin: (20 * 72) / 25.4, edgeTolerance: 0.75 };

const LIST_MARKER = /^([–•\-—]|\d+[.)]|[a-z][.)])$/u;
const HYPHEN = /[-\u2010\u00AD]$/u;

function isFurniture(line: Line, page: Page, o: MeasureOptions): boolean {
  if (line.yMax <= o.furnitureMargin || line.yMin >= page.height - o.furnitureMargin) return true;
  return /^Paraphe\b/u.test(line.words[0]?.text ?? '');
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/** Value at quantile q (nearest rank). */
export function quantile(xs: readonly number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))]!;
}

/** Text size class of a line: the median word box height, to 0.1 pt. */
function sizeClass(line: Line): string {
  return median(line.words.map((w) => w.yMax - w.yMin)).toFixed(1);
}

/** Gaps between consecutive words; the gap after a list marker is an indent, not a space. */
export function lineGaps(line: Line): number[] {
  const gaps: number[] = [];
  for (let k = 1; k < line.words.length; k++) {
    if (k === 1 && LIST_MARKER.test(line.words[0]!.text)) continue;
    gaps.push(line.words[k]!.xMin - line.words[k - 1]!.xMax);
  }
  return gaps;
}

/** The most common line end (to 1 pt) among 2+ lines of 3+ words: where justified lines stop. */
export function rightEdge(lines: readonly Line[]): number | undefined {
  const buckets = new Map<number, number[]>();
  for (const l of lines) if (l.words.length >= 3) (buckets.get(Math.round(l.xMax)) ?? buckets.set(Math.round(l.xMax), []).get(Math.round(l.xMax))!).push(l.xMax);
  let best: number[] = [];
  for (const [x, xs] of buckets) if (xs.length > best.length || (xs.length === best.length && x > Math.round(best[0] ?? 0))) best = xs;
  return best.length >= 2 ? median(best) : undefined;
}

/**
 * A line stopping at the right edge; typst lets a final hyphen or punctuation hang into the
 * margin (optical alignment), so up to 0.4 of the text height beyond the edge still counts.
 */
function onRightEdge(line: Line, edge: number, o: MeasureOptions): boolean {
  const height = median(line.words.map((w) => w.yMax - w.yMin));
  return line.xMax >= edge - o.edgeTolerance && line.xMax <= edge + Math.max(o.edgeTolerance, 0.4 * height);
}

/**
 * Justification gives every stretchable space of a line one width: a line ending on the edge
 * whose widest gap is far above its median gap is a table row poppler read across cells.
 */
function evenGaps(gaps: readonly number[]): boolean {
  return Math.max(...gaps) <= 1.6 * median(gaps);
}

export interface StretchStats {
  readonly justifiedLines: number;
  /** Justified lines whose text size had no natural-space sample (not measured). */
  readonly unmeasured: number;
  /** Natural space per size class, in pt. */
  readonly natural: Readonly<Record<string, number>>;
  readonly median: number;
  readonly p95: number;
  readonly max: number;
  readonly ratios: readonly number[];
}

/** Stretch of every justified body line over all pages of one renderer's files. */
export function stretchStats(docs: readonly (readonly Page[])[], o: MeasureOptions = DEFAULT_OPTIONS): StretchStats {
  const justified: { cls: string; gap: number }[] = [];
  const lastLines = new Map<string, number[]>();
  const ragged = new Map<string, number[]>();
  const push = (m: Map<string, number[]>, k: string, xs: number[]): void => void (m.get(k) ?? m.set(k, []).get(k)!).push(...xs);
  for (const pages of docs) {
    for (const page of pages) {
      const body = page.blocks.map((b) => b.lines.filter((l) => !isFurniture(l, page, o)));
      const edge = rightEdge(body.flat());
      for (const lines of body) {
        let prevJustified = false;
        for (const line of lines) {
          const gaps = lineGaps(line);
          const onEdge = edge !== undefined && onRightEdge(line, edge, o);
          if (gaps.length === 0) {
            prevJustified = false;
            continue;
          }
          const cls = sizeClass(line);
          if (onEdge && !evenGaps(gaps)) {
            prevJustified = false;
            continue;
          }
          if (onEdge) justified.push({ cls, gap: Math.max(...gaps) });
          else {
            push(ragged, cls, gaps);
            if (prevJustified) push(lastLines, cls, gaps);
          }
          prevJustified = onEdge;
        }
      }
    }
  }
  const natural: Record<string, number> = {};
  for (const cls of new Set(justified.map((j) => j.cls))) {
    const sample = (lastLines.get(cls)?.length ?? 0) >= 10 ? lastLines.get(cls)! : ragged.get(cls);
    if (sample && sample.length > 0) natural[cls] = median(sample);
  }
  const ratios = justified.filter((j) => natural[j.cls] !== undefined).map((j) => j.gap / natural[j.cls]!);
  return {
    justifiedLines: justified.length,
    unmeasured: justified.length - ratios.length,
    natural,
    median: ratios.length ? median(ratios) : NaN,
    p95: ratios.length ? quantile(ratios, 0.95) : NaN,
    max: ratios.length ? Math.max(...ratios) : NaN,
    ratios,
  };
}

interface Segment {
  readonly words: readonly Word[];
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly height: number;
}

/** A line split where a gap is wider than a space can be: table cells that poppler merged into one line. */
function segments(line: Line): Segment[] {
  const out: Segment[] = [];
  let cur: Word[] = [];
  const height = median(line.words.map((w) => w.yMax - w.yMin));
  const flush = (): void => {
    if (cur.length) out.push({ words: cur, xMin: cur[0]!.xMin, xMax: cur.at(-1)!.xMax, yMin: Math.min(...cur.map((w) => w.yMin)), height });
    cur = [];
  };
  for (const w of line.words) {
    if (cur.length && w.xMin - cur.at(-1)!.xMax > 0.6 * height) flush();
    cur.push(w);
  }
  flush();
  return out;
}

const overlap = (a: Segment, b: Segment): number => Math.min(a.xMax, b.xMax) - Math.max(a.xMin, b.xMin);

export type BreakKind = 'word' | 'hyphenated' | 'text-hyphen' | 'cut' | 'unknown';

/** How a line ending `last` continues with `next` (the first word of the following line). */
export function classifyBreak(last: string, next: string, src: SourceWords): BreakKind {
  const t = norm(last);
  const n = norm(next);
  // A list bullet alone at a line end: LibreOffice sets bullets in a column of their own.
  if (LIST_MARKER.test(t) && t !== '-') return 'word';
  // A word's beginning: whole, or the start of a word that goes on over the next line break.
  const joins = (s: string): boolean => src.tokens.has(s) || src.prefixes.has(s);
  if (HYPHEN.test(t)) {
    if (joins(t + n)) return 'text-hyphen';
    const stem = t.slice(0, -1);
    if (joins(stem + n) || (/\p{L}$/u.test(stem) && /^\p{Ll}/u.test(n))) return 'hyphenated';
    return src.tokens.has(t) ? 'word' : 'unknown';
  }
  // A whole word followed by the next word of the source is an ordinary break; a whole word
  // must join into a whole word (« de / s ») to count as cut, a fragment may join into a longer one.
  if (src.tokens.has(t)) return src.tokens.has(t + n) && !src.bigrams.has(`${t}\u0000${n}`) ? 'cut' : 'word';
  return joins(t + n) ? 'cut' : 'unknown';
}

export interface BreakStats {
  /** Line ends that continue on a following line (same paragraph or cell). */
  readonly breaks: number;
  readonly hyphenated: number;
  /** Breaks after a hyphen of the text itself (« compte- / rendu »). */
  readonly textHyphen: number;
  /** Runs of 2+ successive lines ending with a hyphen (either kind), and the longest run. */
  readonly hyphenRuns: number;
  readonly longestRun: number;
  readonly cuts: number;
  readonly cutExamples: readonly string[];
  /** Line ends matching no source word (furniture, poppler splitting): not judged. */
  readonly unknown: number;
  readonly unknownExamples: readonly string[];
}

/** Line-break quality of one renderer's files against the source words. */
export function breakStats(docs: readonly (readonly Page[])[], src: SourceWords, o: MeasureOptions = DEFAULT_OPTIONS): BreakStats {
  let breaks = 0;
  let hyphenated = 0;
  let textHyphen = 0;
  let cuts = 0;
  let unknown = 0;
  let hyphenRuns = 0;
  let longestRun = 0;
  const cutExamples: string[] = [];
  const unknownExamples: string[] = [];
  for (const pages of docs) {
    for (const page of pages) {
      const blocks = page.blocks.map((b) => b.lines.filter((l) => !isFurniture(l, page, o)).map(segments));
      const all = blocks.flat(2);
      const next = new Map<Segment, Segment>();
      for (const lines of blocks) {
        lines.forEach((segs, i) => {
          for (const s of segs) {
            // The next line of the block, the segment below this one; else any segment just below on the page.
            const below = (lines[i + 1] ?? []).filter((b) => overlap(s, b) > 0);
            const near = below.length ? below : all.filter((b) => b.yMin > s.yMin + 0.5 * s.height && b.yMin - s.yMin <= 1.35 * s.height && overlap(s, b) > 0);
            const best = near.sort((a, b) => a.yMin - b.yMin || overlap(s, b) - overlap(s, a))[0];
            if (best) next.set(s, best);
          }
        });
      }
      // In reading order from the top, carrying a word's beginning across its cuts (« MP- / 0412 / ) »).
      const carried = new Map<Segment, string>();
      const run = new Map<Segment, number>();
      const ordered = [...all].sort((a, b) => a.yMin - b.yMin || a.xMin - b.xMin);
      const finish = (r: number): void => {
        if (r >= 2) hyphenRuns++;
        longestRun = Math.max(longestRun, r);
      };
      for (const s of ordered) {
        // Lines ending with a hyphen right before this one, in an unbroken run.
        const before = run.get(s) ?? 0;
        const n = next.get(s);
        if (!n) {
          finish(before);
          continue;
        }
        breaks++;
        const lastWord = s.words.at(-1)!.text;
        const last = s.words.length === 1 ? (carried.get(s) ?? '') + lastWord : lastWord;
        const kind = classifyBreak(last, n.words[0]!.text, src);
        if (kind === 'hyphenated') hyphenated++;
        else if (kind === 'text-hyphen') textHyphen++;
        else if (kind === 'cut') {
          cuts++;
          if (cutExamples.length < 12) cutExamples.push(`${last} / ${n.words[0]!.text}`);
        } else if (kind === 'unknown') {
          unknown++;
          if (unknownExamples.length < 12) unknownExamples.push(`${last} / ${n.words[0]!.text}`);
        }
        if (kind !== 'word' && kind !== 'unknown') carried.set(n, norm(kind === 'hyphenated' ? last.slice(0, -1) : last));
        if (kind === 'hyphenated' || kind === 'text-hyphen') run.set(n, before + 1);
        else finish(before);
      }
    }
  }
  return { breaks, hyphenated, textHyphen, hyphenRuns, longestRun, cuts, cutExamples, unknown, unknownExamples };
}
