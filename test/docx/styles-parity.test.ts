// One typography in both formats (issue 13, item 5): the DOCX base styles carry the sizes,
// leadings, spacings, alignment and face the PDF layout uses (src/layout/styles.ts), so that
// LibreOffice and Word paginate the DOCX like our PDF.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ParagraphStyle } from '../../src/ir/types.ts';
import { headingStyle, LIST_INDENT, CELL_PAD_X, CELL_PAD_Y, PARAGRAPH_STYLES, type TextStyle } from '../../src/layout/styles.ts';
import { sharedFontBook } from '../../src/layout/fonts.ts';
import { HEADING_STYLE_IDS, PARAGRAPH_STYLE_IDS } from '../../src/writers/docx/paragraph.ts';

const xml = readFileSync(new URL('../../templates/_base-docx/word/styles.xml', import.meta.url), 'utf8');

/** The effective value of `attr` on `tag` for a style, following w:basedOn up to docDefaults. */
function styleValue(id: string, tag: string, attr: string): string | undefined {
  for (let cur: string | undefined = id; cur; ) {
    const block: string | undefined = new RegExp(`<w:style [^>]*w:styleId="${cur}">([\\s\\S]*?)</w:style>`).exec(xml)?.[1];
    if (!block) throw new Error(`style ${cur} absent de styles.xml`);
    const v = new RegExp(`<${tag}\\b[^>]*\\b${attr}="([^"]+)"`).exec(block)?.[1];
    if (v !== undefined) return v;
    cur = /<w:basedOn w:val="([^"]+)"/.exec(block)?.[1];
  }
  return new RegExp(`<w:docDefaults>[\\s\\S]*<${tag}\\b[^>]*\\b${attr}="([^"]+)"[\\s\\S]*</w:docDefaults>`).exec(xml)?.[1];
}

function docxStyle(id: string) {
  const n = (tag: string, attr: string) => Number(styleValue(id, tag, attr) ?? 0);
  const jc = styleValue(id, 'w:jc', 'w:val');
  return {
    size: n('w:sz', 'w:val') / 2,
    leading: n('w:spacing', 'w:line') / 20,
    lineRule: styleValue(id, 'w:spacing', 'w:lineRule'),
    before: n('w:spacing', 'w:before') / 20,
    after: n('w:spacing', 'w:after') / 20,
    align: jc === 'both' ? 'justify' : jc,
  };
}

const pdf = (s: TextStyle) => ({ size: s.size, leading: s.leading, lineRule: 'atLeast', before: s.spaceBefore, after: s.spaceAfter, align: s.align });

describe('DOCX styles = PDF styles', () => {
  it.each(Object.keys(PARAGRAPH_STYLE_IDS).filter((k) => k !== 'cell' && k !== 'cellCenter') as ParagraphStyle[])('paragraph style %s', (style) => {
    expect(docxStyle(PARAGRAPH_STYLE_IDS[style])).toEqual(pdf(PARAGRAPH_STYLES[style]));
  });

  it.each([1, 2, 3, 4] as const)('heading level %s', (level) => {
    expect(docxStyle(HEADING_STYLE_IDS[level])).toEqual(pdf(headingStyle({ type: 'heading', level, content: [] })));
  });

  it('table cells: size, leading, spacing after and cell margins', () => {
    const c = PARAGRAPH_STYLES.cell;
    expect(docxStyle('Cellule')).toMatchObject({ size: c.size, leading: c.leading, after: c.spaceAfter, before: 0 });
    const mar = /<w:tblCellMar>([\s\S]*?)<\/w:tblCellMar>/.exec(xml)![1]!;
    const m = (side: string) => Number(new RegExp(`<w:${side} w:w="(\\d+)"`).exec(mar)![1]) / 20;
    expect([m('top'), m('left'), m('bottom'), m('right')]).toEqual([CELL_PAD_Y, CELL_PAD_X, CELL_PAD_Y, CELL_PAD_X]);
  });

  it('lists: same hanging indent', () => {
    expect(Number(styleValue('Liste', 'w:ind', 'w:left')) / 20).toBe(LIST_INDENT);
  });

  it('same face: the family the DOCX names is the one the PDF embeds', () => {
    const family = /<w:rFonts w:ascii="([^"]+)"/.exec(xml)![1];
    expect(sharedFontBook().face('serif').font.familyName).toBe(family);
  });
});
