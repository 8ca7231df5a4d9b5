// The document IR: the one typed tree both back ends consume.
//
// Evaluation (src/eval) builds it from a template AST and contract data; resolve (src/ir/resolve)
// fills in what needs the whole tree (article numbers, cross-references, French typography);
// then writers/docx serialises it and layout/ paginates it for writers/pdf. Nothing downstream of
// resolve may compute text: every string a reader sees is already in this tree.
//
// Lengths are in points (1/72 inch) and only ever converted at a writer boundary.

export type Pt = number;

/** A whole contract (or avenant, or consolidated version): the documents signed together. */
export interface DocumentSet {
  readonly type: 'documentSet';
  readonly meta: DocumentSetMeta;
  readonly documents: readonly Document[];
}

export interface DocumentSetMeta {
  /** Title for PDF metadata and the combined file, e.g. "CPOM 2019-2023 — CH de Val-d'Orb". */
  readonly title: string;
  /** Subject for PDF metadata, e.g. "Contrat pluriannuel d'objectifs et de moyens". */
  readonly subject: string;
  /** The agency, for PDF metadata (author) and DOCX core properties. */
  readonly author: string;
  /** Creation date taken from the data (never the clock), ISO YYYY-MM-DD. */
  readonly date: string;
  /** Template set id and version, e.g. "dgos-2012@1". */
  readonly model: string;
  /** Agency reference of the contract, if any. */
  readonly reference?: string;
  /** Language tag for the documents. */
  readonly lang: 'fr-FR';
}

/** One signed (or initialled) unit: the socle or one annex. Starts on a new page. */
export interface Document {
  readonly type: 'document';
  /** Stable id from the manifest, used in file names: "socle", "annexe-01-orientations"… */
  readonly id: string;
  /** Short name shown in the running header, e.g. "Annexe 1 — Orientations stratégiques". */
  readonly name: string;
  /** Model title shown in the running header, e.g. "CPOM 2012-2017 — modèle-type DGOS". */
  readonly headerTitle: string;
  readonly orientation: 'portrait' | 'landscape';
  /** Parties whose paraphe box is printed on every page of this document (empty: none). */
  readonly paraphe: readonly string[];
  /** Printed label of each paraphe box, same order as `paraphe` ("Paraphe de l’ARS"). */
  readonly parapheLabels?: readonly string[];
  readonly provenance: 'verbatim' | 'reconstitue';
  /**
   * Mentions printed at the top of every page, above the running header, in this order:
   * « Texte reconstitué — à valider… » until the model records the text's legal validation,
   * « Version consolidée… » on a consolidated version. Wording from templates/_mentions.yaml.
   */
  readonly notices?: readonly string[];
  /** The recorded legal validation of a reconstituted text, written into the files' metadata. */
  readonly validation?: string;
  readonly blocks: readonly Block[];
}

export type Block =
  | Heading
  | Paragraph
  | List
  | Table
  | SignatureBlock
  | PageBreak;

export interface Heading {
  readonly type: 'heading';
  readonly redaction?: Redaction;
  /** 1 = document title, 2 = "Titre", 3 = "Article", 4 = sub-article. */
  readonly level: 1 | 2 | 3 | 4;
  /**
   * Numbering pattern with '#' standing for counters, e.g. "Article #" or "Article #.#".
   * Resolve replaces it with `number`; absent for unnumbered headings.
   */
  readonly numbering?: string;
  /**
   * The model's own number for the last counter (`Article #2`): printed even when an earlier
   * conditional article is absent, so « l’article 3 de l’annexe » means the same for every holder.
   */
  readonly fixed?: number;
  /** Filled by resolve: "Article 4.1". Writers print `number` + separator + content. */
  readonly number?: string;
  /** Separator printed between number and content (from the template: " – ", "- ", " : "). */
  readonly separator?: string;
  /** Anchor for cross-references ({% ref id %}) and PDF bookmarks. */
  readonly anchor?: string;
  readonly content: readonly Inline[];
}

export type ParagraphStyle =
  | 'body' // justified text
  | 'title' // contract title, centred, large
  | 'subtitle' // centred, medium (period, "ENTRE :")
  | 'center' // centred body text
  | 'visa' // "Vu …" lines: left aligned, small space after
  | 'note' // small italic note ("à titre purement indicatif")
  | 'cell' // table cell text, left aligned
  | 'cellCenter'; // table cell text, centred (numbers, years)

/**
 * A passage the model marks for the communicable version (`::: occultable-…` in a template):
 * removed from the IR of a non-public holder's communicable version (src/ir/communicable.ts),
 * ignored otherwise. `group` tells the blocks of one marked passage from the next one's.
 */
export interface Redaction {
  readonly motif: 'secret_affaires' | 'hors_service_public';
  readonly group: number;
}

export interface Paragraph {
  readonly type: 'paragraph';
  readonly redaction?: Redaction;
  readonly style: ParagraphStyle;
  readonly content: readonly Inline[];
  /** Keep on the same page as the next block (lead-in of a table or signature block). */
  readonly keepWithNext?: boolean;
}

export interface List {
  readonly type: 'list';
  readonly redaction?: Redaction;
  readonly ordered: boolean;
  /** Bullet character for unordered lists: "–" by default, "•" when the source uses it. */
  readonly bullet?: string;
  readonly items: readonly ListItem[];
}

export interface ListItem {
  readonly content: readonly Inline[];
}

export interface Table {
  readonly type: 'table';
  readonly redaction?: Redaction;
  /** Relative column widths (any unit; writers scale them to the text width). */
  readonly columns: readonly number[];
  /** Rows repeated at the top of every page the table spans. */
  readonly headerRows: readonly TableRow[];
  readonly bodyRows: readonly TableRow[];
  /** 'grid' draws every border; 'form' is a label/value table; 'plain' has no borders. */
  readonly style: 'grid' | 'form' | 'plain';
  /** Font size for the cells, in points (wide annex tables use smaller text). */
  readonly fontSize?: Pt;
}

export interface TableRow {
  readonly cells: readonly TableCell[];
}

export interface TableCell {
  readonly content: readonly Paragraph[];
  /** Number of grid columns this cell spans (default 1). */
  readonly colSpan?: number;
  /** Number of rows this cell spans downwards (default 1); covered cells are omitted. */
  readonly rowSpan?: number;
  /** Header-like shading. */
  readonly shade?: boolean;
}

/** "Fait à …, le …" then one box per signatory; never split across pages. */
export interface SignatureBlock {
  readonly type: 'signature';
  /** Lead-in line(s) such as "Fait à Montpellier, le 28 juin 2019" / "En 3 exemplaires originaux". */
  readonly leadIn: readonly Paragraph[];
  /** Signatories in signing order, laid out left to right. */
  readonly parties: readonly SignatureParty[];
}

export interface SignatureParty {
  /** Party id, matching the paraphe ids: "titulaire", "ars", or a partner id. */
  readonly id: string;
  /** Lines above the signature space: quality, body ("de l'Agence Régionale de Santé Occitanie"). */
  readonly lines: readonly Inline[][];
  /** Name of the signatory printed under the signature space, if known. */
  readonly signatory?: string;
  /** Mentions such as "(cachet de l'établissement, nom du signataire ET signature)". */
  readonly mentions: readonly string[];
  /**
   * Comparisons only: the name and the mentions with their revision marks, printed in place of
   * `signatory` and `mentions` (same places: accepting every revision gives the later version).
   */
  readonly marked?: { readonly signatory: readonly Inline[]; readonly mentions: readonly (readonly Inline[])[] };
}

/** The signatory's name as printed under the signature space (bold), marks included. */
export function signatoryInlines(p: SignatureParty): Inline[] {
  const runs: readonly Inline[] = p.marked ? p.marked.signatory : p.signatory ? [{ type: 'text', text: p.signatory }] : [];
  return runs.map((i) => (i.type === 'text' ? { ...i, bold: true } : i));
}

/** The mentions under the name, one paragraph each, marks included. */
export function mentionInlines(p: SignatureParty): (readonly Inline[])[] {
  return p.marked ? [...p.marked.mentions] : p.mentions.map((m) => [{ type: 'text', text: m }]);
}

export interface PageBreak {
  readonly type: 'pageBreak';
}

export type Inline = TextRun | FieldRun | RefRun | LineBreak;

export interface TextRun {
  readonly type: 'text';
  readonly text: string;
  readonly bold?: boolean;
  readonly italic?: boolean;
  /** Raised and smaller: the « er » of « 1er » (set by resolve, drawn by both writers). */
  readonly superscript?: boolean;
  /** Tracked change (redlines): DOCX writes w:ins / w:del, the PDF shows it visibly. */
  readonly revision?: Revision;
}

export interface Revision {
  readonly kind: 'insertion' | 'suppression';
  /** Author of the change: the agency. */
  readonly author: string;
  /** ISO date of the change: the avenant's date. */
  readonly date: string;
}

/** Page fields: only meaningful in page furniture, but allowed anywhere. */
export interface FieldRun {
  readonly type: 'field';
  readonly field: 'page' | 'pages';
}

/** Cross-reference to a heading anchor; resolve fills `text` with the target's number. */
export interface RefRun {
  readonly type: 'ref';
  readonly target: string;
  readonly text?: string;
}

export interface LineBreak {
  readonly type: 'break';
}

/** Exhaustiveness helper for `switch` over discriminated unions. */
export function assertNever(x: never, what = 'node'): never {
  throw new Error(`Unexpected ${what}: ${JSON.stringify(x)}`);
}

/** Plain text of inlines (for tests, bookmarks and text-parity checks). */
export function inlineText(content: readonly Inline[]): string {
  return content
    .map((i) => {
      switch (i.type) {
        case 'text':
          return i.text;
        case 'field':
          return '';
        case 'ref':
          return i.text ?? '';
        case 'break':
          return '\n';
        default:
          return assertNever(i, 'inline');
      }
    })
    .join('');
}

/**
 * What a file's metadata says about the legal validation of its reconstituted texts: the
 * distinct validations of its documents, in order; undefined when none is recorded.
 */
export function validationsOf(docs: readonly Document[]): string | undefined {
  const all = [...new Set(docs.flatMap((d) => (d.validation ? [d.validation] : [])))];
  return all.length > 0 ? all.join(' ; ') : undefined;
}

/** Full text of a heading as printed: number, separator, content. */
export function headingText(h: Heading): string {
  const body = inlineText(h.content);
  return h.number ? `${h.number}${h.separator ?? ' – '}${body}` : body;
}
