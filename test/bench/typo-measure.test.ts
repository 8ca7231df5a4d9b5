// The typography benchmark's detectors (bench/typo/measure.ts) on synthetic `pdftotext
// -bbox-layout` XML with known gaps and breaks, then once through poppler on a real PDF.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { parseBboxLayout } from '../../bench/typo/bbox.ts';
import { breakStats, classifyBreak, sourceWords, stretchStats } from '../../bench/typo/measure.ts';
import { readPdf } from '../../bench/typo/run.ts';
import { hasPoppler } from '../helpers/poppler.ts';

const H = 10; // word box height
const PAGE = { width: 600, height: 800 };

/** One line of words: each word [text, width], gaps between them, starting at x, top at y. */
function line(y: number, x: number, words: readonly (readonly [string, number])[], gaps: readonly number[]): string {
  let cur = x;
  const ws = words.map(([t, w], k) => {
    const xml = `<word xMin="${cur}" yMin="${y}" xMax="${cur + w}" yMax="${y + H}">${t}</word>`;
    cur += w + (gaps[k] ?? 0);
    return xml;
  });
  return `<line xMin="${x}" yMin="${y}" xMax="${cur - (gaps[words.length - 1] ?? 0)}" yMax="${y + H}">${ws.join('')}</line>`;
}
const page = (...blocks: string[][]): string => `<page width="${PAGE.width}" height="${PAGE.height}"><flow>${blocks.map((b) => `<block xMin="0" yMin="0" xMax="0" yMax="0">${b.join('')}</block>`).join('')}</flow></page>`;
const doc = (...pages: string[]): string => `<html><body><doc>${pages.join('')}</doc></body></html>`;

/** A line of four words from x=100 ending exactly at 500 with three equal gaps. */
function justified(y: number, gap: number): string {
  const w = (400 - 3 * gap) / 4;
  return line(y, 100, [['aa', w], ['bb', w], ['cc', w], ['dd', w]], [gap, gap, gap]);
}

describe('bench:typo — reading pdftotext -bbox-layout', () => {
  it('keeps pages, blocks, lines and words with their boxes, entities decoded', () => {
    const pages = parseBboxLayout(doc(page([line(100, 50, [['R&amp;D', 20], ['&lt;x&gt;', 10]], [3])], [line(120, 50, [['b', 5]], [])])));
    expect(pages).toHaveLength(1);
    expect(pages[0]!.blocks).toHaveLength(2);
    expect(pages[0]!.blocks[0]!.lines[0]!.words.map((w) => w.text)).toEqual(['R&D', '<x>']);
    expect(pages[0]!.blocks[0]!.lines[0]!.words[1]!.xMin).toBe(73);
  });
});

describe('bench:typo — stretch of justified lines', () => {
  it('divides the widest gap of each justified line by the natural space of ragged last lines', () => {
    // Natural space 3 (last line of the paragraph); justified lines at 4.5, 6 and 3 → 1.5, 2, 1.
    const xml = doc(page([justified(100, 4.5), justified(113, 6), justified(126, 3), line(139, 100, [['ee', 30], ['ff', 30], ['gg', 30]], [3, 3])]));
    const s = stretchStats([parseBboxLayout(xml)]);
    expect(s.natural).toEqual({ '10.0': 3 });
    expect(s.justifiedLines).toBe(3);
    expect(s.ratios).toEqual([1.5, 2, 1]);
    expect(s.median).toBe(1.5);
    expect(s.max).toBe(2);
    expect(s.p95).toBe(2);
  });

  it('does not count the indent after a list marker as a space', () => {
    const item = line(152, 90, [['–', 5], ['aa', 93.625], ['bb', 93.625], ['cc', 93.625], ['dd', 93.625]], [20, 3.5, 3.5, 3.5]);
    const xml = doc(page([justified(100, 3), justified(113, 3), justified(126, 3), line(139, 100, [['ee', 30], ['ff', 30]], [3])], [item]));
    const s = stretchStats([parseBboxLayout(xml)]);
    expect(s.max).toBeCloseTo(3.5 / 3);
  });

  it('does not take a table row read across cells for a justified line', () => {
    // Cells « 4 avril 2011 | ARS, 3 ans » merged by poppler: natural gaps, then a 30 pt gutter.
    const row = line(152, 100, [['4', 10], ['avril', 80], ['2011', 80], ['ARS,', 100], ['3', 44], ['ans', 44]], [3, 3, 30, 3, 3]);
    const xml = doc(page([justified(100, 3), justified(113, 3), justified(126, 3), line(139, 100, [['ee', 30], ['ff', 30]], [3])], [row]));
    const s = stretchStats([parseBboxLayout(xml)]);
    expect(s.justifiedLines).toBe(3);
    expect(s.max).toBe(1);
  });

  it('ignores running headers and footers in the page margins', () => {
    const header = line(30, 100, [['CPOM', 200], ['2019', 197]], [3]); // ends at 500, in the top margin
    const xml = doc(page([header], [justified(100, 3), justified(113, 3), justified(126, 3), line(139, 100, [['ee', 30], ['ff', 30]], [3])]));
    expect(stretchStats([parseBboxLayout(xml)]).justifiedLines).toBe(3);
  });
});

describe('bench:typo — line ends judged against the source words', () => {
  const src = sourceWords(['Nom de l’activité autorisée', 'un compte-rendu de l’organisation', 'le porte feuille', '10\u00A0% des cas', 'n° 2009-MP-0412)']);

  it('classifies each kind of break', () => {
    expect(classifyBreak('l’activit', 'é', src)).toBe('cut');
    expect(classifyBreak('compte-', 'rendu', src)).toBe('text-hyphen');
    expect(classifyBreak('l’organi-', 'sation', src)).toBe('hyphenated');
    expect(classifyBreak('l’organi\u00AD', 'sation', src)).toBe('hyphenated');
    expect(classifyBreak('de', 'l’activité', src)).toBe('word');
    // « porte » then « feuille » are two words in the source: not a cut of « portefeuille ».
    expect(classifyBreak('porte', 'feuille', sourceWords(['le porte feuille', 'un portefeuille']))).toBe('word');
    // Words joined by a no-break space are one token too (poppler may not split there).
    expect(classifyBreak('10%', 'des', src)).toBe('word');
    // LibreOffice sets list bullets in a column of their own.
    expect(classifyBreak('•', '•', src)).toBe('word');
  });

  it('finds a word cut inside a table cell that poppler merged with its neighbour', () => {
    // « Nom de | Date » on one poppler line (two cells), then « l’activit | x », then « é ».
    const xml = doc(page([line(100, 60, [['Nom', 20], ['de', 10], ['Date', 20]], [3, 15]), line(111, 60, [['l’activit', 32], ['x', 5]], [31]), line(122, 75, [['é', 5]], [])]));
    const b = breakStats([parseBboxLayout(xml)], src);
    expect(b.cuts).toBe(1);
    expect(b.cutExamples).toEqual(['l’activit / é']);
  });

  it('follows a word cut into three pieces (« 2009- / MP-0412 / ) »)', () => {
    const xml = doc(page([line(100, 60, [['2009-', 30]], []), line(111, 60, [['MP-0412', 30]], []), line(122, 60, [[')', 3]], [])]));
    const b = breakStats([parseBboxLayout(xml)], src);
    expect(b.textHyphen).toBe(1);
    expect(b.cuts).toBe(1);
  });

  it('counts hyphenated lines and runs of consecutive hyphens', () => {
    const words = sourceWords(['une organisation autorisée par compte-rendu et encore']);
    const xml = doc(page([
      line(100, 100, [['une', 20], ['organi-', 40]], [3]),
      line(113, 100, [['sation', 30], ['autori-', 40]], [3]),
      line(126, 100, [['sée', 20], ['par', 20], ['compte-', 40]], [3, 3]),
      line(139, 100, [['rendu', 30], ['et', 10]], [3]),
      line(152, 100, [['encore', 30]], []),
    ]));
    const b = breakStats([parseBboxLayout(xml)], words);
    expect(b).toMatchObject({ breaks: 4, hyphenated: 2, textHyphen: 1, hyphenRuns: 1, longestRun: 3, cuts: 0 });
  });
});

describe('bench:typo — through poppler on a real PDF', () => {
  const run = hasPoppler() ? it : it.skip;
  if (!hasPoppler()) console.warn('⚠ SKIPPED: pdftotext absent (apt-get install poppler-utils)');
  run('measures the stretch and finds the cut word of a PDF drawn with known positions', async () => {
    const pdf = await PDFDocument.create();
    const font = await pdf.embedFont(StandardFonts.Helvetica);
    const p = pdf.addPage([600, 800]);
    const size = 10;
    const space = font.widthOfTextAtSize(' ', size);
    const draw = (words: string[], top: number, stretch: number | undefined): void => {
      // Justified: spread the words from 100 to 500; else natural spaces.
      const widths = words.map((w) => font.widthOfTextAtSize(w, size));
      const gap = stretch === undefined ? space : (400 - widths.reduce((a, b) => a + b, 0)) / (words.length - 1);
      let x = 100;
      words.forEach((w, k) => {
        p.drawText(w, { x, y: 800 - top, size, font });
        x += widths[k]! + gap;
      });
    };
    // Greedy lines of at most 400 pt with natural spaces, then justified to exactly 400 pt.
    const pool = 'il s agit de suivre les objectifs associes a l activite autorisee par le contrat une cible regionale et une cible etablissement pour chaque indicateur retenu dans le tableau de bord de l etablissement et le resultat constate au terme de chaque annee du contrat selon les modalites prevues par les parties signataires'.split(' ');
    const para: string[][] = [[]];
    for (const w of pool) {
      const cur = para.at(-1)!;
      if (font.widthOfTextAtSize([...cur, w].join(' '), size) > 400) para.push([w]);
      else cur.push(w);
    }
    expect(para.length).toBeGreaterThanOrEqual(4);
    para.forEach((words, k) => draw(words, 100 + 13 * k, k < para.length - 1 ? 1 : undefined));
    draw(['activit'], 200, undefined);
    draw(['e'], 211, undefined);
    const dir = mkdtempSync(join(tmpdir(), 'typo-bench-'));
    try {
      const file = join(dir, 'a.pdf');
      writeFileSync(file, await pdf.save());
      const pages = readPdf(file);
      const s = stretchStats([pages]);
      expect(s.justifiedLines).toBe(para.length - 1);
      expect(s.max).toBeGreaterThan(1.05);
      expect(Object.values(s.natural)[0]).toBeCloseTo(space, 1);
      const b = breakStats([pages], sourceWords([pool.join(' '), 'activite']));
      expect(b.cuts).toBe(1);
      expect(b.cutExamples).toEqual(['activit / e']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
