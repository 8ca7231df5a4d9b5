// What a reader sees on each page, read back with `pdftotext -bbox`: margins, page numbers,
// paraphe boxes, repeated table headers, the 450-character cell, the tall row.
import { beforeAll, describe, expect, it } from 'vitest';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { hasPoppler, pdfText, pdfWordsBbox, words, wordsByPage, type BboxWord } from '../helpers/poppler.ts';
import { documentsOf, footerNumber } from './bbox.ts';
import { headingText, inlineText, type Document, type Paragraph } from '../../src/ir/types.ts';
import { set } from './builders.ts';
import { OBJECTIVE_450, socle, stressSet } from './fixtures.ts';

const tools = hasPoppler();
if (!tools) console.warn('⚠ poppler-utils absent : tests de pagination PDF IGNORÉS (apt-get install poppler-utils)');
const itTools = tools ? it : it.skip;

const MARGIN = (20 * 72) / 25.4;
const EPS = 0.6;

function pageText(page: readonly BboxWord[]): string {
  return page.map((w) => w.text).join(' ');
}

/** The words a reader must find in the body of a document without tables, from the IR. */
function irWords(d: Document): string[] {
  const out: string[] = [];
  for (const b of d.blocks) {
    switch (b.type) {
      case 'heading':
        out.push(...words(headingText(b)));
        break;
      case 'paragraph':
        out.push(...words(inlineText(b.content)));
        break;
      case 'list':
        b.items.forEach((it, k) => out.push(b.ordered ? `${k + 1}.` : (b.bullet ?? '–'), ...words(inlineText(it.content))));
        break;
      case 'signature':
        for (const l of b.leadIn) out.push(...words(inlineText(l.content)));
        for (const party of b.parties) {
          for (const l of party.lines) out.push(...words(inlineText(l)));
          out.push(...words(party.signatory ?? ''), ...party.mentions.flatMap(words));
        }
        break;
      default:
        throw new Error(`irWords: ${b.type} not handled`);
    }
  }
  return out;
}

/** Words cut at a line end by hyphenation, joined back (« asso- » « cié » → « associé »). */
function unhyphenate(ws: readonly string[], known: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (let i = 0; i < ws.length; i++) {
    const w = ws[i]!;
    const next = ws[i + 1];
    if (w.endsWith('-') && next !== undefined && !known.has(w) && known.has(w.slice(0, -1) + next)) {
      out.push(w.slice(0, -1) + next);
      i++;
    } else out.push(w);
  }
  return out;
}

describe('text parity with the IR', () => {
  itTools('prints every word of the socle once, and nothing else, in the body', async () => {
    const d = socle();
    const bytes = await writePdf(set([d]));
    const body = pdfWordsBbox(bytes).filter((w) => w.yMin > MARGIN - 1 && w.yMax < w.pageHeight - MARGIN + 1);
    const sorted = (xs: string[]): string[] => [...xs].sort();
    const expected = irWords(d);
    expect(sorted(unhyphenate(body.map((w) => w.text), new Set(expected)))).toEqual(sorted(expected));
    // Reading order too, for the running text (the signature columns sit side by side).
    const raw = words(pdfText(bytes, { raw: true })).join(' ');
    expect(raw).toContain(words(inlineText((d.blocks[10] as Paragraph).content)).join(' '));
  });
});

describe('pages of the stress set', () => {
  let bytes: Uint8Array;
  let pages: BboxWord[][];
  let docs: BboxWord[][][];
  beforeAll(async () => {
    bytes = await writePdf(stressSet());
    if (!tools) return;
    pages = wordsByPage(pdfWordsBbox(bytes));
    docs = documentsOf(pages);
  });

  itTools('keeps every word inside the side margins and the body out of the footer', () => {
    expect(pages.length).toBeGreaterThan(8);
    const furniture = /^(Page|\/|\d+|Paraphe|—|Établissement|ARS|Île-de-France)$/;
    for (const page of pages) {
      for (const w of page) {
        const where = `page ${w.page}, « ${w.text} »`;
        expect(w.xMin, where).toBeGreaterThanOrEqual(MARGIN - EPS);
        expect(w.xMax, where).toBeLessThanOrEqual(w.pageWidth - MARGIN + EPS);
        expect(w.yMin, where).toBeGreaterThanOrEqual(10 * (72 / 25.4));
        expect(w.yMax, where).toBeLessThanOrEqual(w.pageHeight - 8 * (72 / 25.4));
        // Below the 2 cm bottom margin only page furniture may appear.
        if (w.yMax > w.pageHeight - MARGIN + EPS) expect(w.text, where).toMatch(furniture);
      }
    }
  });

  itTools('numbers pages "Page X / Y" within each document', () => {
    expect(docs).toHaveLength(4);
    for (const doc of docs) {
      doc.forEach((page, k) => expect(footerNumber(page)).toEqual({ x: k + 1, y: doc.length }));
    }
  });

  itTools('prints a paraphe box per party on every page of the initialled annex only', () => {
    const [socle, table, paraphe, tall] = docs as [BboxWord[][], BboxWord[][], BboxWord[][], BboxWord[][]];
    expect(paraphe.length).toBeGreaterThanOrEqual(3);
    for (const page of paraphe) {
      const text = pageText(page);
      expect(text).toContain('Paraphe — Établissement');
      expect(text).toContain('Paraphe — ARS Île-de-France');
    }
    for (const page of [...socle, ...table, ...tall]) expect(pageText(page)).not.toContain('Paraphe');
  });

  itTools('repeats the table header on every page of a table longer than two pages', () => {
    const table = docs[1]!;
    expect(table.length).toBeGreaterThan(2);
    for (const page of table) {
      const header = page.find((w) => w.text === 'opérationnel');
      const cibles = page.find((w) => w.text === 'Cibles');
      const rows = page.filter((w, k) => w.text === 'Objectif' && /^\d+$/.test(page[k + 1]?.text ?? ''));
      expect(header, `page ${page[0]!.page}`).toBeDefined();
      expect(cibles).toBeDefined();
      expect(rows.length).toBeGreaterThan(0);
      for (const r of rows) expect(r.yMin).toBeGreaterThan(header!.yMax);
    }
    // Body rows are all there, in order, each exactly once.
    const numbers = table.flat().filter((w, k, all) => w.text === 'Objectif' && /^\d+$/.test(all[k + 1]?.text ?? ''));
    expect(numbers.length).toBe(89); // 90 rows, the fourth one holds the 450-character objective
  });

  itTools('prints the 450-character objective whole', () => {
    const text = words(pdfText(bytes, { raw: true })).join(' ');
    expect(OBJECTIVE_450.length).toBe(450);
    expect(text).toContain(words(OBJECTIVE_450).join(' '));
  });

  itTools('splits a row taller than a page across pages, header repeated, nothing lost', () => {
    const tall = docs[3]!;
    expect(tall.length).toBeGreaterThanOrEqual(3);
    for (const page of tall) expect(pageText(page)).toContain('Description');
    const all = tall.flat();
    expect(all.filter((w) => w.text === 'schéma').length).toBe(40);
    expect(pageText(tall[tall.length - 1]!)).toContain('Dernière ligne du tableau.');
    // The row starts right under the header on the first page: no page left with a lone header.
    expect(pageText(tall[0]!)).toContain('Permanence des soins');
  });
});
