// Template delimiters never reach a contract: a stray or unclosed `{{ }}`, `{% %}`, `{# #}` in
// template text is a lint error at its line:col (cpom verifier, and every command that loads
// the model), the evaluator refuses any that got past the parser, and data values holding
// them are printed literally.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { plainSpaces } from '../helpers/cli.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import type { InlineNode } from '../../src/dsl/ast.ts';
import { findDelimiters } from '../../src/dsl/delimiters.ts';
import { BlockEvaluator } from '../../src/eval/blocks.ts';
import { buildDocumentSet, rootEnv } from '../../src/eval/build.ts';
import { Evaluator } from '../../src/eval/expr.ts';
import { renderContract } from '../../src/pipeline.ts';
import { loadModel } from '../../src/templates/load.ts';
import { check, contract, dgos, FILE, parse, render, textOf } from './helpers.ts';

const at = (ds: readonly Diagnostic[], code = 'DSL-DELIMITEUR') => ds.filter((d) => d.code === code).map((d) => `${d.span?.start.line}:${d.span?.start.column}`);

describe('template delimiters left in template text are lint errors', () => {
  const cases: [string, string, string][] = [
    ['unclosed {{ in a paragraph', 'Le FINESS {{ titulaire.finess_ej.', '1:11'],
    ['stray }} in a paragraph', 'Le FINESS }} fin', '1:11'],
    ['unclosed {% in a paragraph, second line', 'Première ligne\net {% si existe(titulaire.finess_ej)', '2:4'],
    ['stray %} in a heading', '## Titre # – Objet %}', '1:20'],
    ['unclosed {# in a heading (not an anchor)', '### Article # – Les fondements {#fondements', '1:32'],
    ['stray #} in a list item', '- élément #}', '1:11'],
    ['unclosed {{ in a table cell', '| A | B |\n|---|---|\n| x | {{ titulaire.finess_ej |', '3:7'],
    ['stray }} in a table header cell', '| A }} | B |\n|---|---|', '1:5'],
    ['inline si whose finsi is not closed', 'a {% si existe(titulaire.finess_ej) %}b{% finsi', '1:40'],
    ['escaped braces still print braces', 'x \\{\\{ y', '1:3'],
    ['a tag opened inside another: the first is unclosed', 'a {{ titulaire.finess_ej b {{ titulaire.raison_sociale }}', '1:3'],
    ['a quoted string holding a delimiter', 'a {{ titulaire.finess_ej | defaut("{% x") }}', '1:3'],
    ['a brace glued to a tag opener', '{{% si existe(titulaire.finess_ej) %}x{% finsi %}', '1:1'],
    ['a brace glued to a tag closer', 'FINESS {{ titulaire.finess_ej }}}', '1:32'],
    ['braces on both sides of a vanishing comment', 'a {{# note #}{ b', '1:3'],
    ['signature lead-in line', '{% signatures %}\nFait à {%\n{% partie ars %}\nL’ARS\n{% finsignatures %}', '2:8'],
    ['signature party line', '{% signatures %}\n{% partie ars %}\nL’ARS }}\n{% finsignatures %}', '3:7'],
    ['signatory line', '{% signatures %}\n{% partie ars %}\nL’ARS\n{% signataire %}{{ ars.signataire.nom }} {#\n{% finsignatures %}', '4:42'],
  ];
  for (const [name, src, where] of cases) {
    it(name, () => {
      const ds = check(src);
      expect(at(ds), JSON.stringify(ds, null, 1)).toEqual([where]);
      const d = ds.find((x) => x.code === 'DSL-DELIMITEUR')!;
      expect(d.span?.file).toBe(FILE);
      expect(d.message).toMatch(/« (\{\{|\}\}|\{%|%\}|\{#|#\}) »/);
    });
  }

  it('accepts well-formed tags, comments, anchors and lone braces', () => {
    const ok = [
      '### Article # – La révision {#revision}',
      'Voir l’article {% ref revision %} ; {# note #} FINESS {{ titulaire.finess_ej }}.',
      'a {% si existe(titulaire.finess_ej) %}b{% sinon %}c{% finsi %} { } % # 50 % {x}',
      '| A | B |\n|---|---|\n| {{ titulaire.finess_ej | defaut("—") }} | x |',
      '{# un commentaire\nsur deux lignes avec {{ #}\nTexte',
    ];
    for (const src of ok) expect(check(src).filter((d) => d.code === 'DSL-DELIMITEUR'), src).toEqual([]);
  });
});

describe('model fixtures with stray delimiters', () => {
  it('reports the unclosed {{ of accolade-ouverte at socle.md:5:56', () => {
    const m = loadModel('fixtures/bad-templates/accolade-ouverte');
    expect(m.ok).toBe(false);
    if (m.ok) return;
    expect(m.diagnostics.map((d) => [relative(process.cwd(), d.span!.file), d.span!.start.line, d.span!.start.column, d.code])).toEqual([
      ['fixtures/bad-templates/accolade-ouverte/socle.md', 5, 56, 'DSL-DELIMITEUR'],
    ]);
  });

  it('reports one delimiter on every text path: header, names, paraphes, headings, cells, signatures', () => {
    const m = loadModel('fixtures/bad-templates/delimiteurs');
    expect(m.ok).toBe(false);
    if (m.ok) return;
    const found = m.diagnostics
      .filter((d) => d.code === 'DSL-DELIMITEUR')
      .map((d) => `${relative('fixtures/bad-templates/delimiteurs', d.span!.file)}:${d.span!.start.line}:${d.span!.start.column}`)
      .sort();
    expect(found).toEqual(
      [
        'modele.yaml:10:38', // en_tete
        'modele.yaml:15:35', // signature.paraphes.titulaire (plain text)
        'modele.yaml:18:17', // documents[0].nom
        'socle.md:3:33', // heading
        'socle.md:5:32', // heading, broken anchor
        'socle.md:7:92', // inline si, unclosed finsi tag
        'socle.md:9:11', // list item
        'socle.md:13:12', // table body cell
        'socle.md:14:10', // table body cell
        'socle.md:16:21', // escaped \{\{
        'socle.md:16:28', // escaped \}\}
        'socle.md:19:53', // signature lead-in
        'socle.md:21:31', // signature party line
        'socle.md:24:50', // signatory
      ].sort(),
    );
  });
});

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, (s) => (out += `${plainSpaces(s)}\n`), (s) => (err += `${plainSpaces(s)}\n`));
  return { code, out, err };
}

describe('commands refuse a model with a stray delimiter', () => {
  it('cpom verifier exits 1 with file:line:col, a code frame and a caret', async () => {
    const r = await run('verifier', 'fixtures/bad-templates/accolade-ouverte');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/accolade-ouverte\/socle\.md:5:56 : erreur \[DSL-DELIMITEUR\] : « \{\{ » ouvert ici n’est jamais fermé par « \}\} »/);
    expect(r.err).toContain('> 5 | L’établissement {{ titulaire.raison_sociale }}, FINESS {{ titulaire.finess_ej.');
    expect(r.err).toMatch(/\n {4}\| {56}\^\^\n/);
  });

  it('cpom generer exits 1 and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpom-delim-'));
    const data = readFileSync('fixtures/dgos/chu-public.yaml', 'utf8').replace(/^modele: .*$/m, 'modele: fixtures/bad-templates/accolade-ouverte');
    expect(data).toContain('modele: fixtures/bad-templates/accolade-ouverte');
    const file = join(dir, 'contrat.yaml');
    writeFileSync(file, data);
    const out = join(dir, 'sortie');
    const r = await run('generer', file, '--sortie', out, '--format', 'tout');
    expect(r.code).toBe(1);
    expect(r.err).toContain('inutilisable, aucun fichier écrit');
    expect(r.err).toContain('[DSL-DELIMITEUR]');
    expect(existsSync(out) ? readdirSync(out, { recursive: true }) : []).toEqual([]);
  });
});

describe('the evaluator refuses delimiters in template text that got past the parser', () => {
  const span = parse('x').doc.body[0]!.span;
  const hostile: InlineNode = { kind: 'text', text: 'CPOM {{ contrat.periode', span };

  it('reports the template span and prints nothing of that text', () => {
    const m = dgos();
    const tampered = { ...m, documents: m.documents.slice(0, 1), header: [hostile] };
    const r = buildDocumentSet(tampered, contract());
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toEqual([expect.objectContaining({ code: 'RENDU-DELIMITEUR', span })]);
    expect(r.diagnostics[0]!.message).toContain('« {{ »');
  });

  it('refuses a tampered document body: no DOCX, no PDF', async () => {
    const m = dgos();
    const [socle] = m.documents;
    const body = [{ kind: 'paragraph' as const, content: [hostile], span }];
    const tampered = { ...m, documents: [{ ...socle!, template: { ...socle!.template, body } }] };
    const r = await renderContract(tampered, contract(), 'x', ['docx', 'pdf']);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics.map((d) => d.code)).toEqual(['RENDU-DELIMITEUR']);
  });
});

describe('the evaluator refuses a delimiter formed by two template runs', () => {
  /** Parses a valid snippet, then rewrites its text nodes as a buggy parser could have left them. */
  const tampered = (src: string, rewrite: Record<string, string>) => {
    const doc = structuredClone(parse(src).doc);
    const walk = (v: unknown): void => {
      if (Array.isArray(v)) v.forEach(walk);
      else if (v && typeof v === 'object') {
        const o = v as { kind?: string; text?: string };
        if (o.kind === 'text' && o.text !== undefined && rewrite[o.text] !== undefined) o.text = rewrite[o.text];
        Object.values(o).forEach(walk);
      }
    };
    walk(doc.body);
    const ev = new Evaluator();
    const blocks = new BlockEvaluator(ev).blocks(doc.body, rootEnv(dgos(), contract()));
    return { text: textOf(blocks), diags: ev.diags };
  };

  it('across an inline si: "{" then "{"', () => {
    const r = tampered('a x{% si existe(titulaire.finess_ej) %}y{% finsi %} b', { 'a x': 'a {', 'y': '{' });
    expect(r.diags.map((d) => [d.code, d.span?.start.line, d.span?.start.column])).toEqual([['RENDU-DELIMITEUR', 1, 1]]);
    expect(r.text).not.toContain('{{');
  });

  it('across emphasis runs', () => {
    const r = tampered('x**y**', { x: '%', y: '}' });
    expect(r.diags.map((d) => d.code)).toEqual(['RENDU-DELIMITEUR']);
    expect(r.text).not.toContain('%}');
  });

  it('but not when data sits between two template braces', () => {
    const r = tampered('a x{{ titulaire.finess_ej }}y b', { 'a x': 'a {', 'y b': '} b' });
    expect(r.diags).toEqual([]);
    expect(r.text).toBe('a {340000017} b');
  });
});

describe('data values may hold delimiters: printed literally', () => {
  it('prints {{ x }} and {% si %} from the data as they are', () => {
    const hostile = 'Clinique {{ x }} {% si %} {# n #} }} %} #}';
    const c = contract({ titulaire: { ...contract().titulaire, raison_sociale: hostile } });
    const { blocks, diags } = render('L’établissement {{ titulaire.raison_sociale }}.\n\n| A |\n|---|\n| {{ titulaire.raison_sociale }} |', c);
    expect(diags).toEqual([]);
    expect(textOf(blocks)).toBe(`L’établissement ${hostile}.`);
    expect(JSON.stringify(blocks)).toContain(JSON.stringify(hostile));
  });
});

describe('properties: lint and evaluator agree', () => {
  /** Every run of inline texts in the IR, joined: what a reader sees as one stretch of text. */
  const runs = (v: unknown, out: string[] = []): string[] => {
    if (Array.isArray(v)) {
      if (v.some((x) => x && typeof x === 'object' && (x as { type?: string }).type === 'text')) {
        out.push(v.map((x) => ((x as { type?: string; text?: string }).type === 'text' ? (x as { text: string }).text : '\u0000')).join(''));
      }
      v.forEach((x) => runs(x, out));
    } else if (v && typeof v === 'object') Object.values(v).forEach((x) => runs(x, out));
    return out;
  };

  it('a template the checker accepts never prints a delimiter of its own', () => {
    const piece = fc.constantFrom('{', '}', '%', '#', '\\', '*', '_', ' ', 'a', '|', '\n', '{% si vrai %}', '{% finsi %}', '{# c #}', '{{ titulaire.finess_ej }}');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 14 }), (parts) => {
        const src = parts.join('');
        if (check(src).some((d) => d.severity === 'erreur')) return;
        const { blocks, diags } = render(src);
        expect(diags, src).toEqual([]);
        for (const r of runs(blocks)) {
          // The only data here is a FINESS number: any delimiter would come from the template.
          expect(findDelimiters(r).map((d) => d.delimiter), JSON.stringify(src)).toEqual([]);
        }
      }),
      { numRuns: 400, seed: 10 },
    );
  });

  it('any data string is printed as it is, delimiters included', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '%', '#', '\\', '*', 'a', ' ', '«', '🙂') , minLength: 1, maxLength: 20 }), (value) => {
        if (value.trim() !== value || value.trim() === '') return; // the renderer trims run edges
        const c = contract({ titulaire: { ...contract().titulaire, raison_sociale: value } });
        const { blocks, diags } = render('{{ titulaire.raison_sociale }}', c);
        expect(diags).toEqual([]);
        expect(textOf(blocks)).toBe(value);
      }),
      { numRuns: 200, seed: 10 },
    );
  });
});
