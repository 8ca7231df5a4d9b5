// Keep rules and French line breaking, read back from the PDF: the signature block lies whole
// on one page with the end of the paragraph before it, wherever the page ends; no line starts
// with « ; : ! ? » or ends with «, "n° 3", "1er janvier", "L. 6114-1" stay on one line.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Document } from '../../src/ir/types.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { resolve } from '../../src/ir/resolve/index.ts';
import { sharedFontBook } from '../../src/layout/fonts.ts';
import { PARAGRAPH_STYLES } from '../../src/layout/styles.ts';
import { hasPoppler, pdfWordsBbox, wordsByPage, type BboxWord } from '../helpers/poppler.ts';
import { doc, NBSP, NNBSP, p, set } from './builders.ts';
import { FRENCH, signatureAt } from './fixtures.ts';
import { documentsOf } from './bbox.ts';

const tools = hasPoppler();
if (!tools) console.warn('⚠ poppler-utils absent : tests de coupure PDF IGNORÉS (apt-get install poppler-utils)');
const itTools = tools ? it : it.skip;

const SIGNATURE_WORDS = ['Fait', 'exemplaires', 'représentant', 'Jean', 'Dupont', '(cachet', 'Marie', 'Martin', 'directrice'];

describe('signature block at every page end', () => {
  // 8 to 13 filler paragraphs and three lengths of the last one move the block across the
  // bottom of the first page in small steps.
  const offsets: Array<[number, number]> = [];
  for (let n = 8; n <= 15; n++) for (const tail of [4, 18, 40, 70]) offsets.push([n, tail]);
  let docs: BboxWord[][][];
  beforeAll(async () => {
    const documents: Document[] = offsets.map(([n, tail], k) => ({ ...signatureAt(n, tail), id: `sig-${k}` }));
    const bytes = await writePdf(set(documents));
    if (tools) docs = documentsOf(wordsByPage(pdfWordsBbox(bytes)));
  });

  itTools('never splits the block nor leaves it without the end of the paragraph before it', () => {
    expect(docs).toHaveLength(offsets.length);
    const signaturePages = new Set<number>();
    let splitParagraph = 0;
    docs.forEach((pages, k) => {
      const where = `décalage ${offsets[k]!.join('/')}`;
      const holding = SIGNATURE_WORDS.map((word) => pages.findIndex((pg) => pg.some((w) => w.text === word)));
      expect(new Set(holding).size, where).toBe(1);
      const page = holding[0]!;
      expect(page, where).toBeGreaterThanOrEqual(0);
      signaturePages.add(page);
      const words = pages[page]!.map((w) => w.text);
      expect(words, where).toContain('paragraphe).');
      // Before the block on its page: the whole last paragraph, or at least two of its lines.
      const last = pages[page]!.find((w) => w.text === 'paragraphe).')!;
      const fait = pages[page]!.find((w) => w.text === 'Fait')!;
      expect(last.yMax).toBeLessThanOrEqual(fait.yMin);
      if (!words.includes('Enfin,')) {
        splitParagraph++;
        const linesAbove = new Set(pages[page]!.filter((w) => w.yMax <= fait.yMin && w.yMin > 50).map((w) => Math.round(w.yMin)));
        expect(linesAbove.size, where).toBeGreaterThanOrEqual(2);
      }
    });
    // The offsets really do cross the page end: some blocks on page 1, some pushed to page 2.
    expect(signaturePages.has(0)).toBe(true);
    expect(signaturePages.has(1)).toBe(true);
    // …and at least once the page break falls inside the last paragraph.
    expect(splitParagraph).toBeGreaterThan(0);
  });
});

describe('French line breaking', () => {
  let lines: BboxWord[][];
  beforeAll(async () => {
    // The same sentences behind a growing prefix, so that every protected space meets the
    // end of a line somewhere. Both resolved (no-break) and plain spaces are exercised.
    const plain = 'Selon l’article L. 6114-1 du code, au 1er janvier 2019 ; la dotation de 180 000 € figure à l’orientation n° 3 : « voir » ! Est-ce clair ? Oui.';
    const blocks = [];
    for (let k = 0; k < 40; k++) {
      const prefix = 'mot '.repeat(k % 20) + 'i'.repeat(k);
      blocks.push(p(`${prefix} ${k % 2 ? plain : FRENCH}`));
    }
    // Through resolve, as the pipeline does: it writes the no-break spaces layout obeys.
    const bytes = await writePdf(resolve(set([doc('typo', 'Typographie', blocks)])).set);
    if (!tools) return;
    const all = pdfWordsBbox(bytes).filter((w) => w.yMin > 60 && w.yMax < w.pageHeight - 60);
    const byLine = new Map<string, BboxWord[]>();
    for (const w of all) {
      const key = `${w.page}:${Math.round(w.yMin)}`;
      if (!byLine.has(key)) byLine.set(key, []);
      byLine.get(key)!.push(w);
    }
    lines = [...byLine.values()].map((l) => l.sort((a, b) => a.xMin - b.xMin));
  });

  itTools('never starts a line with « ; : ! ? » nor ends one with «', () => {
    expect(lines.length).toBeGreaterThan(100);
    for (const l of lines) {
      const text = l.map((w) => w.text).join(' ');
      expect([';', ':', '!', '?', '»'], text).not.toContain(l[0]!.text);
      expect(l[l.length - 1]!.text, text).not.toBe('«');
    }
  });

  itTools('keeps "n° 3", "1er janvier", "L. 6114-1", "180 000 €" on one line', () => {
    const pairs: Array<[string, RegExp]> = [
      ['n°', /^\d/],
      ['1er', /^janvier/],
      ['L.', /^6114-1$/],
      ['R.', /^6114-10$/],
      ['180', /^000/],
    ];
    let checked = 0;
    for (const l of lines) {
      l.forEach((w, k) => {
        for (const [first, next] of pairs) {
          if (w.text !== first) continue;
          const text = l.map((x) => x.text).join(' ');
          expect(k, `« ${first} » en fin de ligne : ${text}`).toBeLessThan(l.length - 1);
          expect(l[k + 1]!.text, text).toMatch(next);
          checked++;
        }
      });
    }
    expect(checked).toBeGreaterThan(100);
    // Hyphenated numbers are never cut.
    for (const l of lines) for (const w of l) expect(w.text).not.toMatch(/^6114-$|^-1$/);
  });

  itTools('draws no-break spaces with their own fixed width, never stretched nor blank', () => {
    const size = PARAGRAPH_STYLES.body.size;
    const advance = (cp: number) => sharedFontBook().advance('serif', cp) * size;
    const gapAfter = (first: string, next: RegExp): number[] =>
      lines.flatMap((l) => l.flatMap((w, k) => (w.text === first && next.test(l[k + 1]?.text ?? '') ? [l[k + 1]!.xMin - w.xMax] : [])));
    // U+202F in "180 000,00": the face's own narrow advance.
    const narrow = gapAfter('180', /^000,00$/);
    expect(narrow.length).toBeGreaterThan(10);
    for (const g of narrow) expect(g).toBeCloseTo(advance(0x202f), 1);
    // U+00A0 in "n° 4" and the plain space resolve turned no-break in "n° 3".
    const nbsp = gapAfter('n°', /^[34]/);
    expect(nbsp.length).toBeGreaterThan(20);
    for (const g of nbsp) expect(g).toBeCloseTo(advance(0xa0), 1);
    // pdftotext maps both to spaces: no word carries them.
    expect(lines.flat().some((w) => w.text.includes(NBSP) || w.text.includes(NNBSP))).toBe(false);
  });
});
