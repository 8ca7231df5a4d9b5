// « de l’agence régionale de santé … »: each region takes its own preposition and article
// (« du Centre-Val de Loire », « des Pays de la Loire », « de La Réunion »), which an elision
// rule cannot guess. The filter `de` reads them from the region table (src/model/reference.ts),
// and the DGOS party block prints them.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { buildDocumentSet, loadContractFile, loadModel } from '../../src/index.ts';
import { withDe } from '../../src/eval/builtins.ts';
import { REGIONS_2016 } from '../../src/model/reference.ts';

const EXPECTED: Record<string, string> = {
  'Auvergne-Rhône-Alpes': 'd’Auvergne-Rhône-Alpes',
  'Bourgogne-Franche-Comté': 'de Bourgogne-Franche-Comté',
  Bretagne: 'de Bretagne',
  'Centre-Val de Loire': 'du Centre-Val de Loire',
  Corse: 'de Corse',
  'Grand Est': 'du Grand Est',
  'Hauts-de-France': 'des Hauts-de-France',
  'Île-de-France': 'd’Île-de-France',
  Normandie: 'de Normandie',
  'Nouvelle-Aquitaine': 'de Nouvelle-Aquitaine',
  Occitanie: 'd’Occitanie',
  'Pays de la Loire': 'des Pays de la Loire',
  'Provence-Alpes-Côte d’Azur': 'de Provence-Alpes-Côte d’Azur',
  Guadeloupe: 'de la Guadeloupe',
  Martinique: 'de la Martinique',
  Guyane: 'de la Guyane',
  'La Réunion': 'de La Réunion',
  Mayotte: 'de Mayotte',
};

describe('régions : préposition et article devant le nom', () => {
  it('les 18 régions', () => {
    expect([...REGIONS_2016].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const [name, form] of Object.entries(EXPECTED)) expect(withDe(name), name).toBe(form);
  });

  it('anciennes régions du modèle DGOS 2012, apostrophe droite, nom hors table', () => {
    expect(withDe('Centre')).toBe('du Centre');
    expect(withDe('Nord-Pas-de-Calais')).toBe('du Nord-Pas-de-Calais');
    expect(withDe('Languedoc-Roussillon')).toBe('du Languedoc-Roussillon');
    expect(withDe('Océan Indien')).toBe('de l’Océan Indien');
    expect(withDe("Provence-Alpes-Côte d'Azur")).toBe('de Provence-Alpes-Côte d’Azur');
    expect(withDe('Languedoc-Roussillon-Midi-Pyrénées')).toBe('de Languedoc-Roussillon-Midi-Pyrénées');
  });

  it('le bloc des parties DGOS imprime « de l’agence régionale de santé du Centre-Val de Loire »', () => {
    const loaded = loadModel('dgos-2012');
    if (!loaded.ok) throw new Error('dgos-2012 invalide');
    const c = loadContractFile(fileURLToPath(new URL('../../fixtures/dgos/clinique-privee-chirurgie.yaml', import.meta.url)));
    if (!c.ok) throw new Error('fixture invalide');
    for (const [region, expected] of [
      ['Centre-Val de Loire', 'L’Agence régionale de santé du Centre-Val de Loire'],
      ['La Réunion', 'L’Agence régionale de santé de La Réunion'],
      ['Pays de la Loire', 'L’Agence régionale de santé des Pays de la Loire'],
    ] as const) {
      const data = structuredClone(c.value);
      data.ars.region = region;
      const built = buildDocumentSet(loaded.value, data);
      if (!built.ok) throw new Error(built.diagnostics.map((d) => d.message).join(' ; '));
      expect(JSON.stringify(built.value.documents[0]!.blocks).replace(/[\u00A0\u202F]/g, ' '), region).toContain(expected);
    }
  });
});
