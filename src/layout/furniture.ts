// Page furniture, drawn once pagination is known: running header (model title, document
// name), "Page X / Y" counted within the document, and one bordered paraphe box per party on
// every page of documents that are initialled.
import type { Document } from '../ir/types.ts';
import type { LayoutContext } from './blocks.ts';
import { linesOf } from './blocks.ts';
import { pushMoved, shift } from './flow.ts';
import { lineFrames } from './linebreak.ts';
import { FURNITURE_GRAY, FURNITURE_SIZE, MM, RULE, type TextStyle } from './styles.ts';
import type { Frame, SignatureZone, TextFrame } from './types.ts';

const HEADER: TextStyle = { size: FURNITURE_SIZE, leading: FURNITURE_SIZE * 1.25, align: 'left', spaceBefore: 0, spaceAfter: 0, italic: true };
const FOOTER: TextStyle = { ...HEADER, italic: false, size: 8.5, leading: 10.5 };
const LABEL: TextStyle = { ...HEADER, italic: false, size: 7, leading: 8.5 };
const ELLIPSIS = '…';
/** Notices (« Texte reconstitué… », « Version consolidée… »): black, bold, centred, wrapped. */
const NOTICE: TextStyle = { ...HEADER, italic: false, bold: true, align: 'center', leading: FURNITURE_SIZE * 1.3 };

/** The notice lines of a document, wrapped to the text width (never shortened: legal text). */
function noticeLines(doc: Document, width: number, ctx: LayoutContext) {
  return (doc.notices ?? []).flatMap((n) => linesOf([{ type: 'text', text: n }], NOTICE, width, ctx));
}

/**
 * Room the notices take above the running header. The body starts that much lower on every
 * page of the document (layout calls this before paginating).
 */
export function noticeHeight(doc: Document, ctx: LayoutContext): number {
  return noticeLines(doc, ctx.geo.right - ctx.geo.left, ctx).length * NOTICE.leading;
}

/** One line of text, shortened with an ellipsis to fit `max`; frames at x = 0, y = baseline. */
function oneLine(text: string, style: TextStyle, max: number, ctx: LayoutContext): { frames: Frame[]; width: number } {
  let t = text.replace(/\s+/g, ' ').trim();
  for (;;) {
    const lines = linesOf([{ type: 'text', text: t }], style, 1e6, ctx);
    const l = lines[0]!;
    if (l.width <= max || t.length <= 1) {
      const frames = l.frames.map((f) => ({ ...f, y: 0, gray: FURNITURE_GRAY }) as TextFrame);
      return { frames, width: l.width };
    }
    t = t.slice(0, Math.max(1, Math.floor(t.length * Math.min(0.97, max / l.width)) - 1)).trimEnd() + ELLIPSIS;
  }
}

/**
 * Header, footer and paraphe boxes of one page; each paraphe box is also pushed on `zones`.
 * `notice`: on the page that should carry them in the structure tree (the first), the block
 * index the notices are read as: « Texte reconstitué… » is a legal mention, not decoration.
 */
export function furnitureFrames(doc: Document, page: number, pages: number, ctx: LayoutContext, zones: SignatureZone[] = [], notice?: number): Frame[] {
  const g = ctx.geo;
  const width = g.right - g.left;
  const frames: Frame[] = [];

  // Header: title left, document name right; on two lines when they do not fit side by side.
  const title = oneLine(doc.headerTitle, HEADER, width, ctx);
  const name = oneLine(doc.name, HEADER, width, ctx);
  const ruleY = g.top - 10;
  if (title.width + name.width + 18 <= width) {
    frames.push(...shift(title.frames, g.left, ruleY - 4), ...shift(name.frames, g.right - name.width, ruleY - 4));
  } else {
    frames.push(...shift(title.frames, g.left, ruleY - 4 - HEADER.leading), ...shift(name.frames, g.right - name.width, ruleY - 4));
  }
  frames.push({ kind: 'line', x1: g.left, y1: ruleY, x2: g.right, y2: ruleY, width: RULE, gray: FURNITURE_GRAY });

  // Notices above the header, last one nearest to it.
  const notices = noticeLines(doc, width, ctx);
  let baseline = ruleY - 4 - (title.width + name.width + 18 <= width ? 0 : HEADER.leading) - NOTICE.leading * notices.length;
  for (const l of notices) {
    // Line frames sit at their baseline offset within the line: move that offset to `baseline`.
    const offset = l.frames[0]?.y ?? 0;
    pushMoved(frames, lineFrames(l), g.left, baseline - offset, notice);
    baseline += NOTICE.leading;
  }

  const num = oneLine(`Page ${page} / ${pages}`, FOOTER, width, ctx);
  if (!g.paraphe) {
    frames.push(...shift(num.frames, g.left + (width - num.width) / 2, g.height - 10 * MM));
    return frames;
  }

  // Paraphe boxes, right-aligned in the bottom margin; the page number moves to the left.
  const boxTop = g.bottom + 6 * MM;
  const boxH = 16 * MM;
  const n = doc.paraphe.length;
  const maxW = (width - 70 - 8 * (n - 1)) / n; // leave room for the page number
  const labels = doc.paraphe.map((p, i) => oneLine(doc.parapheLabels?.[i] ?? `Paraphe — ${p}`, LABEL, maxW - 8, ctx));
  let x = g.right;
  for (let k = labels.length - 1; k >= 0; k--) {
    const l = labels[k]!;
    const w = Math.min(maxW, Math.max(40 * MM, l.width + 8));
    x -= w;
    frames.push({ kind: 'rect', x, y: boxTop, w, h: boxH, stroke: RULE });
    zones.unshift({ kind: 'paraphe', party: doc.paraphe[k]!, rank: k + 1, x, y: boxTop, w, h: boxH });
    frames.push(...shift(l.frames, x + 4, boxTop + 9).map((f) => (f.kind === 'text' ? { ...f, gray: 0 } : f)));
    x -= 8;
  }
  frames.push(...shift(num.frames, g.left, boxTop + boxH - 2));
  return frames;
}
