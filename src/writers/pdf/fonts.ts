// Embeds the faces a document used as Type0 / CIDFontType2 fonts (Identity-H, original glyph
// ids as CIDs), with a subset font program, a /W array and a ToUnicode CMap so that text
// extraction (pdftotext, copy-paste, search) gives back the characters.
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { PDFContext, PDFDict, PDFObject, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import type { FontBook } from '../../layout/fonts.ts';
import type { FaceId } from '../../layout/types.ts';
import { subsetTtf } from './subset.ts';

/** Glyph id → the code point it was drawn for (first seen wins, deterministic). */
export type GlyphUse = Map<number, number>;

/** Deflate for FlateDecode streams (native zlib: fast, and no garbage on the JS heap). */
export function deflate(data: Uint8Array): Uint8Array {
  return deflateSync(data, { level: 6 });
}

/** A stream whose bytes are already deflated. */
export function deflatedStream(context: PDFContext, deflated: Uint8Array, extra: Record<string, unknown> = {}): PDFRawStream {
  const dict = context.obj({ ...extra, Filter: 'FlateDecode' }) as PDFDict;
  return PDFRawStream.of(dict, deflated);
}

/**
 * Deflated subset programs by face and glyph set: contracts of one model mostly draw the same
 * glyphs, so a campaign subsets and compresses each font once. Bounded, oldest out first.
 */
const programCache = new Map<string, { readonly deflated: Uint8Array; readonly length: number }>();
const PROGRAM_CACHE_SIZE = 32;

function fontProgram(fonts: FontBook, face: FaceId, gids: readonly number[]): { readonly deflated: Uint8Array; readonly length: number } {
  const key = `${face}:${gids.join(',')}`;
  const hit = programCache.get(key);
  if (hit) return hit;
  const program = subsetTtf(fonts.face(face).bytes, gids);
  const entry = { deflated: deflate(program), length: program.length };
  if (programCache.size >= PROGRAM_CACHE_SIZE) programCache.delete(programCache.keys().next().value!);
  programCache.set(key, entry);
  return entry;
}

function num(n: number): string {
  const r = Math.round(n * 1000) / 1000;
  return Object.is(r, -0) ? '0' : String(r);
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

function toUnicodeCMap(use: GlyphUse): Uint8Array {
  const entries = [...use.entries()].sort((a, b) => a[0] - b[0]);
  const lines = [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
  ];
  for (let i = 0; i < entries.length; i += 100) {
    const block = entries.slice(i, i + 100);
    lines.push(`${block.length} beginbfchar`);
    for (const [gid, cp] of block) lines.push(`<${hex4(gid)}> <${utf16Hex(cp)}>`);
    lines.push('endbfchar');
  }
  lines.push('endcmap', 'CMapName currentdict /CMap defineresource pop', 'end', 'end');
  return new TextEncoder().encode(lines.join('\n'));
}

/** Six capital letters derived from the glyph set: the subset tag PDF requires, stable. */
function subsetTag(face: FaceId, gids: readonly number[]): string {
  const h = createHash('sha256').update(face).update(gids.join(',')).digest();
  let tag = '';
  for (let i = 0; i < 6; i++) tag += String.fromCharCode(65 + (h[i]! % 26));
  return tag;
}

/**
 * A PDF object given as its syntax, written as is: a font's /W array is the same in every file
 * of a contract, and as pdf-lib numbers it cost more to build and write than the rest of the font.
 */
class PdfSyntax extends PDFObject {
  constructor(private readonly text: string) {
    super();
  }
  override clone(): PdfSyntax {
    return this;
  }
  override toString(): string {
    return this.text;
  }
  override sizeInBytes(): number {
    return this.text.length;
  }
  override copyBytesInto(buffer: Uint8Array, offset: number): number {
    for (let i = 0; i < this.text.length; i++) buffer[offset + i] = this.text.charCodeAt(i);
    return this.text.length;
  }
}

/** The /W array, [ g [ w w w ] g' [ w ] ] for runs of consecutive glyph ids, spaced as pdf-lib writes arrays. */
function widths(fonts: FontBook, face: FaceId, gids: readonly number[]): PdfSyntax {
  let out = '[ ';
  let prev = -2;
  for (const g of gids) {
    const w = num(fonts.glyphAdvance(face, g) * 1000);
    if (g !== prev + 1) out += `${prev >= 0 ? '] ' : ''}${g} [ `;
    out += `${w} `;
    prev = g;
  }
  return new PdfSyntax(`${out}${prev >= 0 ? '] ' : ''}]`);
}

/** The font descriptor's metrics (fontkit decodes its tables again on each read). */
function metrics(fonts: FontBook, face: FaceId): PreparedFace['metrics'] {
  const f = fonts.face(face);
  const s = 1000 / f.unitsPerEm;
  const bbox = f.font.bbox;
  return {
    bbox: [bbox.minX * s, bbox.minY * s, bbox.maxX * s, bbox.maxY * s].map((v) => Math.round(v)),
    italicAngle: Math.round(f.font.italicAngle * 100) / 100,
    ascent: Math.round(f.font.ascent * s),
    descent: Math.round(f.font.descent * s),
    capHeight: Math.round((f.font.capHeight || f.font.ascent) * s),
    xHeight: Math.round((f.font.xHeight || 0) * s),
  };
}

/**
 * What a face's embedding needs, computed once per glyph set: the per-document PDFs of a
 * contract and its dossier share one set (the union of their glyphs), so the subset program,
 * its compression and the ToUnicode CMap are made once per contract, not once per file.
 */
export interface PreparedFace {
  readonly face: FaceId;
  readonly name: string;
  readonly program: { readonly deflated: Uint8Array; readonly length: number };
  readonly widths: PDFObject;
  readonly toUnicode: Uint8Array;
  readonly metrics: { readonly bbox: number[]; readonly italicAngle: number; readonly ascent: number; readonly descent: number; readonly capHeight: number; readonly xHeight: number };
}

export function prepareFace(fonts: FontBook, face: FaceId, use: GlyphUse): PreparedFace {
  const gids = [...use.keys()].sort((a, b) => a - b);
  return {
    face,
    name: `${subsetTag(face, gids)}+${fonts.face(face).postscriptName}`,
    program: fontProgram(fonts, face, gids),
    widths: widths(fonts, face, gids),
    toUnicode: deflate(toUnicodeCMap(use)),
    metrics: metrics(fonts, face),
  };
}

export function embedFace(context: PDFContext, prepared: PreparedFace): PDFRef {
  const { face, name, program, metrics: m } = prepared;
  const fileRef = context.register(deflatedStream(context, program.deflated, { Length1: program.length }));
  const italic = face.endsWith('italic');
  const serif = face.startsWith('serif');
  const descriptor = context.register(
    context.obj({
      Type: 'FontDescriptor',
      FontName: name,
      // Nonsymbolic (32), Serif (2), Italic (64).
      Flags: 32 | (serif ? 2 : 0) | (italic ? 64 : 0),
      FontBBox: m.bbox,
      ItalicAngle: m.italicAngle,
      Ascent: m.ascent,
      Descent: m.descent,
      CapHeight: m.capHeight,
      XHeight: m.xHeight,
      StemV: face.includes('bold') ? 120 : 80,
      FontFile2: fileRef,
    }),
  );
  const cid = context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'CIDFontType2',
      BaseFont: name,
      CIDSystemInfo: { Registry: PDFString.of('Adobe'), Ordering: PDFString.of('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: prepared.widths,
      CIDToGIDMap: 'Identity',
    }),
  );
  const toUnicode = context.register(deflatedStream(context, prepared.toUnicode));
  return context.register(
    context.obj({
      Type: 'Font',
      Subtype: 'Type0',
      BaseFont: name,
      Encoding: 'Identity-H',
      DescendantFonts: [cid],
      ToUnicode: toUnicode,
    }),
  );
}
