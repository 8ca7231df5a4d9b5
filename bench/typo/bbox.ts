// Reading `pdftotext -bbox-layout` output: pages → blocks → lines → words with their boxes.
// Only poppler's own structure is used (no font names: the XML has none), so the same reader
// measures our PDF, LibreOffice's and typst's.
import { unescapeHtml } from '../../test/helpers/poppler.ts';

export interface Box {
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
}
export interface Word extends Box {
  readonly text: string;
}
export interface Line extends Box {
  readonly words: readonly Word[];
}
export interface Block {
  readonly lines: readonly Line[];
}
export interface Page {
  readonly width: number;
  readonly height: number;
  readonly blocks: readonly Block[];
}

const num = (attrs: string, name: string): number => {
  const m = new RegExp(`${name}="(-?[\\d.]+)"`).exec(attrs);
  if (!m) throw new Error(`bbox-layout: attribute ${name} missing in <${attrs}>`);
  return Number(m[1]);
};
const box = (attrs: string): Box => ({ xMin: num(attrs, 'xMin'), yMin: num(attrs, 'yMin'), xMax: num(attrs, 'xMax'), yMax: num(attrs, 'yMax') });

/** Parses the XHTML that `pdftotext -bbox-layout f.pdf -` prints. */
export function parseBboxLayout(xml: string): Page[] {
  const pages: Page[] = [];
  let blocks: Block[] = [];
  let lines: Line[] = [];
  let words: Word[] = [];
  let lineBox: Box | undefined;
  const re = /<page ([^>]*)>|<\/page>|<block [^>]*>|<\/block>|<line ([^>]*)>|<\/line>|<word ([^>]*)>([^<]*)<\/word>/g;
  for (const m of xml.matchAll(re)) {
    const tag = m[0];
    if (m[1] !== undefined) {
      blocks = [];
      pages.push({ width: num(m[1], 'width'), height: num(m[1], 'height'), blocks });
    } else if (tag.startsWith('<block')) {
      lines = [];
      blocks.push({ lines });
    } else if (m[2] !== undefined) {
      words = [];
      lineBox = box(m[2]);
    } else if (tag === '</line>') {
      if (lineBox && words.length > 0) lines.push({ ...lineBox, words });
      lineBox = undefined;
    } else if (m[3] !== undefined) {
      words.push({ ...box(m[3]), text: unescapeHtml(m[4] ?? '') });
    }
  }
  return pages;
}
