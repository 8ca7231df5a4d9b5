// The texts a reader sees, straight from the IR: the « real words » the line-break detectors
// judge each line end against (body, tables, signature blocks and page furniture).
import { blockText } from '../../src/amend/redline/text.ts';
import type { Document } from '../../src/ir/types.ts';

/** Every text of a document, furniture included (running header, notices, paraphe labels). */
export function documentTexts(doc: Document): string[] {
  return [doc.headerTitle, doc.name, ...(doc.notices ?? []), ...(doc.parapheLabels ?? []), ...doc.blocks.map(blockText)];
}
