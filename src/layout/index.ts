// layout/: DocumentSet → pages of positioned frames. The only place that measures text.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { assertNever, type Document, type DocumentSet } from '../ir/types.ts';
import { headingChunks, listChunks, paragraphChunks, type LayoutContext } from './blocks.ts';
import { Flow } from './flow.ts';
import type { FontBook } from './fonts.ts';
import { furnitureFrames, noticeHeight } from './furniture.ts';
import { paginate } from './paginate.ts';
import { signatureChunks } from './signature.ts';
import { blockRole } from './structure.ts';
import { headingStyle, pageGeometry, PARAGRAPH_STYLES } from './styles.ts';
import { tableChunks, type TableIssue } from './table.ts';
import { REPLACEMENT } from './text.ts';
import type { LaidOutDocument, LaidOutPage, LaidOutSet, SignatureZone } from './types.ts';

export { FontBook, sharedFontBook } from './fonts.ts';
export type * from './types.ts';

const TABLE_BEFORE = 4;
const TABLE_AFTER = 8;
const SIGNATURE_BEFORE = 12;
const LIST_AFTER = 6;

function codePoint(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

export function layoutDocument(doc: Document, fonts: FontBook, warnings: Diagnostic[]): LaidOutDocument {
  const base = pageGeometry(doc);
  const missing = new Set<string>();
  // Notices above the running header push the body down on every page of the document.
  const geo = { ...base, top: base.top + noticeHeight(doc, { fonts, geo: base, missing }) };
  const ctx: LayoutContext = { fonts, geo, missing };
  const issues: TableIssue[] = [];
  const flow = new Flow();
  for (const [index, b] of doc.blocks.entries()) {
    const before = flow.chunks.length;
    switch (b.type) {
      case 'heading': {
        const s = headingStyle(b);
        flow.block(headingChunks(b, ctx), s.spaceBefore, s.spaceAfter);
        break;
      }
      case 'paragraph': {
        const s = PARAGRAPH_STYLES[b.style];
        flow.block(paragraphChunks(b, ctx), s.spaceBefore, s.spaceAfter);
        break;
      }
      case 'list':
        flow.block(listChunks(b, ctx), 0, LIST_AFTER);
        break;
      case 'table':
        flow.block(tableChunks(b, ctx, geo.bottom - geo.top, issues), TABLE_BEFORE, TABLE_AFTER);
        break;
      case 'signature':
        flow.keepLastWithNext();
        flow.block(signatureChunks(b, ctx), SIGNATURE_BEFORE, 0);
        break;
      case 'pageBreak':
        flow.pageBreak();
        break;
      default:
        assertNever(b, 'block');
    }
    // Every chunk of the block carries the block's index: pagination stamps it on the text.
    for (let k = before; k < flow.chunks.length; k++) flow.chunks[k]!.struct = index;
  }

  const bodies = paginate(flow.chunks, geo);
  // The notices are read once, before the document's first block (the writer puts them first).
  const notice = doc.notices?.length ? doc.blocks.length : undefined;
  const pages: LaidOutPage[] = bodies.map((body, k) => {
    const paraphes: SignatureZone[] = [];
    const furniture = furnitureFrames(doc, k + 1, bodies.length, ctx, paraphes, k === 0 ? notice : undefined);
    return { width: geo.width, height: geo.height, frames: [...body.frames, ...furniture], zones: [...body.zones, ...paraphes] };
  });
  const bookmarks = bodies.flatMap((body, page) => body.bookmarks.map((b) => ({ ...b, page })));

  for (const ch of [...ctx.missing].sort()) {
    warnings.push({
      severity: 'avertissement',
      code: 'PDF-GLYPHE-ABSENT',
      message: `Le caractère « ${ch} » (${codePoint(ch)}) n’existe dans aucune police embarquée : il est remplacé par « ${REPLACEMENT} » dans le document « ${doc.name} ».`,
    });
  }
  for (const m of new Set(issues.map((i) => i.message))) {
    warnings.push({ severity: 'avertissement', code: 'PDF-TABLEAU', message: `Document « ${doc.name} » : ${m}.` });
  }
  const roles = doc.blocks.map(blockRole);
  if (notice !== undefined) roles.push('P');
  return { id: doc.id, name: doc.name, roles, ...(notice !== undefined ? { notice } : {}), pages, bookmarks };
}

/** Lays out every document of the set (each starts on its own page, numbered on its own). */
export function layoutDocumentSet(set: DocumentSet, fonts: FontBook): LaidOutSet {
  const warnings: Diagnostic[] = [];
  const documents = set.documents.map((d) => layoutDocument(d, fonts, warnings));
  return { documents, warnings };
}
