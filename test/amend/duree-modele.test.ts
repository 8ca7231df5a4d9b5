// The contract's duration under avenants is the model's data (modele.yaml `duree`), not code per
// family: Occitanie fixes 2019-2023 (002, lines 1702-1703), IDF 5 years from the date of effect;
// DGOS allows up to five years « à compter de sa signature » (001, line 914), and an MSP added by
// avenant brings the total to 5 years from the initial contract, not from the avenant (lines
// 922-925).
import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyAvenants } from '../../src/amend/apply.ts';
import { endOfPeriod } from '../../src/ir/resolve/french.ts';
import { AvenantSchema } from '../../src/model/avenant.ts';
import type { Contract } from '../../src/model/contract.ts';
import { cpom, files } from '../helpers/cli.ts';
import { contractOf, FIXTURES, modelOf, optionsOf } from './helpers.ts';

/** An avenant on a fixture contract (its reference), taking effect on `effet`. */
function avenant(c: Contract, numero: number, effet: string, operations: unknown[]) {
  return AvenantSchema.parse({ numero, reference: c.reference, date: effet, effet, objet: `Avenant ${numero}`, operations });
}

const plain = (s: string) => s.replace(/[\u00A0\u202F]/g, ' ');

it('chaque modèle livré déclare sa durée (sinon : la loi seule, 5 ans au plus, modifiable par avenant)', () => {
  for (const id of ['dgos-2012', 'occitanie-2019', 'idf-2021', 'idf-2019']) expect(modelOf(id).manifest.duree, id).toBeDefined();
});

describe('durée fixée par le modèle Occitanie (2019-2023)', () => {
  const c = contractOf('occitanie-2019');

  it('modele.yaml le dit : 5 ans, fixes, comptés de la date d’effet', () => {
    expect(modelOf('occitanie-2019').manifest.duree).toMatchObject({ ans: 5, fixe: true, depart: 'effet' });
  });

  it('le retrait d’une mission de service public ne raccourcit pas le contrat : refusé, source citée', () => {
    const r = applyAvenants(c, [avenant(c, 1, '2020-07-01', [{ type: 'retirer_mission_service_public', numero: 1, duree_ans: 3 }])], optionsOf('occitanie-2019'));
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics.map((d) => [d.code, d.dataPath])).toEqual([['AVENANT-DUREE', 'operations[0].duree_ans']]);
    const m = plain(r.diagnostics[0]!.message);
    expect(m).toContain('le modèle fixe la durée du contrat à 5 ans, du 1er janvier 2019 au 31 décembre 2023');
    expect(m).toContain('002_31a56b3083e7fdc0.txt, ligne 1702');
  });

  it('sans nouvelle durée, la mission est retirée et le contrat court toujours jusqu’au 31 décembre 2023', () => {
    const r = applyAvenants(c, [avenant(c, 1, '2020-07-01', [{ type: 'retirer_mission_service_public', numero: 1 }])], optionsOf('occitanie-2019'));
    expect(r.ok ? r.warnings.map((d) => d.code) : r.diagnostics.map((d) => d.message)).toEqual([]);
    if (!r.ok) return;
    expect(r.value.contract.missions_service_public).toEqual([]);
    expect(endOfPeriod(r.value.contract.dates.effet, r.value.contract.dates.duree_ans)).toBe('2023-12-31');
  });

  it('ni prorogation', () => {
    const r = applyAvenants(c, [avenant(c, 1, '2021-04-01', [{ type: 'proroger', duree_ans: 6 }])], optionsOf('occitanie-2019'));
    expect(!r.ok && r.diagnostics.map((d) => [d.code, d.dataPath])).toEqual([['AVENANT-DUREE', 'operations[0].duree_ans']]);
  });

  it('en ligne de commande : l’ancien avenant n° 1 qui ramenait le contrat à 2019-2021 est refusé, rien n’est écrit', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpom-duree-'));
    copyFileSync(join(FIXTURES, 'occitanie-2019', 'contrat.yaml'), join(dir, 'contrat.yaml'));
    const text = readFileSync(join(FIXTURES, 'occitanie-2019', 'avenant-1.yaml'), 'utf8');
    const shortened = text.replace(/(  - type: retirer_mission_service_public\n    numero: 1\n)/, '$1    duree_ans: 3\n');
    expect(shortened).not.toBe(text);
    writeFileSync(join(dir, 'avenant-1.yaml'), shortened);
    const r = await cpom('avenant', join(dir, 'contrat.yaml'), join(dir, 'avenant-1.yaml'), '--sortie', join(dir, 'sortie'));
    expect(r.code).toBe(1);
    expect(plain(r.err)).toContain('le modèle fixe la durée du contrat à 5 ans');
    expect(r.err).toContain('AVENANT-DUREE');
    expect(files(join(dir, 'sortie'))).toEqual([]);
  });
});

describe('durée DGOS : cinq ans au plus à compter de la signature', () => {
  const c = contractOf('dgos-2012');

  it('modele.yaml le dit : 5 ans au plus, comptés de la signature', () => {
    expect(modelOf('dgos-2012').manifest.duree).toMatchObject({ ans: 5, fixe: false, depart: 'signature' });
  });

  it('une mission ajoutée par avenant porte la durée à 5 ans depuis le contrat initial, non depuis l’avenant', () => {
    const r = applyAvenants(
      c,
      [
        avenant(c, 1, '2013-07-01', [{ type: 'retirer_mission_service_public', numero: 1, duree_ans: 3 }]),
        avenant(c, 2, '2015-01-01', [{ type: 'ajouter_mission_service_public', mission: { numero: 1 } }]),
      ],
      optionsOf('dgos-2012'),
    );
    expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual([]);
    if (!r.ok) return;
    expect(r.value.contract.dates.duree_ans).toBe(5);
    expect(endOfPeriod(r.value.contract.dates.effet, r.value.contract.dates.duree_ans)).toBe('2017-06-30');
    // Signed on 28 June 2012, effective 1 July: five years from the signature end on 27 June
    // 2017. The contract returns to an end past it: the model's rule says so, as for the base.
    // (Avenant n° 1 leaves no mission and 3 years: its own warnings are not the point here.)
    const second = r.warnings.filter((d) => plain(d.message).startsWith('avenant n° 2'));
    expect(second.map((d) => d.code)).toEqual(['DGOS-DUREE-SIGNATURE']);
    expect(plain(second[0]!.message)).toContain('au plus tard le 27 juin 2017');
  });

  it('une prorogation reste possible dans le modèle DGOS', () => {
    const r = applyAvenants(
      c,
      [
        avenant(c, 1, '2013-07-01', [{ type: 'retirer_mission_service_public', numero: 1, duree_ans: 3 }]),
        avenant(c, 2, '2014-07-01', [{ type: 'proroger', duree_ans: 4 }]),
      ],
      optionsOf('dgos-2012'),
    );
    expect(r.ok && r.value.contract.dates.duree_ans).toBe(4);
  });
});
