// Small builders for hand-made IR fixtures (DOCX writer tests).

import type {
  Block,
  Document,
  DocumentSet,
  Heading,
  Inline,
  Paragraph,
  ParagraphStyle,
  SignatureBlock,
  SignatureParty,
  Table,
  TableCell,
  TableRow,
  TextRun,
} from '../../src/ir/types.ts';

export function t(text: string, format: Omit<TextRun, 'type' | 'text'> = {}): TextRun {
  return { type: 'text', text, ...format };
}

export function p(content: string | readonly Inline[], style: ParagraphStyle = 'body', keepWithNext?: boolean): Paragraph {
  const inlines = typeof content === 'string' ? [t(content)] : content;
  return { type: 'paragraph', style, content: inlines, ...(keepWithNext ? { keepWithNext } : {}) };
}

export function h(level: Heading['level'], text: string, extra: Partial<Omit<Heading, 'type' | 'level'>> = {}): Heading {
  return { type: 'heading', level, content: [t(text)], ...extra };
}

export function cell(text: string, extra: Partial<Omit<TableCell, 'content'>> = {}, style: ParagraphStyle = 'cell'): TableCell {
  return { content: text === '' ? [] : [p(text, style)], ...extra };
}

export function row(...cells: (string | TableCell)[]): TableRow {
  return { cells: cells.map((c) => (typeof c === 'string' ? cell(c) : c)) };
}

export function table(
  columns: readonly number[],
  headerRows: readonly TableRow[],
  bodyRows: readonly TableRow[],
  extra: Partial<Pick<Table, 'style' | 'fontSize'>> = {},
): Table {
  return { type: 'table', columns, headerRows, bodyRows, style: extra.style ?? 'grid', ...(extra.fontSize ? { fontSize: extra.fontSize } : {}) };
}

export function party(id: string, lines: readonly string[], signatory?: string, mentions: readonly string[] = []): SignatureParty {
  return { id, lines: lines.map((l) => [t(l)]), mentions, ...(signatory ? { signatory } : {}) };
}

export function signature(leadIn: readonly string[], parties: readonly SignatureParty[]): SignatureBlock {
  return { type: 'signature', leadIn: leadIn.map((l) => p(l, 'body')), parties };
}

/** The usual two-party block (titulaire, ARS) with recognisable tokens on every line. */
export function twoPartySignature(): SignatureBlock {
  return signature(
    ['Fait à Montpellier, le 28 juin 2019 (SIGLEAD1)', 'En deux exemplaires originaux (SIGLEAD2)'],
    [
      party('titulaire', ['Pour l’établissement (SIGA1)', 'Le directeur (SIGA2)'], 'Jean Dupont (SIGA3)', [
        '(cachet de l’établissement) SIGA4',
      ]),
      party('ars', ['Pour l’Agence régionale de santé (SIGB1)', 'La directrice générale (SIGB2)'], 'Marie Martin (SIGB3)'),
    ],
  );
}

/** n single-line filler paragraphs, numbered so pages can be located in the PDF text. */
export function fillers(n: number, tag = 'Remplissage'): Paragraph[] {
  return Array.from({ length: n }, (_, i) => p(`${tag} ${i + 1}.`));
}

export function doc(id: string, blocks: readonly Block[], extra: Partial<Omit<Document, 'type' | 'id' | 'blocks'>> = {}): Document {
  return {
    type: 'document',
    id,
    name: extra.name ?? `Document ${id}`,
    headerTitle: extra.headerTitle ?? 'CPOM 2019-2023 — modèle-type DGOS',
    orientation: extra.orientation ?? 'portrait',
    paraphe: extra.paraphe ?? [],
    provenance: extra.provenance ?? 'verbatim',
    blocks,
  };
}

export function docSet(documents: readonly Document[], meta: Partial<DocumentSet['meta']> = {}): DocumentSet {
  return {
    type: 'documentSet',
    meta: {
      title: 'CPOM 2019-2023 — CH de Val-d’Orb',
      subject: 'Contrat pluriannuel d’objectifs et de moyens',
      author: 'ARS Occitanie',
      date: '2019-06-28',
      model: 'dgos-2012@1',
      lang: 'fr-FR',
      ...meta,
    },
    documents,
  };
}

/** Text that breaks naive XML writers; control characters must vanish, the rest survive. */
export const NASTY = `A & B < C > D " E ' F ]]> <w:p> « guillemets » 😀 \u0001\u0007\u001F\u007F fin`;
export const NASTY_CLEAN = `A & B < C > D " E ' F ]]> <w:p> « guillemets » 😀  fin`;

/** A document exercising every block and inline kind once. */
export function kitchenSink(): Document {
  return doc('socle', [
    h(1, 'Contrat pluriannuel d’objectifs et de moyens'),
    p('CPOM 2019-2023', 'title'),
    p('ENTRE :', 'subtitle'),
    p('Vu le code de la santé publique ;', 'visa'),
    h(2, 'Fondements', { number: 'Titre I', separator: ' – ' }),
    h(3, 'Objet du contrat', { number: 'Article 1', separator: ' - ', anchor: 'art-1' }),
    p([t(NASTY), t(' gras', { bold: true }), t(' italique', { italic: true })]),
    p([t('Voir l’'), { type: 'ref', target: 'art-1', text: 'article 1' }, t(', page '), { type: 'field', field: 'page' }, { type: 'break' }, t('suite')]),
    h(4, 'Sous-article', { number: '1.1', separator: ' : ' }),
    p('Texte centré', 'center'),
    p('à titre purement indicatif', 'note'),
    { type: 'list', ordered: true, items: [{ content: [t('premier')] }, { content: [t('second')] }] },
    { type: 'list', ordered: false, bullet: '•', items: [{ content: [t('puce')] }] },
    p([t('ajouté', { revision: { kind: 'insertion', author: 'ARS Occitanie', date: '2021-03-01' } }), t('retiré', { revision: { kind: 'suppression', author: 'ARS Occitanie', date: '2021-03-01' } })]),
    table(
      [2, 1, 1],
      [row(cell('Indicateur', { shade: true }), cell('2019', { shade: true }, 'cellCenter'), cell('2020', { shade: true }, 'cellCenter'))],
      [
        row(cell('Fusion verticale', { rowSpan: 2 }), cell('1', {}, 'cellCenter'), cell('2', {}, 'cellCenter')),
        row(cell('Fusion horizontale', { colSpan: 2 })),
        row('a', 'b', ''),
      ],
      { fontSize: 9 },
    ),
    table([1, 1], [], [row('libellé', 'valeur')], { style: 'form' }),
    { type: 'pageBreak' },
    twoPartySignature(),
  ]);
}
