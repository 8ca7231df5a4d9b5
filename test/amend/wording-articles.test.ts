// The articles of modifier_reconnaissance, modifier_autorisation, modifier_dotation,
// remplacer_orientations (when the model has no annex for them), modifier_cible and
// reporter_echeance / avancer_echeance now come
// from templates/_avenant: their text is the one the engine wrote in TypeScript before (compared
// line by line with the previous engine's output on this avenant when they moved).
import { describe, expect, it } from 'vitest';
import { buildAvenantSet } from '../../src/amend/document/avenant.ts';
import { parseAvenantText } from '../../src/amend/load.ts';
import { setText } from '../../src/amend/redline/text.ts';
import { allVersions } from '../../src/amend/versions.ts';
import { loadModel } from '../../src/templates/load.ts';
import { contractOf, dgosAvenant, rulesOf } from './helpers.ts';

const avenant = dgosAvenant;

function lines(ops: string): string[] {
  const m = loadModel('templates/dgos-2012');
  if (!m.ok) throw new Error(m.diagnostics.map((d) => d.message).join('\n'));
  const a = parseAvenantText(avenant(ops), 'avenant-1.yaml');
  if (!a.ok) throw new Error(a.diagnostics.map((d) => d.message).join('\n'));
  const v = allVersions(contractOf('dgos-2012'), [a.value], { verifier: rulesOf('dgos-2012') });
  if (!v.ok) throw new Error(v.diagnostics.map((d) => d.message).join('\n'));
  const s = buildAvenantSet(m.value, v.value, 1);
  if (!s.ok) throw new Error(s.diagnostics.map((d) => d.message).join('\n'));
  return setText(s.value).replace(/[\u00a0\u202f]/g, ' ').split('\n');
}

describe('articles d’avenant rédigés par templates/_avenant', () => {
  it('reconnaissance, autorisation et dotations : une ligne par champ, dans l’ordre des champs', () => {
    const out = lines(`  - { type: modifier_reconnaissance, numero: 1, modifications: { date_effet: 2013-02-01, capacite: null, forme: Hospitalisation de jour, caracteristiques: Unité de 8 lits } }
  - { type: modifier_autorisation, arhgos: "82-2011-02", modifications: { date_echeance: 2018-01-01, modalite: Maternité de niveau 2 } }
  - { type: modifier_dotation, nature: MIG, libelle: SMUR, modifications: { montant: 1300000, fin: 2016-12-31 } }
  - { type: modifier_dotation, nature: AC, libelle: Plan Hôpital 2012 – rénovation des urgences, modifications: { activite: MCO } }
  - { type: modifier_dotation, nature: MIG, libelle: Équipe mobile de soins palliatifs, modifications: { debut: 2013-01-01, fin: 2014-12-31 } }
`);
    const from = out.indexOf('Article 1 – Modification de la reconnaissance contractuelle n° 1');
    expect(out.slice(from, from + 16)).toEqual([
      'Article 1 – Modification de la reconnaissance contractuelle n° 1',
      'La reconnaissance contractuelle n° 1 (« Surveillance continue », USC adulte) est modifiée comme suit :',
      '– la forme est ainsi rédigée : « Hospitalisation de jour » ;',
      '– la capacité n’est plus précisée ;',
      '– la date d’effet est fixée au 1er février 2013 ;',
      '– les caractéristiques sont ainsi rédigées : « Unité de 8 lits » ;',
      'Article 2 – Modification de l’autorisation n° ARHGOS 82-2011-02',
      'L’autorisation n° ARHGOS 82-2011-02 (Gynécologie-obstétrique, Maternité de niveau 1) est modifiée comme suit :',
      '– la modalité est ainsi rédigée : « Maternité de niveau 2 » ;',
      '– la date d’échéance est le 1er janvier 2018 ;',
      'Article 3 – Modification de la dotation MIG « SMUR »',
      'S’agissant de la dotation MIG « SMUR », son montant est porté de 1 250 000,00 € à 1 300 000,00 € ; elle prend fin le 31 décembre 2016. Ce montant est indiqué à titre purement indicatif ; seul l’arrêté de versement délègue les crédits.',
      'Article 4 – Modification de la dotation AC « Plan Hôpital 2012 – rénovation des urgences »',
      'S’agissant de la dotation AC « Plan Hôpital 2012 – rénovation des urgences », elle relève de l’activité MCO.',
      'Article 5 – Modification de la dotation MIG « Équipe mobile de soins palliatifs »',
      'S’agissant de la dotation MIG « Équipe mobile de soins palliatifs », elle est allouée à compter du 1er janvier 2013 ; elle prend fin le 31 décembre 2014.',
    ]);
  });

  it('une capacité donnée est portée, une capacité nulle n’est plus précisée', () => {
    const out = lines('  - { type: modifier_reconnaissance, numero: 1, modifications: { capacite: 8 } }\n');
    expect(out).toContain('– la capacité est portée à 8 ;');
    expect(out.join('\n')).not.toContain('n’est plus précisée');
  });

  it('orientations : la liste entière, la dernière close par un point ; aucune → une phrase', () => {
    const out = lines('  - { type: remplacer_orientations, orientations: [Développer l’ambulatoire, "Coopérer : GHT", Qualité] }\n');
    const from = out.indexOf('Article 1 – Orientations stratégiques');
    expect(out.slice(from, from + 5)).toEqual([
      'Article 1 – Orientations stratégiques',
      'Les orientations stratégiques retenues sont désormais les suivantes :',
      '– Développer l’ambulatoire ;',
      '– Coopérer : GHT ;',
      '– Qualité.',
    ]);
    expect(lines('  - { type: remplacer_orientations, orientations: [] }\n')).toContain('Le contrat ne retient plus d’orientation stratégique.');
  });

  it('cibles et échéances : l’année « N+3 (2014) », un nombre cité tel quel, un mot entre guillemets', () => {
    const out = lines(`  - { type: modifier_cible, engagement: 1, indicateur: Nombre de venues en HDJ gériatrique, annee: N+3, valeur: 950 }
  - { type: modifier_cible, engagement: 2, indicateur: Taux de réhospitalisation à 30 jours des plus de 75 ans, annee: N+5, valeur: null }
  - { type: modifier_cible, engagement: 3, indicateur: Convention de mutualisation signée, annee: N+3, valeur: oui }
`);
    expect(out).toContain('La valeur cible de l’indicateur « Nombre de venues en HDJ gériatrique » de l’engagement n° 1 pour l’année N+3 (2014) est portée de 900 à 950.');
    expect(out).toContain('La valeur cible de l’indicateur « Taux de réhospitalisation à 30 jours des plus de 75 ans » de l’engagement n° 2 pour l’année N+5 (2016) est supprimée.');
    expect(out).toContain('La valeur cible de l’indicateur « Convention de mutualisation signée » de l’engagement n° 3 pour l’année N+3 (2014) est fixée à « oui ».');
    expect(lines('  - { type: reporter_echeance, engagement: 3, indicateur: Convention de mutualisation signée, de: N+2, a: N+4 }\n')).toEqual(
      expect.arrayContaining([
        'Article 1 – Report d’une échéance de l’engagement n° 3',
        'L’échéance de la valeur cible « oui » de l’indicateur « Convention de mutualisation signée » de l’engagement n° 3 est reportée de l’année N+2 (2013) à l’année N+4 (2015).',
      ]),
    );
    expect(lines('  - { type: avancer_echeance, engagement: 2, indicateur: Taux de réhospitalisation à 30 jours des plus de 75 ans, de: N+5, a: N+1 }\n')).toEqual(
      expect.arrayContaining([
        'Article 1 – Avancement d’une échéance de l’engagement n° 2',
        'L’échéance de la valeur cible 12 % de l’indicateur « Taux de réhospitalisation à 30 jours des plus de 75 ans » de l’engagement n° 2 est avancée de l’année N+5 (2016) à l’année N+1 (2012).',
      ]),
    );
  });
});
