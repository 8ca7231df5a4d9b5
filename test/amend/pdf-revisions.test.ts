// Tracked changes in the PDF: layout draws an insertion underlined and a deletion struck
// through in grey, in paragraphs, table cells and signature blocks, without changing the text
// itself (pdftotext still reads every word) nor the layout of unmarked text.
import { describe, expect, it } from 'vitest';
import type { Revision } from '../../src/ir/types.ts';
import { layoutDocumentSet, sharedFontBook, type LineFrame, type TextFrame } from '../../src/layout/index.ts';
import { cell, doc, docSet, p, row, t, table } from '../docx/fixtures.ts';

const ins: Revision = { kind: 'insertion', author: 'ARS', date: '2022-01-17' };
const del: Revision = { ...ins, kind: 'suppression' };
const fonts = sharedFontBook();

/** Frames of the page body (the running header and footer draw rules of their own). */
const frames = (blocks: Parameters<typeof doc>[1]) =>
  layoutDocumentSet(docSet([doc('d', blocks)]), fonts)
    .documents[0]!.pages.flatMap((pg) => pg.frames)
    .filter((f) => (f.kind === 'line' ? f.y1 : f.y) > 55 && (f.kind === 'line' ? f.y1 : f.y) < 780);
const plain = (s: string) => s.replace(/\s/g, '');

describe('modifications suivies dans le PDF', () => {
  it('souligne les insertions et barre en gris les suppressions', () => {
    const fs = frames([p([t('Le montant est porté de '), t('180 000', { revision: del }), t('186 000', { revision: ins }), t(' euros.')])]);
    const texts = fs.filter((f): f is TextFrame => f.kind === 'text');
    const lines = fs.filter((f): f is LineFrame => f.kind === 'line');
    const old = texts.find((f) => plain(f.text) === '180000')!;
    const neu = texts.find((f) => plain(f.text) === '186000')!;
    expect(old.gray).toBeGreaterThan(0);
    expect(neu.gray).toBeUndefined();
    expect(texts.find((f) => f.text.startsWith('Le montant'))!.gray).toBeUndefined();
    // One rule per marked run: through the deleted text (above its baseline), under the inserted.
    expect(lines).toHaveLength(2);
    const strike = lines.find((l) => Math.abs(l.x1 - old.x) < 0.01)!;
    const under = lines.find((l) => Math.abs(l.x1 - neu.x) < 0.01)!;
    expect(strike.y1).toBeLessThan(old.y);
    expect(under.y1).toBeGreaterThan(neu.y);
    expect(strike.x2).toBeGreaterThan(strike.x1);
    expect(under.x2).toBeLessThanOrEqual(texts.find((f) => f.text.includes('euros'))!.x + 0.01);
  });

  it('marque aussi le texte des cellules de tableau', () => {
    const fs = frames([table([1, 1], [row(cell('A', { shade: true }), cell('B', { shade: true }))], [{ cells: [{ content: [p([t('ligne retirée', { revision: del })], 'cell')] }, { content: [p([t('x')], 'cell')] }] }])]);
    const ruled = fs.filter((f): f is LineFrame => f.kind === 'line' && f.gray !== undefined && f.gray > 0);
    expect(ruled.length).toBeGreaterThan(0);
  });

  it('marque d’un trait en marge une ligne de tableau supprimée ou ajoutée en entier', () => {
    const whole = (text: string, revision: Revision) => ({ cells: [{ content: [p([t(text, { revision })], 'cell')] }, { content: [p([t('', { revision })], 'cell')] }] });
    const fs = frames([table([1, 1], [row(cell('A', { shade: true }), cell('B', { shade: true }))], [row('gardée', 'x'), whole('retirée', del), whole('ajoutée', ins), { cells: [{ content: [p([t('mêlée', { revision: del })], 'cell')] }, { content: [p([t('y')], 'cell')] }] }])]);
    const texts = fs.filter((f): f is TextFrame => f.kind === 'text');
    const left = Math.min(...texts.map((f) => f.x));
    // Vertical bars left of the table, one per whole row: grey for the deleted one.
    const bars = fs.filter((f): f is LineFrame => f.kind === 'line' && f.x1 === f.x2 && f.x1 < left - 4);
    expect(bars).toHaveLength(2);
    const rowOf = (w: string) => texts.find((f) => f.text.includes(w))!.y;
    const [gone, added] = [...bars].sort((a, b) => a.y1 - b.y1);
    expect(gone!.gray).toBeGreaterThan(0);
    expect(added!.gray).toBeUndefined();
    expect(Math.min(gone!.y1, gone!.y2)).toBeLessThan(rowOf('retirée'));
    expect(Math.max(gone!.y1, gone!.y2)).toBeGreaterThan(rowOf('retirée'));
    expect(Math.max(added!.y1, added!.y2)).toBeGreaterThan(rowOf('ajoutée'));
  });

  it('ne change rien au texte non marqué', () => {
    const body = frames([p('Un paragraphe ordinaire sans modification suivie, assez long pour passer à la ligne plusieurs fois dans la largeur du texte.')]);
    expect(body.some((f) => f.kind === 'line')).toBe(false);
    expect(body.some((f) => f.kind === 'text' && f.gray !== undefined)).toBe(false);
  });
});
