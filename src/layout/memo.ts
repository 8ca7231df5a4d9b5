// Memo tables of the layout's pure functions: the lines of a run of inlines in a given style and
// measure, the narrowest a table cell's paragraph can be set. A campaign renders hundreds of
// contracts of one model whose legal wording is the same paragraphs again and again; a page's
// running header and footer are the same strings on every page; a table repeats its cell texts.
//
// Same bytes whatever the order: an entry's key spells out everything its value depends on (the
// inlines' text and every flag tokenize reads, the style fields breakLines reads, the measure,
// the x offset, and the FontBook through the WeakMap), and the side effect of a computation (the
// characters no face can draw, reported per document) is stored with it and replayed on a hit.
// Values are shared between callers: layout only ever copies frames (flow.ts `moved`), never
// mutates them (test/pdf/layout-memo.test.ts freezes them to prove it).
//
// Bounded: two generations of at most CAPACITY entries each; a hit in the old generation moves
// the entry to the new one, so the recurring wording stays while one-off paragraphs (names,
// amounts) age out and a 1,000-contract campaign holds no more than a 100-contract one.
import { assertNever, type Inline } from '../ir/types.ts';
import type { FontBook } from './fonts.ts';
import type { Line } from './linebreak.ts';
import type { TextStyle } from './styles.ts';

export class Memo<V> {
  private young = new Map<string, V>();
  private old = new Map<string, V>();
  constructor(private readonly capacity: number) {}

  get(key: string): V | undefined {
    const v = this.young.get(key);
    if (v !== undefined) return v;
    const o = this.old.get(key);
    if (o !== undefined) this.set(key, o);
    return o;
  }

  set(key: string, value: V): void {
    if (this.young.size >= this.capacity) {
      this.old = this.young;
      this.young = new Map();
    }
    this.young.set(key, value);
  }

  /** Every value held (tests freeze them). */
  *values(): IterableIterator<V> {
    yield* this.old.values();
    yield* this.young.values();
  }

  get size(): number {
    return this.young.size + this.old.size;
  }

  clear(): void {
    this.young.clear();
    this.old.clear();
  }
}

/** Lines and the characters that were replaced by « □ » while setting them. */
export interface MemoLines {
  readonly lines: readonly Line[];
  readonly missing: readonly string[];
}

export interface LayoutMemo {
  readonly lines: Memo<MemoLines>;
  /** Widest unbreakable word of a cell paragraph, with what it replaced by « □ ». */
  readonly minWidth: Memo<{ readonly width: number; readonly missing: readonly string[] }>;
}

const CAPACITY = 4000;
const memos = new WeakMap<FontBook, LayoutMemo>();
/** Off: every call computes (tests compare both ways). */
let enabled = true;

/** The memo tables of a FontBook (widths depend on its faces), or undefined when memoising is off. */
export function layoutMemo(fonts: FontBook): LayoutMemo | undefined {
  if (!enabled) return undefined;
  let m = memos.get(fonts);
  if (!m) memos.set(fonts, (m = { lines: new Memo(CAPACITY), minWidth: new Memo(CAPACITY) }));
  return m;
}

/** Turns memoising on or off and empties the tables (tests, benchmarks of a cold start). */
export function resetLayoutMemo(fonts: FontBook, on = true): void {
  const m = memos.get(fonts);
  m?.lines.clear();
  m?.minWidth.clear();
  enabled = on;
}

/**
 * Everything tokenize and breakLines read of some inlines in a style: text with its length (so
 * no text can fake a separator), bold, italic, superscript, the kind of a tracked change; a
 * reference's displayed text; a forced break. Page fields are not set by layout (skipped).
 */
export function inlinesKey(content: readonly Inline[], style: TextStyle): string {
  let k = `${style.size}|${style.leading}|${style.align}|${style.bold ? 'B' : ''}${style.italic ? 'I' : ''}|`;
  for (const inl of content) {
    switch (inl.type) {
      case 'text':
        k += `t${inl.bold ? 'b' : ''}${inl.italic ? 'i' : ''}${inl.superscript ? 's' : ''}${inl.revision ? inl.revision.kind : ''}${inl.text.length}:${inl.text}`;
        break;
      case 'ref': {
        const text = inl.text ?? inl.target;
        k += `r${text.length}:${text}`;
        break;
      }
      case 'break':
        k += 'n';
        break;
      case 'field':
        break;
      default:
        assertNever(inl, 'inline');
    }
  }
  return k;
}
