// `npx tsx bench/longs-textes.ts`: layout time and work for very long texts (a paragraph, one
// long word, the same in a table cell) at growing sizes. The work (glyph advances, frames moved)
// must double when the text doubles; test/pdf/linear.test.ts checks that, this prints timings.
// Such texts are refused at validation (10,000 characters per field): this measures the layout
// itself, which must stay linear whatever reaches it.
import type { Block } from '../src/ir/types.ts';
import { layoutCounters, resetLayoutCounters } from '../src/layout/counters.ts';
import { FontBook, layoutDocumentSet } from '../src/layout/index.ts';
import { cell, doc, p, row, set, table } from '../test/pdf/builders.ts';

const prose = (n: number): string => 'contrat pluriannuel d’objectifs et de moyens '.repeat(Math.ceil(n / 45)).slice(0, n);
const word = (n: number): string => 'x'.repeat(n);
const inCell = (text: string): Block[] => [table([1, 3], [row(cell('Champ'), cell('Valeur'))], [row(cell('texte'), cell(text))])];

const cases: Array<[string, (n: number) => Block[]]> = [
  ['paragraphe', (n) => [p(prose(n))]],
  ['mot unique', (n) => [p(word(n))]],
  ['cellule, paragraphe', (n) => inCell(prose(n))],
  ['cellule, mot unique', (n) => inCell(word(n))],
];

for (const [name, blocks] of cases) {
  for (const n of [100_000, 400_000, 2_000_000]) {
    resetLayoutCounters();
    const t0 = performance.now();
    const laid = layoutDocumentSet(set([doc('d', 'Document', blocks(n))]), new FontBook());
    const ms = Math.round(performance.now() - t0);
    const pages = laid.documents[0]!.pages.length;
    console.log(`${name.padEnd(20)} ${String(n).padStart(9)} car. ${String(pages).padStart(5)} p. ${String(ms).padStart(6)} ms  avances ${layoutCounters.advances}  cadres ${layoutCounters.framesMoved}`);
  }
}
