// French hyphenation, Knuth–Plass justification and word cuts in tables (issue 13).
import { describe, expect, it } from 'vitest';
import { sharedFontBook } from '../../src/layout/fonts.ts';
import { hyphenPoints, LEFTMIN, RIGHTMIN } from '../../src/layout/hyphenate.ts';
import { breakLines, type Line } from '../../src/layout/linebreak.ts';
import { tokenize } from '../../src/layout/text.ts';
import { renderPdfFiles } from '../../src/writers/pdf/index.ts';
import { writeDocx } from '../../src/writers/docx/index.ts';
import type { DocumentSet } from '../../src/ir/types.ts';
import { buildFixture } from '../helpers/contracts.ts';
import { hasPoppler, pdfText } from '../helpers/poppler.ts';
import PizZip from 'pizzip';

const fonts = sharedFontBook();

function cut(word: string, mode: 'text' | 'narrow' = 'text'): string {
  let out = '';
  let last = 0;
  for (const k of hyphenPoints(word, mode)) {
    out += `${word.slice(last, k)}-`;
    last = k;
  }
  return out + word.slice(last);
}

describe('hyphenation policy', () => {
  it('cuts French words with the hyph-fr patterns, 2 letters before and 3 after at least', () => {
    expect(cut('modifications')).toBe('mo-di-fi-ca-tions');
    expect(cut('substantielles,')).toBe('sub-stan-tielles,');
    // Elision: the cut counts its letters from the apostrophe.
    expect(cut('l’environnement')).toBe('l’en-vi-ron-ne-ment');
    expect(cut("l'environnement")).toBe("l'en-vi-ron-ne-ment");
    expect(cut('(cathétérisme)')).toBe('(ca-thé-té-risme)');
    expect(cut('déjà')).toBe('déjà');
    for (const w of ['établissement', 'renouvellement', 'conformément', 'hospitalisation', 'qu’elles']) {
      const letters = w.slice(w.lastIndexOf('’') + 1);
      for (const k of hyphenPoints(w, 'text')) {
        expect(k - (w.length - letters.length)).toBeGreaterThanOrEqual(LEFTMIN);
        expect(w.length - k).toBeGreaterThanOrEqual(RIGHTMIN);
      }
    }
  });

  it('never cuts a number, a date, a reference, an address, a compound word or a word in capitals', () => {
    for (const w of [
      '12/03/2009',
      '180\u00a0000',
      'L.\u00a06114-1',
      'R.\u00a06122-23',
      '310781406',
      '2009-MP-0412',
      '(n°\u00a02009-MP-0412)',
      '1er\u00a0janvier',
      'septembre',
      'contact@ars-occitanie.sante.fr',
      'https://www.ars.sante.fr/contrats',
      'Île-de-France',
      'c’est-à-dire',
      'ÉTABLISSEMENT',
      'CHIRURGIE',
      'ARHGOS',
    ]) {
      expect(hyphenPoints(w, 'text'), w).toEqual([]);
      expect(hyphenPoints(w, 'narrow'), w).toEqual([]);
    }
  });

  it('cuts a capitalised word only when it does not fit its measure at all', () => {
    expect(cut('Chirurgie')).toBe('Chirurgie');
    expect(cut('Montpellier')).toBe('Montpellier');
    expect(cut('Chirurgie', 'narrow')).toBe('Chi-rur-gie');
  });
});

/** Adjustment ratio of each justified line: extra space per space over half a space (the stretch). */
function ratios(lines: readonly Line[], size: number): number[] {
  const space = fonts.width('serif', ' ') * size;
  return lines.slice(0, -1).map((l) => (l.frames[0]?.wordGap ?? 0) / (space / 2));
}

describe('Knuth–Plass justification', () => {
  // DGOS socle, Article 4 (templates/dgos-2012/socle.md), in a narrow measure.
  const text =
    'A la demande de l’établissement ou de l’ARS, les dispositions du contrat sont modifiées par voie d’avenant pour prendre en compte les modifications substantielles de l’environnement de l’établissement, de l’offre de soins régionale et des missions qui lui sont confiées, pour réviser le contenu des objectifs et des plans d’actions afin de tenir compte de nouvelles orientations politiques nationales, pour intégrer l’accompagnement financier consenti par l’ARS destiné à la réalisation des orientations du contrat.';
  const ctx = { fonts, size: 10, missing: new Set<string>() };
  const tokens = tokenize([{ type: 'text', text }], ctx);

  it('stretches the worst line less than first fit, and fills every line to the measure', () => {
    for (const width of [200, 260, 330]) {
      const kp = breakLines(tokens, ctx, { width, align: 'justify', leading: 13 });
      const ff = breakLines(tokens, ctx, { width, align: 'justify', leading: 13, firstFit: true });
      const worst = (ls: Line[]) => Math.max(...ratios(ls, 10));
      expect(worst(kp), `width ${width}`).toBeLessThan(worst(ff));
      for (const l of kp.slice(0, -1)) {
        const spaces = l.frames.reduce((n, f) => n + f.text.split(' ').length - 1, 0);
        expect(l.width + spaces * (l.frames[0]?.wordGap ?? 0)).toBeCloseTo(width, 3);
      }
    }
  });

  it('hyphenates with a drawn hyphen, never two lines ending in a cut in a row more than twice', () => {
    const lines = breakLines(tokens, ctx, { width: 200, align: 'justify', leading: 13 });
    const ends = lines.map((l) => l.frames.map((f) => f.text).join(''));
    expect(ends.some((e) => /\p{Ll}-$/u.test(e))).toBe(true);
    let run = 0;
    for (const e of ends) {
      run = /\p{Ll}-$/u.test(e) ? run + 1 : 0;
      expect(run).toBeLessThanOrEqual(2);
    }
    // Nothing lost or added but the hyphens.
    expect(ends.map((e) => e.replace(/(\p{Ll})-$/u, '$1')).join('').replace(/\s/g, '')).toBe(text.replace(/\s/g, ''));
  });
});

/** Every text of the IR, split into words as pdftotext splits them. */
function sourceWords(set: DocumentSet): Set<string> {
  const words = new Set<string>();
  JSON.stringify(set, (k, v) => {
    if (typeof v === 'string' && (k === 'text' || k === 'name' || k === 'title')) for (const w of v.split(/[\s\u00a0\u202f]+/)) if (w) words.add(w);
    return v;
  });
  return words;
}

describe.runIf(hasPoppler())('hyphenation in the DGOS CHU dossier (pdftotext)', () => {
  const { set } = buildFixture('fixtures/dgos/chu-public.yaml');
  const files = renderPdfFiles(set);
  const source = JSON.stringify(set).replace(/\\u00a0|\\u202f|\u00a0|\u202f/g, ' ');
  const words = sourceWords(set);

  it('ends lines inside words with a hyphen, only where the policy allows', async () => {
    const text = pdfText((await files).combined, { layout: true });
    const lines = text.split('\n');
    let cuts = 0;
    for (let i = 0; i + 1 < lines.length; i++) {
      const m = /(\S+)-$/u.exec(lines[i]!.trimEnd());
      const next = /^\s*(\S+)/u.exec(lines[i + 1]!)?.[1];
      // Table rows print their columns side by side: only running text is read here.
      if (!m || !next || /\S\s{3,}\S/.test(lines[i]!.trim()) || /\S\s{3,}\S/.test(lines[i + 1]!.trim())) continue;
      const head = m[1]!.split(/\s+/).pop()!;
      const tail = next.replace(/[.,;:)»]+$/u, '');
      // The compound's own hyphen, or a cut this layout added: then a word the policy allows.
      if (source.includes(`${head}-${tail}`)) continue;
      cuts++;
      const word = head + tail;
      expect(source.includes(word), `${head}-/${tail}`).toBe(true);
      expect(word, 'no digit in a cut word').not.toMatch(/\d/);
      expect(word, 'no capitals-only word cut').not.toMatch(/^\P{Ll}+$/u);
      expect(word).not.toMatch(/[@/]/);
    }
    expect(cuts).toBeGreaterThan(2);
  });

  it('Annexe 7: no word of the dense table is cut between letters without a hyphen', async () => {
    const k = set.documents.findIndex((d) => d.id.includes('annexe-07'));
    const pdf = (await files).perDocument[k]!;
    const furniture = new Set(['Page', '/', 'Paraphe', 'de', 'l’ARS', 'du', 'titulaire', '—']);
    const bad: string[] = [];
    for (const w of pdfText(pdf, { layout: true }).split(/\s+/)) {
      if (!w || words.has(w) || furniture.has(w) || /^\d+$/.test(w)) continue;
      // A piece that ends a line: its word goes on after a hyphen (added, or its own).
      if (w.endsWith('-') && [...words].some((s) => s.includes(w.slice(0, -1)) && s.length > w.length - 1)) continue;
      // The rest of a cut word.
      if ([...words].some((s) => s.endsWith(w) && s.length > w.length)) continue;
      bad.push(w);
    }
    expect(bad).toEqual([]);
  });
});

describe('DOCX hyphenation settings', () => {
  it('asks Word and LibreOffice to hyphenate French as the PDF does', () => {
    const { set } = buildFixture('fixtures/dgos/chu-public.yaml');
    const docx = writeDocx(set);
    const zip = new PizZip(docx);
    const settings = zip.file('word/settings.xml')!.asText();
    expect(settings).toContain('<w:autoHyphenation/>');
    expect(settings).toContain('<w:doNotHyphenateCaps/>');
    expect(settings).toMatch(/<w:consecutiveHyphenLimit w:val="2"\/>/);
    expect(settings).toMatch(/<w:hyphenationZone w:val="\d+"\/>/);
    expect(zip.file('word/styles.xml')!.asText()).toMatch(/<w:lang w:val="fr-FR"/);
  });
});
