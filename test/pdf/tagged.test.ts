// Tagged PDF (issue 14): the structure tree poppler reads must hold the contract's text in
// reading order — headings by level, paragraphs, lists, tables with header cells — and nothing of
// the page furniture (running header, page numbers, paraphe boxes), in the dossier and in every
// per-document file; the file declares itself tagged and PDF/A-2a.
import { beforeAll, describe, expect, it } from 'vitest';
import { inlineText, headingText, type Block, type Document } from '../../src/ir/types.ts';
import { renderPdfFiles, writePdf } from '../../src/writers/pdf/index.ts';
import { set as synthetic } from './builders.ts';
import { annexeTable } from './fixtures.ts';
import { buildFixture } from '../helpers/contracts.ts';
import { hasPoppler, hasQpdf, pdfInfo, pdfStructure, pdfText, qpdfCheck, qpdfObjects, structText, type StructNode } from '../helpers/poppler.ts';

const tools = hasPoppler() && hasQpdf();
if (!tools) console.warn('⚠ poppler-utils ou qpdf absent : tests du PDF balisé IGNORÉS (apt-get install poppler-utils qpdf)');
const itTools = tools ? it : it.skip;

/** Whitespace of any kind (the PDF carries U+00A0 / U+202F) compared as one space. */
const norm = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/** What the structure tree should hold for one IR block: its element type and its text. */
function expected(b: Block): { role: string; text: string } | undefined {
  switch (b.type) {
    case 'heading':
      return { role: `H${b.level}`, text: headingText(b) };
    case 'paragraph':
      return { role: 'P', text: inlineText(b.content) };
    case 'list':
      return { role: 'L', text: b.items.map((it, k) => `${b.ordered ? `${k + 1}.` : (b.bullet ?? '–')} ${inlineText(it.content)}`).join(' ') };
    case 'table':
      return {
        role: 'Table',
        text: [...b.headerRows, ...b.bodyRows].flatMap((r) => r.cells.map((c) => c.content.map((p) => inlineText(p.content)).join(' '))).join(' '),
      };
    case 'signature':
      return {
        role: 'Div',
        text: [
          ...b.leadIn.map((p) => inlineText(p.content)),
          ...b.parties.flatMap((p) => [...p.lines.map((l) => inlineText(l)), ...(p.signatory ? [p.signatory] : []), ...p.mentions]),
        ].join(' '),
      };
    case 'pageBreak':
      return undefined;
  }
}

function sects(root: StructNode | undefined): StructNode[] {
  expect(root?.role).toBe('Document');
  return root!.children;
}

describe('tagged PDF', () => {
  const { set } = buildFixture('fixtures/dgos/chu-public.yaml');
  let files: Awaited<ReturnType<typeof renderPdfFiles>>;
  /** The dossier's structure (poppler takes seconds to read it: once). */
  let dossier: StructNode | undefined;
  beforeAll(async () => {
    files = await renderPdfFiles(set);
    if (tools) dossier = pdfStructure(files.combined);
  });

  itTools('is marked, in French, PDF/A-2a, and passes qpdf', () => {
    for (const bytes of [files.combined, ...files.perDocument]) {
      expect(pdfInfo(bytes)['Tagged']).toBe('yes');
      expect(qpdfCheck(bytes).ok).toBe(true);
      const q = qpdfObjects(bytes);
      const catalog = q.object(q.trailer['/Root'] as string);
      expect(catalog['/Lang']).toBe('u:fr-FR');
      expect(catalog['/MarkInfo']).toEqual({ '/Marked': true });
      expect(Buffer.from(bytes).toString('latin1')).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    }
  });

  itTools('holds every block of every document, in reading order, with its element type', () => {
    const docs = sects(dossier);
    expect(docs.map((s) => s.role)).toEqual(set.documents.map(() => 'Sect'));
    set.documents.forEach((d: Document, i) => {
      // The notices (« Texte reconstitué… ») are read first: a legal mention, not decoration.
      const want = [...(d.notices?.length ? [{ role: 'P', text: d.notices.join(' ') }] : []), ...d.blocks.flatMap((b) => expected(b) ?? [])];
      const got = docs[i]!.children.map((n) => ({ role: n.role, text: structText(n).join(' ') }));
      expect(got.map((g) => g.role), d.name).toEqual(want.map((w) => w.role));
      // The glyph the fonts lack (an emoji in Annexe 3) is drawn, and read, as « □ ». A table cell
      // may cut a word between lines (the line break puts a space there): tables are compared
      // without their spaces. The hyphen hyphenation adds at a line end is drawn, not read
      // (« médicament », not « médica-ment »): hyphens are compared as they are.
      const shown = (role: string, t: string): string => (role === 'Table' ? t.replace(/[\s\u00a0\u202f]+/g, '') : norm(t));
      expect(got.map((g) => shown(g.role, g.text)), d.name).toEqual(want.map((w) => shown(w.role, w.text.replace(/\p{Extended_Pictographic}/gu, '□'))));
    });
  });

  itTools('tags table cells once, header cells as TH with a column scope, even when the header repeats on later pages', async () => {
    const long = annexeTable(90);
    const table = long.blocks.find((b) => b.type === 'table')!;
    if (table.type !== 'table') throw new Error('unreachable');
    const bytes = await writePdf(synthetic([long]));
    expect(Number(pdfInfo(bytes)['Pages'])).toBeGreaterThan(2);
    const el = sects(pdfStructure(bytes))[0]!.children.find((n) => n.role === 'Table')!;
    const rows = el.children;
    expect(rows.every((r) => r.role === 'TR')).toBe(true);
    expect(rows.length).toBe(table.headerRows.length + table.bodyRows.length);
    const headerCells = rows.slice(0, table.headerRows.length).flatMap((r) => r.children);
    expect(headerCells.every((c) => c.role === 'TH' && c.attributes.includes('/Scope /Column'))).toBe(true);
    // The header is drawn again on every page, and read once.
    const squeeze = (t: string): string => t.replace(/[\s\u00a0\u202f]+/g, '');
    expect(headerCells.map((c) => squeeze(structText(c).join('')))).toEqual(
      table.headerRows.flatMap((r) => r.cells.map((c) => squeeze(c.content.map((p) => inlineText(p.content)).join('')))),
    );
    expect(rows.slice(table.headerRows.length).flatMap((r) => r.children).every((c) => c.role === 'TD')).toBe(true);
  });

  itTools('reads a word hyphenated at a line end whole, while the page and pdftotext keep its hyphen', () => {
    const bytes = files.combined;
    // The CHU's socle breaks « médicament » after « médica- » (justified text, hyphenation).
    expect(pdfText(bytes, { layout: true })).toMatch(/médica-\n/);
    expect(norm(pdfText(bytes))).toContain('bon usage du médicament');
    const read = norm(structText(dossier!).join(' '));
    expect(read).toContain('bon usage du médicament');
    expect(read).not.toMatch(/médica-ment|poli-tiques|l’an-nexe/);
  });

  itTools('leaves page furniture out of the structure: it is drawn, not read', () => {
    const annex = files.perDocument[1]!;
    const drawn = norm(pdfText(annex));
    const read = norm(structText(pdfStructure(annex)!).join(' '));
    expect(set.documents.some((d) => d.notices?.length)).toBe(true);
    for (const furniture of ['Page 1 / ', 'Paraphe', set.meta.title]) {
      expect(drawn).toContain(furniture);
      expect(read).not.toContain(furniture);
    }
  });

  itTools('gives each per-document file the same structure as its part of the dossier', () => {
    const docs = sects(dossier);
    files.perDocument.forEach((bytes, i) => {
      const own = sects(pdfStructure(bytes));
      expect(own.length).toBe(1);
      expect(own[0]).toEqual(docs[i]);
    });
  });
});
