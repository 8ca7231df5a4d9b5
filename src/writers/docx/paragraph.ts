// Paragraph and run property builders.
//
// OOXML is schema-ordered: Word rejects (or "repairs") a file whose pPr/rPr children are out of
// sequence, so each builder emits its children in the order of the ECMA-376 schema.

import type { ParagraphStyle } from '../../ir/types.ts';
import type { Twips } from './page.ts';
import { empty, val } from './xml.ts';

/** IR paragraph styles → style ids defined in templates/_base-docx/word/styles.xml. */
export const PARAGRAPH_STYLE_IDS: Readonly<Record<ParagraphStyle, string>> = {
  body: 'Normal',
  title: 'Titre',
  subtitle: 'SousTitre',
  center: 'Centre',
  visa: 'Visa',
  note: 'Note',
  cell: 'Cellule',
  cellCenter: 'CelluleCentre',
};

/** Heading levels → built-in heading styles (they carry w:outlineLvl 0-3 in styles.xml). */
export const HEADING_STYLE_IDS = { 1: 'Heading1', 2: 'Heading2', 3: 'Heading3', 4: 'Heading4' } as const;

export interface ParagraphProps {
  readonly styleId?: string;
  readonly keepNext?: boolean;
  /** Right-aligned tab stop position (running header). */
  readonly rightTab?: Twips;
  readonly spacing?: { readonly before?: Twips; readonly after?: Twips; readonly exactLine?: Twips };
  readonly jc?: 'left' | 'center' | 'right' | 'both';
  /** Tracked change of the paragraph mark (`<w:ins/>` / `<w:del/>`), for whole inserted or deleted paragraphs. */
  readonly mark?: string;
  /** Section properties closing a section (only on the section's last paragraph). */
  readonly sectPr?: string;
}

export function pPr(props: ParagraphProps): string {
  let inner = '';
  if (props.styleId && props.styleId !== 'Normal') inner += val('w:pStyle', props.styleId);
  if (props.keepNext) inner += '<w:keepNext/>';
  if (props.rightTab !== undefined) {
    inner += `<w:tabs>${empty('w:tab', [['w:val', 'right'], ['w:pos', props.rightTab]])}</w:tabs>`;
  }
  if (props.spacing) {
    const s = props.spacing;
    const list: [string, number | string][] = [];
    if (s.before !== undefined) list.push(['w:before', s.before]);
    if (s.after !== undefined) list.push(['w:after', s.after]);
    if (s.exactLine !== undefined) list.push(['w:line', s.exactLine], ['w:lineRule', 'exact']);
    inner += empty('w:spacing', list);
  }
  if (props.jc) inner += val('w:jc', props.jc);
  if (props.mark) inner += `<w:rPr>${props.mark}</w:rPr>`;
  if (props.sectPr) inner += props.sectPr;
  return inner ? `<w:pPr>${inner}</w:pPr>` : '';
}

/** A paragraph from its properties and already-serialised runs. */
export function paragraph(props: ParagraphProps, runs: string): string {
  return `<w:p>${pPr(props)}${runs}</w:p>`;
}

export interface RunFormat {
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Font size in half-points. */
  readonly halfPoints?: number;
  /** « er » of « 1er »: Word and LibreOffice shrink and raise it themselves. */
  readonly superscript?: boolean;
}

export function rPr(f: RunFormat): string {
  let inner = '';
  if (f.bold) inner += '<w:b/><w:bCs/>';
  if (f.italic) inner += '<w:i/><w:iCs/>';
  if (f.halfPoints !== undefined) inner += val('w:sz', f.halfPoints) + val('w:szCs', f.halfPoints);
  if (f.superscript) inner += val('w:vertAlign', 'superscript');
  return inner ? `<w:rPr>${inner}</w:rPr>` : '';
}
