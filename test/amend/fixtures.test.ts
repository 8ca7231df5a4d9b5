import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAvenants } from '../../src/amend/apply.ts';
import { loadAvenantFile, parseAvenantText } from '../../src/amend/load.ts';
import { OPERATION_TYPES } from '../../src/model/avenant.ts';
import { avenantsOf, contractOf, MODELS, optionsOf, rulesOf } from './helpers.ts';

// IDF: the contract runs 5 years from its date of effect, whatever happens (BR-DUR-6); Occitanie
// fixes 2019-2023 (socle type, article 10). Both models say so in modele.yaml (duree.fixe): the
// DGOS duration story (shorter after an MSP withdrawal, then extended) is refused there; the IDF
// refusals are fixtures of their own (refuses/), the Occitanie ones in duree-modele.test.ts.
const DUREES: Record<string, number[]> = { 'dgos-2012': [5, 3, 4, 5], 'occitanie-2019': [5, 5, 5, 5], 'idf-2021': [5, 5, 5, 5] };
const REFUSED_IN_SEQUENCE: Record<string, string[]> = { 'idf-2021': ['proroger'], 'occitanie-2019': ['proroger'] };
// Lists the model does not print (modele.yaml `donnees_non_imprimees`): no avenant of the
// sequence changes them.
const NOT_PRINTED: Record<string, string[]> = {
  'occitanie-2019': ['remplacer_engagements_hors_cpom', 'modifier_penalites'],
  'idf-2021': ['remplacer_cooperations', 'remplacer_orientations', 'remplacer_engagements_hors_cpom', 'modifier_penalites'],
};

describe.each(MODELS)('séquence d’avenants %s', (model) => {
  it('couvre tous les types d’opération', () => {
    const types = new Set(avenantsOf(model).flatMap((s) => s.avenant.operations.map((o) => o.type)));
    const left = [...(REFUSED_IN_SEQUENCE[model] ?? []), ...(NOT_PRINTED[model] ?? [])];
    expect([...OPERATION_TYPES].filter((t) => !types.has(t)).sort()).toEqual(left.sort());
  });

  it('s’applique sans erreur, règles du modèle comprises, et donne un historique de trois avenants', () => {
    const r = applyAvenants(contractOf(model), avenantsOf(model), optionsOf(model));
    expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual([]);
    if (!r.ok) return;
    expect(r.value.history.map((h) => h.numero)).toEqual([1, 2, 3]);
    expect(r.value.contract.dates.duree_ans).toBe(5);
  });

  it('donne des versions intermédiaires cohérentes avec --jusqu-a et --date', () => {
    const c = contractOf(model);
    const avs = avenantsOf(model);
    const durations = [0, 1, 2, 3].map((k) => {
      const r = applyAvenants(c, avs, { jusqua: k, ...optionsOf(model) });
      return r.ok ? r.value.contract.dates.duree_ans : undefined;
    });
    expect(durations).toEqual(DUREES[model]);
    const atDate = applyAvenants(c, avs, { date: avs[1]!.avenant.effet });
    expect(atDate.ok && atDate.value.history.map((h) => h.numero)).toEqual([1, 2]);
    const before = applyAvenants(c, avs, { date: c.dates.effet });
    expect(before.ok && before.value.history).toEqual([]);
  });
});

describe('avenants refusés par les règles du modèle IDF', () => {
  it('refuse le 11e engagement en nommant l’opération qui l’ajoute', () => {
    const r = applyAvenants(contractOf('idf-2021'), avenantsOf('idf-2021', ['refuses/avenant-1-onze-engagements.yaml']), {
      verifier: rulesOf('idf-2021'),
    });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    // The 11th engagement (op 3) breaks the engagement cap; the model may report other caps
    // (indicators) broken earlier, each at its own operation.
    const d = r.diagnostics.find((x) => x.message.includes('11 engagements'));
    expect(d?.dataPath).toBe('operations[2]');
    expect(d?.message).toContain('opération 3 « ajouter_engagement »');
    expect(d?.span?.start.line).toBe(23);
    for (const x of r.diagnostics) expect(x.dataPath).toMatch(/^operations\[\d\]$/);
  });

  it('refuse une prorogation au-delà de cinq ans', () => {
    const r = applyAvenants(contractOf('idf-2021'), avenantsOf('idf-2021', ['refuses/avenant-1-prorogation.yaml']), {
      verifier: rulesOf('idf-2021'),
    });
    expect(!r.ok && r.diagnostics.map((d) => [d.code, d.dataPath])).toEqual([['AVENANT-DUREE', 'operations[0].duree_ans']]);
  });
});

describe('lecture des fichiers d’avenant', () => {
  const dir = mkdtempSync(join(tmpdir(), 'cpom-avenant-'));

  it('situe une erreur de schéma à sa ligne et nomme l’opération', () => {
    const text = [
      'numero: 1',
      'reference: R',
      'date: 2022-01-01',
      'effet: 2022-01-01',
      'objet: Test',
      'operations:',
      '  - type: supprimer_engagement',
      '    numero: 1',
      '  - type: modifier_cible',
      '    engagement: 2',
      '    indicateur: X',
      '    annee: N+7',
      '    valeur: 3',
    ].join('\n');
    const r = parseAvenantText(text, 'av.yaml');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.span?.start.line).toBe(12);
    expect(d.dataPath).toBe('operations[1].annee');
    expect(d.message).toContain('opération 2');
    expect(d.message).toContain('« N+7 »');
  });

  it('signale un type d’opération inconnu avec la liste des types', () => {
    const r = parseAvenantText('numero: 1\nreference: R\ndate: 2022-01-01\neffet: 2022-01-01\nobjet: T\noperations:\n  - type: supprimer_engagment\n    numero: 1\n', 'a.yaml');
    expect(!r.ok && r.diagnostics[0]!.message).toContain('type d’opération inconnu « supprimer_engagment »');
    expect(!r.ok && r.diagnostics[0]!.span?.start.line).toBe(7);
  });

  it('signale une clé inconnue à sa ligne, en français', () => {
    const r = parseAvenantText('numero: 1\nreference: R\ndate: 2022-01-01\neffet: 2022-01-01\nobjet: T\nobjett: U\noperations:\n  - { type: proroger, duree_ans: 4 }\n', 'a.yaml');
    expect(!r.ok && r.diagnostics[0]!.span?.start.line).toBe(6);
    // The contract's wording and suggestion (one error map for both kinds of file).
    expect(!r.ok && r.diagnostics[0]!.message).toBe('avenant a.yaml : clé inconnue « objett »');
    expect(!r.ok && r.diagnostics[0]!.hints).toEqual(['vouliez-vous dire « objet » ?']);
  });

  it('traduit une erreur de syntaxe YAML courante', () => {
    const r = parseAvenantText('objet: Revue : 2022\n', 'a.yaml');
    expect(!r.ok && r.diagnostics[0]!.message).toContain('mettez la valeur entre guillemets');
    expect(!r.ok && r.diagnostics[0]!.span?.start.line).toBe(1);
  });

  it('situe les erreurs d’application dans le fichier', () => {
    const file = join(dir, 'avenant-1.yaml');
    writeFileSync(
      file,
      'numero: 1\nreference: CPOM-IDF-2021-0042\ndate: 2022-01-01\neffet: 2022-01-01\nobjet: T\noperations:\n  - type: supprimer_engagement\n    numero: 42\n',
    );
    const a = loadAvenantFile(file);
    if (!a.ok) throw new Error('lecture');
    const r = applyAvenants(contractOf('idf-2021'), [a.value]);
    expect(!r.ok && r.diagnostics[0]!.span).toMatchObject({ file, start: { line: 8 } });
    expect(!r.ok && r.diagnostics[0]!.message).toContain(file);
  });

  it('signale un fichier absent sans exception', () => {
    const r = loadAvenantFile(join(dir, 'absent.yaml'));
    expect(!r.ok && r.diagnostics[0]!.message).toContain('fichier introuvable');
  });
});
