// The consolidated version's wording lives in templates/_avenant/version-consolidee.yaml (issue
// 12): its mention, its tables, the marks « [modifié par l’avenant n° k] » and the names of the
// contract's elements. A model overrides any label in its own _avenant/version-consolidee.yaml;
// `cpom verifier` checks each label like a template, `cpom modeles --provenance` lists them.
import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildConsolidatedSet } from '../../src/amend/document/consolidated.ts';
import { ConsolidationWording } from '../../src/amend/document/labels.ts';
import { markContract } from '../../src/amend/document/marks.ts';
import { keyOf, keyString } from '../../src/amend/keys.ts';
import { setText } from '../../src/amend/redline/text.ts';
import type { AmendedContract } from '../../src/amend/types.ts';
import { loadModel } from '../../src/templates/load.ts';
import { run } from '../helpers/cli.ts';
import { contractOf, modelOf, versionsOf } from './helpers.ts';

const tmp = mkdtempSync(join(tmpdir(), 'cpom-consolidee-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A library holding a copy of dgos-2012 with its own _avenant/version-consolidee.yaml. */
function modelWith(labels: string): string {
  const lib = mkdtempSync(join(tmp, 'bib-'));
  const dir = join(lib, 'dgos-2012');
  cpSync('templates/dgos-2012', dir, { recursive: true });
  mkdirSync(join(dir, '_avenant'));
  writeFileSync(join(dir, '_avenant', 'version-consolidee.yaml'), labels);
  return dir;
}

const flat = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');

describe('libellés de la version consolidée (templates/_avenant/version-consolidee.yaml)', () => {
  it('nomme chaque élément que les avenants enregistrent, comme le moteur le faisait', () => {
    const w = new ConsolidationWording(modelOf('dgos-2012'), contractOf('dgos-2012'));
    const names = [
      [keyOf.engagement(3), 'l’engagement n° 3'],
      [keyOf.cible(3, 'Taux de « réhospitalisation »', 'N+2'), 'la cible N+2 de l’indicateur « Taux de « réhospitalisation » » de l’engagement n° 3'],
      // An annex the model renders is named by its title; a code it does not know, by the code.
      [keyOf.annexe('pilotage_interne'), 'l’annexe 5 « Faire progresser le pilotage interne de l’établissement »'],
      [keyOf.annexe('code_inconnu'), 'l’annexe « code_inconnu »'],
      [keyOf.document('annexe-09'), 'l’annexe « annexe-09 »'],
      [keyOf.reconnaissance(2), 'la reconnaissance contractuelle n° 2'],
      [keyOf.autorisation('11-2019-0042'), 'l’autorisation n° ARHGOS « 11-2019-0042 »'],
      [keyOf.financements(), 'le financement'],
      [keyOf.dotation('MIG', 'SMUR'), 'la dotation MIG « SMUR »'],
      [keyOf.permanenceSoins(), 'la permanence des soins'],
      [keyOf.lignePds('340000041', 'Cardiologie', 'garde'), 'la ligne de permanence des soins « Cardiologie » (garde) du site 340000041'],
      [keyOf.lignePds('340000041', 'Anesthésie', 'astreinte'), 'la ligne de permanence des soins « Anesthésie » (astreinte) du site 340000041'],
      [keyOf.lignePds('340000041', 'Pédiatrie', 'demi_garde_demi_astreinte'), 'la ligne de permanence des soins « Pédiatrie » (demi-garde / demi-astreinte) du site 340000041'],
      [keyOf.mission(4), 'la mission de service public n° 4'],
      [keyOf.duree(), 'la durée du contrat'],
      [keyOf.prorogationMois(), 'la prorogation du contrat (en mois)'],
      [keyOf.signataire('ars'), 'le signataire pour l’agence'],
      [keyOf.signataire('titulaire'), 'le représentant légal de l’établissement'],
      [keyOf.site('340000041'), 'le site FINESS ET 340000041'],
      [keyOf.titulaire('raison_sociale'), 'la raison sociale du titulaire'],
      [keyOf.titulaire('adresse'), 'l’adresse du titulaire'],
      [keyOf.liste('cooperations'), 'les coopérations'],
      [keyOf.liste('orientations'), 'les orientations stratégiques'],
      [keyOf.liste('engagements_hors_cpom'), 'les engagements contractuels hors CPOM'],
      [keyOf.liste('penalites'), 'le régime des pénalités'],
    ] as const;
    expect(names.map(([k]) => w.element(k))).toEqual(names.map(([, n]) => n));
    expect(w.mentions.ev.diags).toEqual([]);
  });

  it('un élément qu’aucun libellé ne nomme est refusé, pas nommé au hasard', () => {
    const w = new ConsolidationWording(modelOf('dgos-2012'), contractOf('dgos-2012'));
    expect(w.element(['engagements', '3', 'actions'])).toBe('');
    expect(w.mentions.ev.diags.map((d) => d.code)).toEqual(['AVENANT-LIBELLE']);
    expect(w.mentions.ev.diags[0]!.message).toContain('« engagements/3/actions »');
  });

  it('les marques suivent le genre de l’élément et la nature de la modification', () => {
    const c = contractOf('dgos-2012');
    const e = c.engagements[0]!;
    const ind = e.indicateurs.find((i) => i.cibles['N+2'] !== undefined)!;
    const r = c.reconnaissances[0]!;
    const d = c.financements.dotations[0]!;
    const a: AmendedContract = {
      type: 'contratConsolide',
      contract: c,
      history: [],
      retired: [],
      provenance: {
        [keyString(keyOf.engagement(e.numero))]: { avenant: 2, nature: 'ajout' },
        [keyString(keyOf.cible(e.numero, ind.libelle, 'N+2'))]: { avenant: 1, nature: 'modification' },
        [keyString(keyOf.reconnaissance(r.numero))]: { avenant: 3, nature: 'modification' },
        [keyString(keyOf.dotation(d.nature, d.libelle))]: { avenant: 1, nature: 'suppression' },
      },
    };
    const w = new ConsolidationWording(modelOf('dgos-2012'), c);
    const m = markContract(a, w);
    expect(w.mentions.ev.diags).toEqual([]);
    expect(m.engagements[0]!.objectif_operationnel).toBe(`${e.objectif_operationnel} [ajouté par l’avenant n° 2]`);
    expect(String(m.engagements[0]!.indicateurs.find((i) => i.libelle === ind.libelle)!.cibles['N+2'])).toMatch(/ \[av\. n° 1\]$/);
    expect(m.reconnaissances[0]!.activite).toBe(`${r.activite} [modifiée par l’avenant n° 3]`);
    // A removed element is not printed: no mark.
    expect(m.financements.dotations[0]!.libelle).toBe(d.libelle);
  });

  it('un modèle remplace les libellés qu’il veut ; les autres restent les libellés communs', () => {
    const dir = modelWith(
      [
        'mention: "Texte consolidé après {{ consolidation.avenants }} avenant(s) — {{ titulaire.raison_sociale }}"',
        'elements:',
        '  engagement: "l’objectif contractuel n° {{ engagement }}"',
        'marques:',
        `  engagement: '({% si nature = "ajout" %}inséré{% sinon %}rédigé{% finsi %} par l’avenant n° {{ avenant }})'`,
        '',
      ].join('\n'),
    );
    const m = loadModel(dir);
    if (!m.ok) throw new Error(m.diagnostics.map((d) => d.message).join('\n'));
    expect(m.value.consolidation.mention.origin).toBe('modele');
    expect(m.value.consolidation.note.origin).toBe('commun');
    const s = buildConsolidatedSet(m.value, versionsOf('dgos-2012'), 3);
    if (!s.ok) throw new Error(s.diagnostics.map((d) => d.message).join('\n'));
    const text = flat(setText(s.value));
    expect(text).toContain('Texte consolidé après 3 avenant(s) — Centre hospitalier des Monts-d’Or et de Limonest');
    expect(text).not.toContain('Version consolidée intégrant les avenants');
    expect(text).toContain('L’objectif contractuel n° 9');
    expect(text).not.toContain('L’engagement n° 9');
    expect(text).toMatch(/\(rédigé par l’avenant n° 3\)/);
    expect(text).not.toContain('[modifié par l’avenant');
    // The other labels are the shared ones.
    expect(text).toContain('Chaque élément modifié porte entre crochets la mention de l’avenant qui l’a modifié en dernier lieu.');
    expect(text).toContain('La dotation MIG « SMUR »');
    expect(text).toContain('[av. n° 3]');
    expect(flat(s.value.meta.title)).toContain('— texte consolidé après 3 avenant(s)');
  });

  it('cpom verifier signale une variable inconnue d’un libellé à sa ligne et sa colonne, et un libellé inconnu', async () => {
    const dir = modelWith('note: "Marques entre crochets."\nmarques:\n  dotation: "[modifiée par l’avenant n° {{ avenan }}]"\n  dotations: "[x]"\n');
    const r = await run('verifier', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/_avenant\/version-consolidee\.yaml:4:\d+/);
    expect(r.err).toContain('dotations');
    const bad = modelWith('marques:\n  dotation: "[modifiée par l’avenant n° {{ avenan }}]"\n');
    const b = await run('verifier', bad);
    expect(b.code).toBe(1);
    expect(b.err).toMatch(/_avenant\/version-consolidee\.yaml:2:44/);
    expect(b.err).toContain('avenan');
  });

  it('cpom modeles --provenance liste les libellés, communs ou propres au modèle', async () => {
    const lib = join(tmp, 'bretagne');
    const made = await run('modeles', 'nouveau', 'dgos-2012', lib, '--id', 'essai-2026', '--famille', 'essai');
    expect(made.code, made.err).toBe(0);
    mkdirSync(join(lib, 'essai-2026', '_avenant'), { recursive: true });
    writeFileSync(join(lib, 'essai-2026', '_avenant', 'version-consolidee.yaml'), 'note: "Marques entre crochets."\n');
    const r = await run('modeles', '--provenance', '--modeles', lib);
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('_avenant/version-consolidee.yaml : libellés de la version consolidée');
    expect(r.out).toMatch(/ {8}elements\.engagement : nom d’un engagement ; variables : engagement\n/);
    expect(r.out).toMatch(/ {8}marques\.dotation : marque après le libellé d’une dotation ; variables : nature, avenant\n/);
    expect(r.out).toMatch(/ {8}note : note qui explique les marques entre crochets \(propre au modèle : .*essai-2026\/_avenant\/version-consolidee\.yaml\)\n/);
  }, 60_000);
});
