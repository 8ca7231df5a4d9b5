// Running header and footer parts, one pair per IR document (= per section).

import type { Document } from '../../ir/types.ts';
import { fieldCode, fieldRuns, textRun } from './inline.ts';
import { ptToHalfPoints, type PageGeometry } from './page.ts';
import { paragraph } from './paragraph.ts';
import { tblGrid, tblPr } from './table.ts';
import { empty } from './xml.ts';

const PART_NS =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

const XML_DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Party ids whose printed label differs from the id; other ids (partners) print as-is. */
const PARTY_LABELS: Readonly<Record<string, string>> = {
  ars: 'ARS',
  titulaire: 'titulaire',
};

export function parapheLabel(party: string): string {
  return `Paraphe — ${PARTY_LABELS[party] ?? party}`;
}

/** Paraphe box size: wide enough for the label at 7 pt, tall enough for initials. */
const PARAPHE_WIDTH = 2552; // 4.5 cm
const PARAPHE_HEIGHT = 737; // 1.3 cm, exact so every page reserves the same space

const BOX_BORDERS =
  '<w:tblBorders>' +
  ['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
    .map((s) => `<w:${s} w:val="single" w:sz="4" w:space="0" w:color="000000"/>`)
    .join('') +
  '</w:tblBorders>';

function parapheTable(parties: readonly string[], labels?: readonly string[]): string {
  const widths = parties.map(() => PARAPHE_WIDTH);
  const cells = parties
    .map(
      (party, i) =>
        `<w:tc><w:tcPr>${empty('w:tcW', [['w:w', PARAPHE_WIDTH], ['w:type', 'dxa']])}</w:tcPr>` +
        `${paragraph({ styleId: 'Paraphe' }, textRun(labels?.[i] ?? parapheLabel(party)))}</w:tc>`,
    )
    .join('');
  const trPr = `<w:trPr><w:cantSplit/>${empty('w:trHeight', [['w:val', PARAPHE_HEIGHT], ['w:hRule', 'exact']])}</w:trPr>`;
  return (
    `<w:tbl>${tblPr('TableauGrille', PARAPHE_WIDTH * parties.length, BOX_BORDERS, 'right')}` +
    `${tblGrid(widths)}<w:tr>${trPr}${cells}</w:tr></w:tbl>`
  );
}

/** A notice line: bold, centred, in black, above the running header of every page. */
const NOTICE_FORMAT = { bold: true, halfPoints: ptToHalfPoints(8) } as const;

/**
 * Header: the document's notices (« Texte reconstitué… », « Version consolidée… »), then the
 * model title on the left and the document name flush right.
 */
export function headerPart(doc: Document, geometry: PageGeometry): string {
  const notices = (doc.notices ?? []).map((n) => paragraph({ jc: 'center', spacing: { before: 0, after: 0 } }, textRun(n, NOTICE_FORMAT))).join('');
  const runs = `${textRun(doc.headerTitle)}<w:r><w:tab/></w:r>${textRun(doc.name)}`;
  return `${XML_DECL}<w:hdr ${PART_NS}>${notices}${paragraph({ styleId: 'EnTete', rightTab: geometry.textWidth }, runs)}</w:hdr>`;
}

/**
 * Footer: "Page X / Y" where Y counts the pages of this document only (see fieldCode),
 * preceded by the paraphe boxes when the document has any.
 */
export function footerPart(doc: Document, endBookmark: string): string {
  const nbsp = '\u00A0';
  const pageLine = paragraph(
    { styleId: 'PiedDePage' },
    textRun(`Page${nbsp}`) +
      fieldRuns(fieldCode('page', endBookmark)) +
      textRun(`${nbsp}/${nbsp}`) +
      fieldRuns(fieldCode('pages', endBookmark)),
  );
  const boxes = doc.paraphe.length > 0 ? parapheTable(doc.paraphe, doc.parapheLabels) : '';
  return `${XML_DECL}<w:ftr ${PART_NS}>${boxes}${pageLine}</w:ftr>`;
}
