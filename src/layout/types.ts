// Laid-out pages: what layout hands to writers/pdf. Only positioned frames, no IR knowledge:
// the PDF writer draws these and never measures or breaks text itself.
//
// Coordinates are points with the origin at the TOP-left of the page (y grows downwards), as
// layout thinks; the PDF writer flips them at its boundary.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Pt } from '../ir/types.ts';

/** The embedded faces. Sans faces only serve glyphs the serif lacks (symbols, emoji). */
export type FaceId =
  | 'serif'
  | 'serif-bold'
  | 'serif-italic'
  | 'serif-bolditalic'
  | 'sans'
  | 'sans-bold'
  | 'sans-italic'
  | 'sans-bolditalic';

export const FACE_IDS: readonly FaceId[] = [
  'serif',
  'serif-bold',
  'serif-italic',
  'serif-bolditalic',
  'sans',
  'sans-bold',
  'sans-italic',
  'sans-bolditalic',
];

/**
 * One run of text in one face at one size, on one baseline. `wordGap` is extra advance after
 * every U+0020 of `text` (justification); breakable spaces are the only U+0020 left in text,
 * non-breaking ones were turned into U+00A0 by layout.
 */
export interface TextFrame {
  readonly kind: 'text';
  readonly x: Pt;
  /** Baseline, from the top of the page. */
  readonly y: Pt;
  readonly face: FaceId;
  readonly size: Pt;
  readonly text: string;
  readonly wordGap: Pt;
  /** Grey level 0 (black) … 1 (white); black when absent. */
  readonly gray?: number;
  /**
   * Tagged PDF: index of the IR block (in its document) this text belongs to; absent for page
   * furniture and repeated table headers, which the writer marks as artifacts.
   */
  readonly struct?: number;
  /** Which part of the block (see `subKey` helpers in structure.ts): cell, list item, party. */
  readonly sub?: number;
  /** Drawn in text render mode 3 (invisible, still extracted): e-signature anchors. */
  readonly invisible?: boolean;
  /** The final « - » was added by hyphenation: drawn, but not part of the text (tagged PDF). */
  readonly hyphenated?: true;
}

export interface RectFrame {
  readonly kind: 'rect';
  readonly x: Pt;
  /** Top edge, from the top of the page. */
  readonly y: Pt;
  readonly w: Pt;
  readonly h: Pt;
  /** Fill grey level, if filled. */
  readonly fill?: number;
  /** Stroke width, if stroked (black). */
  readonly stroke?: Pt;
}

export interface LineFrame {
  readonly kind: 'line';
  readonly x1: Pt;
  readonly y1: Pt;
  readonly x2: Pt;
  readonly y2: Pt;
  readonly width: Pt;
  readonly gray?: number;
}

/** What an IR block is in the PDF's structure tree (headings by IR level). */
export type BlockRole = 'H1' | 'H2' | 'H3' | 'H4' | 'P' | 'L' | 'Table' | 'Signature';

export type Frame = TextFrame | RectFrame | LineFrame;

/**
 * Where a party signs (the blank space under its signature block and the signatory's name
 * under it) or initials (its paraphe box). Layout knows these rectangles; the PDF writer
 * exports them (manifest.json), draws anchors and signature fields on them, from this one place.
 */
export interface SignatureZone {
  readonly kind: 'signature' | 'paraphe';
  /** Party id: "titulaire", "ars", or a partner id. */
  readonly party: string;
  /** Rank of the party in its signature block (signing order), from 1; paraphe boxes: box order. */
  readonly rank: number;
  readonly x: Pt;
  /** Top edge, from the top of the page. */
  readonly y: Pt;
  readonly w: Pt;
  readonly h: Pt;
}

export interface LaidOutPage {
  readonly width: Pt;
  readonly height: Pt;
  readonly frames: readonly Frame[];
  /** Signature areas and paraphe boxes on this page, in drawing order. */
  readonly zones: readonly SignatureZone[];
}

/** Outline entry: a document (level 0) or a numbered heading (its IR level). */
export interface Bookmark {
  readonly title: string;
  readonly level: number;
  /** Page index within the document. */
  readonly page: number;
  /** Top of the heading, from the top of the page. */
  readonly y: Pt;
}

export interface LaidOutDocument {
  readonly id: string;
  readonly name: string;
  /** Tagged PDF: the structure role of each IR block, by block index (see structure.ts). */
  readonly roles: readonly (BlockRole | undefined)[];
  /** The index in `roles` of the notices (« Texte reconstitué… »), read before the first block. */
  readonly notice?: number;
  readonly pages: readonly LaidOutPage[];
  /** Numbered headings in reading order (the document entry itself is implied). */
  readonly bookmarks: readonly Bookmark[];
}

export interface LaidOutSet {
  readonly documents: readonly LaidOutDocument[];
  /** Glyph substitutions and overfull content, in French. */
  readonly warnings: readonly Diagnostic[];
}
