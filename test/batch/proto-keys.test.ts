// A « __proto__ » or « constructor » key in contract data is an unknown key like any other: it
// is refused by the schema, whether the contract is read alone or merged with the shared part
// of a campaign, and it never becomes the prototype of the data (inherited values would pass
// the strict schema unseen).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readFolder } from '../../src/batch/folder-read.ts';
import { mergeShared } from '../../src/batch/merge.ts';
import { validateLoaded } from '../../src/batch/validate.ts';
import { loadContractFile } from '../../src/model/load.ts';

const CHU = readFileSync(new URL('../../fixtures/occitanie/chu.yaml', import.meta.url), 'utf8');
const PROTO = '__proto__:\n  penalites: « régime hérité »\n';

describe('clés __proto__ dans les données', () => {
  it('refuses a __proto__ or constructor key in a contract file, at its path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpom-proto-'));
    for (const [name, text, path] of [
      ['racine.yaml', `${CHU}\n${PROTO}`, '__proto__'],
      ['titulaire.yaml', CHU.replace('titulaire:\n', 'titulaire:\n  __proto__: { sph: false }\n'), 'titulaire.__proto__'],
      ['constructor.yaml', CHU.replace('titulaire:\n', 'titulaire:\n  constructor: x\n'), 'titulaire.constructor'],
    ] as const) {
      writeFileSync(join(dir, name), text);
      const r = loadContractFile(join(dir, name));
      expect(r.ok, name).toBe(false);
      if (r.ok) continue;
      expect(r.diagnostics.map((d) => [d.code, d.dataPath]), name).toEqual([['DONNEES-CLE-INCONNUE', path]]);
    }
    expect(({} as Record<string, unknown>).penalites).toBeUndefined();
  });

  it('refuses it in a campaign contract merged with the shared part, which never inherits it', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpom-proto-campagne-'));
    writeFileSync(join(dir, 'campagne.yaml'), 'titulaire:\n  regime: dotation\n');
    writeFileSync(join(dir, 'chu.yaml'), `${CHU}\n${PROTO}`);
    const entries = readFolder(dir).entries;
    expect(entries).toHaveLength(1);
    const v = validateLoaded(entries[0]!.load());
    expect(v.ok).toBe(false);
    if (v.ok) return;
    expect(v.errors.map((e) => e.chemin)).toEqual(['__proto__']);
  });

  it('merges a __proto__ key as an own key, never as the prototype', () => {
    const own = JSON.parse('{"titulaire": {"__proto__": {"raison_sociale": "héritée"}}, "__proto__": {"modele": "x"}}') as Record<string, unknown>;
    const merged = mergeShared({ titulaire: { sph: true } }, own) as Record<string, Record<string, unknown>>;
    expect(Object.getPrototypeOf(merged)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(merged.titulaire)).toBe(Object.prototype);
    expect(merged.modele).toBeUndefined();
    expect(merged.titulaire!.raison_sociale).toBeUndefined();
    expect(Object.keys(merged.titulaire!)).toEqual(['sph', '__proto__']);
  });
});
