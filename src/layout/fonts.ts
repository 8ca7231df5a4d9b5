// Font loading and metrics: the one place that knows glyph widths.
//
// Faces are Liberation Serif (text), shipped in fonts/liberation/ (SIL OFL): the DOCX names the
// same family, metric-compatible with the Times New Roman every Word user has, so both formats
// set lines of the same width (issue 13, item 5). DejaVu Sans (the `dejavu-fonts-ttf`
// dependency) is the fallback for symbols the serif lacks. Parsing a face costs a
// few milliseconds, so one FontBook is shared by the whole process (`sharedFontBook`) and
// every width it computes is cached: rendering a campaign of contracts measures each word once.
//
// Widths come from the hmtx advances only (no kerning, no ligatures): layout measures and the
// writer draws with the same numbers, and text extraction sees one glyph per character.
import fontkit from '@pdf-lib/fontkit';
import type { Font } from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { layoutCounters } from './counters.ts';
import type { FaceId } from './types.ts';

const FILES: Record<FaceId, string> = {
  serif: 'LiberationSerif-Regular.ttf',
  'serif-bold': 'LiberationSerif-Bold.ttf',
  'serif-italic': 'LiberationSerif-Italic.ttf',
  'serif-bolditalic': 'LiberationSerif-BoldItalic.ttf',
  sans: 'DejaVuSans.ttf',
  'sans-bold': 'DejaVuSans-Bold.ttf',
  'sans-italic': 'DejaVuSans-Oblique.ttf',
  'sans-bolditalic': 'DejaVuSans-BoldOblique.ttf',
};

export interface Face {
  readonly id: FaceId;
  /** Raw TTF bytes, for the PDF writer's subsetter. */
  readonly bytes: Uint8Array;
  readonly font: Font;
  readonly postscriptName: string;
  readonly unitsPerEm: number;
  /** Ascent and descent as fractions of the em (descent negative). */
  readonly ascent: number;
  readonly descent: number;
}

class FaceMetrics {
  readonly gids = new Map<number, number>();
  readonly advances = new Map<number, number>();
  /** Word → width in ems; NaN when a character is missing from the face. */
  readonly words = new Map<string, number>();
  constructor(readonly face: Face) {}
}

/** The shipped serif faces. */
export const SERIF_DIR = fileURLToPath(new URL('../../fonts/liberation/', import.meta.url));

function fontDir(): string {
  const req = createRequire(import.meta.url);
  return join(dirname(req.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
}

export class FontBook {
  private readonly metrics = new Map<FaceId, FaceMetrics>();
  private readonly dir: string;

  private readonly serifDir: string;

  /** `dir` holds the sans fallback faces, `serifDir` the text faces. */
  constructor(dir: string = fontDir(), serifDir: string = SERIF_DIR) {
    this.dir = dir;
    this.serifDir = serifDir;
  }

  /** Loads a face on first use (sans faces are usually never needed). */
  face(id: FaceId): Face {
    return this.m(id).face;
  }

  /** Faces loaded so far: a writer embeds only from these. */
  loadedFaces(): readonly FaceId[] {
    return [...this.metrics.keys()];
  }

  private m(id: FaceId): FaceMetrics {
    let m = this.metrics.get(id);
    if (!m) {
      const bytes = new Uint8Array(readFileSync(join(id.startsWith('serif') ? this.serifDir : this.dir, FILES[id])));
      const font = fontkit.create(bytes);
      const upm = font.unitsPerEm;
      m = new FaceMetrics({
        id,
        bytes,
        font,
        postscriptName: font.postscriptName || FILES[id].replace(/\.ttf$/, ''),
        unitsPerEm: upm,
        ascent: font.ascent / upm,
        descent: font.descent / upm,
      });
      this.metrics.set(id, m);
    }
    return m;
  }

  /** Glyph id for a code point, 0 when the face lacks it. */
  gid(id: FaceId, cp: number): number {
    const m = this.m(id);
    let g = m.gids.get(cp);
    if (g === undefined) {
      g = m.face.font.hasGlyphForCodePoint(cp) ? m.face.font.glyphForCodePoint(cp).id : 0;
      m.gids.set(cp, g);
    }
    return g;
  }

  has(id: FaceId, cp: number): boolean {
    return this.gid(id, cp) !== 0;
  }

  /** Advance of one code point in ems. */
  advance(id: FaceId, cp: number): number {
    layoutCounters.advances++;
    const m = this.m(id);
    let a = m.advances.get(cp);
    if (a === undefined) {
      a = m.face.font.getGlyph(this.gid(id, cp)).advanceWidth / m.face.unitsPerEm;
      m.advances.set(cp, a);
    }
    return a;
  }

  /** Advance of a glyph id in ems (for the PDF /W array). */
  glyphAdvance(id: FaceId, gid: number): number {
    const m = this.m(id);
    return m.face.font.getGlyph(gid).advanceWidth / m.face.unitsPerEm;
  }

  /** Width of a string in ems, cached; NaN when the face lacks one of its characters. */
  width(id: FaceId, text: string): number {
    const m = this.m(id);
    let w = m.words.get(text);
    if (w === undefined) {
      w = 0;
      for (const ch of text) {
        const cp = ch.codePointAt(0)!;
        if (!this.has(id, cp)) {
          w = NaN;
          break;
        }
        w += this.advance(id, cp);
      }
      m.words.set(text, w);
    }
    return w;
  }
}

let shared: FontBook | undefined;

/** The process-wide FontBook: fonts are read and parsed once, widths cached across runs. */
export function sharedFontBook(): FontBook {
  shared ??= new FontBook();
  return shared;
}
