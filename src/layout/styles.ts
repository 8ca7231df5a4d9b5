// Typographic decisions in one place: page geometry, paragraph and heading styles.
// The DOCX base styles (templates/_base-docx/word/styles.xml) carry the same sizes, leadings
// (w:line, atLeast) and spacings, in the same face: test/docx/styles-parity.test.ts keeps them equal.
import type { Document, Heading, ParagraphStyle, Pt } from '../ir/types.ts';

export const MM: Pt = 72 / 25.4;
const A4_SHORT: Pt = 595.28;
const A4_LONG: Pt = 841.89;

export interface PageGeometry {
  readonly width: Pt;
  readonly height: Pt;
  readonly left: Pt;
  readonly right: Pt;
  /** Top of the body area, from the top of the page. */
  readonly top: Pt;
  /** Bottom of the body area, from the top of the page. */
  readonly bottom: Pt;
  /** True when the document carries paraphe boxes (they take room in the bottom margin). */
  readonly paraphe: boolean;
}

/** A4, 2 cm side margins, 2 cm top (header inside it), 2 cm bottom, more with paraphe boxes. */
export function pageGeometry(doc: Document): PageGeometry {
  const landscape = doc.orientation === 'landscape';
  const width = landscape ? A4_LONG : A4_SHORT;
  const height = landscape ? A4_SHORT : A4_LONG;
  const paraphe = doc.paraphe.length > 0;
  const margin = 20 * MM;
  return {
    width,
    height,
    left: margin,
    right: width - margin,
    top: margin,
    bottom: height - (paraphe ? 31 * MM : margin),
    paraphe,
  };
}

export type Align = 'justify' | 'left' | 'center';

export interface TextStyle {
  readonly size: Pt;
  /** Line pitch in points. */
  readonly leading: Pt;
  readonly align: Align;
  readonly spaceBefore: Pt;
  readonly spaceAfter: Pt;
  /** Forced on every run (headings, notes). */
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Left indent in points. */
  readonly indent?: Pt;
}

const BODY = 10.5;

export const PARAGRAPH_STYLES: Record<ParagraphStyle, TextStyle> = {
  body: { size: BODY, leading: 13, align: 'justify', spaceBefore: 0, spaceAfter: 6 },
  title: { size: 16, leading: 20, align: 'center', spaceBefore: 6, spaceAfter: 12, bold: true },
  subtitle: { size: 12, leading: 15, align: 'center', spaceBefore: 4, spaceAfter: 8, bold: true },
  center: { size: BODY, leading: 13, align: 'center', spaceBefore: 0, spaceAfter: 6 },
  visa: { size: BODY, leading: 13, align: 'left', spaceBefore: 0, spaceAfter: 3 },
  note: { size: 8.5, leading: 11, align: 'left', spaceBefore: 0, spaceAfter: 6, italic: true },
  cell: { size: 9, leading: 11, align: 'left', spaceBefore: 0, spaceAfter: 2 },
  cellCenter: { size: 9, leading: 11, align: 'center', spaceBefore: 0, spaceAfter: 2 },
};

export function headingStyle(h: Heading): TextStyle {
  switch (h.level) {
    case 1:
      return { size: 14, leading: 18, align: 'center', spaceBefore: 0, spaceAfter: 14, bold: true };
    case 2:
      return { size: 12, leading: 15, align: 'center', spaceBefore: 16, spaceAfter: 8, bold: true };
    case 3:
      return { size: 10.5, leading: 14, align: 'left', spaceBefore: 12, spaceAfter: 5, bold: true };
    case 4:
      return { size: BODY, leading: 13, align: 'left', spaceBefore: 8, spaceAfter: 4, bold: true, italic: true };
  }
}

/** Table cell style: the table's font size overrides the style's. */
export function cellStyle(style: ParagraphStyle, fontSize: Pt | undefined): TextStyle {
  const base = PARAGRAPH_STYLES[style === 'cellCenter' ? 'cellCenter' : style === 'cell' ? 'cell' : style];
  const size = fontSize ?? PARAGRAPH_STYLES.cell.size;
  const align: Align = base.align === 'center' ? 'center' : 'left';
  return { ...base, size, leading: Math.round(size * 1.22 * 100) / 100, align, spaceBefore: 0, spaceAfter: 2 };
}

export const LIST_INDENT: Pt = 18;
export const CELL_PAD_X: Pt = 3.5;
export const CELL_PAD_Y: Pt = 2.5;
export const RULE: Pt = 0.5;
export const SHADE = 0.88;
export const FURNITURE_SIZE: Pt = 8;
export const FURNITURE_GRAY = 0.3;
/** Blank height left for a handwritten signature (2.5 cm), in both formats. */
export const SIGN_SPACE: Pt = 25 * MM;
/** Signature columns: equal thirds (at most three per row) of the text width in both formats. */
export const SIGN_PER_ROW = 3;
