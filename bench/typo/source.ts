// The texts a reader sees, straight from the IR: the « real words » the line-break detectors
// judge each line end against (body, tables, signature blocks and page furniture).
import { assertNever, headingText, inlineText, type Block, type Document } from '../../src/ir/types.ts';

function blockTexts(b: Block): string[] {
  switch (b.type) {
    case 'heading':
      return [headingText(b)];
    case 'paragraph':
      return [inlineText(b.content)];
    case 'list':
      return b.items.map((i) => inlineText(i.content));
    case 'table':
      return [...b.headerRows, ...b.bodyRows].flatMap((r) => r.cells.flatMap((c) => c.content.map((p) => inlineText(p.content))));
    case 'signature':
      return [...b.leadIn.map((p) => inlineText(p.content)), ...b.parties.flatMap((p) => [...p.lines.map(inlineText), p.signatory ?? '', ...p.mentions])];
    case 'pageBreak':
      return [];
    default:
      return assertNever(b, 'block');
  }
}

/** Every text of a document, furniture included (running header, notices, paraphe labels). */
export function documentTexts(doc: Document): string[] {
  return [doc.headerTitle, doc.name, ...(doc.notices ?? []), ...(doc.parapheLabels ?? []), ...doc.blocks.flatMap(blockTexts)];
}
