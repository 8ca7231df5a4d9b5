// What an avenant can change beyond engagements and means (issue 11, item 12): sites (by FINESS
// ET), the holder's name and address, the coopérations, the orientations, the commitments outside
// the CPOM (DGOS annexe 11), the penalties, and any annex document. Each operation: the
// consolidated contract holds the change, the avenant has an article for it, and refusals name
// the file, the operation and the path.
import { describe, expect, it } from 'vitest';
import { applyAvenants } from '../../src/amend/apply.ts';
import { buildAvenantSet } from '../../src/amend/document/avenant.ts';
import { buildConsolidatedSet } from '../../src/amend/document/consolidated.ts';
import { parseAvenantText } from '../../src/amend/load.ts';
import { setText } from '../../src/amend/redline/text.ts';
import { openSession } from '../../src/amend/session.ts';
import type { SourcedAvenant } from '../../src/amend/types.ts';
import { allVersions, type Versions } from '../../src/amend/versions.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import type { DocumentSet } from '../../src/ir/types.ts';
import { contractEnd } from '../../src/ir/resolve/french.ts';
import { renderPdfFiles } from '../../src/writers/pdf/index.ts';
import { pdfText } from '../helpers/poppler.ts';
import { itWith } from '../helpers/libreoffice.ts';
import { contractOf, FIXTURES, modelOf, rulesOf } from './helpers.ts';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const REFS: Record<string, string> = { 'dgos-2012': 'CPOM-2012-69-0017', 'occitanie-2019': 'CPOM-OC-2019-0042', 'idf-2021': 'CPOM-IDF-2021-0042' };
const DATES: Record<string, [string, string]> = { 'dgos-2012': ['2013-01-15', '2013-02-01'], 'occitanie-2019': ['2020-01-15', '2020-02-01'], 'idf-2021': ['2022-01-15', '2022-02-01'] };

/** Avenant n° `numero` (YAML operations block) on a fixture contract, read as a file would be. */
function avenant(model: string, operations: string, numero = 1, file = `avenant-${numero}.yaml`): SourcedAvenant {
  const [date, effet] = DATES[model]!;
  const y = Number(date.slice(0, 4)) + numero - 1;
  const text = `numero: ${numero}\nreference: ${REFS[model]}\ndate: ${y}${date.slice(4)}\neffet: ${y}${effet.slice(4)}\nobjet: Essai\nsignature: { lieu: Lyon, date: ${y}${date.slice(4)} }\noperations:\n${operations}`;
  const r = parseAvenantText(text, file);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

function versions(model: string, ...avs: SourcedAvenant[]): Versions {
  const r = allVersions(contractOf(model), avs, { verifier: rulesOf(model) });
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

function refused(model: string, ...avs: SourcedAvenant[]): readonly Diagnostic[] {
  const r = applyAvenants(contractOf(model), avs, { verifier: rulesOf(model) });
  if (r.ok) throw new Error('l’application aurait dû échouer');
  return r.diagnostics;
}

/**
 * The first refusal of the CLI's session (contract + model + avenant file), for an avenant n° 1
 * written to a temporary file: the model's data (annexes, prorogation) comes from modele.yaml.
 */
function sessionRefusal(model: string, dates: string, operations: string): { file: string; d: Diagnostic | undefined } {
  const file = join(mkdtempSync(join(tmpdir(), 'cpom-nouvelles-')), 'avenant-1.yaml');
  writeFileSync(file, `numero: 1\nreference: ${REFS[model]}\n${dates}objet: Essai\noperations:\n${operations}`);
  const r = openSession(join(FIXTURES, model, 'contrat.yaml'), [file]);
  return { file, d: r.ok ? undefined : r.diagnostics[0] };
}

const must = (r: { ok: true; value: DocumentSet } | { ok: false; diagnostics: readonly { message: string }[] }): DocumentSet => {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
};
const flat = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
const avenantText = (model: string, v: Versions, k = 1) => flat(setText(must(buildAvenantSet(modelOf(model), v, k))));
const consolidatedText = (model: string, v: Versions, k = 1) => flat(setText(must(buildConsolidatedSet(modelOf(model), v, k))));

describe('sites (FINESS ET)', () => {
  const add = `  - type: ajouter_site\n    site: { finess_et: "340000041", raison_sociale: "CH de Val-d’Orb — site de Clermont", adresse: "2 rue Neuve, 34800 Clermont-l’Hérault" }\n`;

  it('ajoute un site : contrat consolidé, article de l’avenant, traçabilité', () => {
    const v = versions('occitanie-2019', avenant('occitanie-2019', add));
    const c = v.versions[1]!.contract;
    expect(c.sites.map((s) => s.finess_et)).toEqual(['340000025', '340000033', '340000041']);
    expect(v.versions[1]!.provenance['sites/340000041']).toEqual({ avenant: 1, nature: 'ajout' });
    expect(avenantText('occitanie-2019', v)).toContain('Le site CH de Val-d’Orb — site de Clermont (FINESS ET 340000041), situé 2 rue Neuve, 34800 Clermont-l’Hérault, est inscrit au contrat');
    expect(consolidatedText('occitanie-2019', v)).toContain('site de Clermont');
  });

  it('ferme un site auquel plus rien n’est rattaché', () => {
    const v = versions('occitanie-2019', avenant('occitanie-2019', add), avenant('occitanie-2019', `  - type: fermer_site\n    finess_et: "340000041"\n`, 2));
    expect(v.versions[2]!.contract.sites.map((s) => s.finess_et)).toEqual(['340000025', '340000033']);
    expect(v.versions[2]!.provenance['sites/340000041']).toEqual({ avenant: 2, nature: 'suppression' });
    expect(avenantText('occitanie-2019', v, 2)).toContain('Le site CH de Val-d’Orb — site de Clermont (FINESS ET 340000041) est fermé.');
    expect(consolidatedText('occitanie-2019', v, 2)).not.toContain('site de Clermont (');
  });

  it('refuse un site inconnu en nommant le fichier, l’opération, le chemin et les sites existants', () => {
    const [d, ...rest] = refused('occitanie-2019', avenant('occitanie-2019', `  - type: fermer_site\n    finess_et: "340000034"\n`));
    expect(rest).toEqual([]);
    expect(d!.code).toBe('AVENANT-CIBLE-INCONNUE');
    expect(d!.dataPath).toBe('operations[0].finess_et');
    expect(d!.message).toContain('avenant n° 1 (avenant-1.yaml), opération 1 « fermer_site »');
    expect(d!.message).toContain('le site FINESS ET 340000034 n’existe pas dans le contrat (existants : « 340000025 » et « 340000033 »)');
    expect(d!.span?.start.line).toBe(9);
  });

  it('refuse de fermer deux fois le même site, dans deux avenants ou dans le même', () => {
    const close = `  - type: fermer_site\n    finess_et: "340000041"\n`;
    const [d] = refused('occitanie-2019', avenant('occitanie-2019', add), avenant('occitanie-2019', close, 2), avenant('occitanie-2019', close, 3));
    expect(d!.message).toContain('avenant n° 3 (avenant-3.yaml), opération 1 « fermer_site »');
    expect(d!.dataPath).toBe('operations[0].finess_et');
    expect(d!.code).toBe('AVENANT-CIBLE-INCONNUE');
    const [c] = refused('occitanie-2019', avenant('occitanie-2019', add), avenant('occitanie-2019', close + close, 2));
    expect(c!.code).toBe('AVENANT-CONFLIT');
    expect(c!.message).toContain('opération 2 « fermer_site » : opérations contradictoires : l’opération 1 « fermer_site » et celle-ci portent toutes deux sur l’élément « sites › 340000041 »');
  });

  it('refuse de fermer un site auquel des éléments sont encore rattachés, en les nommant', () => {
    const [d] = refused('occitanie-2019', avenant('occitanie-2019', `  - type: fermer_site\n    finess_et: "340000033"\n`));
    expect(d!.code).toBe('AVENANT-REFERENCE-PENDANTE');
    expect(d!.dataPath).toBe('operations[0].finess_et');
    expect(d!.message).toContain('l’autorisation n° ARHGOS « 91-2016-12 », la reconnaissance contractuelle n° 3');
  });

  it('refuse d’ajouter un site déjà présent', () => {
    const [d] = refused('occitanie-2019', avenant('occitanie-2019', `  - type: ajouter_site\n    site: { finess_et: "340000025", raison_sociale: Doublon }\n`));
    expect(d!.code).toBe('AVENANT-DOUBLON');
    expect(d!.dataPath).toBe('operations[0].site.finess_et');
  });

  it('refuse un FINESS mal formé par un message français du schéma, avec l’opération et la ligne', () => {
    const text = `numero: 1\nreference: X\ndate: 2020-01-15\neffet: 2020-02-01\nobjet: Essai\noperations:\n  - type: fermer_site\n    finess_et: "3400"\n`;
    const r = parseAvenantText(text, 'mauvais.yaml');
    expect(r.ok).toBe(false);
    const d = r.ok ? undefined : r.diagnostics[0];
    expect(d?.message).toContain('avenant mauvais.yaml, opération 1');
    expect(d?.message).toContain('numéro FINESS de 9 caractères attendu, reçu « 3400 »');
    expect(d?.dataPath).toBe('operations[0].finess_et');
    expect(d?.span?.start.line).toBe(8);
  });
});

describe('titulaire, coopérations, orientations, annexe 11, pénalités', () => {
  it('change la raison sociale et l’adresse du titulaire', () => {
    const v = versions(
      'idf-2021',
      avenant('idf-2021', `  - type: modifier_titulaire\n    modifications:\n      raison_sociale: Groupe hospitalier de l’Est parisien\n      adresse: { voie: "1 place du Marché", code_postal: "93100", commune: Montreuil }\n`),
    );
    const t = v.versions[1]!.contract.titulaire;
    expect([t.raison_sociale, t.adresse.voie]).toEqual(['Groupe hospitalier de l’Est parisien', '1 place du Marché']);
    expect(v.versions[1]!.provenance['titulaire/raison_sociale']?.nature).toBe('modification');
    const text = avenantText('idf-2021', v);
    expect(text).toMatch(/La raison sociale du titulaire, « .+ », devient « Groupe hospitalier de l’Est parisien »\./);
    expect(text).toContain('L’adresse du titulaire est désormais : 1 place du Marché, 93100 Montreuil.');
    expect(consolidatedText('idf-2021', v)).toContain('Groupe hospitalier de l’Est parisien');
  });

  it('remplace les coopérations, les orientations, l’annexe 11 et les pénalités (DGOS)', () => {
    const v = versions(
      'dgos-2012',
      avenant(
        'dgos-2012',
        [
          '  - type: remplacer_cooperations',
          '    cooperations:',
          '      - { objectif_operationnel: Filière AVC partagée, calendrier: 2013-2014, partenaires: [CH de Villefranche], outil: Convention, indicateur: Nombre de transferts }',
          '  - type: remplacer_orientations',
          '    orientations: [Conforter la filière gériatrique du bassin nord, Organiser la filière AVC]',
          '  - type: remplacer_engagements_hors_cpom',
          '    engagements_hors_cpom:',
          '      - { type: Contrat d’amélioration de la qualité et de l’efficience des soins, date: 2012-11-20, parties: ARS et assurance maladie, duree: 3 ans }',
          '  - type: modifier_penalites',
          '    penalites: Les pénalités sont fixées dans la limite de 3 % des produits reçus de l’assurance maladie.',
          '',
        ].join('\n'),
      ),
    );
    const c = v.versions[1]!.contract;
    expect(c.cooperations.map((x) => x.objectif_operationnel)).toEqual(['Filière AVC partagée']);
    expect(c.orientations).toEqual(['Conforter la filière gériatrique du bassin nord', 'Organiser la filière AVC']);
    expect(c.engagements_hors_cpom.map((x) => x.type)).toEqual(['Contrat d’amélioration de la qualité et de l’efficience des soins']);
    expect(c.penalites).toContain('3 %');
    const p = v.versions[1]!.provenance;
    expect(['cooperations', 'orientations', 'engagements_hors_cpom', 'penalites'].map((k) => p[k]?.nature)).toEqual(Array(4).fill('modification'));
    const set = must(buildAvenantSet(modelOf('dgos-2012'), v, 1));
    const text = flat(setText(set));
    expect(text).toContain('L’annexe 2 « Développer les coopérations territoriales » est remplacée par l’annexe jointe au présent avenant.');
    expect(text).toContain('Les orientations stratégiques retenues sont désormais les suivantes : – Conforter la filière gériatrique du bassin nord ; – Organiser la filière AVC.');
    expect(text).toContain('L’annexe 11 « Rappel des engagements contractuels de l’établissement hors CPOM » est remplacée par l’annexe jointe');
    expect(text).toContain('Les stipulations du contrat relatives aux pénalités sont ainsi rédigées : « Les pénalités sont fixées dans la limite de 3 % des produits reçus de l’assurance maladie. »');
    expect(set.documents.map((d) => d.id)).toEqual(['avenant-1', 'annexe-02-cooperations', 'annexe-11-engagements-hors-cpom']);
    const cons = consolidatedText('dgos-2012', v);
    for (const s of ['Filière AVC partagée', 'Organiser la filière AVC', 'Contrat d’amélioration de la qualité', 'limite de 3 %']) expect(cons).toContain(s);
    expect(cons).not.toContain('limite de 5 %');
  });

  it('écrit les coopérations et les orientations dans l’article quand le modèle n’a pas d’annexe pour elles (IDF)', () => {
    const v = versions(
      'idf-2021',
      avenant('idf-2021', '  - type: remplacer_orientations\n    orientations: [Développer l’ambulatoire]\n  - type: remplacer_cooperations\n    cooperations:\n      - { objectif_operationnel: Imagerie partagée, calendrier: 2022-2023, partenaires: [CH de Bagnolet, GHT Est], outil: GCS, indicateur: Examens réalisés }\n'),
    );
    const text = avenantText('idf-2021', v);
    expect(text).toContain('Les orientations stratégiques retenues sont désormais les suivantes : – Développer l’ambulatoire.');
    expect(text).toContain('Les coopérations de l’établissement sont désormais les suivantes :');
    expect(text).toContain('CH de Bagnolet, GHT Est');
  });

  it('refuse une orientation en double, une liste inchangée, des pénalités absentes à supprimer', () => {
    const dup = refused('dgos-2012', avenant('dgos-2012', '  - type: remplacer_orientations\n    orientations: [A, B, A]\n'));
    expect([dup[0]!.code, dup[0]!.dataPath]).toEqual(['AVENANT-DOUBLON', 'operations[0].orientations[2]']);
    const same = refused('dgos-2012', avenant('dgos-2012', '  - type: remplacer_orientations\n    orientations: [Conforter la filière gériatrique du bassin nord, Développer la chirurgie ambulatoire]\n'));
    expect(same[0]!.code).toBe('AVENANT-SANS-EFFET');
    const none = refused('idf-2021', avenant('idf-2021', '  - type: modifier_penalites\n    penalites: null\n'));
    expect([none[0]!.code, none[0]!.dataPath]).toEqual(['AVENANT-CIBLE-INCONNUE', 'operations[0].penalites']);
    expect(none[0]!.message).toContain('opération 1 « modifier_penalites » : le contrat ne prévoit pas de régime de pénalités à supprimer');
    const adresse = refused('idf-2021', avenant('idf-2021', `  - type: modifier_titulaire\n    modifications:\n      adresse: ${JSON.stringify(contractOf('idf-2021').titulaire.adresse)}\n`));
    expect([adresse[0]!.code, adresse[0]!.dataPath]).toEqual(['AVENANT-SANS-EFFET', 'operations[0].modifications.adresse']);
  });
});

describe('remplacement d’une annexe quelconque', () => {
  it('joint l’annexe désignée, dans sa version modifiée', () => {
    const v = versions(
      'dgos-2012',
      avenant('dgos-2012', '  - type: ajouter_mission_service_public\n    mission: { numero: 2 }\n  - type: remplacer_document\n    document: annexe-09-missions-service-public\n'),
    );
    const set = must(buildAvenantSet(modelOf('dgos-2012'), v, 1));
    expect(set.documents.map((d) => d.id)).toEqual(['avenant-1', 'annexe-09-missions-service-public']);
    expect(flat(setText(set))).toMatch(/L’annexe 9 « .+ » est remplacée par l’annexe jointe au présent avenant\./);
  });

  it('refuse une annexe que le modèle n’a pas, en nommant le fichier, l’opération et le chemin', () => {
    const { file, d } = sessionRefusal('dgos-2012', 'date: 2013-01-15\neffet: 2013-02-01\n', '  - type: remplacer_document\n    document: annexe-09-missions-service-publik\n');
    expect(d?.code).toBe('AVENANT-CIBLE-INCONNUE');
    expect(d?.dataPath).toBe('operations[0].document');
    expect(d?.message).toContain(`avenant n° 1 (${file}), opération 1 « remplacer_document » : le contrat (modèle dgos-2012) n’a pas d’annexe « annexe-09-missions-service-publik »`);
    expect(d?.hints).toEqual(['vouliez-vous dire « annexe-09-missions-service-public » ?']);
    expect(d?.span?.start.line).toBe(8);
  });

  it('refuse à la rédaction une annexe du modèle que le contrat modifié n’a pas', () => {
    // IDF 2021 without financing data: annex 3 is not produced for this contract.
    const base = contractOf('idf-2021');
    base.financements = { dotations: [], tarifs_oqn: [] };
    const r = allVersions(base, [avenant('idf-2021', '  - type: remplacer_document\n    document: annexe-3-financements\n')], { verifier: rulesOf('idf-2021') });
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    const set = buildAvenantSet(modelOf('idf-2021'), r.value, 1);
    expect(set.ok).toBe(false);
    const d = set.ok ? undefined : set.diagnostics[0];
    expect(d?.dataPath).toBe('operations[0].document');
    expect(d?.message).toContain('opération 1 « remplacer_document » : le contrat (modèle idf-2021) n’a pas d’annexe « annexe-3-financements » (annexes : « annexe-1-engagements » et « annexe-2-reconnaissances »)');
  });
});

describe('document de l’avenant lu par pdftotext', () => {
  itWith(['pdftotext'])('porte les articles des nouvelles opérations', async () => {
    const v = versions(
      'occitanie-2019',
      avenant(
        'occitanie-2019',
        `  - type: ajouter_site\n    site: { finess_et: "340000041", raison_sociale: "Site de Clermont" }\n  - type: modifier_titulaire\n    modifications: { raison_sociale: CH du Haut-Languedoc }\n`,
      ),
    );
    const { combined } = await renderPdfFiles(must(buildAvenantSet(modelOf('occitanie-2019'), v, 1)));
    const text = flat(pdfText(combined));
    expect(text).toContain('Le site Site de Clermont (FINESS ET 340000041) est inscrit au contrat');
    expect(text).toMatch(/devient « CH du Haut-Languedoc »/);
  });
});

describe('prorogation en mois, selon le modèle', () => {
  const DGOS = { prorogation: modelOf('dgos-2012').manifest.avenants.prorogation! };
  /** Avenant n° 1 on the DGOS contract (in force until 30 June 2017), decided before its term. */
  const prorog = (ops: string) => {
    const r = parseAvenantText(`numero: 1\nreference: ${REFS['dgos-2012']}\ndate: 2017-03-01\neffet: 2017-04-01\nobjet: Prorogation\nsignature: { lieu: Lyon, date: 2017-03-01 }\noperations:\n${ops}`, 'prorogation.yaml');
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    return r.value;
  };

  it('calcule la fin d’une prorogation en mois à partir du lendemain du terme', () => {
    expect(contractEnd({ effet: '2012-07-01', duree_ans: 5, prorogation_mois: 4 })).toBe('2017-10-31');
    expect(contractEnd({ effet: '2012-07-01', duree_ans: 5 })).toBe('2017-06-30');
    expect(contractEnd({ effet: '2019-09-01', duree_ans: 1, prorogation_mois: 6 })).toBe('2021-02-28');
  });

  it('DGOS : proroge de quelques mois dans la limite de six mois après l’adoption du PRS', () => {
    const r = allVersions(contractOf('dgos-2012'), [prorog('  - type: proroger\n    prorogation_mois: 4\n    prs_adoption: 2017-05-15\n')], { verifier: rulesOf('dgos-2012'), ...DGOS });
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    expect(r.value.versions[1]!.contract.dates).toMatchObject({ duree_ans: 5, prorogation_mois: 4 });
    expect(r.value.versions[1]!.provenance['dates/prorogation_mois']?.nature).toBe('ajout');
    expect(avenantText('dgos-2012', r.value)).toContain('Le contrat est prorogé de 4 mois au-delà de sa durée de 5 ans : il prend fin le 31 octobre 2017.');
    // The DGOS socle is verbatim (no sentence of ours in it): the change shows in the table of
    // changed elements, and in the period line when the end year moves.
    expect(consolidatedText('dgos-2012', r.value)).toContain('La prorogation du contrat (en mois) | n° 1 | ajout');
  });

  it('DGOS : refuse une prorogation au-delà de six mois après l’adoption du PRS, en nommant l’opération et le chemin', () => {
    const r = applyAvenants(contractOf('dgos-2012'), [prorog('  - type: proroger\n    prorogation_mois: 6\n    prs_adoption: 2017-05-15\n')], { verifier: rulesOf('dgos-2012'), ...DGOS });
    expect(r.ok).toBe(false);
    const d = r.ok ? undefined : r.diagnostics[0];
    expect(d?.code).toBe('AVENANT-DUREE');
    expect(d?.dataPath).toBe('operations[0].prorogation_mois');
    expect(d?.span?.start.line).toBe(9);
    expect(flat(d?.message ?? '')).toContain('avenant n° 1 (prorogation.yaml), opération 1 « proroger » : avec 6 mois, le contrat prendrait fin le 31 décembre 2017, au-delà du 15 novembre 2017 : le modèle dgos-2012 limite la prorogation à 6 mois après l’adoption du PRS (le 15 mai 2017)');
  });

  it('refuse une prorogation en mois quand le modèle ne la prévoit pas (Occitanie), par la session comme le ferait la ligne de commande', () => {
    const { d } = sessionRefusal('occitanie-2019', 'date: 2023-03-01\neffet: 2023-04-01\n', '  - type: proroger\n    prorogation_mois: 3\n');
    expect(d?.dataPath).toBe('operations[0].prorogation_mois');
    expect(d?.message).toContain('opération 1 « proroger » : le modèle occitanie-2019 ne prévoit pas de prorogation en mois');
  });

  it('DGOS par la session : la limite vient de modele.yaml', () => {
    // The contract's own PRS (1 March 2012): six months later is long past.
    const { d } = sessionRefusal('dgos-2012', 'date: 2017-03-01\neffet: 2017-04-01\n', '  - type: proroger\n    prorogation_mois: 2\n');
    expect(flat(d?.message ?? '')).toContain('au-delà du 1er septembre 2012');
  });

  it('refuse « duree_ans » et « prorogation_mois » ensemble, en français', () => {
    const r = parseAvenantText(`numero: 1\nreference: X\ndate: 2017-03-01\neffet: 2017-04-01\nobjet: P\noperations:\n  - { type: proroger, duree_ans: 5, prorogation_mois: 2 }\n`, 'p.yaml');
    const d = r.ok ? undefined : r.diagnostics[0];
    expect(d?.message).toContain('une prorogation donne soit « duree_ans » (en années), soit « prorogation_mois » (en mois), pas les deux ni aucun');
    expect(d?.dataPath).toBe('operations[0]');
  });
});
