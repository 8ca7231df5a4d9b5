// Inlines → measured tokens (words, breakable spaces, forced breaks) for the line breaker.
//
// French typography is decided here: resolve already wrote U+00A0/U+202F where it knows the
// rule, and those are simply not break points. This pass also protects the cases a plain
// space could still break (a space before « ; : ! ? », after « or before », in "n° 3",
// "1er janvier", "L. 6114-1", "180 000"): such a space is drawn as U+00A0 glued to its words.
// Characters missing from the serif face fall back to DejaVu Sans, then to a visible "□"
// with a warning: never an empty box.
import type { Inline } from '../ir/types.ts';
import type { FontBook } from './fonts.ts';
import type { FaceId } from './types.ts';

/** Tracked change of a piece of text (redlines): drawn underlined (insertion) or struck through. */
export type Mark = 'insertion' | 'suppression';

export interface Fragment {
  readonly face: FaceId;
  readonly text: string;
  /** Width in points at the paragraph's size. */
  readonly width: number;
  readonly mark?: Mark;
}

export interface WordToken {
  readonly t: 'word';
  readonly frags: readonly Fragment[];
  readonly width: number;
}

export interface SpaceToken {
  readonly t: 'space';
  readonly face: FaceId;
  readonly width: number;
  readonly mark?: Mark;
}

export interface BreakToken {
  readonly t: 'break';
}

export type Token = WordToken | SpaceToken | BreakToken;

/** A character no embedded face can draw. */
export interface MissingGlyph {
  readonly char: string;
}

export const REPLACEMENT = '\u25A1';
const NBSP = '\u00A0';

export interface TextContext {
  readonly fonts: FontBook;
  readonly size: number;
  /** Style forced by the paragraph or heading style. */
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Collects characters replaced by REPLACEMENT. */
  readonly missing: Set<string>;
}

export function serifFace(bold: boolean, italic: boolean): FaceId {
  return bold ? (italic ? 'serif-bolditalic' : 'serif-bold') : italic ? 'serif-italic' : 'serif';
}

function sansOf(face: FaceId): FaceId {
  return face.replace('serif', 'sans') as FaceId;
}

/** Splits a string into fragments whose every character the chosen face can draw. */
function fragmentsFor(ctx: TextContext, face: FaceId, text: string): Fragment[] {
  const { fonts, size } = ctx;
  const w = fonts.width(face, text);
  if (!Number.isNaN(w)) return [{ face, text, width: w * size }];
  const out: Array<{ face: FaceId; text: string }> = [];
  const sans = sansOf(face);
  for (const ch of text) {
    const cp = ch.codePointAt(0)!;
    let f: FaceId;
    let c = ch;
    if (fonts.has(face, cp)) f = face;
    else if (fonts.has(sans, cp)) f = sans;
    else {
      ctx.missing.add(ch);
      f = face;
      c = REPLACEMENT;
    }
    const last = out[out.length - 1];
    if (last && last.face === f) last.text += c;
    else out.push({ face: f, text: c });
  }
  return out.map((o) => ({ ...o, width: fonts.width(o.face, o.text) * size }));
}

// A space between `a` and `b` that must not break (plain spaces resolve left alone).
const BEFORE_PUNCT = /^[;:!?»%€]/;
const ORDINAL = /^\d+(?:er|re|e|es|ère|ème|nd|nde)$/;
const ABBREV_BEFORE_NUMBER = /^(?:L|R|D|A|art|Art|al|p|n°|N°|no|No)\.?$/;
const WORD_BEFORE_NUMBER = /^(?:[Aa]rticles?|[Aa]nnexes?|[Tt]itres?|[Ff]iches?)$/;
const NUMBER = /^[-+]?\d+(?:[.,]\d+)?$/;

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

export function isNonBreakingSpace(a: string, b: string): boolean {
  // Fast exit for the common case (two ordinary words): every rule needs one of these.
  const a0 = a.charCodeAt(0);
  const b0 = b.charCodeAt(0);
  const punct = b0 === 0x3b || b0 === 0x3a || b0 === 0x21 || b0 === 0x3f || b0 === 0xbb || b0 === 0x25 || b0 === 0x20ac;
  const aSpecial = isDigit(a0) || a0 === 0x6e || a0 === 0x4e || a0 === 0x2b || a0 === 0x2d;
  if (!punct && !isDigit(b0) && !aSpecial && !a.endsWith('«')) return false;
  if (BEFORE_PUNCT.test(b) || a.endsWith('«')) return true;
  if (/^[nN]°s?$/.test(a)) return true;
  if (ORDINAL.test(a)) return true;
  if (/^\d/.test(b) && (ABBREV_BEFORE_NUMBER.test(a) || WORD_BEFORE_NUMBER.test(a))) return true;
  if (NUMBER.test(a) && /^\d{3}(?:\D|$)/.test(b)) return true;
  return false;
}

interface Segment {
  readonly face: FaceId;
  readonly text: string;
  readonly mark?: Mark;
}

const CONTROL_WS = /[\t\n\r\f\v\u2028\u2029]/;
const CONTROL_WS_ALL = /[\t\n\r\f\v\u2028\u2029]/g;

/** Builds tokens; a class rather than closures, to keep the hot path free of per-call helpers. */
class Tokenizer {
  readonly out: Token[] = [];
  private word: Segment[] | null = null;
  /** Text of the current word since the last glued space: what the French rules look at. */
  private lastPlain = '';
  private pendingSpace: FaceId | null = null;
  private pendingMark: Mark | undefined = undefined;

  constructor(private readonly ctx: TextContext) {}

  flushWord(): void {
    if (this.word) this.out.push(measureWord(this.word, this.ctx));
    this.word = null;
  }

  lineBreak(): void {
    this.flushWord();
    this.pendingSpace = null;
    this.out.push({ t: 'break' });
  }

  space(face: FaceId, mark?: Mark): void {
    if (this.word && this.pendingSpace === null) {
      this.pendingSpace = face;
      this.pendingMark = mark;
    }
  }

  segment(face: FaceId, text: string, mark?: Mark): void {
    const sp = this.pendingSpace;
    const seg: Segment = mark ? { face, text, mark } : { face, text };
    if (sp !== null) {
      const pm = this.pendingMark;
      if (this.word && isNonBreakingSpace(this.lastPlain, text)) {
        this.word.push(pm ? { face: sp, text: NBSP, mark: pm } : { face: sp, text: NBSP }, seg);
      } else {
        this.flushWord();
        const width = this.ctx.fonts.width(sp, ' ') * this.ctx.size;
        this.out.push(pm ? { t: 'space', face: sp, width, mark: pm } : { t: 'space', face: sp, width });
        this.word = [seg];
      }
      this.lastPlain = text;
      this.pendingSpace = null;
      this.pendingMark = undefined;
    } else if (this.word) {
      this.word.push(seg);
      this.lastPlain += text;
    } else {
      this.word = [seg];
      this.lastPlain = text;
    }
  }
}

/** Turns inlines into tokens at the context's size. */
export function tokenize(content: readonly Inline[], ctx: TextContext): Token[] {
  const tk = new Tokenizer(ctx);
  for (const inl of content) {
    let text: string;
    let bold = !!ctx.bold;
    let italic = !!ctx.italic;
    let mark: Mark | undefined;
    switch (inl.type) {
      case 'text':
        text = inl.text;
        bold ||= !!inl.bold;
        italic ||= !!inl.italic;
        mark = inl.revision?.kind;
        break;
      case 'ref':
        text = inl.text ?? inl.target;
        break;
      case 'field':
        // Page fields only make sense in page furniture, which layout draws itself.
        continue;
      case 'break':
        tk.lineBreak();
        continue;
    }
    const face = serifFace(bold, italic);
    if (CONTROL_WS.test(text)) text = text.replace(CONTROL_WS_ALL, ' ');
    let k = 0;
    const n = text.length;
    while (k < n) {
      if (text.charCodeAt(k) === 32) {
        while (k < n && text.charCodeAt(k) === 32) k++;
        tk.space(face, mark);
      } else {
        let e = text.indexOf(' ', k);
        if (e < 0) e = n;
        tk.segment(face, text.slice(k, e), mark);
        k = e;
      }
    }
  }
  tk.flushWord();
  return tk.out;
}

function measureWord(segs: readonly Segment[], ctx: TextContext): WordToken {
  if (segs.length === 1) {
    const s = segs[0]!;
    const w = ctx.fonts.width(s.face, s.text);
    if (!Number.isNaN(w)) {
      const width = w * ctx.size;
      return { t: 'word', frags: [s.mark ? { face: s.face, text: s.text, width, mark: s.mark } : { face: s.face, text: s.text, width }], width };
    }
  }
  // Merge same-face neighbours first so that widths are cached per string.
  const merged: Segment[] = [];
  for (const s of segs) {
    const last = merged[merged.length - 1];
    if (last && last.face === s.face && last.mark === s.mark) merged[merged.length - 1] = { ...last, text: last.text + s.text };
    else merged.push(s);
  }
  const frags: Fragment[] = [];
  for (const part of merged) {
    for (const f0 of fragmentsFor(ctx, part.face, part.text)) {
      const f: Fragment = part.mark ? { ...f0, mark: part.mark } : f0;
      const last = frags[frags.length - 1];
      if (last && last.face === f.face && last.mark === f.mark) frags[frags.length - 1] = { ...last, text: last.text + f.text, width: last.width + f.width };
      else frags.push(f);
    }
  }
  let width = 0;
  for (const f of frags) width += f.width;
  return { t: 'word', frags, width };
}
