// Reading documents and page numbers back from `pdftotext -bbox` words.
import type { BboxWord } from '../helpers/poppler.ts';

/** "Page X / Y" read from the bottom of a page. */
export function footerNumber(page: readonly BboxWord[]): { x: number; y: number } | undefined {
  for (let k = 0; k + 3 < page.length; k++) {
    const w = page[k]!;
    if (w.text === 'Page' && w.yMin > w.pageHeight - 100 && page[k + 2]!.text === '/') {
      return { x: Number(page[k + 1]!.text), y: Number(page[k + 3]!.text) };
    }
  }
  return undefined;
}

/** Splits the pages into documents, using the footer numbering that restarts at 1. */
export function documentsOf(pages: readonly (readonly BboxWord[])[]): BboxWord[][][] {
  const docs: BboxWord[][][] = [];
  for (const p of pages) {
    const f = footerNumber(p);
    if (!f || f.x === 1) docs.push([]);
    docs[docs.length - 1]!.push([...p]);
  }
  return docs;
}

