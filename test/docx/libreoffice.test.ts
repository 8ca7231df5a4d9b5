// The DOCX laid out by a real client: LibreOffice converts it to PDF, poppler reads the pages.
// All files go through one soffice run (start-up dominates).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import type { DocumentSet } from '../../src/ir/types.ts';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { convertWithSoffice, hasPdftotext, hasSoffice, itWith, normalizeSpace, pdfOutline, pdfPages } from '../helpers/libreoffice.ts';
import { cell, doc, docSet, fillers, h, kitchenSink, party, row, signature, table, twoPartySignature } from './fixtures.ts';

const itLo = itWith(['soffice', 'pdftotext']);

/** Offsets around the first page boundary: page 1 holds ~38 fillers after the title. */
const OFFSETS = Array.from({ length: 14 }, (_, i) => 26 + i);
const SIG_TOKENS = ['SIGLEAD1', 'SIGLEAD2', 'SIGA1', 'SIGA2', 'SIGA3', 'SIGA4', 'SIGB1', 'SIGB2', 'SIGB3'];

const socle = doc('socle', [h(1, 'Contrat socle'), ...fillers(50, 'Socle')], { name: 'Contrat socle' });
const annexe = doc('annexe-01', [h(1, 'Annexe 1'), ...fillers(100, 'Annexe')], {
  name: 'Annexe 1 — Orientations',
  paraphe: ['titulaire', 'ars'],
});
const contract = docSet([socle, annexe]);

const bigTable = doc('tableau', [
  h(1, 'Tableau de suivi'),
  table(
    [3, 1, 1],
    [row(cell('ENTETEINDICATEUR', { shade: true }), cell('ENTETE2019', { shade: true }), cell('ENTETE2020', { shade: true }))],
    Array.from({ length: 150 }, (_, i) => row(`Ligne ${i + 1}`, `${i}`, `${i * 2}`)),
  ),
]);

const files: Record<string, DocumentSet | [DocumentSet, string[]]> = {
  combined: contract,
  socle: [contract, ['socle']],
  annexe: [contract, ['annexe-01']],
  table: docSet([bigTable]),
  sink: docSet([kitchenSink()]),
  capacity: docSet([doc('c', [h(1, 'Titre'), ...fillers(100)])]),
  ...Object.fromEntries(OFFSETS.map((n) => [`sig-${n}`, docSet([doc('s', [h(1, 'Titre'), ...fillers(n), twoPartySignature()])])])),
  ...Object.fromEntries(
    [28, 31, 34].map((n) => [
      `sig4-${n}`,
      docSet([doc('s', [h(1, 'Titre'), ...fillers(n), signature(['Fait à Paris (SIGLEAD1)'], ['A', 'B', 'C', 'D'].map((x) => party(x, [`Pour ${x} (SIG${x}1)`], `Nom ${x} (SIG${x}2)`)))])]),
    ]),
  ),
};

let dir = '';
const pages = new Map<string, string[]>();
const pdfPath = (name: string): string => join(dir, `${name}.pdf`);

beforeAll(() => {
  if (!hasSoffice() || !hasPdftotext()) return;
  dir = mkdtempSync(join(tmpdir(), 'docx-lo-'));
  const paths = Object.entries(files).map(([name, spec]) => {
    const path = join(dir, `${name}.docx`);
    writeFileSync(path, Array.isArray(spec) ? writeDocx(spec[0], { documents: spec[1] }) : writeDocx(spec));
    return path;
  });
  const pdfs = convertWithSoffice(paths, dir, 'pdf');
  Object.keys(files).forEach((name, i) => pages.set(name, pdfPages(pdfs[i] ?? '').map(normalizeSpace)));
}, 300_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const pagesOf = (name: string): string[] => {
  const p = pages.get(name);
  if (!p) throw new Error(`no PDF for ${name}`);
  return p;
};
/** 1-based page numbers whose text contains `token`. */
const pagesWith = (name: string, token: string): number[] =>
  pagesOf(name).flatMap((text, i) => (text.includes(token) ? [i + 1] : []));

describe('LibreOffice rendering', () => {
  itLo('converts the kitchen-sink DOCX with its tables, lists and signature', () => {
    const text = pagesOf('sink').join(' ');
    for (const s of ['Titre I – Fondements', 'Article 1 - Objet du contrat', '« guillemets » 😀', 'Fusion horizontale', '• puce', 'SIGB3']) {
      expect(text).toContain(s);
    }
  });

  itWith(['soffice', 'pdftotext', 'qpdf'])('exports heading outline levels as nested PDF bookmarks', () => {
    expect(pdfOutline(pdfPath('sink'))).toEqual([
      {
        title: 'Contrat pluriannuel d’objectifs et de moyens',
        kids: [{ title: 'Titre I – Fondements', kids: [{ title: 'Article 1 - Objet du contrat', kids: [{ title: '1.1 : Sous-article', kids: [] }] }] }],
      },
    ]);
  });

  itLo('does not stretch a justified line that ends in a manual break', () => {
    // -layout keeps stretched inter-word gaps as runs of spaces: read the raw text.
    const raw = pdfPages(pdfPath('sink')).join('\n');
    expect(raw).toMatch(/Voir l’article 1, page 1 *\n *suite/);
  });

  itLo('numbers pages "Page X / Y" per document, also when documents are combined', () => {
    const footers = (name: string) => pagesOf(name).map((t) => /Page (\d+) \/ (\d+)/.exec(t)?.slice(1).join('/'));
    const socleAlone = footers('socle');
    const annexeAlone = footers('annexe');
    expect(socleAlone).toEqual(['1/2', '2/2']);
    expect(annexeAlone.length).toBeGreaterThanOrEqual(3);
    expect(annexeAlone).toEqual(annexeAlone.map((_, i) => `${i + 1}/${annexeAlone.length}`));
    expect(footers('combined')).toEqual([...socleAlone, ...annexeAlone]);
  });

  itLo('prints the running header with the model title and document name on every page', () => {
    for (const text of pagesOf('combined')) expect(text).toContain('CPOM 2019-2023 — modèle-type DGOS');
    expect(pagesWith('combined', 'Contrat socle')).toEqual([1, 2]);
    expect(pagesWith('combined', 'Annexe 1 — Orientations').length).toBe(pagesOf('annexe').length);
  });

  itLo('prints the paraphe boxes on every page of a paraphe document and nowhere else', () => {
    const all = pagesOf('combined');
    const annexPages = all.slice(2);
    expect(annexPages.length).toBeGreaterThanOrEqual(3);
    for (const text of annexPages) {
      expect(text).toContain('Paraphe — titulaire');
      expect(text).toContain('Paraphe — ARS');
    }
    for (const text of all.slice(0, 2)) expect(text).not.toContain('Paraphe');
  });

  itLo('repeats table header rows on every page the table spans', () => {
    const p = pagesOf('table');
    expect(p.length).toBeGreaterThanOrEqual(3);
    for (const text of p) expect(text).toMatch(/ENTETEINDICATEUR ENTETE2019 ENTETE2020/);
    expect(pagesWith('table', 'Ligne 150 ')).toEqual([p.length]);
  });

  itLo('never splits the signature block, wherever it falls', () => {
    const capacity = pagesOf('capacity')[0]?.match(/Remplissage \d+\./g)?.length ?? 0;
    expect(capacity).toBeGreaterThan(OFFSETS[0] ?? 0);
    const startPages: number[] = [];
    let movedWithRoomLeft = false;
    for (const n of OFFSETS) {
      const name = `sig-${n}`;
      const where = SIG_TOKENS.map((tok) => pagesWith(name, tok));
      expect(where.every((w) => w.length === 1), `${name}: ${JSON.stringify(where)}`).toBe(true);
      const page = new Set(where.flat());
      expect(page.size, `${name} split over pages ${[...page].join(', ')}`).toBe(1);
      const start = where[0]?.[0] ?? 0;
      startPages.push(start);
      // The last filler on page 1 with room for the two lead-in lines: only keep-with-next moved them.
      if (start === 2 && pagesWith(name, `Remplissage ${n}.`)[0] === 1 && n <= capacity - 2) movedWithRoomLeft = true;
    }
    // The offsets must straddle the page end, or the test proves nothing.
    expect(startPages).toContain(1);
    expect(startPages).toContain(2);
    expect(movedWithRoomLeft).toBe(true);
  });

  itLo('keeps a four-party signature block (two rows) on one page', () => {
    for (const n of [28, 31, 34]) {
      const where = ['SIGLEAD1', 'SIGA1', 'SIGC2', 'SIGD1', 'SIGD2'].map((tok) => pagesWith(`sig4-${n}`, tok));
      expect(new Set(where.flat()).size, `sig4-${n}: ${JSON.stringify(where)}`).toBe(1);
    }
  });
});
