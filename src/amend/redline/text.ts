// Plain text of IR blocks, for pairing similar blocks and for checking that accepting all
// changes of a redline gives the newer version and rejecting them the older one.
import type { Block, DocumentSet } from '../../ir/types.ts';
import { assertNever, headingText, inlineText, mentionInlines, signatoryInlines } from '../../ir/types.ts';

export function blockText(b: Block): string {
  switch (b.type) {
    case 'paragraph':
      return inlineText(b.content);
    case 'heading':
      return headingText(b);
    case 'list':
      return b.items.map((i) => inlineText(i.content)).join('\n');
    case 'table':
      return [...b.headerRows, ...b.bodyRows].map((r) => r.cells.map((c) => c.content.map((p) => inlineText(p.content)).join('\n')).join(' | ')).join('\n');
    case 'signature':
      return [
        ...b.leadIn.map((p) => inlineText(p.content)),
        ...b.parties.flatMap((p) => {
          const name = inlineText(signatoryInlines(p));
          return [...p.lines.map(inlineText), ...(name ? [name] : []), ...mentionInlines(p).map(inlineText)];
        }),
      ].join('\n');
    case 'pageBreak':
      return '';
    default:
      return assertNever(b, 'block');
  }
}

/** Text of a whole set, document by document; page breaks do not count. */
export function setText(set: DocumentSet): string {
  return set.documents
    .map((d) => [`## ${d.id}`, ...d.blocks.filter((b) => b.type !== 'pageBreak').map(blockText)].join('\n'))
    .join('\n');
}
