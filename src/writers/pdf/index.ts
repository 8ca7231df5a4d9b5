// writers/pdf: laid-out frames → PDF bytes with pdf-lib (document structure, objects, save).
// Content streams and fonts are written here directly (see content.ts, fonts.ts) for speed
// and determinism; pdf-lib serialises the object graph.
import { createHash } from 'node:crypto';
import { PDFDocument, PDFName, PDFRef } from 'pdf-lib';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { DocumentSet } from '../../ir/types.ts';
import { layoutDocumentSet, sharedFontBook, type FontBook } from '../../layout/index.ts';
import { FACE_IDS, type LaidOutSet } from '../../layout/types.ts';
import { ContentEncoder, fontResourceName } from './content.ts';
import { embedFace, flateStream } from './fonts.ts';
import { applyMetadata, PRODUCER } from './metadata.ts';
import { buildOutline } from './outline.ts';

export interface PdfOptions {
  /** Only these document ids, in the set's order (per-document PDFs); all when absent. */
  readonly documents?: readonly string[];
}

export interface PdfReport {
  readonly bytes: Uint8Array;
  readonly pages: number;
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

/** Draws an already laid-out set. */
export async function drawPdf(set: DocumentSet, laid: LaidOutSet, fonts: FontBook): Promise<Uint8Array> {
  const pdf = await PDFDocument.create({ updateMetadata: false });
  const ctx = pdf.context;
  const encoder = new ContentEncoder(fonts);
  const resourcesRef = ctx.nextRef();
  // The file identifier hashes what the reader sees (metadata, page contents), not the clock.
  const idHash = createHash('md5').update(PRODUCER).update(JSON.stringify(set.meta)).update(laid.documents.map((d) => d.id).join('\n'));
  const pageRefs: PDFRef[][] = [];
  const pageHeights: number[][] = [];
  for (const doc of laid.documents) {
    const refs: PDFRef[] = [];
    const heights: number[] = [];
    for (const page of doc.pages) {
      const p = pdf.addPage([page.width, page.height]);
      const stream = flateStream(ctx, encoder.page(page));
      idHash.update(stream.contents);
      p.node.set(PDFName.of('Contents'), ctx.register(stream));
      p.node.set(PDFName.of('Resources'), resourcesRef);
      refs.push(p.ref);
      heights.push(page.height);
    }
    pageRefs.push(refs);
    pageHeights.push(heights);
  }

  const fontDict: Record<string, PDFRef> = {};
  const used = encoder.glyphUse();
  for (const face of FACE_IDS) {
    const use = used.get(face);
    if (use) fontDict[fontResourceName(face)] = embedFace(ctx, fonts, face, use);
  }
  ctx.assign(resourcesRef, ctx.obj({ Font: fontDict }));

  const outline = buildOutline(ctx, laid.documents, pageRefs, pageHeights);
  if (outline) {
    pdf.catalog.set(PDFName.of('Outlines'), outline);
    pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  }

  const single = set.documents.length === 1 ? set.documents[0] : undefined;
  const seed = idHash.digest('hex');
  applyMetadata(
    pdf,
    {
      title: single ? `${set.meta.title} — ${single.name}` : set.meta.title,
      subject: set.meta.subject,
      author: set.meta.author,
      date: set.meta.date,
      lang: set.meta.lang,
    },
    seed,
  );
  return pdf.save({ useObjectStreams: true, addDefaultPage: false, updateFieldAppearances: false });
}

/** PDF bytes plus page count and warnings. */
export async function renderPdf(set: DocumentSet, options?: PdfOptions): Promise<PdfReport> {
  const fonts = sharedFontBook();
  const selected = selectDocuments(set, options?.documents);
  const laid = layoutDocumentSet(selected, fonts);
  const bytes = await drawPdf(selected, laid, fonts);
  return { bytes, pages: laid.documents.reduce((a, d) => a + d.pages.length, 0), warnings: laid.warnings };
}

/**
 * The signature dossier (every document, bookmarks per document and article) or, with
 * `documents`, only those documents (per-document PDFs). Fonts are loaded once per process.
 */
export async function writePdf(set: DocumentSet, options?: { documents?: readonly string[] }): Promise<Uint8Array> {
  return (await renderPdf(set, options)).bytes;
}

/**
 * The combined dossier and one PDF per document from a single layout: each document starts a
 * new page and counts its own pages, so a document's pages are the same alone or combined, and
 * a campaign need not lay every contract out twice.
 */
export async function renderPdfFiles(set: DocumentSet): Promise<{ combined: Uint8Array; perDocument: Uint8Array[]; warnings: readonly Diagnostic[] }> {
  const fonts = sharedFontBook();
  const laid = layoutDocumentSet(set, fonts);
  const perDocument: Uint8Array[] = [];
  for (const [i, d] of set.documents.entries()) {
    perDocument.push(await drawPdf({ ...set, documents: [d] }, { documents: [laid.documents[i]!], warnings: [] }, fonts));
  }
  return { combined: await drawPdf(set, laid, fonts), perDocument, warnings: laid.warnings };
}
