// Signature block → chunks: lead-in lines, then the parties side by side (three per row at
// most), with room to sign. Every chunk is tied to the next, and the flow ties the block to
// the paragraph before it: the block is never split nor left alone on a page.
//
// A row of parties is set as the DOCX sets its table (writers/docx/signature.ts): equal columns
// padded like table cells, and three bands — qualities, signature space, names, mentions — each
// starting below the tallest cell of the band before, so names and mentions share baselines.
import { mentionInlines, signatoryInlines, type Inline, type SignatureBlock, type SignatureParty } from '../ir/types.ts';
import type { LayoutContext } from './blocks.ts';
import { linesOf } from './blocks.ts';
import type { Chunk } from './flow.ts';
import { shift } from './flow.ts';
import { lineFrames, type Line } from './linebreak.ts';
import { CELL_PAD_X, PARAGRAPH_STYLES, SIGN_PER_ROW, SIGN_SPACE, type TextStyle } from './styles.ts';
import { signatureKey } from './structure.ts';
import type { Frame, SignatureZone } from './types.ts';

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

  const perRow = Math.min(SIGN_PER_ROW, Math.max(1, s.parties.length));
  const cellW = width / perRow;
  const colW = cellW - 2 * CELL_PAD_X;
  const partyStyle: TextStyle = { ...PARAGRAPH_STYLES.center, spaceAfter: 0 };
  const nameStyle: TextStyle = { ...PARAGRAPH_STYLES.center, bold: true, spaceAfter: 0 };
  const mentionStyle: TextStyle = { ...PARAGRAPH_STYLES.note, align: 'center', spaceAfter: 0 };
  const text = (t: string): Inline[] => [{ type: 'text', text: t }];
  const bands: ReadonlyArray<(p: SignatureParty) => readonly Line[]> = [
    (p) => p.lines.flatMap((l) => linesOf(l, partyStyle, colW, ctx)),
    (p) => {
      const name = signatoryInlines(p);
      return name.length ? linesOf(name, nameStyle, colW, ctx) : [];
    },
    (p) => mentionInlines(p).flatMap((m) => linesOf(m, mentionStyle, colW, ctx)),
  ];

  for (let start = 0; start < s.parties.length; start += perRow) {
    const row = s.parties.slice(start, start + perRow);
    const frames: Frame[] = [];
    const zones: SignatureZone[] = [];
    let top = 0;
    /** Where the signature space starts (after the qualities), and each party's last line. */
    let signAt = 0;
    const bottom: number[] = [];
    bands.forEach((band, b) => {
      if (b === 1) {
        signAt = top;
        top += SIGN_SPACE;
        row.forEach((_, k) => (bottom[k] = top));
      }
      let tallest = 0;
      row.forEach((party, k) => {
        const x = ctx.geo.left + k * cellW + CELL_PAD_X;
        let y = top;
        for (const l of band(party)) {
          frames.push(...shift(lineFrames(l), x, y, signatureKey('party', start + k)));
          y += l.height;
        }
        if (b >= 1) bottom[k] = Math.max(bottom[k]!, y);
        tallest = Math.max(tallest, y - top);
      });
      top += tallest;
    });
    // Each party's signature area: the room to sign and the name and mentions printed under it.
    row.forEach((party, k) => {
      zones.push({ kind: 'signature', party: party.id, rank: start + k + 1, x: ctx.geo.left + k * cellW + CELL_PAD_X, y: signAt, w: colW, h: bottom[k]! - signAt });
    });
    chunks.push({ height: top, spaceBefore: 14, keepWithNext: start + perRow < s.parties.length, frames, zones });
  }
  return chunks;
}
