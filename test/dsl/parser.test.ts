import { describe, expect, it } from 'vitest';
import type { BlockNode } from '../../src/dsl/ast.ts';
import { parse } from './helpers.ts';

describe('parser: Markdown subset', () => {
  it('reads numbered headings with their separator and anchor', () => {
    const { doc, diagnostics } = parse('## Titre # – L’objet du contrat\n### Article #- Les fondements {#fondements}\n#### Article #.# – La revue\n### Annexe 1 : Orientations');
    expect(diagnostics).toEqual([]);
    const hs = doc.body.filter((b): b is Extract<BlockNode, { kind: 'heading' }> => b.kind === 'heading');
    expect(hs.map((h) => [h.level, h.numbering, h.separator, h.anchor])).toEqual([
      [2, 'Titre #', ' – ', undefined],
      [3, 'Article #', '- ', 'fondements'],
      [4, 'Article #.#', ' – ', undefined],
      [3, undefined, undefined, undefined],
    ]);
    expect(hs[1]!.content).toMatchObject([{ kind: 'text', text: 'Les fondements' }]);
  });

  it('joins paragraph lines, keeps emphasis around placeholders, and honours hard breaks', () => {
    const { doc } = parse('Le contrat **{{ titulaire.raison_sociale }}**\npermet *la* déclinaison\\\nsuite');
    const p = doc.body[0]!;
    expect(p.kind).toBe('paragraph');
    if (p.kind !== 'paragraph') return;
    expect(p.content.map((n) => n.kind)).toEqual(['text', 'value', 'text', 'text', 'text', 'break', 'text']);
    expect(p.content[1]).toMatchObject({ kind: 'value', bold: true });
    expect(p.content[3]).toMatchObject({ kind: 'text', text: 'la', italic: true });
  });

  it('splits table cells but not on the pipes of filters, and reads widths from dashes', () => {
    const { doc, diagnostics } = parse('| A | B |\n|------|--|\n| {{ dates.effet | date }} | x \\| y |');
    expect(diagnostics).toEqual([]);
    const t = doc.body[0]!;
    if (t.kind !== 'table') throw new Error('table expected');
    expect(t.widths).toEqual([6, 2]);
    const row = t.body[0]!;
    if (row.kind !== 'row') throw new Error('row expected');
    expect(row.cells[0]!.content[0]).toMatchObject({ kind: 'value', filters: [{ name: 'date' }] });
    expect(row.cells[1]!.content).toMatchObject([{ kind: 'text', text: 'x | y' }]);
  });

  it('reports an unclosed block at the line and column of its opening tag', () => {
    const { diagnostics } = parse('Texte\n\n  {% si titulaire.statut = "public" %}\nVu l’avis…\n');
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ code: 'DSL-BLOC-NON-FERME', span: { start: { line: 3, column: 3 } } });
  });

  it('reports a stray closing tag and an unknown tag', () => {
    const { diagnostics } = parse('{% finpour %}\n{% repeter %}');
    expect(diagnostics.map((d) => [d.code, d.span?.start.line])).toEqual([
      ['DSL-BLOC-NON-OUVERT', 1],
      ['DSL-BALISE-INCONNUE', 2],
    ]);
  });

  it('points expression syntax errors at the faulty token', () => {
    const { diagnostics } = parse('Valeur : {{ titulaire.statut = }}');
    expect(diagnostics[0]).toMatchObject({ code: 'DSL-SYNTAXE', span: { start: { line: 1, column: 32 } } });
    expect(diagnostics[0]!.message).toMatch(/valeur attendue/);
  });

  it('flags rows whose width differs from the table, even inside loops', () => {
    const { diagnostics } = parse('| A | B |\n|--|--|\n{% pour s dans sites %}\n| {{ s.finess_et }} |\n{% finpour %}');
    expect(diagnostics.map((d) => d.code)).toEqual(['DSL-TABLEAU']);
    expect(diagnostics[0]!.span?.start.line).toBe(4);
  });

  it('reads a signature block with parties, signatories and mentions', () => {
    const { doc, diagnostics } = parse(
      '{% signatures %}\nFait à Montpellier\n{% partie titulaire %}\nLe représentant légal\n{% signataire %}Paul DURAND\n{% mention %}(cachet)\n{% partie ars %}\nLa directrice générale\n{% finsignatures %}',
    );
    expect(diagnostics).toEqual([]);
    const s = doc.body[0]!;
    if (s.kind !== 'signatures') throw new Error('signatures expected');
    expect(s.parties.map((p) => [p.id, p.lines.length, p.mentions.length, !!p.signatory])).toEqual([
      ['titulaire', 1, 1, true],
      ['ars', 1, 0, false],
    ]);
  });

  it('inlines fragments and refuses includes that leave the templates folder', () => {
    const files: Record<string, string> = { '/modeles/test/_frag.md': '### Article # – Fragment' };
    const { parseTemplate } = require_();
    const ok = parseTemplate('/modeles/test/doc.md', '{% inclure "_frag.md" %}', { readFile: (p: string) => files[p], root: '/modeles' });
    expect(ok.diagnostics).toEqual([]);
    expect(ok.doc.body[0]).toMatchObject({ kind: 'heading', numbering: 'Article #' });
    const out = parseTemplate('/modeles/test/doc.md', '{% inclure "../../etc/passwd" %}', { readFile: () => 'x', root: '/modeles' });
    expect(out.diagnostics[0]).toMatchObject({ code: 'DSL-INCLURE' });
  });
});

import * as parserModule from '../../src/dsl/parser.ts';
function require_() {
  return parserModule;
}

describe('parser: comments', () => {
  it('skips a comment spanning several lines even when its lines look like list items', () => {
    const { doc, diagnostics } = parse('{# Notes :\n- pas une liste\n* ni celle-ci #}\nTexte');
    expect(diagnostics).toEqual([]);
    expect(doc.body.map((b) => b.kind)).toEqual(['paragraph']);
  });
});

describe('parser: lines that start and end like a comment or a tag', () => {
  it('keeps the text between two comments on one line', () => {
    const { doc, diagnostics } = parse('{# a #} texte {# b #}\n\n{# seul #}\n\n{# c #} {# d #}');
    expect(diagnostics).toEqual([]);
    expect(doc.body).toHaveLength(1);
    expect(doc.body[0]).toMatchObject({ kind: 'paragraph', content: [{ kind: 'text', text: 'texte' }] });
  });

  it('reads tag, text, tag on one line as an inline condition, not as one tag', () => {
    const { doc, diagnostics } = parse('{% si contrat.periode %}oui{% finsi %}');
    expect(diagnostics).toEqual([]);
    expect(doc.body).toHaveLength(1);
    const p = doc.body[0]!;
    if (p.kind !== 'paragraph') throw new Error(`paragraph expected, got ${p.kind}`);
    expect(p.content).toMatchObject([{ kind: 'inlineIf', branches: [{ body: [{ kind: 'text', text: 'oui' }] }] }]);
  });

  it('refuses a block tag glued to text on one line with a clear diagnostic', () => {
    const { diagnostics } = parse('{% pour e dans engagements %}{{ e.titre }}{% finpour %}');
    expect(diagnostics.map((d) => d.code)).toContain('DSL-BALISE');
    expect(diagnostics.find((d) => d.code === 'DSL-BALISE')!.message).toContain('seuls sur leur ligne');
  });

  it('still reads lone tags and comment-only lines as before', () => {
    const { doc, diagnostics } = parse('{% si contrat.periode %}\noui\n{% finsi %}\n  {# x #}  {# y #}  ');
    expect(diagnostics).toEqual([]);
    expect(doc.body.map((b) => b.kind)).toEqual(['if']);
  });
});
