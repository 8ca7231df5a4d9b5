// The PDF as real clients see it: qpdf structure check, fonts, metadata, determinism.
import { beforeAll, describe, expect, it } from 'vitest';
import { layoutDocumentSet, FontBook } from '../../src/layout/index.ts';
import { drawPdf, renderPdf, writePdf } from '../../src/writers/pdf/index.ts';
import { hasPoppler, hasQpdf, pdfFonts, pdfInfo, pdfText, qpdfCheck, qpdfObjects, qpdfOutline, words } from '../helpers/poppler.ts';
import { glyphFallback, stressSet } from './fixtures.ts';
import { doc, p, set } from './builders.ts';

const tools = hasPoppler() && hasQpdf();
if (!tools) console.warn('⚠ poppler-utils ou qpdf absent : tests PDF par clients réels IGNORÉS (apt-get install poppler-utils qpdf)');
const itTools = tools ? it : it.skip;

describe('PDF structure', () => {
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await writePdf(stressSet());
  });

  it('starts with a version header, a binary comment and an uncompressed XMP packet', () => {
    const head = Buffer.from(bytes.subarray(0, 16)).toString('latin1');
    expect(head.startsWith('%PDF-1.7\n%')).toBe(true);
    const text = Buffer.from(bytes).toString('utf8');
    expect(text).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(text).toContain('<pdfaid:conformance>A</pdfaid:conformance>');
    expect(text).toContain('<xmp:CreateDate>2019-06-28T00:00:00Z</xmp:CreateDate>');
    expect(text).toContain('<dc:creator><rdf:Seq><rdf:li>Agence régionale de santé Occitanie</rdf:li></rdf:Seq></dc:creator>');
  });

  itTools('declares an sRGB output intent, a language and a file identifier', () => {
    const q = qpdfObjects(bytes);
    const catalog = q.object(q.trailer['/Root'] as string);
    expect(catalog['/Lang']).toBe('u:fr-FR');
    const [intent] = catalog['/OutputIntents'] as Array<Record<string, unknown>>;
    expect(intent).toMatchObject({ '/S': '/GTS_PDFA1', '/OutputConditionIdentifier': 'u:sRGB IEC61966-2.1' });
    const profile = q.object(intent!['/DestOutputProfile'] as string);
    expect(profile['/N']).toBe(3);
    const [a, b] = q.trailer['/ID'] as string[];
    expect(a).toMatch(/^b:[0-9a-f]{32}$/);
    expect(b).toBe(a);
  });

  itTools('passes qpdf --check', () => {
    const r = qpdfCheck(bytes);
    expect(r.output).toContain('No syntax or stream encoding errors');
    expect(r.ok).toBe(true);
  });

  itTools('embeds every font, as subsets with a ToUnicode map', () => {
    const fonts = pdfFonts(bytes);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f, f.name).toMatchObject({ embedded: true, subset: true, unicode: true });
      expect(f.name).toMatch(/^[A-Z]{6}\+(LiberationSerif|DejaVuSans)/);
    }
  });

  itTools('carries the metadata from the data, not the clock', () => {
    const info = pdfInfo(bytes);
    expect(info.Title).toBe('CPOM 2019-2023 — CH de Val-d’Orb');
    expect(info.Subject).toBe('Contrat pluriannuel d’objectifs et de moyens');
    expect(info.Author).toBe('Agence régionale de santé Occitanie');
    expect(info.CreationDate).toBe('2019-06-28T00:00:00Z');
    expect(info.ModDate).toBe('2019-06-28T00:00:00Z');
    expect(info.Producer).toBe('cpom (pdf-lib 1.17.1)');
    expect(info['Metadata Stream']).toBe('yes');
    expect(info['Page size']).toContain('595.28 x 841.89');
  });

  it('is byte-identical for identical input, even with cold font caches', async () => {
    const again = await writePdf(stressSet());
    expect(Buffer.from(again).equals(Buffer.from(bytes))).toBe(true);
    const fresh = new FontBook();
    const cold = await drawPdf(stressSet(), layoutDocumentSet(stressSet(), fresh), fresh);
    expect(Buffer.from(cold).equals(Buffer.from(bytes))).toBe(true);
  });

  itTools('changes its identifier when the content changes', async () => {
    const s = stressSet();
    const other = await writePdf({ ...s, meta: { ...s.meta, date: '2019-07-01' } });
    const id = (b: Uint8Array): unknown => (qpdfObjects(b).trailer['/ID'] as string[])[0];
    expect(id(other)).not.toBe(id(bytes));
  });

  itTools('renders only the requested documents, titled with the document name', async () => {
    const one = await writePdf(stressSet(), { documents: ['annexe-02-rc'] });
    const info = pdfInfo(one);
    expect(info.Title).toBe('CPOM 2019-2023 — CH de Val-d’Orb — Annexe 2 — Reconnaissances contractuelles');
    const text = pdfText(one);
    expect(text).toContain('Reconnaissance 1');
    expect(text).not.toContain('Contrat socle');
    await expect(writePdf(stressSet(), { documents: ['inconnu'] })).rejects.toThrow(/inconnu/);
  });

  itTools('has one bookmark per document, numbered headings nested under it', () => {
    const outline = qpdfOutline(bytes);
    expect(outline.map((o) => o.title)).toEqual([
      'Contrat socle',
      'Annexe 1 — Orientations stratégiques',
      'Annexe 2 — Reconnaissances contractuelles',
      'Annexe 3 — Cellule très longue',
    ]);
    const socle = outline[0]!;
    expect(socle.page).toBe(1);
    expect(socle.kids.map((k) => k.title)).toEqual(['Titre 1 – L’objet du contrat', 'Titre 2 – La mise en œuvre du contrat']);
    expect(socle.kids[0]!.kids.map((k) => k.title)).toEqual(['Article 1 – Les fondements', 'Article 2 – Les orientations stratégiques']);
    expect(socle.kids[1]!.kids.map((k) => k.title)).toContain('Article 4 – Durée du contrat et entrée en vigueur');
    expect(socle.kids[1]!.kids[0]!.kids.map((k) => k.title)).toEqual(['Article 3.1 – Le suivi annuel']);
    // Annex 1 is the third page onwards: its entry points at its first page.
    expect(outline[1]!.page).toBeGreaterThan(socle.page);
    expect(outline[2]!.kids.map((k) => k.title).slice(0, 2)).toEqual(['Article 1 – Reconnaissance 1', 'Article 2 – Reconnaissance 2']);
  });
});

describe('text encoding', () => {
  itTools('escapes glyph bytes that are PDF delimiters or line ends', async () => {
    // In Liberation Serif (as in DejaVu Serif), E, F, y, ' and * have glyph ids 0x28 "(", 0x29 ")", 0x5C "\\", 0x0A, 0x0D.
    const probe = "EFy'* (a) \\ Ey'FE";
    const bytes = await writePdf(set([doc('e', 'Échappements', [p(probe)])]));
    expect(qpdfCheck(bytes).ok).toBe(true);
    expect(pdfText(bytes)).toContain(probe);
  });
});

describe('glyph coverage', () => {
  itTools('draws symbols from DejaVu Sans and replaces the rest with a visible □ and a warning', async () => {
    const r = await renderPdf(set([glyphFallback()]));
    expect(r.warnings).toHaveLength(1);
    expect(r.warnings[0]!.code).toBe('PDF-GLYPHE-ABSENT');
    expect(r.warnings[0]!.message).toContain('U+6F22');
    const fonts = pdfFonts(r.bytes).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(fonts).toContain('DejaVuSans');
    const w = words(pdfText(r.bytes));
    expect(w).toContain('✓');
    expect(w).toContain('☐');
    expect(w).toContain('→');
    expect(w).toContain('□');
    expect(w).not.toContain('漢');
  });
});
