// OOXML structure of the generated package, read back from the zip.

import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { fillMainPart, loadBase } from '../../src/writers/docx/package.ts';
import { pageGeometry } from '../../src/writers/docx/page.ts';
import { itWith } from '../helpers/libreoffice.ts';
import { cell, doc, docSet, fillers, h, kitchenSink, p, party, row, signature, table, twoPartySignature } from './fixtures.ts';
import { count, docxParts, part, xmlErrors } from './parts.ts';

const combined = docSet([
  kitchenSink(),
  doc('annexe-01', [h(1, 'Annexe 1'), ...fillers(3)], { orientation: 'landscape', paraphe: ['titulaire', 'ars'] }),
  doc('annexe-02', [h(1, 'Annexe 2'), p('Texte')], { paraphe: ['ch-beziers'] }),
]);
const parts = docxParts(writeDocx(combined));
const main = part(parts, 'word/document.xml');

describe('package', () => {
  itWith(['python3'])('has only well-formed XML parts', () => {
    const errors = xmlErrors(parts);
    expect(Object.keys(errors).length).toBeGreaterThan(10);
    expect(Object.entries(errors).filter(([, e]) => e !== null)).toEqual([]);
  });

  it('declares one header and one footer part per document, with relationships', () => {
    const types = part(parts, '[Content_Types].xml');
    const rels = part(parts, 'word/_rels/document.xml.rels');
    for (const n of [1, 2, 3]) {
      expect(parts.has(`word/header${n}.xml`)).toBe(true);
      expect(parts.has(`word/footer${n}.xml`)).toBe(true);
      expect(types).toContain(`PartName="/word/header${n}.xml"`);
      expect(types).toContain(`PartName="/word/footer${n}.xml"`);
      expect(rels).toContain(`Id="rIdHeader${n}"`);
      expect(rels).toContain(`Target="footer${n}.xml"`);
    }
    expect(parts.has('word/header4.xml')).toBe(false);
  });

  it('fills the {@body} tag and leaves no template tag or "undefined" behind', () => {
    expect(main).not.toContain('{@body}');
    expect(main).not.toContain('undefined');
    expect(main).toContain('Contrat pluriannuel d’objectifs et de moyens');
  });

  it('fails loudly when a base tag has no value instead of printing "undefined"', () => {
    expect(() => fillMainPart(loadBase(), {})).toThrow(/body/);
  });

  it('splices the body where docxtemplater itself puts it (same main part, byte for byte)', () => {
    // The writer lets docxtemplater fill the base once, then splices each body: compare with
    // docxtemplater rendering this very body.
    const body = main.slice(main.indexOf('<w:body>') + '<w:body>'.length, main.lastIndexOf('</w:body>'));
    const zip = new PizZip();
    for (const [name, bytes] of loadBase()) zip.file(name, bytes);
    const direct = new Docxtemplater(zip, { paragraphLoop: true }).render({ body }).getZip().file('word/document.xml')!.asText();
    expect(fillMainPart(loadBase(), { body })).toBe(direct);
  });

  it('writes core properties from the set metadata', () => {
    const core = part(parts, 'docProps/core.xml');
    expect(core).toContain('<dc:title>CPOM 2019-2023 — CH de Val-d’Orb</dc:title>');
    expect(core).toContain('<dc:creator>ARS Occitanie</dc:creator>');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2019-06-28T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2019-06-28T00:00:00Z</dcterms:modified>');
  });

  it('sets French language, Liberation Serif 10.5 pt and justified Normal in the styles', () => {
    const styles = part(parts, 'word/styles.xml');
    expect(styles).toContain('<w:lang w:val="fr-FR"');
    expect(styles).toContain('w:ascii="Liberation Serif"');
    expect(styles).toMatch(/<w:sz w:val="21"\/>/);
    expect(styles).toMatch(/w:styleId="Normal">[\s\S]*?<w:jc w:val="both"\/>/);
    for (const lvl of [1, 2, 3, 4]) expect(styles).toMatch(new RegExp(`w:styleId="Heading${lvl}">[\\s\\S]*?<w:outlineLvl w:val="${lvl - 1}"/>`));
  });
});

describe('sections', () => {
  const sects = [...main.matchAll(/<w:sectPr>([\s\S]*?)<\/w:sectPr>/g)].map((m) => m[1] ?? '');

  it('gives every document its own section, header, footer and page numbering from 1', () => {
    expect(sects).toHaveLength(3);
    sects.forEach((s, i) => {
      expect(s).toContain(`<w:headerReference w:type="default" r:id="rIdHeader${i + 1}"/>`);
      expect(s).toContain(`<w:footerReference w:type="default" r:id="rIdFooter${i + 1}"/>`);
      expect(s).toContain('<w:type w:val="nextPage"/>');
      expect(s).toContain('<w:pgNumType w:start="1"/>');
      expect(s).toContain('w:top="1134" w:right="1134" w:bottom="1134" w:left="1134"');
    });
    expect(sects[0]).toContain('<w:pgSz w:w="11906" w:h="16838"/>');
    expect(sects[1]).toContain('<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>');
    // The last section's properties close the body, the others sit in their last paragraph.
    expect(main).toMatch(/<\/w:sectPr>\s*<\/w:body>/);
    expect(count(main, /<\/w:sectPr><\/w:pPr>/)).toBe(2);
  });

  it('counts pages per document with a PAGEREF to a bookmark ending each document', () => {
    for (const n of [1, 2, 3]) {
      expect(count(main, new RegExp(`w:name="_FinDocument${n}"`))).toBe(1);
      const footer = part(parts, `word/footer${n}.xml`);
      expect(footer).toContain('<w:instrText xml:space="preserve"> PAGE </w:instrText>');
      expect(footer).toContain(`<w:instrText xml:space="preserve"> PAGEREF _FinDocument${n} </w:instrText>`);
    }
  });

  it('puts the header title and document name in the header, right tab at the text width', () => {
    const header = part(parts, 'word/header2.xml');
    expect(header).toContain('CPOM 2019-2023 — modèle-type DGOS');
    expect(header).toContain('Document annexe-01');
    expect(header).toContain(`w:pos="${pageGeometry('landscape').textWidth}"`);
  });

  it('prints a bordered paraphe box per party only on documents that have paraphes', () => {
    expect(part(parts, 'word/footer1.xml')).not.toContain('Paraphe');
    const f2 = part(parts, 'word/footer2.xml');
    expect(f2).toContain('Paraphe — titulaire');
    expect(f2).toContain('Paraphe — ARS');
    expect(f2).toContain('<w:trHeight w:val="737" w:hRule="exact"/>');
    expect(count(f2, /<w:tc>/)).toBe(2);
    expect(part(parts, 'word/footer3.xml')).toContain('Paraphe — ch-beziers');
  });
});

describe('body', () => {
  it('styles headings with heading styles and prints number + separator + content', () => {
    expect(main).toMatch(/<w:pStyle w:val="Heading2"\/><w:keepNext\/><\/w:pPr><w:r><w:t xml:space="preserve">Titre I – <\/w:t>/);
    expect(main).toContain('<w:t xml:space="preserve">Article 1 - </w:t>');
    expect(main).toContain('<w:t xml:space="preserve">1.1 : </w:t>');
  });

  it('escapes text and drops control characters', () => {
    expect(main).toContain('A &amp; B &lt; C &gt; D &quot; E &apos; F ]]&gt; &lt;w:p&gt; « guillemets » 😀  fin');
    // eslint-disable-next-line no-control-regex
    expect(main).not.toMatch(/[\u0000-\u0008\u000B\u000C\u000E-\u001F]/);
  });

  it('links cross-references to the heading bookmark', () => {
    expect(main).toMatch(/<w:bookmarkStart w:id="\d+" w:name="ref_art_1"\/>/);
    expect(main).toContain('<w:hyperlink w:anchor="ref_art_1" w:history="1"><w:r><w:t xml:space="preserve">article 1</w:t></w:r></w:hyperlink>');
  });

  it('writes tracked changes as w:ins / w:del with author and date', () => {
    expect(main).toMatch(/<w:ins w:id="\d+" w:author="ARS Occitanie" w:date="2021-03-01T00:00:00Z"><w:r><w:t xml:space="preserve">ajouté<\/w:t>/);
    expect(main).toMatch(/<w:del w:id="\d+" w:author="ARS Occitanie" w:date="2021-03-01T00:00:00Z"><w:r><w:delText xml:space="preserve">retiré<\/w:delText>/);
  });

  it('writes lists as hanging-indent paragraphs with the IR marker', () => {
    expect(main).toContain('<w:pStyle w:val="Liste"/></w:pPr><w:r><w:t xml:space="preserve">1.</w:t><w:tab/>');
    expect(main).toContain('<w:t xml:space="preserve">•</w:t><w:tab/>');
  });

  it('writes the page break', () => {
    expect(main).toContain('<w:p><w:r><w:br w:type="page"/></w:r></w:p>');
  });
});

describe('tables', () => {
  const tables = [...main.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]);
  const grid = tables[0] ?? '';

  it('scales the grid to the text width', () => {
    const cols = [...grid.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(cols).toEqual([4819, 2410, 2409]);
    expect(cols.reduce((a, b) => a + b, 0)).toBe(pageGeometry('portrait').textWidth);
  });

  it('keeps the header with the first two rows and the last row with the one before it', () => {
    // R1 has an empty cell: its placeholder paragraph must carry the keep too.
    const five = table([1, 1], [row('Code', 'Libellé')], ['R1', 'R2', 'R3', 'R4', 'R5'].map((r) => row(r, r === 'R1' ? '' : `ligne ${r}`)));
    const xml = part(docxParts(writeDocx(docSet([doc('t', [five])]))), 'word/document.xml');
    const rows = [...xml.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows).toHaveLength(6);
    const kept = rows.map((r) => count(r, /<w:keepNext\/>/) === count(r, /<w:p>/));
    expect(count(rows[1]!, /<w:p>/)).toBe(2);
    expect(kept).toEqual([true, true, false, false, true, false]);
    expect(count(rows[2]!, /<w:keepNext\/>/)).toBe(0);
  });

  it('repeats header rows, spans columns and restores covered cells as vMerge continuations', () => {
    expect(count(grid, /<w:tblHeader\/>/)).toBe(1);
    expect(count(grid, /<w:tr>/)).toBe(4);
    expect(grid).toContain('<w:gridSpan w:val="2"/>');
    expect(count(grid, /<w:vMerge w:val="restart"\/>/)).toBe(1);
    expect(count(grid, /<w:vMerge\/>/)).toBe(1);
    // Every row covers the 3 grid columns: cells + extra spans.
    for (const tr of grid.split('<w:tr>').slice(1)) {
      const spans = [...tr.matchAll(/<w:gridSpan w:val="(\d+)"\/>/g)].reduce((a, m) => a + Number(m[1]) - 1, 0);
      expect(count(tr, /<w:tc>/) + spans).toBe(3);
    }
  });

  it('shades header cells, applies the font size and cell styles', () => {
    expect(count(grid, /w:fill="D9D9D9"/)).toBe(3);
    expect(grid).toContain('<w:sz w:val="18"/><w:szCs w:val="18"/>');
    expect(grid).toContain('<w:pStyle w:val="CelluleCentre"/>');
    expect(grid).toContain('<w:pStyle w:val="Cellule"/>');
    expect(grid).toContain('<w:insideV w:val="single"');
  });

  it('draws only horizontal rules on form tables, and separates adjacent tables', () => {
    const form = tables[1] ?? '';
    expect(form).toContain('<w:tblStyle w:val="TableauFormulaire"/>');
    expect(form).toContain('<w:insideH w:val="single"');
    expect(form).toContain('<w:insideV w:val="nil"/>');
    expect(main).not.toContain('</w:tbl><w:tbl>');
  });

  it('rejects tables whose rows do not fill the grid (a pipeline bug)', () => {
    const bad = (t: ReturnType<typeof table>) => () => writeDocx(docSet([doc('x', [t])]));
    expect(bad(table([1, 1], [], [row('a')]))).toThrow(/grid column 2/);
    expect(bad(table([1, 1], [], [row('a', 'b', 'c')]))).toThrow(/beyond/);
    expect(bad(table([1, 1], [], [row(cell('a', { rowSpan: 3 }), 'b'), row('c')]))).toThrow(/past the last row/);
    expect(bad(table([1, 1], [], [row(cell('a', { rowSpan: 2 }), 'b'), row(cell('c', { colSpan: 2 }))]))).toThrow(/overlaps/);
  });
});

describe('signature block', () => {
  const sigTable = [...main.matchAll(/<w:tbl>[\s\S]*?<\/w:tbl>/g)].map((m) => m[0]).at(-1) ?? '';

  it('keeps the lead-in with the table', () => {
    const lead = main.slice(main.indexOf('(SIGLEAD1)') - 300, main.indexOf('(SIGLEAD2)'));
    expect(lead).toContain('<w:keepNext/>');
    expect(main).toMatch(/<w:keepNext\/><\/w:pPr><w:r><w:t xml:space="preserve">En deux exemplaires originaux \(SIGLEAD2\)/);
  });

  it('is a borderless table with unsplittable rows and keepNext on every paragraph but the last', () => {
    expect(sigTable).toContain('<w:tblStyle w:val="TableauSimple"/>');
    expect(sigTable).not.toMatch(/w:val="single"/);
    // One row per band (qualities, signature space, names, mentions): names and mentions of
    // every column share a row, hence a baseline, however the qualities wrap.
    expect(count(sigTable, /<w:tr><w:trPr><w:cantSplit\/>/)).toBe(4);
    expect(count(sigTable, /<w:trHeight w:val="1417" w:hRule="exact"\/>/)).toBe(1);
    const rows = [...sigTable.matchAll(/<w:tr>[\s\S]*?<\/w:tr>/g)].map((m) => m[0]);
    expect(rows[2]).toMatch(/<w:b\/>[\s\S]*<w:b\/>/);
    const paras = [...sigTable.matchAll(/<w:p>[\s\S]*?<\/w:p>/g)].map((m) => m[0]);
    expect(paras.length).toBeGreaterThan(8);
    expect(paras.slice(0, -1).every((x) => x.includes('<w:keepNext/>'))).toBe(true);
    expect(paras.at(-1)).not.toContain('<w:keepNext/>');
    expect(sigTable).toMatch(/<w:i\/><w:iCs\/><w:sz w:val="17"\/>[\s\S]*?SIGA4/);
  });

  it('lays out more than three parties on several rows', () => {
    const parties = ['a', 'b', 'c', 'd'].map((id) => party(id, [`Pour ${id}`], `Signataire ${id}`));
    const xml = part(docxParts(writeDocx(docSet([doc('x', [signature(['Fait à Paris'], parties)])]))), 'word/document.xml');
    // Two rows of parties, three bands each (no mentions).
    expect(count(xml, /<w:cantSplit\/>/)).toBe(6);
    expect(count(xml, /<w:gridCol /)).toBe(3);
  });
});

describe('options and errors', () => {
  it('writes only the requested documents, in the set order', () => {
    const sub = docxParts(writeDocx(combined, { documents: ['annexe-02', 'annexe-01'] }));
    const xml = part(sub, 'word/document.xml');
    expect(xml).not.toContain('Contrat pluriannuel');
    expect(xml.indexOf('Annexe 1')).toBeLessThan(xml.indexOf('Annexe 2'));
    expect(sub.has('word/header3.xml')).toBe(false);
    // A reference to a heading outside this DOCX prints its text without a dangling link.
    expect(xml).not.toContain('w:anchor=');
  });

  it('throws on unknown document ids, unresolved references and bad dates (pipeline bugs)', () => {
    expect(() => writeDocx(combined, { documents: ['nope'] })).toThrow(/nope/);
    expect(() => writeDocx(docSet([doc('x', [p([{ type: 'ref', target: 'art-9' }])])]))).toThrow(/art-9/);
    expect(() => writeDocx(docSet([doc('x', [])], { date: '28/06/2019' }))).toThrow(/meta.date/);
    expect(() => writeDocx(docSet([]))).toThrow();
  });

  it('keeps a signature block alone in a document valid', () => {
    const xml = part(docxParts(writeDocx(docSet([doc('x', [twoPartySignature()])]))), 'word/document.xml');
    expect(xml).toMatch(/<\/w:tbl><w:p><w:pPr><w:pStyle w:val="Filet"\/>/);
  });
});
