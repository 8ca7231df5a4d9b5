// DOCX writer: a resolved DocumentSet → DOCX bytes.
//
// Each IR document becomes one section (new page, own header/footer, page numbers restarted);
// the body is generated OOXML injected into the branded base through docxtemplater's {@body}.

import { validationsOf, type Document, type DocumentSet } from '../../ir/types.ts';
import { hairline, renderBlocks } from './blocks.ts';
import { bookmarkNames, endBookmarkName, IdAllocator, type RenderContext } from './context.ts';
import { coreXml, metaDate } from './docprops.ts';
import { footerPart, headerPart } from './furniture.ts';
import { fillMainPart, insertBefore, loadBase, zipDeterministic } from './package.ts';
import { pageGeometry } from './page.ts';
import { sectPr } from './section.ts';
import { attrs } from './xml.ts';

export interface WriteDocxOptions {
  /** Ids of the documents to include, kept in the set's order (default: all). */
  readonly documents?: readonly string[];
}

const REL_HEADER = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/header';
const REL_FOOTER = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/footer';
const CT_HEADER = 'application/vnd.openxmlformats-officedocument.wordprocessingml.header+xml';
const CT_FOOTER = 'application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml';

function selectDocuments(set: DocumentSet, ids: readonly string[] | undefined): readonly Document[] {
  if (ids === undefined) {
    if (set.documents.length === 0) throw new Error('DocumentSet has no documents to write');
    return set.documents;
  }
  const known = new Set(set.documents.map((d) => d.id));
  const unknown = ids.filter((id) => !known.has(id));
  if (unknown.length > 0) throw new Error(`Unknown document id(s) for the DOCX writer: ${unknown.join(', ')}`);
  const wanted = new Set(ids);
  const docs = set.documents.filter((d) => wanted.has(d.id));
  if (docs.length === 0) throw new Error('No document selected for the DOCX writer');
  return docs;
}

function headingAnchors(docs: readonly Document[]): string[] {
  return docs.flatMap((d) => d.blocks.flatMap((b) => (b.type === 'heading' && b.anchor !== undefined ? [b.anchor] : [])));
}

export function writeDocx(set: DocumentSet, options: WriteDocxOptions = {}): Uint8Array {
  const docs = selectDocuments(set, options.documents);
  const ids = new IdAllocator();
  const bookmarks = bookmarkNames(headingAnchors(docs));
  const parts = new Map<string, string>();
  let rels = '';
  let overrides = '';
  let body = '';

  docs.forEach((doc, i) => {
    const n = i + 1;
    const geometry = pageGeometry(doc.orientation);
    const endBookmark = endBookmarkName(n);
    const ctx: RenderContext = { geometry, ids, bookmarks, endBookmark };
    const refs = { headerRelId: `rIdHeader${n}`, footerRelId: `rIdFooter${n}` };
    parts.set(`word/header${n}.xml`, headerPart(doc, geometry));
    parts.set(`word/footer${n}.xml`, footerPart(doc, endBookmark));
    rels += `<Relationship${attrs([['Id', refs.headerRelId], ['Type', REL_HEADER], ['Target', `header${n}.xml`]])}/>`;
    rels += `<Relationship${attrs([['Id', refs.footerRelId], ['Type', REL_FOOTER], ['Target', `footer${n}.xml`]])}/>`;
    overrides += `<Override${attrs([['PartName', `/word/header${n}.xml`], ['ContentType', CT_HEADER]])}/>`;
    overrides += `<Override${attrs([['PartName', `/word/footer${n}.xml`], ['ContentType', CT_FOOTER]])}/>`;

    body += renderBlocks(doc.blocks, ctx);
    // A section ends with a hairline paragraph holding the end bookmark (its page number is the
    // document's page count) and the sectPr; the last document's sectPr sits at body level.
    const id = ids.next();
    const mark = `<w:bookmarkStart${attrs([['w:id', id], ['w:name', endBookmark]])}/><w:bookmarkEnd${attrs([['w:id', id]])}/>`;
    const sect = sectPr(geometry, refs);
    body += i === docs.length - 1 ? hairline('', mark) + sect : hairline(sect, mark);
  });

  const base = loadBase();
  const text = (name: string): string => {
    const bytes = base.get(name);
    if (!bytes) throw new Error(`Base DOCX lacks ${name}`);
    return new TextDecoder().decode(bytes);
  };
  const entries = new Map<string, Uint8Array | string>(base);
  entries.set('word/document.xml', fillMainPart(base, { body }));
  entries.set('[Content_Types].xml', insertBefore(text('[Content_Types].xml'), '</Types>', overrides));
  entries.set('word/_rels/document.xml.rels', insertBefore(text('word/_rels/document.xml.rels'), '</Relationships>', rels));
  entries.set('docProps/core.xml', coreXml(set.meta, validationsOf(docs)));
  for (const [name, xml] of parts) entries.set(name, xml);
  return zipDeterministic(entries, metaDate(set.meta));
}
