// Section properties: one section per IR document, each with its own header/footer pair.

import type { PageGeometry } from './page.ts';
import { attrs, empty } from './xml.ts';

export interface SectionRefs {
  readonly headerRelId: string;
  readonly footerRelId: string;
}

/**
 * Every section starts on a new page and restarts page numbering at 1, so PAGE / SECTIONPAGES
 * read "Page 1 / 3" within each document of a combined DOCX.
 */
export function sectPr(geometry: PageGeometry, refs: SectionRefs): string {
  const g = geometry;
  const size: [string, number | string][] = [
    ['w:w', g.width],
    ['w:h', g.height],
  ];
  if (g.orientation === 'landscape') size.push(['w:orient', 'landscape']);
  return (
    '<w:sectPr>' +
    `<w:headerReference${attrs([['w:type', 'default'], ['r:id', refs.headerRelId]])}/>` +
    `<w:footerReference${attrs([['w:type', 'default'], ['r:id', refs.footerRelId]])}/>` +
    '<w:type w:val="nextPage"/>' +
    empty('w:pgSz', size) +
    empty('w:pgMar', [
      ['w:top', g.margin],
      ['w:right', g.margin],
      ['w:bottom', g.margin],
      ['w:left', g.margin],
      ['w:header', g.headerDistance],
      ['w:footer', g.footerDistance],
      ['w:gutter', 0],
    ]) +
    '<w:pgNumType w:start="1"/>' +
    '<w:cols w:space="708"/>' +
    '</w:sectPr>'
  );
}
