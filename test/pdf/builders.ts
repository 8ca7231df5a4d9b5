// Small IR builders for hand-made PDF fixtures (tests and bench).
import type {
  Block,
  Document,
  DocumentSet,
  Heading,
  Inline,
  List,
  Paragraph,
  ParagraphStyle,
  SignatureBlock,
  Table,
  TableCell,
  TableRow,
} from '../../src/ir/types.ts';

export const NBSP = '\u00A0';
export const NNBSP = '\u202F';

export const t = (text: string): Inline => ({ type: 'text', text });
export const b = (text: string): Inline => ({ type: 'text', text, bold: true });
export const i = (text: string): Inline => ({ type: 'text', text, italic: true });

export function p(content: string | readonly Inline[], style: ParagraphStyle = 'body', keepWithNext = false): Paragraph {
  return {
    type: 'paragraph',
    style,
    content: typeof content === 'string' ? [t(content)] : content,
    ...(keepWithNext ? { keepWithNext } : {}),
  };
}

export function h(level: 1 | 2 | 3 | 4, text: string, number?: string, anchor?: string): Heading {
  return {
    type: 'heading',
    level,
    content: [t(text)],
    ...(number ? { number, numbering: 'Article #', separator: ' – ' } : {}),
    ...(anchor ? { anchor } : {}),
  };
}

export function list(items: readonly string[], ordered = false): List {
  return { type: 'list', ordered, items: items.map((s) => ({ content: [t(s)] })) };
}

export function cell(text: string, opts: Partial<Omit<TableCell, 'content'>> & { center?: boolean; bold?: boolean } = {}): TableCell {
  const { center, bold, ...rest } = opts;
  return { content: [p([bold ? b(text) : t(text)], center ? 'cellCenter' : 'cell')], ...rest };
}

export function row(...cells: TableCell[]): TableRow {
  return { cells };
}

export function table(columns: number[], headerRows: TableRow[], bodyRows: TableRow[], extra: Partial<Table> = {}): Table {
  return { type: 'table', columns, headerRows, bodyRows, style: 'grid', ...extra };
}

export function signature(place: string, date: string, parties: SignatureBlock['parties']): SignatureBlock {
  return {
    type: 'signature',
    leadIn: [p(`Fait à ${place}, le ${date}`, 'body', true), p('En trois exemplaires originaux', 'body', true)],
    parties,
  };
}

export const DEFAULT_PARTIES: SignatureBlock['parties'] = [
  {
    id: 'titulaire',
    lines: [[t('Pour l’établissement,')], [t('Le représentant légal')]],
    signatory: 'Jean Dupont',
    mentions: ['(cachet de l’établissement, nom du signataire ET signature)'],
  },
  {
    id: 'ars',
    lines: [[t('Pour l’Agence régionale de santé,')], [t('La directrice générale')]],
    signatory: 'Marie Martin',
    mentions: [],
  },
];

export function doc(id: string, name: string, blocks: Block[], extra: Partial<Document> = {}): Document {
  return {
    type: 'document',
    id,
    name,
    headerTitle: 'CPOM 2019-2023 — Centre hospitalier de Val-d’Orb',
    orientation: 'portrait',
    paraphe: [],
    provenance: 'verbatim',
    blocks,
    ...extra,
  };
}

export function set(documents: Document[]): DocumentSet {
  return {
    type: 'documentSet',
    meta: {
      title: 'CPOM 2019-2023 — CH de Val-d’Orb',
      subject: 'Contrat pluriannuel d’objectifs et de moyens',
      author: 'Agence régionale de santé Occitanie',
      date: '2019-06-28',
      model: 'occitanie-2019@1',
      lang: 'fr-FR',
    },
    documents,
  };
}
