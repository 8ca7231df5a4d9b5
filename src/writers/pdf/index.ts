// writers/pdf: laid-out frames → PDF bytes with pdf-lib (document structure, objects, save).
// Content streams and fonts are written here directly (see content.ts, fonts.ts) for speed
// and determinism; pdf-lib holds the object graph, serialize.ts writes the file's bytes.
import { createHash } from 'node:crypto';
import { PDFDict, PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import { validationsOf, type DocumentSet } from '../../ir/types.ts';
import { layoutDocumentSet, sharedFontBook, type FontBook } from '../../layout/index.ts';
import { FACE_IDS, type FaceId, type LaidOutSet } from '../../layout/types.ts';
import { ContentEncoder, fontResourceName } from './content.ts';
import { deflate, deflatedStream, embedFace, prepareFace, type PreparedFace } from './fonts.ts';
import { applyMetadata, PRODUCER } from './metadata.ts';
import { buildOutline } from './outline.ts';
import { serializePdf } from './serialize.ts';
import { buildStructTree, docTree, type DocTree, type Mark } from './tags.ts';
import { addSignatureFields, placeZones, withAnchors, type PlacedZone } from './esignature.ts';
import { NO_ESIGNATURE, type ESignatureOptions } from '../../templates/esignature.ts';

export interface PdfOptions {
  /** Only these document ids, in the set's order (per-document PDFs); all when absent. */
  readonly documents?: readonly string[];
  /** Anchors and empty signature fields (none when absent). */
  readonly esignature?: ESignatureOptions;
}

/** What a PDF file holds for e-signature: its page count and its signature zones. */
export interface PdfLayout {
  readonly pages: number;
  readonly zones: readonly PlacedZone[];
}

export interface PdfReport extends PdfLayout {
  readonly bytes: Uint8Array;
  /** French warnings: substituted glyphs, tables that overflow. */
  readonly warnings: readonly Diagnostic[];
}

function selectDocuments(set: DocumentSet, ids: readonly string[] | undefined): DocumentSet {
  if (!ids) return set;
  for (const id of ids) {
    // Callers pass ids taken from the set itself: an unknown one is a bug, not user input.
    if (!set.documents.some((d) => d.id === id)) throw new Error(`writePdf: unknown document id ${id}`);
  }
  return { ...set, documents: set.documents.filter((d) => ids.includes(d.id)) };
}

// pdf-lib's PDFName.of decodes its argument with a regular expression on every call.
const CONTENTS = PDFName.of('Contents');
const RESOURCES = PDFName.of('Resources');

/** Every page's content stream, deflated, and the faces they draw with, prepared for embedding. */
interface EncodedPages {
  /** Per laid-out document, per page. */
  readonly streams: readonly (readonly Uint8Array[])[];
  /** Per laid-out document: its part of the structure tree (tagged PDF). */
  readonly trees: readonly DocTree[];
  /** Per laid-out document, the faces its pages show. */
  readonly facesUsed: readonly ReadonlySet<FaceId>[];
  readonly faces: readonly PreparedFace[];
}

function encodePages(laid: LaidOutSet, fonts: FontBook, esign: ESignatureOptions): EncodedPages {
  const encoder = new ContentEncoder(fonts);
  const facesUsed: ReadonlySet<FaceId>[] = [];
  const trees: DocTree[] = [];
  const streams = laid.documents.map((d) => {
    const docMarks: Mark[][] = [];
    const pages = d.pages.map((page) => {
      const m: Mark[] = [];
      docMarks.push(m);
      return deflate(encoder.page(withAnchors(page, esign), d.roles, m));
    });
    trees.push(docTree(d, docMarks, esign.fields));
    facesUsed.push(encoder.takeFaces());
    return pages;
  });
  const used = encoder.glyphUse();
  const faces = FACE_IDS.flatMap((face) => {
    const use = used.get(face);
    return use ? [prepareFace(fonts, face, use)] : [];
  });
  return { streams, trees, facesUsed, faces };
}

/** The prepared faces that some of `docs` (indices into the encoding) show. */
function facesFor(encoded: EncodedPages, docs: readonly number[]): PreparedFace[] {
  return encoded.faces.filter((f) => docs.some((i) => encoded.facesUsed[i]!.has(f.face)));
}

/**
 * One PDF file: `set`'s documents are `docs`, whose pages are `streams` (same order). Fonts
 * are the prepared faces: they must cover every glyph the streams draw.
 */
async function assemblePdf(
  set: DocumentSet,
  docs: LaidOutSet['documents'],
  streams: EncodedPages['streams'],
  trees: EncodedPages['trees'],
  faces: readonly PreparedFace[],
  esign: ESignatureOptions,
): Promise<PdfReport> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const ctx = pdf.context;
  const resourcesRef = ctx.nextRef();
  // The file identifier hashes what the reader sees (metadata, page contents), not the clock.
  const idHash = createHash('md5').update(PRODUCER).update(JSON.stringify(set.meta)).update(docs.map((d) => d.id).join('\n'));
  const pageRefs: PDFRef[][] = [];
  const pageNodes: Array<Array<{ ref: PDFRef; node: PDFDict }>> = [];
  const pageHeights: number[][] = [];
  docs.forEach((doc, i) => {
    const refs: PDFRef[] = [];
    const nodes: Array<{ ref: PDFRef; node: PDFDict }> = [];
    const heights: number[] = [];
    doc.pages.forEach((page, j) => {
      const p = pdf.addPage([page.width, page.height]);
      const contents = streams[i]![j]!;
      idHash.update(contents);
      p.node.set(CONTENTS, ctx.register(deflatedStream(ctx, contents)));
      p.node.set(RESOURCES, resourcesRef);
      refs.push(p.ref);
      nodes.push({ ref: p.ref, node: p.node });
      heights.push(page.height);
    });
    pageRefs.push(refs);
    pageNodes.push(nodes);
    pageHeights.push(heights);
  });

  const fontDict: Record<string, PDFRef> = {};
  for (const face of faces) fontDict[fontResourceName(face.face)] = embedFace(ctx, face);
  ctx.assign(resourcesRef, ctx.obj({ Font: fontDict }));

  const outline = buildOutline(ctx, docs, pageRefs, pageHeights);
  if (outline) {
    pdf.catalog.set(PDFName.of('Outlines'), outline);
    pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }

  // Fields first: the structure tree refers to their widgets (Form elements).
  const zones = placeZones(docs, esign);
  const fields = addSignatureFields(ctx, pdf.catalog, pageRefs.flat(), zones);
  let z = 0;
  const widgets = docs.map((d) => d.pages.map((p) => p.zones.map(() => fields[z++])));
  const structure = buildStructTree(ctx, pdf.catalog, trees, pageNodes, widgets);

  const single = set.documents.length === 1 ? set.documents[0] : undefined;
  const validation = validationsOf(set.documents);
  const seed = idHash.update(validation ?? '').digest('hex');
  applyMetadata(
    pdf,
    {
      title: single ? `${set.meta.title} — ${single.name}` : set.meta.title,
      subject: set.meta.subject,
      author: set.meta.author,
      date: set.meta.date,
      lang: set.meta.lang,
      ...(validation ? { keywords: validation } : {}),
    },
    seed,
  );
  // Instead of pdf.save(): nothing else save() does applies here (no default page, no form
  // appearances; flush() embeds nothing we did not write ourselves), see serialize.ts.
  await pdf.flush();
  const bytes = serializePdf(ctx, structure);
  return { bytes, pages: pageRefs.flat().length, zones, warnings: [] };
}

/** Draws an already laid-out set. */
export async function drawPdf(set: DocumentSet, laid: LaidOutSet, fonts: FontBook, esign: ESignatureOptions = NO_ESIGNATURE): Promise<Uint8Array> {
  const encoded = encodePages(laid, fonts, esign);
  return (await assemblePdf(set, laid.documents, encoded.streams, encoded.trees, encoded.faces, esign)).bytes;
}

/** PDF bytes plus page count, signature zones and warnings. */
export async function renderPdf(set: DocumentSet, options?: PdfOptions): Promise<PdfReport> {
  const fonts = sharedFontBook();
  const esign = options?.esignature ?? NO_ESIGNATURE;
  const selected = selectDocuments(set, options?.documents);
  const laid = layoutDocumentSet(selected, fonts);
  const encoded = encodePages(laid, fonts, esign);
  const r = await assemblePdf(selected, laid.documents, encoded.streams, encoded.trees, encoded.faces, esign);
  return { ...r, warnings: laid.warnings };
}

/**
 * The signature dossier (every document, bookmarks per document and article) or, with
 * `documents`, only those documents (per-document PDFs). Fonts are loaded once per process.
 */
export async function writePdf(set: DocumentSet, options?: PdfOptions): Promise<Uint8Array> {
  return (await renderPdf(set, options)).bytes;
}

/**
 * The combined dossier and one PDF per document from a single layout and a single encoding:
 * each document starts a new page and counts its own pages, so a document's pages are the
 * same alone or combined. Every file embeds the same font subsets (the contract's glyphs; a file
 * declares only the faces its pages show), so
 * a campaign subsets and compresses fonts once per contract, not once per file; a document's
 * own file is then the dossier's pages for that document, byte for byte.
 */
export async function renderPdfFiles(
  set: DocumentSet,
  esign: ESignatureOptions = NO_ESIGNATURE,
): Promise<{ combined: Uint8Array; perDocument: Uint8Array[]; layouts: { combined: PdfLayout; perDocument: PdfLayout[] }; warnings: readonly Diagnostic[] }> {
  const fonts = sharedFontBook();
  const laid = layoutDocumentSet(set, fonts);
  const encoded = encodePages(laid, fonts, esign);
  const { streams, trees } = encoded;
  const perDocument: PdfReport[] = [];
  for (const [i, d] of set.documents.entries()) {
    perDocument.push(await assemblePdf({ ...set, documents: [d] }, [laid.documents[i]!], [streams[i]!], [trees[i]!], facesFor(encoded, [i]), esign));
  }
  const combined = await assemblePdf(set, laid.documents, streams, trees, encoded.faces, esign);
  const layout = (r: PdfReport): PdfLayout => ({ pages: r.pages, zones: r.zones });
  return {
    combined: combined.bytes,
    perDocument: perDocument.map((r) => r.bytes),
    layouts: { combined: layout(combined), perDocument: perDocument.map(layout) },
    warnings: laid.warnings,
  };
}
