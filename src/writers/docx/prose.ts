// Text blocks: paragraphs, headings, lists, page breaks.

import type { Heading, Inline, List, Paragraph } from '../../ir/types.ts';
import type { RenderContext } from './context.ts';
import { renderInlines, revisionMark } from './inline.ts';
import { wholeRevision } from '../../ir/revisions.ts';
import { HEADING_STYLE_IDS, PARAGRAPH_STYLE_IDS, paragraph, type RunFormat } from './paragraph.ts';
import { attrs } from './xml.ts';

export interface ParagraphOptions {
  /** Forces keepNext on (signature blocks) regardless of the IR flag. */
  readonly keepNext?: boolean;
  readonly format?: RunFormat;
}

/** The paragraph-mark revision of content wholly inserted or deleted, if any. */
function markOf(content: readonly Inline[], ctx: RenderContext): { mark?: string } {
  const rev = wholeRevision(content);
  return rev ? { mark: revisionMark(rev, ctx) } : {};
}

export function renderParagraph(p: Paragraph, ctx: RenderContext, opts: ParagraphOptions = {}): string {
  return paragraph(
    { styleId: PARAGRAPH_STYLE_IDS[p.style], keepNext: opts.keepNext ?? p.keepWithNext, ...markOf(p.content, ctx) },
    renderInlines(p.content, ctx, opts.format),
  );
}

/** Heading text is `number + separator + content`, exactly as `headingText` in the IR. */
export function renderHeading(h: Heading, ctx: RenderContext): string {
  const prefix: Inline[] = h.number ? [{ type: 'text', text: `${h.number}${h.separator ?? ' – '}` }] : [];
  let runs = renderInlines([...prefix, ...h.content], ctx);
  const bookmark = h.anchor === undefined ? undefined : ctx.bookmarks.get(h.anchor);
  if (bookmark) {
    const id = ctx.ids.next();
    runs = `<w:bookmarkStart${attrs([['w:id', id], ['w:name', bookmark]])}/>${runs}<w:bookmarkEnd${attrs([['w:id', id]])}/>`;
  }
  // keepNext comes from the heading styles; restating it here keeps it if a user restyles.
  return paragraph({ styleId: HEADING_STYLE_IDS[h.level], keepNext: true, ...(h.number ? {} : markOf(h.content, ctx)) }, runs);
}

/**
 * Lists are hanging-indent paragraphs whose marker is literal text followed by a tab: no
 * numbering.xml instance to keep in sync, and the printed marker is exactly the IR's.
 */
export function renderList(list: List, ctx: RenderContext): string {
  const bullet = list.bullet ?? '–';
  return list.items
    .map((item, i) => {
      const marker: Inline = { type: 'text', text: `${list.ordered ? `${i + 1}.` : bullet}\t` };
      const rev = wholeRevision(item.content);
      // The marker is tracked with its item, so a deleted item leaves no orphan bullet.
      const m: Inline = rev ? { ...marker, revision: rev } : marker;
      return paragraph({ styleId: 'Liste', ...markOf(item.content, ctx) }, renderInlines([m, ...item.content], ctx));
    })
    .join('');
}

export function renderPageBreak(): string {
  return '<w:p><w:r><w:br w:type="page"/></w:r></w:p>';
}
