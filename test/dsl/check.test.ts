import { describe, expect, it } from 'vitest';
import { check } from './helpers.ts';

describe('static checker', () => {
  it('rejects a misspelt field with its exact position and a suggestion', () => {
    const d = check('Ligne un\nL’établissement {{ titulaire.raison_socale }}, FINESS');
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'DSL-CHAMP-INCONNU', span: { start: { line: 2, column: 30 } } });
    expect(d[0]!.hints).toEqual(['vouliez-vous dire « raison_sociale » ?']);
  });

  it('rejects an enum literal the schema cannot produce', () => {
    const d = check('{% si titulaire.statut = "publique" %}\nx\n{% finsi %}');
    expect(d[0]).toMatchObject({ code: 'DSL-VALEUR-IMPOSSIBLE' });
    expect(d[0]!.message).toContain('public, espic, prive_lucratif');
    expect(d[0]!.hints).toEqual(['vouliez-vous dire « public » ?']);
  });

  it('checks membership against enum element types', () => {
    expect(check('{% si "chirurgie" dans titulaire.activites %}\nx\n{% finsi %}')).toEqual([]);
    expect(check('{% si "chirurgy" dans titulaire.activites %}\nx\n{% finsi %}')[0]!.code).toBe('DSL-VALEUR-IMPOSSIBLE');
  });

  it('rejects a list used as a value, unknown filters, and filters of the wrong type', () => {
    expect(check('{{ engagements }}')[0]!.code).toBe('DSL-TYPE');
    expect(check('{{ dates.effet | dat }}')[0]).toMatchObject({ code: 'DSL-FILTRE-INCONNU', hints: ['vouliez-vous dire « date » ?'] });
    expect(check('{{ dates.duree_ans | date }}')[0]!.code).toBe('DSL-TYPE');
  });

  it('types loop variables, `rang` and filtered lists', () => {
    const ok = '{% pour e dans engagements où annexe = "x" %}\n{% pour i dans e.indicateurs %}\n{{ rang }} {{ i.libelle }} {{ i.cibles["N+3"] | valeur | defaut("") }}\n{% finpour %}\n{% finpour %}';
    expect(check(ok)).toEqual([]);
    const bad = check('{% pour e dans engagements %}\n{{ e.indicateur }}\n{% finpour %}');
    expect(bad[0]).toMatchObject({ code: 'DSL-CHAMP-INCONNU', hints: ['vouliez-vous dire « indicateurs » ?'] });
    expect(check('{% pour e dans engagements %}\n{% finpour %}\n{{ e.numero }}')[0]!.code).toBe('DSL-CHAMP-INCONNU');
  });

  it('checks cross-reference anchors and computed variables', () => {
    expect(check('### Article # – A {#a}\nVoir l’article {% ref a %} ; {{ contrat.periode }} ; {{ region }}')).toEqual([]);
    expect(check('### Article # – A {#a}\nVoir {% ref b %}')[0]!.code).toBe('DSL-ANCRE-INCONNUE');
  });

  it('checks function arity and argument types', () => {
    expect(check('{{ nombre(engagements) }} {{ annee(3) }} {{ mission(1) }}')).toEqual([]);
    expect(check('{{ nombre(titulaire.statut) }}')[0]!.code).toBe('DSL-TYPE');
    expect(check('{{ nombr(engagements) }}')[0]).toMatchObject({ code: 'DSL-FONCTION-INCONNUE', hints: ['vouliez-vous dire « nombre(…) » ?'] });
  });
});
