// Block dispatch: one IR block → OOXML body content.

import { assertNever, type Block } from '../../ir/types.ts';
import type { RenderContext } from './context.ts';
import { renderHeading, renderList, renderPageBreak, renderParagraph } from './prose.ts';
import { renderSignature } from './signature.ts';
import { renderTable } from './table.ts';

/**
 * A hairline paragraph. Word fuses two adjacent w:tbl into one table, and a section's closing
 * w:sectPr must sit in a paragraph; this separator does both jobs while taking ~1 pt of height.
 */
export const HAIRLINE_PARAGRAPH_PPR =
  '<w:pStyle w:val="Filet"/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>';

export function hairline(sectPr = '', content = ''): string {
  return `<w:p><w:pPr>${HAIRLINE_PARAGRAPH_PPR}${sectPr}</w:pPr>${content}</w:p>`;
}

export function renderBlock(block: Block, ctx: RenderContext): string {
  switch (block.type) {
    case 'heading':
      return renderHeading(block, ctx);
    case 'paragraph':
      return renderParagraph(block, ctx);
    case 'list':
      return renderList(block, ctx);
    case 'table':
      return renderTable(block, ctx);
    case 'signature':
      return renderSignature(block, ctx);
    case 'pageBreak':
      return renderPageBreak();
    default:
      return assertNever(block, 'block');
  }
}

export function renderBlocks(blocks: readonly Block[], ctx: RenderContext): string {
  let out = '';
  let previousEndsWithTable = false;
  for (const block of blocks) {
    const startsWithTable = block.type === 'table' || (block.type === 'signature' && block.leadIn.length === 0);
    if (previousEndsWithTable && startsWithTable) out += hairline();
    out += renderBlock(block, ctx);
    previousEndsWithTable = block.type === 'table' || block.type === 'signature';
  }
  return out;
}
