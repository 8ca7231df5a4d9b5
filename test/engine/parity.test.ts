// Text parity between the back ends, for every example contract: the words of the PDF body
// (pdftotext, page furniture excluded) equal the words of the DOCX as LibreOffice exports them
// to text (which omits headers and footers). Same IR, same resolve: the two writers must print
// exactly the same words.
// Also checks the check: a word dropped from one side must be caught.
import { readFileSync, writeFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { beforeAll, describe, expect } from 'vitest';
import { demoContracts } from '../../src/cli/commands/demo.ts';
import { writeDocx } from '../../src/index.ts';
import { buildFixture } from '../helpers/contracts.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { convertWithSoffice, itWith } from '../helpers/libreoffice.ts';
import { pdfWordsBbox, words } from '../helpers/poppler.ts';

const MM = 72 / 25.4;
const it = itWith(['soffice', 'pdftotext']);
const dir = mkdtempSync(join(tmpdir(), 'cpom-parity-'));
const cases: { name: string; pdf: Uint8Array; txt: string }[] = [];

/** Words of the page bodies: the header band and the footer band (page number, paraphes) are furniture. */
function pdfBodyWords(pdf: Uint8Array): string[] {
  const all = pdfWordsBbox(pdf);
  const out: string[] = [];
  const pages = new Map<number, typeof all>();
  for (const w of all) pages.set(w.page, [...(pages.get(w.page) ?? []), w]);
  for (const ws of pages.values()) {
    const h = ws[0]!.pageHeight;
    const hasParaphe = ws.some((w) => w.text === 'Paraphe' && w.yMin > h - 31 * MM);
    const bottom = h - (hasParaphe ? 31 : 20) * MM;
    for (const w of ws) if (w.yMin >= 20 * MM - 1 && w.yMax <= bottom + 1) out.push(w.text);
  }
  return out;
}

/** Distinct words, with no-break spaces and Unicode forms normalised. */
function wordSet(ws: readonly string[]): Set<string> {
  return new Set(ws.flatMap((w) => words(w.normalize('NFC'))).filter((w) => w !== '\uFEFF'));
}

/**
 * Can `word` be cut into at least two pieces that are all PDF words (a word broken across lines
 * of a narrow cell), one of them being `needed` when given?
 */
function cuttable(word: string, pieces: ReadonlySet<string>, needed?: string): boolean {
  const memo = new Map<string, boolean>();
  const go = (rest: string, count: number, seen: boolean): boolean => {
    if (rest === '') return count >= 2 && (needed === undefined || seen);
    const key = `${rest.length}:${count >= 2 ? 2 : count}:${seen}`;
    const hit = memo.get(key);
    if (hit !== undefined) return hit;
    let ok = false;
    for (let k = 1; k <= rest.length && !ok; k++) {
      const head = rest.slice(0, k);
      if (pieces.has(head)) ok = go(rest.slice(k), count + 1, seen || head === needed);
    }
    memo.set(key, ok);
    return ok;
  };
  return go(word, 0, false);
}

/**
 * Words of one side missing from the other. Distinct words are compared (a table header repeated
 * on each page it spans is printed again in the PDF, once in the DOCX text); PDF fragments of a
 * word cut in a column too narrow for it, or hyphenated at a line end, count as that word; glyphs the embedded fonts lack
 * (emoji) are drawn as « □ » in the PDF, with a warning.
 */
function parityGaps(pdfWords: readonly string[], docxText: string): { onlyPdf: string[]; onlyDocx: string[] } {
  // A word hyphenated at a line end is two fragments in the PDF, the first ending in « - ».
  const pdf = wordSet(pdfWords.map((w) => (/\p{L}-$/u.test(w) && !docxText.includes(w) ? w.slice(0, -1) : w)));
  const docx = wordSet([docxText.replace(/\p{Extended_Pictographic}/gu, '□')]);
  const onlyDocx = [...docx].filter((w) => !pdf.has(w) && !cuttable(w, pdf));
  const onlyPdf = [...pdf].filter(
    (p) => !docx.has(p) && ![...docx].some((w) => w.includes(p) && cuttable(w, pdf, p)),
  );
  return { onlyPdf, onlyDocx };
}

describe('text parity helper', () => {
  it('catches a missing or extra word and accepts a word cut in a narrow cell', () => {
    expect(parityGaps(['Le', 'contrat', 'intervent', 'ionnelle'], 'Le contrat interventionnelle')).toEqual({ onlyPdf: [], onlyDocx: [] });
    expect(parityGaps(['Le'], 'Le contrat')).toEqual({ onlyPdf: [], onlyDocx: ['contrat'] });
    expect(parityGaps(['Le', 'pacte'], 'Le')).toEqual({ onlyPdf: ['pacte'], onlyDocx: [] });
  });
});

describe('text parity: PDF words = DOCX words', () => {
  beforeAll(async () => {
    const docx: string[] = [];
    for (const file of demoContracts()) {
      const { set } = buildFixture(file);
      const name = `${basename(dirname(file))}--${basename(file, '.yaml')}`;
      const path = join(dir, `${name}.docx`);
      writeFileSync(path, writeDocx(set));
      docx.push(path);
      cases.push({ name, pdf: await writePdf(set), txt: '' });
    }
    try {
      const txts = convertWithSoffice(docx, dir, 'txt');
      txts.forEach((t, i) => (cases[i]!.txt = readFileSync(t, 'utf8').replace(/^\uFEFF/, '')));
    } catch (e) {
      if (process.env.CPOM_EXIGER_OUTILS === '1') throw e;
    }
  });

  it('holds for every example contract', () => {
    expect(cases.length).toBeGreaterThan(10);
    for (const c of cases) {
      expect(c.txt.length, `${c.name}: LibreOffice text export`).toBeGreaterThan(1000);
      expect(parityGaps(pdfBodyWords(c.pdf), c.txt), c.name).toEqual({ onlyPdf: [], onlyDocx: [] });
    }
  });
});
