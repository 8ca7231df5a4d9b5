// Frames → PDF content stream operators, written directly.
//
// pdf-lib's drawText re-runs fontkit shaping on every call; here text is encoded once per
// distinct word (original glyph ids, cached for the whole process) and a justified line is
// one TJ whose numbers widen the breakable spaces. Coordinates flip from layout's top-left
// origin to PDF's bottom-left here, at the writer boundary. Colours are DeviceRGB (the PDF/A
// output intent is sRGB).
import type { FontBook } from '../../layout/fonts.ts';
import { FACE_IDS, type FaceId, type Frame, type LaidOutPage, type TextFrame } from '../../layout/types.ts';
import type { GlyphUse } from './fonts.ts';

/** Face → resource name, fixed so content never depends on which faces a file uses. */
export function fontResourceName(face: FaceId): string {
  return `F${FACE_IDS.indexOf(face) + 1}`;
}

function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

function gray(g: number): string {
  const v = num(g);
  return `${v} ${v} ${v}`;
}

/** Per-face word → hex cache, shared by every document the process renders. */
const hexCache = new Map<FaceId, Map<string, string>>();

export class ContentEncoder {
  /** Glyphs used by this output file, per face. */
  readonly used = new Map<FaceId, GlyphUse>();
  /** Distinct words drawn by this file, per face: glyph use is collected from these once. */
  private readonly words = new Map<FaceId, Set<string>>();

  constructor(private readonly fonts: FontBook) {}

  private hex(face: FaceId, word: string): string {
    let cache = hexCache.get(face);
    if (!cache) hexCache.set(face, (cache = new Map()));
    let h = cache.get(word);
    if (h === undefined) {
      h = '';
      for (const ch of word) h += this.fonts.gid(face, ch.codePointAt(0)!).toString(16).toUpperCase().padStart(4, '0');
      cache.set(word, h);
    }
    let seen = this.words.get(face);
    if (!seen) this.words.set(face, (seen = new Set()));
    seen.add(word);
    return h;
  }

  private text(f: TextFrame): string {
    const parts = f.text.split(' ');
    const space = this.hex(f.face, ' ');
    if (f.wordGap === 0 || parts.length === 1) {
      return `<${parts.map((p) => this.hex(f.face, p)).join(space)}> Tj`;
    }
    const adj = num((-f.wordGap * 1000) / f.size);
    let tj = '[';
    parts.forEach((p, i) => {
      tj += `<${this.hex(f.face, p)}${i < parts.length - 1 ? space : ''}>`;
      if (i < parts.length - 1) tj += adj;
    });
    return `${tj}] TJ`;
  }

  /** Operators for one page. */
  page(page: LaidOutPage): string {
    const H = page.height;
    const out: string[] = ['0 0 0 rg 0 0 0 RG'];
    let inText = false;
    let font = '';
    let fill = 0;
    const setFill = (g: number): void => {
      if (g !== fill) {
        out.push(`${gray(g)} rg`);
        fill = g;
      }
    };
    const endText = (): void => {
      if (inText) out.push('ET');
      inText = false;
    };
    for (const f of page.frames as readonly Frame[]) {
      switch (f.kind) {
        case 'text': {
          if (!inText) {
            out.push('BT');
            inText = true;
            font = '';
          }
          const tf = `/${fontResourceName(f.face)} ${num(f.size)} Tf`;
          if (tf !== font) {
            out.push(tf);
            font = tf;
          }
          setFill(f.gray ?? 0);
          out.push(`1 0 0 1 ${num(f.x)} ${num(H - f.y)} Tm ${this.text(f)}`);
          break;
        }
        case 'rect': {
          endText();
          const rect = `${num(f.x)} ${num(H - f.y - f.h)} ${num(f.w)} ${num(f.h)} re`;
          if (f.fill !== undefined) setFill(f.fill);
          if (f.stroke !== undefined) out.push(`${num(f.stroke)} w`);
          out.push(`${rect} ${f.fill !== undefined ? (f.stroke !== undefined ? 'B' : 'f') : 'S'}`);
          break;
        }
        case 'line': {
          endText();
          const g = f.gray ?? 0;
          out.push(`${gray(g)} RG ${num(f.width)} w ${num(f.x1)} ${num(H - f.y1)} m ${num(f.x2)} ${num(H - f.y2)} l S 0 0 0 RG`);
          break;
        }
      }
    }
    endText();
    return out.join('\n');
  }

  /** Collects glyph use from the distinct words drawn (call once, after every page). */
  glyphUse(): Map<FaceId, GlyphUse> {
    for (const face of FACE_IDS) {
      const words = this.words.get(face);
      if (!words) continue;
      const use: GlyphUse = new Map();
      for (const w of [...words].sort()) {
        for (const ch of w) {
          const cp = ch.codePointAt(0)!;
          const g = this.fonts.gid(face, cp);
          if (!use.has(g)) use.set(g, cp);
        }
      }
      this.used.set(face, use);
    }
    return this.used;
  }
}
