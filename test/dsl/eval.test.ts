import { describe, expect, it } from 'vitest';
import { check, contract, render, textOf } from './helpers.ts';

const withEngagements = () =>
  contract({
    engagements: [
      {
        numero: 1,
        annexe: 'orientations_strategiques',
        objectif_operationnel: 'Développer l’HDJ',
        indicateurs: [{ libelle: 'Venues', cibles: { 'N+1': 900, 'N+3': '70%' } }],
      },
      { numero: 2, annexe: 'cooperations', objectif_operationnel: 'Coopérer', indicateurs: [{ libelle: 'Conventions', cibles: { 'N+1': 'oui' } }] },
    ],
  });

describe('evaluation', () => {
  it('formats dates, amounts and values the French way', () => {
    const { blocks, diags } = render('{{ dates.effet | date }} ; {{ 180000 | montant }} ; {{ contrat.fin | date_courte }} ; {{ contrat.periode }}');
    expect(diags).toEqual([]);
    expect(textOf(blocks)).toBe('1er\u00A0janvier\u00A02019 ; 180\u202F000,00\u00A0€ ; 31/12/2023 ; 2019-2023');
  });

  it('reports a missing value with its data path and template position, never an empty string', () => {
    const { blocks, diags } = render('Fait à {{ dates.signature.lieu }}');
    expect(textOf(blocks).trim()).toBe('Fait à');
    expect(diags).toHaveLength(1);
    expect(diags[0]).toMatchObject({ code: 'RENDU', dataPath: 'dates.signature.lieu', span: { start: { line: 1, column: 8 } } });
    expect(diags[0]!.message).toContain('defaut');
  });

  it('accepts an explicit default for absent values', () => {
    const { blocks, diags } = render('Fait à {{ dates.signature.lieu | defaut("……") }}, le {{ dates.signature.date | date | defaut("……") }}');
    expect(diags).toEqual([]);
    expect(textOf(blocks)).toBe('Fait à ……, le ……');
  });

  it('names the element path of a missing value inside loops over filtered lists', () => {
    const { diags } = render('{% pour e dans engagements où annexe = "cooperations" %}\n{% pour i dans e.indicateurs %}\n{{ i.cibles["N+2"] | valeur }}\n{% finpour %}\n{% finpour %}', withEngagements());
    expect(diags.map((d) => d.dataPath)).toEqual(['engagements[1].indicateurs[0].cibles.N+2']);
  });

  it('evaluates conditions, loops with rang, and the empty branch', () => {
    const src = '{% pour e dans engagements où annexe = "orientations_strategiques" %}\n- {{ rang }}. {{ e.objectif_operationnel }} {% si e.numero = 1 %}(premier){% sinon %}(autre){% finsi %}\n{% sinon %}\nNéant\n{% finpour %}';
    expect(textOf(render(src, withEngagements()).blocks)).toBe('1. Développer l’HDJ (premier)');
    expect(textOf(render(src).blocks)).toBe('Néant');
  });

  it('keeps data text intact: markup characters are never interpreted', () => {
    const nasty = 'A & B < C > D " \' ]]> <w:p> « x » *pas gras* _ 😀';
    const c = contract({ orientations: [nasty] });
    const { blocks } = render('{% pour o dans orientations %}\n{{ o }}\n{% finpour %}', c);
    expect(textOf(blocks)).toBe(nasty);
    expect(blocks[0]).toMatchObject({ type: 'paragraph', content: [{ type: 'text', text: nasty }] });
  });

  it('builds table rows with spans from < and ^ markers', () => {
    const src = '| A | B | C |\n| ^ | x | < |\n|--|--|--|\n{% pour e dans engagements %}\n| {{ e.numero }} | {{ e.objectif_operationnel }} | {{ nombre(e.indicateurs) }} |\n{% finpour %}';
    const t = render(src, withEngagements()).blocks[0]!;
    if (t.type !== 'table') throw new Error('table expected');
    expect(t.headerRows.map((r) => r.cells.map((c) => [c.colSpan ?? 1, c.rowSpan ?? 1]))).toEqual([
      [[1, 2], [1, 1], [1, 1]],
      [[2, 1]],
    ]);
    expect(t.bodyRows).toHaveLength(2);
  });

  it('merges list items produced by a loop into one list', () => {
    const c = contract({ orientations: ['Un', 'Deux', 'Trois'] });
    const { blocks } = render('{% pour o dans orientations %}\n- Orientation n° {{ rang }} : {{ o }}\n{% finpour %}', c);
    expect(blocks).toHaveLength(1);
    expect(blocks[0]).toMatchObject({ type: 'list', items: [{}, {}, {}] });
  });

  it('counts characters as the IDF guide does: every character, an emoji is one', () => {
    const c = contract({ orientations: ['ab cd😀'] });
    expect(textOf(render('{{ longueur(orientations[0]) }}', c).blocks)).toBe('6');
  });
});

describe('evaluation: optional top-level fields', () => {
  it('binds absent optional fields so conditions on them are simply false', () => {
    const { blocks, diags } = render('{% si existe(contrat_precedent) %}\nVu le contrat\n{% sinon %}\nPremier contrat\n{% finsi %}');
    expect(diags).toEqual([]);
    expect(textOf(blocks)).toBe('Premier contrat');
  });
});

describe('evaluation: French helpers and merges', () => {
  it('elides "de" before vowels', () => {
    const c = (region: string) => contract({ ars: { nom: 'x', region, signataire: { civilite: 'Madame', prenom: 'A', nom: 'B', qualite: 'DG' } } });
    expect(textOf(render('{{ region | de }}', c('Auvergne-Rhône-Alpes')).blocks)).toBe('d’Auvergne-Rhône-Alpes');
    expect(textOf(render('{{ region | de }}', c('Bretagne')).blocks)).toBe('de Bretagne');
    expect(textOf(render('{{ region | de }}', c('Île-de-France')).blocks)).toBe('d’Île-de-France');
    expect(textOf(render('{{ region | de }}', c('Hauts-de-France')).blocks)).toBe('des Hauts-de-France');
  });

  it('keeps `^ < <` under a wide cell covered by that cell', () => {
    const t = render('| A | B | < | C |\n| ^ | ^ | < | x |\n|--|--|--|--|').blocks[0]!;
    if (t.type !== 'table') throw new Error('table expected');
    expect(t.headerRows.map((r) => r.cells.map((c) => [c.colSpan ?? 1, c.rowSpan ?? 1]))).toEqual([
      [[1, 2], [2, 2], [1, 1]],
      [[1, 1]],
    ]);
  });
  it('joins a list with the separator the template gives (« joindre »), unlike « liste » which says « et »', () => {
    const c = contract({ engagements: [{ numero: 1, annexe: 'cooperations', objectif_operationnel: 'Coopérer', autorisations: ['76-2011-01', '76-2011-02'], reconnaissances: [1, 3], indicateurs: [] }] });
    const { blocks, diags } = render('{% pour e dans engagements %}\nARHGOS {{ e.autorisations | joindre(", ") }} ; n° {{ e.reconnaissances | joindre(", n° ") }} ; {{ e.autorisations | liste }}\n{% finpour %}', c);
    expect(diags).toEqual([]);
    expect(textOf(blocks).replace(/[\u00a0\u202f]/g, ' ')).toBe('ARHGOS 76-2011-01, 76-2011-02 ; n° 1, n° 3 ; 76-2011-01 et 76-2011-02');
  });

  it('refuses « joindre » on a list of records, statically', () => {
    expect(check('{{ engagements | joindre(", ") }}').map((d) => d.code)).toContain('DSL-TYPE');
  });
});
