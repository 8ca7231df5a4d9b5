// Fixed heading numbers (`### Article #2 – …`): parsed, kept by resolve when an earlier article
// is absent, given by {% ref %}, and refused by the checker when they could print twice or
// decreasing.
import { describe, expect, it } from 'vitest';
import { checkFixedNumbers } from '../../src/dsl/fixed-numbers.ts';
import { resolve } from '../../src/ir/resolve/index.ts';
import type { Block, DocumentSet } from '../../src/ir/types.ts';
import { run } from '../helpers/cli.ts';
import { contract, parse, render } from './helpers.ts';

function fixedDiags(text: string) {
  const p = parse(text);
  return [...p.diagnostics, ...checkFixedNumbers(p.doc.body)];
}

function numbered(text: string, c = contract()) {
  const { blocks, diags } = render(text, c);
  expect(diags).toEqual([]);
  const set: DocumentSet = {
    type: 'documentSet',
    meta: { title: 't', subject: 's', author: 'a', date: '2019-01-01', model: 'm@1', lang: 'fr-FR' },
    documents: [{ type: 'document', id: 'd', name: 'D', headerTitle: 'H', orientation: 'portrait', paraphe: [], parapheLabels: [], provenance: 'verbatim', blocks }],
  };
  const r = resolve(set);
  const out = r.set.documents[0]!.blocks;
    // Resolve glues numbers to their word (U+00A0): compared here as plain spaces.
  return {
    numbers: out.flatMap((b: Block) => (b.type === 'heading' && b.number ? [b.number.replace(/\u00a0/g, ' ')] : [])),
    text: out.flatMap((b) => (b.type === 'paragraph' ? [b.content.map((i) => ('text' in i ? i.text : '')).join('').replace(/\u00a0/g, ' ')] : [])),
    diagnostics: r.diagnostics,
  };
}

const ABSENT = '{% si titulaire.statut = "espic" %}\n### Article #1 – Base {#base}\n{% finsi %}\n';

describe('fixed heading numbers', () => {
  it('parses the number glued to « # » and keeps the pattern and separator', () => {
    const h = parse('### Article #2 – Subventions FMESPP').doc.body[0] as { fixed?: number; numbering?: string; separator?: string };
    expect(h).toMatchObject({ fixed: 2, numbering: 'Article #', separator: ' – ' });
    expect((parse('### Article # 2024').doc.body[0] as { fixed?: number }).fixed).toBeUndefined();
    expect(parse('### Article #0 – X').diagnostics[0]).toMatchObject({ code: 'DSL-NUMERO-FIXE' });
    expect(parse('### Article #02 – X').diagnostics[0]).toMatchObject({ code: 'DSL-NUMERO-FIXE' });
  });

  it('keeps the model’s numbers when an earlier article is absent, and refs give them', () => {
    const text = `${ABSENT}### Article #2 – FMESPP {#fmespp}\n### Article #3 – FIR {#fir}\n### Article # – Tarifs\nVoir l’article {% ref fir %} et l’article {% ref fmespp %}.`;
    const r = numbered(text);
    expect(r.numbers).toEqual(['Article 2', 'Article 3', 'Article 4']);
    expect(r.text).toEqual(['Voir l’article 3 et l’article 2.']);
    expect(r.diagnostics).toEqual([]);
    expect(numbered(text, contract({ titulaire: { ...contract().titulaire, statut: 'espic' } })).numbers).toEqual(['Article 1', 'Article 2', 'Article 3', 'Article 4']);
  });

  it('fixes the last counter of a « #.# » pattern', () => {
    expect(numbered('### Article # – A\n#### Article #.#3 – B\n#### Article #.# – C').numbers).toEqual(['Article 1', 'Article 1.3', 'Article 1.4']);
  });

  it('accepts increasing fixed numbers with room for the « # » between them, and alternatives', () => {
    expect(fixedDiags(`${ABSENT}### Article #2 – A\n### Article # – B\n### Article #4 – C`)).toEqual([]);
    expect(fixedDiags('{% si existe(reference) %}\n### Article #2 – A\n{% sinon %}\n### Article #2 – B\n{% finsi %}\n### Article #3 – C')).toEqual([]);
  });

  it('refuses duplicated, decreasing or too small fixed numbers, and fixed numbers in loops', () => {
    const dup = fixedDiags('### Article #2 – A\n### Article #2 – B');
    expect(dup).toMatchObject([{ code: 'DSL-NUMERO-FIXE', span: { start: { line: 2 } } }]);
    expect(dup[0]!.message).toContain('en double');
    expect(fixedDiags('### Article #3 – A\n### Article #2 – B')[0]!.message).toContain('décroissant');
    const small = fixedDiags('### Article #2 – A\n### Article # – B\n### Article #3 – C');
    expect(small).toMatchObject([{ code: 'DSL-NUMERO-FIXE', span: { start: { line: 3 } } }]);
    expect(small[0]!.message).toContain('trop petit');
    expect(fixedDiags('### Article # – A\n### Article #1 – B')[0]!.code).toBe('DSL-NUMERO-FIXE');
    expect(fixedDiags('{% pour e dans engagements %}\n### Article #2 – A\n{% finpour %}')[0]!.message).toContain('boucle');
    expect(fixedDiags('{% pour e dans engagements %}\n### Article # – A\n{% finpour %}\n### Article #9 – B')[0]!.message).toContain('dépend des données');
  });

  it('does not let a « Titre » reset a plain « # » article counter', () => {
    expect(fixedDiags('### Article # – A\n## Titre # – T\n### Article #1 – B')[0]!.code).toBe('DSL-NUMERO-FIXE');
    expect(fixedDiags('### Article # – A\n#### Article #.#2 – a\n### Article # – B\n#### Article #.#1 – b')).toEqual([]);
  });

  it('makes `cpom verifier` refuse a model that fixes a number twice, at its line', async () => {
    const r = await run('verifier', 'fixtures/bad-templates/numero-fixe');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/numero-fixe\/socle\.md:8:\d+ : erreur \[DSL-NUMERO-FIXE\]/);
    expect(r.err).toContain('en double');
  });

  it('reports at resolve a fixed number that does not move the counter forward', () => {
    const r = numbered('### Article # – A\n### Article # – B\n### Article #2 – C');
    expect(r.diagnostics).toMatchObject([{ severity: 'erreur', code: 'NUMERO-FIXE' }]);
    expect((r.numbers as string[]).at(-1)).toBe('Article 2');
  });
});

