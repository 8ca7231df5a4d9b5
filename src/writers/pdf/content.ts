// Frames → PDF content stream operators, written directly.
//
// pdf-lib's drawText re-runs fontkit shaping on every call. Here each character goes through a
// per-face table (code point → glyph id → the two bytes of the glyph id as a PDF string
// fragment), filled once per process, and a justified line is one TJ whose numbers widen the
// breakable spaces. Glyph ids are written as binary literal strings, half the bytes of hex:
// the content stream is what zlib spends its time on. Coordinates flip from layout's top-left
// origin to PDF's bottom-left here, at the writer boundary. Colours are DeviceRGB (the PDF/A
// output intent is sRGB).
import type { FontBook } from '../../layout/fonts.ts';
import { FACE_IDS, type BlockRole, type FaceId, type Frame, type LaidOutPage, type TextFrame } from '../../layout/types.ts';
import { ByteWriter } from './bytes.ts';
import type { GlyphUse } from './fonts.ts';
import { leafRole, type Mark } from './tags.ts';

/** `page`'s marked-content state: no sequence open yet, or an artifact one. */
const NONE = -2;
const ART = -1;

/** Face → resource name, fixed so content never depends on which faces a file uses. */
export function fontResourceName(face: FaceId): string {
  return `F${FACE_IDS.indexOf(face) + 1}`;
}

/** Process-wide per-face tables: BMP code point → glyph id + 1 (0: not looked up yet). */
const gidTables = new Map<FaceId, Int32Array>();

const GRAY_OPS = new Map<number, string>();
function grayOp(g: number, op: 'rg' | 'RG'): string {
  let s = GRAY_OPS.get(g);
  if (s === undefined) {
    const v = Math.round(g * 1000) / 1000;
    s = `${v} ${v} ${v} `;
    GRAY_OPS.set(g, s);
  }
  return s + op;
}

/** A tagged line's text without the hyphen hyphenation added (drawn apart, see `hyphens`). */
function withoutHyphen(f: Frame): Frame {
  return f.kind === 'text' && f.hyphenated && f.text.endsWith('-') ? { ...f, text: f.text.slice(0, -1) } : f;
}

export class ContentEncoder {
  /** Per face, glyph id → 1 + first code point drawn with it (0: unused). */
  private readonly use = new Map<FaceId, Int32Array>();
  /** Faces shown since the last takeFaces() call. */
  private faces = new Set<FaceId>();
  private readonly w = new ByteWriter();

  constructor(private readonly fonts: FontBook) {}

  private gid(face: FaceId, table: Int32Array, cp: number, use: Int32Array): number {
    let g: number;
    if (cp < 0x10000) {
      g = table[cp]! - 1;
      if (g < 0) {
        g = this.fonts.gid(face, cp);
        table[cp] = g + 1;
      }
    } else {
      g = this.fonts.gid(face, cp);
    }
    if (use[g] === 0) use[g] = cp + 1;
    return g;
  }

  /** Shows one frame's text: a Tj, or a TJ whose numbers widen the breakable spaces. */
  private show(f: TextFrame): void {
    const w = this.w;
    let table = gidTables.get(f.face);
    if (!table) gidTables.set(f.face, (table = new Int32Array(0x10000)));
    let use = this.use.get(f.face);
    if (!use) this.use.set(f.face, (use = new Int32Array(this.fonts.face(f.face).font.numGlyphs)));
    this.faces.add(f.face);
    const text = f.text;
    const justified = f.wordGap !== 0 && text.includes(' ');
    const adj = (-f.wordGap * 1000) / f.size;
    w.ascii(justified ? '[(' : '(');
    for (let i = 0; i < text.length; i++) {
      let cp = text.charCodeAt(i);
      if (cp >= 0xd800 && cp < 0xdc00 && i + 1 < text.length) {
        cp = text.codePointAt(i)!;
        i++;
      }
      const g = this.gid(f.face, table, cp, use);
      w.strByte(g >> 8);
      w.strByte(g & 0xff);
      if (cp === 32 && justified) {
        w.byte(0x29).num(adj).byte(0x28);
      }
    }
    w.ascii(justified ? ')] TJ\n' : ') Tj\n');
  }

  /**
   * Content stream bytes for one page, every frame inside a marked-content sequence: text of a
   * structure leaf in `/<role> <</MCID n>> BDC`, the rest as `/Artifact`. `marks` receives the
   * owner of each MCID, in order. A sequence never crosses a text object: BT/ET restart inside.
   */
  page(page: LaidOutPage, roles: readonly (BlockRole | undefined)[], marks: Mark[]): Uint8Array {
    const w = this.w;
    const H = page.height;
    w.ascii('0 0 0 rg 0 0 0 RG\n');
    let inText = false;
    let face: FaceId | null = null;
    let size = -1;
    let fill = 0;
    // Text render mode 3 (invisible) for e-signature anchors: extracted, never painted.
    let invisible = false;
    let struct = NONE;
    let sub: number | undefined;
    /** The last text shown in the open sequence, whose end the text cursor is at. */
    let last: TextFrame | null = null;
    // Artifacts first (rules, borders, cell shading, furniture), then the tagged text in reading
    // order: one artifact sequence per page instead of one per table cell. Shading is under its
    // text as before; nothing else overlaps.
    const tagged = (f: Frame): boolean => f.kind === 'text' && f.struct !== undefined;
    const ordered = [...page.frames.filter((f) => !tagged(f)), ...this.hyphens(page.frames), ...page.frames.filter(tagged).map(withoutHyphen)];
    for (const f of ordered) {
      const s = f.kind === 'text' && f.struct !== undefined ? f.struct : ART;
      const fs = f.kind === 'text' ? f.sub : undefined;
      if (s !== struct || (s !== ART && fs !== sub)) {
        if (inText) {
          w.ascii('ET\n');
          inText = false;
        }
        if (struct !== NONE) w.ascii('EMC\n');
        if (s === ART) {
          w.ascii('/Artifact BMC\n');
        } else {
          w.ascii(`/${leafRole(roles[s], fs)} <</MCID `).num(marks.length).ascii('>> BDC\n');
          marks.push({ struct: s, sub: fs });
        }
        struct = s;
        sub = fs;
        last = null;
      }
      if (f.kind === 'text') {
        // A line broken at a space ends without one: text read from the structure (a screen
        // reader, `pdfinfo -struct-text`) would glue its last word to the next line's first.
        // The space is shown where the cursor stands, past the line's end, so nothing moves.
        // A new line is at least a line's height lower; a superscript « er » is raised by a third.
        if (last && inText && s !== ART && !last.hyphenated && Math.abs(last.y - f.y) > 0.5 * Math.max(last.size, f.size) && !/[\s\u00AD-]$/.test(last.text)) {
          this.show({ ...last, text: ' ', wordGap: 0 });
        }
        last = f;
        if (!inText) {
          w.ascii('BT\n');
          inText = true;
          face = null;
        }
        if (f.face !== face || f.size !== size) {
          w.ascii(`/${fontResourceName(f.face)} `).num(f.size).ascii('Tf\n');
          face = f.face;
          size = f.size;
        }
        const g = f.gray ?? 0;
        if (g !== fill) {
          w.ascii(grayOp(g, 'rg')).byte(10);
          fill = g;
        }
        if ((f.invisible ?? false) !== invisible) {
          invisible = !invisible;
          w.ascii(invisible ? '3 Tr\n' : '0 Tr\n');
        }
        w.ascii('1 0 0 1 ').num(f.x).num(H - f.y).ascii('Tm ');
        this.show(f);
        continue;
      }
      if (inText) {
        w.ascii('ET\n');
        inText = false;
      }
      if (f.kind === 'rect') {
        if (f.fill !== undefined && f.fill !== fill) {
          w.ascii(grayOp(f.fill, 'rg')).byte(10);
          fill = f.fill;
        }
        if (f.stroke !== undefined) w.num(f.stroke).ascii('w ');
        const op = f.fill !== undefined ? (f.stroke !== undefined ? 'B' : 'f') : 'S';
        w.num(f.x).num(H - f.y - f.h).num(f.w).num(f.h).ascii(`re ${op}\n`);
      } else {
        w.ascii(grayOp(f.gray ?? 0, 'RG')).byte(32).num(f.width).ascii('w ');
        w.num(f.x1).num(H - f.y1).ascii('m ').num(f.x2).num(H - f.y2).ascii('l S 0 0 0 RG\n');
      }
    }
    if (inText) w.ascii(invisible ? '0 Tr\nET\n' : 'ET\n');
    if (struct !== NONE) w.ascii('EMC\n');
    return w.take();
  }

  /**
   * The hyphens that hyphenation added at the end of tagged lines, as artifacts drawn where the
   * line's text leaves them: text read from the structure (a screen reader, `pdfinfo
   * -struct-text`) then reads « médicament », not « médica-ment », while the page and
   * extraction by position (`pdftotext`, which joins the word itself) stay as they were. A
   * hyphen that belongs to the text (« Provence-Alpes- » ⏎ « Côte d'Azur ») stays in it. This
   * is LaTeX's tagpdf default (softhyphen=artifact); a soft-hyphen ActualText nested in the
   * line's sequence was tried first, but poppler then drops the rest of the sequence.
   */
  private hyphens(frames: readonly Frame[]): TextFrame[] {
    const out: TextFrame[] = [];
    for (const f of frames) {
      if (f.kind !== 'text' || f.struct === undefined || !f.hyphenated || !f.text.endsWith('-')) continue;
      const spaced = f.wordGap !== 0 && f.text.includes(' ');
      let x = 0;
      for (const ch of f.text.slice(0, -1)) x += this.fonts.advance(f.face, ch.codePointAt(0)!) * f.size + (spaced && ch === ' ' ? f.wordGap : 0);
      const { struct: _s, sub: _u, hyphenated: _h, ...rest } = f;
      out.push({ ...rest, x: f.x + x, text: '-', wordGap: 0 });
    }
    return out;
  }

  /** Faces shown since the previous call (a file need only declare the fonts its pages use). */
  takeFaces(): ReadonlySet<FaceId> {
    const out = this.faces;
    this.faces = new Set();
    return out;
  }

  /** Glyphs drawn so far, per face, in the fixed face order. */
  glyphUse(): Map<FaceId, GlyphUse> {
    const out = new Map<FaceId, GlyphUse>();
    for (const face of FACE_IDS) {
      const u = this.use.get(face);
      if (!u) continue;
      const m: GlyphUse = new Map();
      for (let g = 0; g < u.length; g++) if (u[g]! > 0) m.set(g, u[g]! - 1);
      out.set(face, m);
    }
    return out;
  }
}
