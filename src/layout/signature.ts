// Signature block → chunks: lead-in lines, then the parties side by side (three per row at
// most), with room to sign. Every chunk is tied to the next, and the flow ties the block to
// the paragraph before it: the block is never split nor left alone on a page.
import type { Inline, SignatureBlock } from '../ir/types.ts';
import type { LayoutContext } from './blocks.ts';
import { linesOf } from './blocks.ts';
import type { Chunk } from './flow.ts';
import { shift } from './flow.ts';
import { lineFrames } from './linebreak.ts';
import { PARAGRAPH_STYLES, type TextStyle } from './styles.ts';
import { signatureKey } from './structure.ts';
import type { Frame, SignatureZone } from './types.ts';

const SIGN_SPACE = 54;
const COLUMN_GAP = 12;

export function signatureChunks(s: SignatureBlock, ctx: LayoutContext): Chunk[] {
  const width = ctx.geo.right - ctx.geo.left;
  const chunks: Chunk[] = [];

  s.leadIn.forEach((p, k) => {
    const style = PARAGRAPH_STYLES[p.style];
    const lines = linesOf(p.content, style, width, ctx);
    lines.forEach((l, i) => {
      chunks.push({
        height: l.height,
        spaceBefore: i === 0 && k > 0 ? style.spaceAfter : 0,
        keepWithNext: true,
        frames: shift(lineFrames(l), ctx.geo.left, 0, signatureKey('lead-in', k)),
      });
    });
  });

  const perRow = Math.min(3, Math.max(1, s.parties.length));
  const colW = (width - COLUMN_GAP * (perRow - 1)) / perRow;
  const partyStyle: TextStyle = { ...PARAGRAPH_STYLES.center, spaceAfter: 0 };
  const nameStyle: TextStyle = { ...PARAGRAPH_STYLES.center, bold: true, spaceAfter: 0 };
  const mentionStyle: TextStyle = { ...PARAGRAPH_STYLES.note, align: 'center', spaceAfter: 0 };

  for (let start = 0; start < s.parties.length; start += perRow) {
    const row = s.parties.slice(start, start + perRow);
    const frames: Frame[] = [];
    const zones: SignatureZone[] = [];
    let height = 0;
    // The signature spaces of a row start at the same height, below the party with the most
    // wrapped lines, so that names line up across columns as in the DOCX table.
    const headHeight = (party: (typeof row)[number]): number =>
      party.lines.reduce((h, line) => h + linesOf(line, partyStyle, colW, ctx).reduce((a, l) => a + l.height, 0), 0);
    const signAt = Math.max(...row.map(headHeight));
    row.forEach((party, k) => {
      const x = ctx.geo.left + k * (colW + COLUMN_GAP);
      let y = 0;
      const put = (content: readonly Inline[], style: TextStyle): void => {
        for (const l of linesOf(content, style, colW, ctx)) {
          frames.push(...shift(lineFrames(l), x, y, signatureKey('party', start + k)));
          y += l.height;
        }
      };
      for (const line of party.lines) put(line, partyStyle);
      y = signAt + SIGN_SPACE;
      if (party.signatory) put([{ type: 'text', text: party.signatory }], nameStyle);
      for (const m of party.mentions) put([{ type: 'text', text: m }], mentionStyle);
      // The signature area: the room to sign and the name and mentions printed under it.
      zones.push({ kind: 'signature', party: party.id, rank: start + k + 1, x, y: signAt, w: colW, h: y - signAt });
      height = Math.max(height, y);
    });
    chunks.push({ height, spaceBefore: 14, keepWithNext: start + perRow < s.parties.length, frames, zones });
  }
  return chunks;
}
