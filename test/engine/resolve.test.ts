import { describe, expect, it } from 'vitest';
import { formatAmount, formatDate, formatValue, endOfPeriod } from '../../src/ir/resolve/french.ts';
import { frenchSpaces } from '../../src/ir/resolve/typography.ts';
import { resolve } from '../../src/ir/resolve/index.ts';
import type { Block, DocumentSet, Heading } from '../../src/ir/types.ts';
import { headingText } from '../../src/ir/types.ts';

function set(blocks: Block[]): DocumentSet {
  return {
    type: 'documentSet',
    meta: { title: 't', subject: 's', author: 'a', date: '2019-01-01', model: 'm@1', lang: 'fr-FR' },
    documents: [{ type: 'document', id: 'socle', name: 'Socle', headerTitle: 'T', orientation: 'portrait', paraphe: [], provenance: 'verbatim', blocks }],
  };
}
const h = (level: 2 | 3 | 4, numbering: string, text: string, anchor?: string): Heading => ({
  type: 'heading',
  level,
  numbering,
  separator: ' – ',
  ...(anchor ? { anchor } : {}),
  content: [{ type: 'text', text }],
});

describe('resolve', () => {
  it('numbers articles across titres and restarts sub-articles under each article', () => {
    const r = resolve(
      set([h(2, 'Titre #', 'Objet'), h(3, 'Article #', 'A'), h(3, 'Article #', 'B'), h(2, 'Titre #', 'Mise en œuvre'), h(3, 'Article #', 'C'), h(4, 'Article #.#', 'C1'), h(4, 'Article #.#', 'C2'), h(3, 'Article #', 'D'), h(4, 'Article #.#', 'D1')]),
    );
    const texts = r.set.documents[0]!.blocks.map((b) => headingText(b as Heading));
    // The number is glued to its word (U+00A0): « Article » never ends a line alone.
    expect(texts.map((x) => x.replace(/\u00A0/g, '~'))).toEqual(['Titre~1 – Objet', 'Article~1 – A', 'Article~2 – B', 'Titre~2 – Mise en œuvre', 'Article~3 – C', 'Article~3.1 – C1', 'Article~3.2 – C2', 'Article~4 – D', 'Article~4.1 – D1']);
  });

  it('fills cross-references with the target article number and reports dangling ones', () => {
    const para: Block = { type: 'paragraph', style: 'body', content: [{ type: 'text', text: 'voir l’article ' }, { type: 'ref', target: 'rev' }] };
    const r = resolve(set([h(3, 'Article #', 'A'), h(3, 'Article #', 'Révision', 'rev'), para]));
    expect(r.diagnostics).toEqual([]);
    const p = r.set.documents[0]!.blocks[2]!;
    expect(p.type === 'paragraph' && p.content[1]).toEqual({ type: 'ref', target: 'rev', text: '2' });
    const dangling = resolve(set([para]));
    expect(dangling.diagnostics[0]).toMatchObject({ code: 'RENVOI' });
  });

  it('applies French spaces without touching the words', () => {
    expect(frenchSpaces('Article 4 : « suivi » ; n° 3 ? L. 6114-1')).toBe('Article\u00A04\u00A0: «\u00A0suivi\u00A0»\u202F; n°\u00A03\u202F? L.\u00A06114-1');
    expect(frenchSpaces('10:30 http://x')).toBe('10:30 http://x');
  });

  it('formats French dates, amounts and values', () => {
    expect(formatDate('2019-08-03')).toBe('3\u00A0août\u00A02019');
    expect(formatAmount(1234567.891)).toBe('1\u202F234\u202F567,89\u00A0€');
    expect(formatValue('70,5 %')).toBe('70,5\u202F%');
    expect(formatValue(0.5)).toBe('0,5');
    expect(endOfPeriod('2019-01-01', 5)).toBe('2023-12-31');
    expect(endOfPeriod('2020-03-01', 1)).toBe('2021-02-28');
  });
});
