// Layout without a PDF: French break rules, justification, widows and orphans, headings kept
// with their text, forced page breaks, overlong words, landscape pages.
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/ir/types.ts';
import { layoutDocumentSet, sharedFontBook, type LaidOutDocument, type TextFrame } from '../../src/layout/index.ts';
import { breakLines } from '../../src/layout/linebreak.ts';
import fc from 'fast-check';
import { tokenize } from '../../src/layout/text.ts';
import { splitWord } from '../../src/layout/wordsplit.ts';
import { cell, doc, h, NBSP, NNBSP, p, row, set, table, t } from './builders.ts';
import { LOREM } from './fixtures.ts';

const fonts = sharedFontBook();
const layout = (blocks: Block[], extra = {}): LaidOutDocument =>
  layoutDocumentSet(set([doc('d', 'Document', blocks, extra)]), fonts).documents[0]!;

/** Body text frames (between the running header and the footer), per page. */
function bodyText(d: LaidOutDocument): TextFrame[][] {
  return d.pages.map((pg) => pg.frames.filter((f): f is TextFrame => f.kind === 'text' && f.y > 60 && f.y < pg.height - 60));
}

describe('French break rules (written by resolve, obeyed by layout)', () => {
  it('breaks at every plain space and never at U+00A0 / U+202F', () => {
    const tokens = tokenize([t(`voir n°${NBSP}3 et `), { type: 'text', text: `L.${NBSP}6114-1`, bold: true }, t(`${NNBSP}; fin`)], {
      fonts,
      size: 10,
      missing: new Set(),
    });
    const words = tokens.filter((x) => x.t === 'word').map((x) => x.frags.map((f) => f.text).join(''));
    expect(words).toEqual(['voir', `n°${NBSP}3`, 'et', `L.${NBSP}6114-1${NNBSP};`, 'fin']);
  });

  it('draws a superscript run smaller and raised', () => {
    const ctx = { fonts, size: 10, missing: new Set<string>() };
    const [line] = breakLines(tokenize([t('le 1'), { type: 'text', text: 'er', superscript: true }, t(`${NBSP}janvier`)], ctx), ctx, { width: 300, align: 'left', leading: 13 });
    const sup = line!.frames.find((f) => f.text === 'er')!;
    const base = line!.frames.find((f) => f.text.startsWith('le'))!;
    expect(sup.size).toBeLessThan(base.size);
    expect(sup.y).toBeLessThan(base.y);
  });
});

describe('justification', () => {
  it('fills every line but the last to the exact width, with one TJ gap per run', () => {
    const ctx = { fonts, size: 10, missing: new Set<string>() };
    const lines = breakLines(tokenize([t(`${LOREM} ${LOREM}`)], ctx), ctx, { width: 300, align: 'justify', leading: 13 });
    expect(lines.length).toBeGreaterThan(4);
    lines.forEach((l, k) => {
      const f = l.frames[l.frames.length - 1]!;
      const spaces = f.text.split(' ').length - 1;
      const drawn = fonts.width(f.face, f.text) * 10 + spaces * f.wordGap;
      if (k < lines.length - 1) expect(f.x + drawn).toBeCloseTo(300, 6);
      else expect(f.wordGap).toBe(0);
      expect(f.text.startsWith(' ') || f.text.endsWith(' ')).toBe(false);
    });
  });
});

describe('pagination', () => {
  it('leaves no widow or orphan line', () => {
    const blocks: Block[] = [];
    for (let k = 0; k < 80; k++) blocks.push(p(Array.from({ length: 8 + ((k * 37) % 230) }, () => `p${k}`).join(' ')));
    const d = layout(blocks);
    expect(d.pages.length).toBeGreaterThan(3);
    const linesPerPage = new Map<string, number[]>();
    bodyText(d).forEach((frames, page) => {
      for (const f of frames) {
        const id = f.text.split(' ')[0]!;
        const counts = linesPerPage.get(id) ?? [];
        counts[page] = (counts[page] ?? 0) + 1;
        linesPerPage.set(id, counts);
      }
    });
    let split = 0;
    for (const [id, counts] of linesPerPage) {
      const parts = counts.filter((c) => c !== undefined);
      if (parts.length > 1) {
        split++;
        for (const c of parts) expect(c, id).toBeGreaterThanOrEqual(2);
      }
    }
    expect(split).toBeGreaterThan(2);
  });

  it('keeps a heading with at least two lines of its text', () => {
    const blocks: Block[] = [];
    for (let k = 0; k < 40; k++) {
      blocks.push(h(3, `Titre ${k}`, `Article ${k + 1}`));
      blocks.push(p(Array.from({ length: 20 + ((k * 53) % 90) }, () => `a${k}`).join(' ')));
    }
    const d = layout(blocks);
    const pages = bodyText(d);
    for (let k = 0; k < 40; k++) {
      const headingPage = pages.findIndex((fs) => fs.some((f) => f.text.replaceAll(NBSP, ' ').endsWith(`Titre ${k}`)));
      const mine = (f: TextFrame): boolean => f.text.startsWith(`a${k} `) || f.text === `a${k}`;
      const total = pages.flat().filter(mine).length;
      expect(pages[headingPage]!.filter(mine).length, `Article ${k + 1}`).toBeGreaterThanOrEqual(Math.min(2, total));
    }
    expect(d.bookmarks.map((b) => b.title.replaceAll(NBSP, ' '))).toContain('Article 40 – Titre 39');
  });

  it('starts a new page at a page break, and after a keep-with-next lead-in keeps the table', () => {
    const d = layout([p('Avant.'), { type: 'pageBreak' }, p('Après.')]);
    expect(d.pages).toHaveLength(2);
    expect(bodyText(d)[1]!.map((f) => f.text)).toEqual(['Après.']);
  });

  it('keeps rows joined by a rowSpan on one page, and a lead-in with the table header', () => {
    const body = [];
    for (let r = 0; r < 60; r++) {
      body.push(r % 3 === 0 ? row(cell(`Groupe ${r / 3}`, { rowSpan: 3 }), cell(`ligne ${r}`)) : row(cell(`ligne ${r}`)));
    }
    const d = layout([
      ...Array.from({ length: 9 }, () => p(LOREM)),
      p('Tableau de suivi :', 'body', true),
      table([1, 2], [row(cell('Groupe', { shade: true }), cell('Ligne', { shade: true }))], body),
    ]);
    const pages = bodyText(d);
    expect(pages.length).toBeGreaterThan(2);
    const pageOf = (text: string): number => pages.findIndex((fs) => fs.some((f) => f.text.replaceAll(NBSP, ' ') === text));
    for (let g = 0; g < 20; g++) {
      const rows = [0, 1, 2].map((k) => pageOf(`ligne ${g * 3 + k}`));
      expect(new Set([pageOf(`Groupe ${g}`), ...rows]).size, `groupe ${g}`).toBe(1);
    }
    expect(pageOf('Tableau de suivi :')).toBe(pageOf('Ligne'));
    // Every page the table reaches repeats its header.
    for (let k = pageOf('Ligne'); k < pages.length; k++) expect(pages[k]!.some((f) => f.text === 'Ligne')).toBe(true);
  });

  it('never leaves a table header with a single row at a page foot, nor a last row alone', () => {
    // One-line paragraphs after a fixed filler move a 6-row table across the page end in
    // steps of about one row.
    const rows = ['R1', 'R2', 'R3', 'R4', 'R5', 'R6'];
    const moved = new Set<string>();
    for (let n = 0; n <= 10; n++) {
      const blocks: Block[] = [];
      for (let k = 0; k < 18; k++) blocks.push(p(k % 3 === 0 ? LOREM : 'Une ligne de remplissage.'));
      for (let k = 0; k < n; k++) blocks.push(p('Court.'));
      blocks.push(table([1, 2], [row(cell('Code'), cell('Libellé'))], rows.map((r) => row(cell(r), cell(`ligne ${r}`)))));
      const pages = bodyText(layout(blocks));
      const pageOf = (text: string) => pages.findIndex((pg) => pg.some((f) => f.text === text));
      const where = `${n} paragraphes`;
      const first = pages.findIndex((pg) => pg.some((f) => f.text === 'Code'));
      expect(pageOf('R1'), where).toBe(first);
      expect(pageOf('R2'), where).toBe(first);
      expect(pageOf('R5'), where).toBe(pageOf('R6'));
      moved.add(rows.map((r) => pageOf(r) - first).join(''));
    }
    // The steps do cross the page end: the table is whole on one page, then split in several places.
    expect(moved.has('000000')).toBe(true);
    expect(moved.size).toBeGreaterThan(2);
  });

  it('does not push a table whose kept rows could not share one page to a fresh page', () => {
    // Three rows of several paragraphs each: header + the three rows are taller than a page.
    const tall = (tag: string) => `${tag} ${`${LOREM} `.repeat(4)}`;
    const d = layout([p('Intro court.'), table([1, 1], [row(cell('Code'), cell('Libellé'))], ['R1', 'R2', 'R3'].map((r) => row(cell(r), cell(tall(`${r}x`)))))]);
    const pageOf = (start: string) => bodyText(d).findIndex((pg) => pg.some((f) => f.text.startsWith(start)));
    expect(pageOf('Intro')).toBe(0);
    expect(pageOf('Code')).toBe(0);
    expect(pageOf('R1x')).toBe(0);
  });

  it('keeps page furniture inside the margins: long titles shortened, many paraphe boxes', () => {
    const d = layout([p('Texte.')], {
      headerTitle: `CPOM 2019-2023 — ${'Groupement hospitalier de territoire '.repeat(4)}`,
      name: `Annexe 12 — ${'Reconnaissances contractuelles '.repeat(3)}`,
      paraphe: ['Établissement', 'ARS Île-de-France', 'GCS Partenaire', 'Clinique associée'],
    });
    const page = d.pages[0]!;
    const right = page.width - 56.69;
    for (const f of page.frames) {
      if (f.kind === 'text') {
        expect(f.x).toBeGreaterThanOrEqual(56.69);
        expect(f.x + fonts.width(f.face, f.text) * f.size, f.text).toBeLessThanOrEqual(right + 0.01);
      } else if (f.kind === 'rect') {
        expect(f.x).toBeGreaterThanOrEqual(56.69);
        expect(f.x + f.w).toBeLessThanOrEqual(right + 0.01);
      }
    }
    const texts = page.frames.flatMap((f) => (f.kind === 'text' ? [f.text] : []));
    expect(texts.some((t) => t.endsWith('…'))).toBe(true);
    expect(texts.filter((t) => t.startsWith('Paraphe'))).toHaveLength(4);
  });

  it('lays out landscape documents on landscape A4', () => {
    const d = layout([p('Paysage.')], { orientation: 'landscape' });
    expect([d.pages[0]!.width, d.pages[0]!.height]).toEqual([841.89, 595.28]);
  });

  it('cuts a compound word after its hyphen in a narrow column, never an article number', () => {
    // 10 columns: « rendez-vous » and « Île-de-France » do not fit on one line of the first.
    const cols = new Array<number>(10).fill(1);
    const rest = cols.slice(1).map(() => cell('N+1'));
    const d = layout([table(cols, [], [row(cell('rendez-vous Île-de-France L.\u00a06114-1'), ...rest)])], { orientation: 'portrait' });
    const texts = bodyText(d)[0]!.filter((f) => f.x < 80).map((f) => f.text);
    expect(texts).toContain('rendez-');
    expect(texts).toContain('vous');
    expect(texts.some((t) => t.endsWith('-') && t.startsWith('Île'))).toBe(true);
    // The article number stays whole or is cut between characters, but never at its hyphen.
    expect(texts.some((t) => t.endsWith('6114-'))).toBe(false);
  });

  it('cuts any word into pieces that fit, keeping every character in order (property)', () => {
    const tc = { fonts, size: 9, missing: new Set<string>() };
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('a', 'é', 'M', 'Î', '-', '1', '9', 'w', '\u2011'), { minLength: 1, maxLength: 40 }),
        fc.double({ min: 4, max: 80, noNaN: true }),
        (chars, max) => {
          const text = chars.join('');
          const [word] = tokenize([t(text)], tc);
          if (word?.t !== 'word') return;
          const pieces = splitWord(word, max, tc);
          expect(pieces.map((w) => w.frags.map((f) => f.text).join('')).join('')).toBe(text);
          for (const w of pieces) if ([...w.frags.map((f) => f.text).join('')].length > 1) expect(w.width).toBeLessThanOrEqual(max + 1e-6);
          // A non-breaking hyphen ends a piece only when the next character could not follow it.
          pieces.slice(0, -1).forEach((w, k) => {
            if (!w.frags.at(-1)!.text.endsWith('\u2011')) return;
            const next = pieces[k + 1]!.frags[0]!;
            expect(w.width + fonts.advance(next.face, next.text.codePointAt(0)!) * 9).toBeGreaterThan(max);
          });
        },
      ),
    );
  });

  it('cuts a word wider than its cell by characters, inside the cell', () => {
    const long = 'x'.repeat(300);
    const d = layout([table([1, 4], [], [row(cell(long), cell('court'))])]);
    const frames = bodyText(d)[0]!.filter((f) => f.text.startsWith('x'));
    expect(frames.length).toBeGreaterThan(2);
    expect(frames.map((f) => f.text).join('')).toBe(long);
    // The first column gets all the room the second one does not need (min-content widths),
    // and the cut word stays left of the second cell's text.
    const court = bodyText(d)[0]!.find((f) => f.text === 'court')!;
    for (const f of frames) expect(f.x + fonts.width(f.face, f.text) * f.size).toBeLessThan(court.x);
  });
});
