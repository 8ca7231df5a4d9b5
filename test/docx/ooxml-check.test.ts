// The package checker finds each fault it is meant to find (hand-made minimal packages), so that
// its silence over the shipped DOCX (schema.test.ts) means something.

import { describe, expect, it } from 'vitest';
import { checkPackage } from './ooxml-check.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

const run = (text: string) => `<w:r><w:t>${text}</w:t></w:r>`;
const field = (instr: string) =>
  `<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText xml:space="preserve"> ${instr} </w:instrText></w:r>` +
  `<w:r><w:fldChar w:fldCharType="separate"/></w:r>${run('1')}<w:r><w:fldChar w:fldCharType="end"/></w:r>`;
const GOOD_BODY =
  `<w:p><w:bookmarkStart w:id="0" w:name="Art1"/>${run('Article 1')}<w:bookmarkEnd w:id="0"/></w:p>` +
  `<w:p><w:ins w:id="1" w:author="ARS" w:date="2021-03-01T00:00:00Z">${run('ajouté')}</w:ins>` +
  `<w:del w:id="2" w:author="ARS" w:date="2021-03-01T00:00:00Z"><w:r><w:delText>retiré</w:delText></w:r></w:del>` +
  `<w:hyperlink w:anchor="Art1">${run('article 1')}</w:hyperlink>${field('PAGEREF Art1 \\h')}</w:p>` +
  `<w:tbl><w:tblPr/><w:tblGrid><w:gridCol w:w="100"/><w:gridCol w:w="100"/></w:tblGrid>` +
  `<w:tr><w:tc><w:tcPr><w:gridSpan w:val="2"/></w:tcPr><w:p/></w:tc></w:tr>` +
  `<w:tr><w:tc><w:p/></w:tc><w:tc><w:tbl><w:tblGrid><w:gridCol w:w="50"/></w:tblGrid><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/></w:tc></w:tr></w:tbl>` +
  `<w:p/>`;
const GOOD_FOOTER = `<w:p>${field('PAGE')}<w:ins w:id="3" w:author="ARS">${run('x')}</w:ins></w:p>`;

/** A minimal sound package; each test breaks one thing. */
function pkg(body = GOOD_BODY, footer = GOOD_FOOTER, extra: Record<string, string> = {}): Map<string, string> {
  return new Map(
    Object.entries({
      '[Content_Types].xml':
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${CT}.document.main+xml"/>` +
        `<Override PartName="/word/footer1.xml" ContentType="${CT}.footer+xml"/></Types>`,
      '_rels/.rels': `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
      'word/_rels/document.xml.rels':
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/footer" Target="footer1.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/hyperlink" Target="https://www.legifrance.gouv.fr/" TargetMode="External"/></Relationships>`,
      'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${W}><w:body>${body}</w:body></w:document>`,
      'word/footer1.xml': `<w:ftr ${W}>${footer}</w:ftr>`,
      ...extra,
    }),
  );
}

const errors = (...args: Parameters<typeof pkg>) => checkPackage(pkg(...args));

describe('OOXML package checker', () => {
  it('finds nothing wrong in a sound package (fields, revisions, bookmarks, nested tables)', () => {
    expect(errors()).toEqual([]);
  });

  it('refuses deleted text outside w:del and live text inside it', () => {
    expect(errors(`<w:p><w:del w:id="9" w:author="A">${run('x')}</w:del></w:p>`)).toEqual(['word/document.xml: w:t inside w:del (deleted text must be w:delText)']);
    expect(errors(`<w:p><w:r><w:delText>x</w:delText></w:r></w:p>`)).toEqual(['word/document.xml: w:delText outside w:del']);
    expect(errors(`<w:p><w:del w:id="9" w:author="A"><w:r><w:instrText>PAGE</w:instrText></w:r></w:del></w:p>`)).toContain(
      'word/document.xml: w:instrText inside w:del (must be w:delInstrText)',
    );
  });

  it('refuses a revision id used twice, within a part or across parts', () => {
    expect(errors(`<w:p><w:ins w:id="7" w:author="A">${run('a')}</w:ins><w:del w:id="7" w:author="A"><w:r><w:delText>b</w:delText></w:r></w:del></w:p>`)).toEqual([
      'word/document.xml: revision id 7 already used in word/document.xml',
    ]);
    expect(errors(GOOD_BODY, `<w:p><w:ins w:id="1" w:author="A">${run('x')}</w:ins></w:p>`)).toEqual(['word/footer1.xml: revision id 1 already used in word/document.xml']);
  });

  it('refuses unmatched bookmarks, reused ids and names (case-insensitive, across parts)', () => {
    expect(errors(`<w:p><w:bookmarkStart w:id="0" w:name="A"/></w:p>`)).toEqual(['word/document.xml: bookmark 0 « A » never ends']);
    expect(errors(`<w:p><w:bookmarkEnd w:id="4"/></w:p>`)).toEqual(['word/document.xml: w:bookmarkEnd 4 without a preceding w:bookmarkStart']);
    expect(errors(`<w:p><w:bookmarkStart w:id="0" w:name="A"/><w:bookmarkEnd w:id="0"/><w:bookmarkStart w:id="0" w:name="B"/><w:bookmarkEnd w:id="0"/></w:p>`)).toContain(
      'word/document.xml: bookmark id 0 not unique (« B »)',
    );
    expect(errors(GOOD_BODY, `<w:p><w:bookmarkStart w:id="0" w:name="ART1"/><w:bookmarkEnd w:id="0"/></w:p>`)).toEqual([
      'word/footer1.xml: bookmark name « ART1 » already used in word/document.xml',
    ]);
  });

  it('refuses references to bookmarks that do not exist (REF, PAGEREF, hyperlink anchors)', () => {
    expect(errors(GOOD_BODY, `<w:p>${field('PAGEREF _FinDocument2 \\h')}</w:p>`)).toEqual(['word/footer1.xml: reference to bookmark « _FinDocument2 », which no part defines']);
    expect(errors(GOOD_BODY.replace('w:anchor="Art1"', 'w:anchor="Art9"'))).toEqual(['word/document.xml: reference to bookmark « Art9 », which no part defines']);
  });

  it('refuses rows that do not span the grid, and cells not ending with a paragraph', () => {
    const table = (rows: string) => `<w:tbl><w:tblGrid><w:gridCol w:w="1"/><w:gridCol w:w="1"/><w:gridCol w:w="1"/></w:tblGrid>${rows}</w:tbl><w:p/>`;
    const cell = (span = 1) => `<w:tc>${span > 1 ? `<w:tcPr><w:gridSpan w:val="${span}"/></w:tcPr>` : ''}<w:p/></w:tc>`;
    expect(errors(table(`<w:tr>${cell()}${cell(2)}</w:tr><w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${cell()}${cell()}</w:tr>`))).toEqual([]);
    expect(errors(table(`<w:tr>${cell()}${cell()}</w:tr><w:tr>${cell(2)}${cell(2)}</w:tr>`))).toEqual([
      'word/document.xml: table 1, row 1: cells span 2 grid columns, w:tblGrid has 3',
      'word/document.xml: table 1, row 2: cells span 4 grid columns, w:tblGrid has 3',
    ]);
    expect(errors(table(`<w:tr>${cell(3).replace('<w:p/>', '')}</w:tr>`))).toEqual(['word/document.xml: table 1, row 1: a cell does not end with a w:p']);
    expect(errors(`<w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/>`)).toEqual([
      'word/document.xml: table 1: no w:tblGrid columns',
      'word/document.xml: table 1, row 1: cells span 1 grid columns, w:tblGrid has 0',
    ]);
  });

  it('refuses unbalanced fields and instruction text outside a field', () => {
    const begin = '<w:r><w:fldChar w:fldCharType="begin"/></w:r>';
    const sep = '<w:r><w:fldChar w:fldCharType="separate"/></w:r>';
    const end = '<w:r><w:fldChar w:fldCharType="end"/></w:r>';
    const instr = '<w:r><w:instrText>PAGE</w:instrText></w:r>';
    const say = (m: string) => [`word/footer1.xml: ${m}`];
    expect(errors(GOOD_BODY, `<w:p>${begin}${instr}${sep}${run('1')}</w:p>`)).toEqual(say('1 field(s) never end'));
    expect(errors(GOOD_BODY, `<w:p>${run('1')}${end}</w:p>`)).toEqual(say('w:fldChar end without a matching begin'));
    expect(errors(GOOD_BODY, `<w:p>${begin}${instr}${sep}${sep}${end}</w:p>`)).toEqual(say('w:fldChar separate without a field open in its instruction'));
    expect(errors(GOOD_BODY, `<w:p>${begin}${sep}${instr}${end}</w:p>`)).toEqual(say('<w:instrText> outside a field instruction (no open w:fldChar begin)'));
    // Nested fields are fine when balanced.
    expect(errors(GOOD_BODY, `<w:p>${begin}${instr}${begin}${instr}${sep}${end}${sep}${end}</w:p>`)).toEqual([]);
  });

  it('refuses parts without a content type and relationships to missing parts', () => {
    expect(checkPackage(pkg(GOOD_BODY, GOOD_FOOTER, { 'media/logo.png': '' }))).toEqual(['[Content_Types].xml: no content type for media/logo.png']);
    const p = pkg();
    p.delete('word/footer1.xml');
    expect(checkPackage(p)).toEqual([
      '[Content_Types].xml: override for missing part /word/footer1.xml',
      'word/_rels/document.xml.rels: relationship rId1 targets missing part word/footer1.xml',
    ]);
  });

  it('says so when a part uses markup compatibility or binds w: to another namespace', () => {
    const mc = pkg();
    mc.set('word/footer1.xml', `<w:ftr ${W} xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="w14">${GOOD_FOOTER}</w:ftr>`);
    expect(checkPackage(mc)).toEqual(['word/footer1.xml: markup compatibility (mc:) used: strip its ignorable namespaces before validating']);
    const other = pkg();
    other.set('word/footer1.xml', `<w:ftr xmlns:w="http://purl.oclc.org/ooxml/wordprocessingml/main">${GOOD_FOOTER}</w:ftr>`);
    expect(checkPackage(other)).toContain('word/footer1.xml: xmlns:w is « http://purl.oclc.org/ooxml/wordprocessingml/main », not WordprocessingML');
  });
});
