// The layout is linear in the length of its text: doubling a paragraph, a word or a table
// cell doubles the work, counted (not timed) with the layout's operation counters. A long
// table cell used to redraw every remaining line for each page (minutes for a 2 MB field).
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/ir/types.ts';
import { layoutCounters, resetLayoutCounters } from '../../src/layout/counters.ts';
import { FontBook, layoutDocumentSet } from '../../src/layout/index.ts';
import { cell, doc, p, row, set, table } from './builders.ts';

const WORDS = ['contrat', 'pluriannuel', 'objectifs', 'moyens', 'établissement', 'agence', 'régionale', 'santé'];

/** Distinct words, so that the width cache does not hide the measuring. */
function prose(chars: number): string {
  const out: string[] = [];
  let n = 0;
  for (let k = 0; n < chars; k++) {
    const w = `${WORDS[k % WORDS.length]}${k}`;
    out.push(w);
    n += w.length + 1;
  }
  return out.join(' ');
}

const longWord = (chars: number): string => 'x'.repeat(chars);

function work(blocks: Block[]): { advances: number; framesMoved: number; pages: number } {
  resetLayoutCounters();
  // A fresh FontBook: its width cache starts empty for each measurement.
  const laid = layoutDocumentSet(set([doc('d', 'Document', blocks)]), new FontBook());
  return { ...layoutCounters, pages: laid.documents[0]!.pages.length };
}

const inCell = (text: string): Block[] => [table([1, 3], [row(cell('Champ'), cell('Valeur'))], [row(cell('texte'), cell(text))])];

describe('layout work grows linearly with the text', () => {
  it.each([
    ['a paragraph of words', (n: number) => [p(prose(n))]],
    ['a paragraph of one long word', (n: number) => [p(longWord(n))]],
    ['a table cell of words', (n: number) => inCell(prose(n))],
    ['a table cell of one long word', (n: number) => inCell(longWord(n))],
  ])('%s', (_name, blocks) => {
    const n = 60_000;
    const one = work(blocks(n));
    const two = work(blocks(2 * n));
    // Enough pages to see the growth (Liberation Serif is narrower than DejaVu: fewer pages).
    expect(one.pages).toBeGreaterThanOrEqual(8);
    expect(two.pages).toBeGreaterThanOrEqual(2 * one.pages - 1);
    // Twice the text: about twice the work (quadratic work would be about four times).
    expect(two.advances / one.advances).toBeLessThan(2.3);
    expect(two.framesMoved / one.framesMoved).toBeLessThan(2.3);
  });
});
