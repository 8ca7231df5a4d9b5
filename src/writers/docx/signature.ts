// Signature block: lead-in lines, then a borderless table with one column per party.
//
// It must never split across pages. The recipe measured in LibreOffice (toolchain.md): rows
// with w:cantSplit, w:keepNext on every paragraph but the very last, lead-in paragraphs
// keepNext too. Parties are padded to the same number of lines in a row so the signature spaces
// and names line up across columns.

import type { Inline, SignatureBlock, SignatureParty } from '../../ir/types.ts';
import type { RenderContext } from './context.ts';
import { renderInlines } from './inline.ts';
import { distribute, ptToHalfPoints } from './page.ts';
import { paragraph, type ParagraphProps, type RunFormat } from './paragraph.ts';
import { renderParagraph } from './prose.ts';
import { tableBorders, tblGrid, tblPr } from './table.ts';
import { empty } from './xml.ts';

/** More parties than this go on further rows: columns narrower than ~5 cm wrap every line. */
const MAX_PER_ROW = 3;
/** Blank height left for the handwritten signature (2.5 cm). */
const SIGN_SPACE = 1418;
const MENTION_FORMAT: RunFormat = { italic: true, halfPoints: ptToHalfPoints(9) };

/** One cell's paragraphs before keepNext is decided: props without keepNext, runs. */
type Para = readonly [ParagraphProps, string];

function partyParagraphs(
  party: SignatureParty | undefined,
  nLines: number,
  nMentions: number,
  ctx: RenderContext,
): Para[] {
  const style: ParagraphProps = { styleId: 'Signature' };
  const lines = party?.lines ?? [];
  const mentions = party?.mentions ?? [];
  const out: Para[] = [];
  for (let i = 0; i < nLines; i += 1) {
    const line: readonly Inline[] = lines[i] ?? [];
    out.push([style, renderInlines(line, ctx)]);
  }
  out.push([{ ...style, spacing: { before: 0, after: 0, exactLine: SIGN_SPACE } }, '']);
  out.push([style, party?.signatory ? renderInlines([{ type: 'text', text: party.signatory, bold: true }], ctx) : '']);
  for (let i = 0; i < nMentions; i += 1) {
    const m = mentions[i];
    out.push([style, m === undefined ? '' : renderInlines([{ type: 'text', text: m }], ctx, MENTION_FORMAT)]);
  }
  return out;
}

export function renderSignature(block: SignatureBlock, ctx: RenderContext): string {
  if (block.parties.length === 0) throw new Error('Signature block without parties reached the DOCX writer');
  const leadIn = block.leadIn.map((p) => renderParagraph(p, ctx, { keepNext: true })).join('');

  const ncols = Math.min(block.parties.length, MAX_PER_ROW);
  const widths = distribute(new Array<number>(ncols).fill(1), ctx.geometry.textWidth);
  const rows: (SignatureParty | undefined)[][] = [];
  for (let i = 0; i < block.parties.length; i += ncols) {
    const row: (SignatureParty | undefined)[] = block.parties.slice(i, i + ncols);
    while (row.length < ncols) row.push(undefined);
    rows.push(row);
  }

  const rowXml = rows.map((row, r) => {
    const nLines = Math.max(...row.map((p) => p?.lines.length ?? 0));
    const nMentions = Math.max(...row.map((p) => p?.mentions.length ?? 0));
    const lastRow = r === rows.length - 1;
    const cells = row.map((party, c) => {
      const paras = partyParagraphs(party, nLines, nMentions, ctx);
      const lastCell = lastRow && c === row.length - 1;
      const xml = paras
        .map(([props, runs], i) => paragraph({ ...props, keepNext: !(lastCell && i === paras.length - 1) }, runs))
        .join('');
      return `<w:tc><w:tcPr>${empty('w:tcW', [['w:w', widths[c] ?? 0], ['w:type', 'dxa']])}</w:tcPr>${xml}</w:tc>`;
    });
    return `<w:tr><w:trPr><w:cantSplit/></w:trPr>${cells.join('')}</w:tr>`;
  });

  const table =
    `<w:tbl>${tblPr('TableauSimple', ctx.geometry.textWidth, tableBorders(new Set()))}` +
    `${tblGrid(widths)}${rowXml.join('')}</w:tbl>`;
  return leadIn + table;
}
