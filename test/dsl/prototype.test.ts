// Prototype names (constructor, __proto__, toString, hasOwnProperty…) are not fields, functions
// or filters of the language: the checker refuses them like any unknown name, and the evaluator
// never reaches a prototype even for a template that escaped the checker.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { plainSpaces } from '../helpers/cli.ts';
import { check, contract, render, textOf } from './helpers.ts';

const NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf', 'prototype'];

describe('prototype names in templates', () => {
  it('are unknown fields for the checker, at any depth and as a literal index', () => {
    for (const n of NAMES) {
      for (const src of [`{{ titulaire.${n} }}`, `{{ titulaire.${n}.name }}`, `{{ titulaire["${n}"] }}`, `{{ ${n} }}`, `{% si titulaire.adresse.${n} %}\nx\n{% finsi %}`]) {
        const d = check(src);
        expect(d.map((x) => x.code), src).toEqual(['DSL-CHAMP-INCONNU']);
        expect(d[0]!.message, src).toContain(`champ inconnu « ${n} »`);
      }
    }
  });

  it('are unknown functions and filters for the checker', () => {
    for (const n of NAMES) {
      const fn = check(`{{ ${n}("x") }}`);
      expect(fn.map((x) => x.code), n).toEqual(['DSL-FONCTION-INCONNUE']);
      expect(fn[0]!.message).toBe(`fonction inconnue « ${n} »`);
      const filter = check(`{{ titulaire.raison_sociale | ${n} }}`);
      expect(filter.map((x) => x.code), n).toEqual(['DSL-FILTRE-INCONNU']);
    }
  });

  it('are unknown fields when named by somme / distincts, like a misspelt field', () => {
    for (const n of NAMES) {
      const d = check(`{{ somme(engagements, "${n}") }} {{ distincts(engagements où numero > 1, "${n}") }}`);
      expect(d.map((x) => x.code), n).toEqual(['DSL-CHAMP-INCONNU', 'DSL-CHAMP-INCONNU']);
      expect(d[0]!.message).toBe(`champ inconnu « ${n} » dans les éléments de engagements`);
    }
    expect(check('{{ somme(financements.dotations, "montnat") }}')[0]).toMatchObject({ code: 'DSL-CHAMP-INCONNU', hints: ['vouliez-vous dire « montant » ?'] });
    expect(check('{{ somme(financements.dotations, "montant") }} {{ distincts(engagements, "objectif_strategique") }}')).toEqual([]);
  });

  it('are unknown fields of a rule element scope (where / loops)', () => {
    expect(check('{% pour e dans engagements où constructor = "x" %}\n{{ e.numero }}\n{% finpour %}').map((x) => x.code)).toEqual(['DSL-CHAMP-INCONNU']);
    expect(check('{% pour e dans engagements %}\n{{ e.indicateurs[0].cibles.__proto__ }}\n{% finpour %}').map((x) => x.code)).toEqual(['DSL-CHAMP-INCONNU']);
  });

  it('never reach a prototype when rendering a template that skipped the checker', () => {
    for (const n of NAMES) {
      const { blocks, diags } = render(`[{{ titulaire.${n}.name | defaut("absent") }}] [{{ titulaire["${n}"] | defaut("absent") }}] [{{ orientations.${n} | defaut("absent") }}]`);
      expect(textOf(blocks), n).toBe('[absent] [absent] [absent]');
      expect(diags, n).toEqual([]);
    }
  });

  it('reach no prototype through a computed index either (data-chosen key)', () => {
    const c = contract({ orientations: ['constructor'], engagements: [{ numero: 1, annexe: 'x', objectif_operationnel: 'o', indicateurs: [{ libelle: 'l', cibles: { 'N+1': 1 } }] }] });
    const { blocks, diags } = render('{% pour i dans engagements[0].indicateurs %}\n[{{ i.cibles[orientations[0]] | defaut("absent") }}]\n{% finpour %}', c);
    expect(diags).toEqual([]);
    expect(textOf(blocks)).toBe('[absent]');
  });

  it('report unknown functions and filters as errors, never throw, when rendering unchecked templates', () => {
    for (const n of NAMES) {
      const fn = render(`{{ ${n}("x") }}`);
      expect(fn.diags[0]!.message, n).toBe(`fonction inconnue « ${n} »`);
      const filter = render(`{{ titulaire.raison_sociale | ${n} }}`);
      expect(filter.diags.map((d) => d.message), n).toEqual([`filtre inconnu « ${n} »`]);
    }
    // The field of somme / distincts is data-side too: a prototype name counts nothing.
    const { blocks, diags } = render('{{ somme(engagements, "constructor") }} {{ distincts(engagements, "__proto__") }}', contract({ engagements: [{ numero: 1, annexe: 'x', objectif_operationnel: 'o' }] }));
    expect(diags).toEqual([]);
    expect(textOf(blocks)).toBe('0 0');
  });

  it('verifier: exit 1 (not a crash) with the code frame of each prototype name', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cpom-proto-modele-')), 'modele');
    cpSync('fixtures/bad-templates/champ-inconnu', dir, { recursive: true });
    const socle = join(dir, 'socle.md');
    const lines = ['{{ titulaire.constructor.name }}', '{{ constructor("x") }}', '{{ titulaire.__proto__ | toString }}', '{% si hasOwnProperty("a") %}', 'x', '{% finsi %}'];
    writeFileSync(socle, readFileSync(socle, 'utf8').replace('{{ titulaire.raison_socale }}', 'x') + '\n' + lines.join('\n\n') + '\n');
    let err = '';
    const code = await main(['verifier', dir], () => {}, (s) => (err += `${plainSpaces(s)}\n`));
    expect(code, err).toBe(1);
    expect(err).toMatch(/socle\.md:\d+:\d+ : erreur \[DSL-CHAMP-INCONNU\] : champ inconnu « constructor » dans titulaire/);
    expect(err).toMatch(/socle\.md:\d+:\d+ : erreur \[DSL-FONCTION-INCONNUE\] : fonction inconnue « constructor »/);
    expect(err).toMatch(/socle\.md:\d+:\d+ : erreur \[DSL-CHAMP-INCONNU\] : champ inconnu « __proto__ » dans titulaire/);
    expect(err).toMatch(/socle\.md:\d+:\d+ : erreur \[DSL-FONCTION-INCONNUE\] : fonction inconnue « hasOwnProperty »/);
    expect(err).toContain('> ');
    expect(err).toContain('^');
  });

  it('are unknown commands of the command line (usage error, not a crash)', async () => {
    for (const n of NAMES) {
      let err = '';
      expect(await main([n], () => {}, (s) => (err += plainSpaces(s))), n).toBe(2);
      expect(err).toContain(`commande inconnue « ${n} »`);
    }
  });
});
