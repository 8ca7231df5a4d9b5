// Signature block: lead-in lines, then a borderless table with one column per party.
//
// It must never split across pages. The recipe measured in LibreOffice (toolchain.md): rows
// with w:cantSplit, w:keepNext on every paragraph but the very last, lead-in paragraphs
// keepNext too. Each row of parties is set as bands, one table row each — qualities, signature
// space (exact height), names, mentions — so that however a quality wraps, the names and the
// mentions of all columns sit on common baselines, as in the PDF (layout/signature.ts).

import { mentionInlines, signatoryInlines, type Inline, type SignatureBlock, type SignatureParty } from '../../ir/types.ts';
import { SIGN_PER_ROW, SIGN_SPACE } from '../../layout/styles.ts';
import type { RenderContext } from './context.ts';
import { renderInlines } from './inline.ts';
import { distribute, ptToHalfPoints } from './page.ts';
import { paragraph, type ParagraphProps, type RunFormat } from './paragraph.ts';
import { renderParagraph } from './prose.ts';
import { tableBorders, tblGrid, tblPr } from './table.ts';
import { empty } from './xml.ts';

const SIGN_SPACE_TWIPS = Math.round(SIGN_SPACE * 20);
/** The PDF's note size (PARAGRAPH_STYLES.note), italic. */
const MENTION_FORMAT: RunFormat = { italic: true, halfPoints: ptToHalfPoints(8.5) };
const STYLE: ParagraphProps = { styleId: 'Signature' };

/** One band of a party's cell: the runs of each of its paragraphs. */
type Band = (party: SignatureParty, ctx: RenderContext) => string[];

const BANDS: readonly Band[] = [
  (p, ctx) => p.lines.map((l: readonly Inline[]) => renderInlines(l, ctx)),
  () => [],
  (p, ctx) => {
    const name = signatoryInlines(p);
    return name.length ? [renderInlines(name, ctx)] : [];
  },
  (p, ctx) => mentionInlines(p).map((m) => renderInlines(m, ctx, MENTION_FORMAT)),
];

export function renderSignature(block: SignatureBlock, ctx: RenderContext): string {
  if (block.parties.length === 0) throw new Error('Signature block without parties reached the DOCX writer');
  const leadIn = block.leadIn.map((p) => renderParagraph(p, ctx, { keepNext: true })).join('');

  const ncols = Math.min(block.parties.length, SIGN_PER_ROW);
  const widths = distribute(new Array<number>(ncols).fill(1), ctx.geometry.textWidth);
  const rows: SignatureParty[][] = [];
  for (let i = 0; i < block.parties.length; i += ncols) rows.push(block.parties.slice(i, i + ncols));

  const trs: string[] = [];
  rows.forEach((row, r) => {
    BANDS.forEach((band, b) => {
      const signSpace = b === 1;
      const cells = row.map((party) => band(party, ctx));
      // A band nobody fills (no names known, no mentions) takes no room.
      if (!signSpace && cells.every((c) => c.length === 0)) return;
      const lastBand = r === rows.length - 1 && BANDS.slice(b + 1).every((bb) => row.every((p) => bb(p, ctx).length === 0));
      const tcs = widths.map((w, c) => {
        const runs = cells[c] ?? [];
        const paras = runs.length > 0 ? runs : [''];
        const xml = paras
          .map((rr, i) => paragraph({ ...STYLE, keepNext: !(lastBand && c === widths.length - 1 && i === paras.length - 1) }, rr))
          .join('');
        return `<w:tc><w:tcPr>${empty('w:tcW', [['w:w', w], ['w:type', 'dxa']])}</w:tcPr>${xml}</w:tc>`;
      });
      const height = signSpace ? empty('w:trHeight', [['w:val', SIGN_SPACE_TWIPS], ['w:hRule', 'exact']]) : '';
      trs.push(`<w:tr><w:trPr><w:cantSplit/>${height}</w:trPr>${tcs.join('')}</w:tr>`);
    });
  });

  const table =
    `<w:tbl>${tblPr('TableauSimple', ctx.geometry.textWidth, tableBorders(new Set()))}` +
    `${tblGrid(widths)}${trs.join('')}</w:tbl>`;
  return leadIn + table;
}
