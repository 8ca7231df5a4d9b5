// Inlines → measured tokens (words, breakable spaces, forced breaks) for the line breaker.
//
// French typography is not decided here: resolve (src/ir/resolve/typography.ts) wrote U+00A0 /
// U+202F into the text for both writers, so every U+0020 left is a break point.
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
  /** Superscript (« er » of « 1er »): drawn at SUPERSCRIPT.scale of the size, raised. */
  readonly sup?: true;
}

/** Size and rise of superscript text, as fractions of the paragraph's size (Word's look). */
export const SUPERSCRIPT = { scale: 0.65, rise: 0.33 } as const;

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

interface Segment {
  readonly face: FaceId;
  readonly text: string;
  readonly mark?: Mark;
  readonly sup?: true;
}

const CONTROL_WS = /[\t\n\r\f\v\u2028\u2029]/;
const CONTROL_WS_ALL = /[\t\n\r\f\v\u2028\u2029]/g;

/** Builds tokens; a class rather than closures, to keep the hot path free of per-call helpers. */
class Tokenizer {
  readonly out: Token[] = [];
  private word: Segment[] | null = null;
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

  segment(face: FaceId, text: string, mark?: Mark, sup?: true): void {
    const sp = this.pendingSpace;
    const seg: Segment = { face, text, ...(mark ? { mark } : {}), ...(sup ? { sup } : {}) };
    if (sp !== null) {
      const pm = this.pendingMark;
      this.flushWord();
      const width = this.ctx.fonts.width(sp, ' ') * this.ctx.size;
      this.out.push(pm ? { t: 'space', face: sp, width, mark: pm } : { t: 'space', face: sp, width });
      this.word = [seg];
      this.pendingSpace = null;
      this.pendingMark = undefined;
    } else if (this.word) {
      this.word.push(seg);
    } else {
      this.word = [seg];
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
    let sup: true | undefined;
    switch (inl.type) {
      case 'text':
        text = inl.text;
        bold ||= !!inl.bold;
        italic ||= !!inl.italic;
        mark = inl.revision?.kind;
        if (inl.superscript) sup = true;
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
        tk.segment(face, text.slice(k, e), mark, sup);
        k = e;
      }
    }
  }
  tk.flushWord();
  return tk.out;
}

function measureWord(segs: readonly Segment[], ctx: TextContext): WordToken {
  if (segs.length === 1 && !segs[0]!.sup) {
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
    if (last && last.face === s.face && last.mark === s.mark && last.sup === s.sup) merged[merged.length - 1] = { ...last, text: last.text + s.text };
    else merged.push(s);
  }
  const frags: Fragment[] = [];
  for (const part of merged) {
    for (const f0 of fragmentsFor(ctx, part.face, part.text)) {
      const f: Fragment = { ...f0, ...(part.mark ? { mark: part.mark } : {}), ...(part.sup ? { sup: part.sup, width: f0.width * SUPERSCRIPT.scale } : {}) };
      const last = frags[frags.length - 1];
      if (last && last.face === f.face && last.mark === f.mark && last.sup === f.sup) frags[frags.length - 1] = { ...last, text: last.text + f.text, width: last.width + f.width };
      else frags.push(f);
    }
  }
  let width = 0;
  for (const f of frags) width += f.width;
  return { t: 'word', frags, width };
}
