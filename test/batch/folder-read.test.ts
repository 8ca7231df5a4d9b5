// Reading a campaign folder: one entry per contract file, with an id of its own even when two
// files claim the same holder, and every input error of a contract reported at once.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readFolder } from '../../src/batch/folder-read.ts';
import { validateLoaded } from '../../src/batch/validate.ts';
import { LIMITS } from '../../src/model/limits.ts';

const CHU = parse(readFileSync(new URL('../../fixtures/occitanie/chu.yaml', import.meta.url), 'utf8'));

function folder(files: Record<string, unknown>): string {
  const dir = mkdtempSync(join(tmpdir(), 'cpom-dossier-'));
  for (const [name, data] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), stringify(data));
  }
  return dir;
}

describe('lecture d’un dossier de campagne', () => {
  it('gives every file its own id when several claim the same FINESS EJ or file name', () => {
    const dir = folder({ 'a/contrat.yaml': CHU, 'b/contrat.yaml': CHU, 'c/contrat.yaml': CHU });
    const input = readFolder(dir);
    const ids = input.entries.map((e) => e.id);
    expect(new Set(ids).size).toBe(3);
    expect(ids[0]).toBe(CHU.titulaire.finess_ej);
    for (const e of input.entries.slice(1)) {
      expect(e.load().erreurs.map((i) => i.message)).toEqual([`FINESS EJ « ${CHU.titulaire.finess_ej} » déjà utilisé par a/contrat.yaml`]);
    }
  });

  it('still reports the missing FINESS of a file whose name is already taken', () => {
    const sans = { ...CHU, titulaire: { ...CHU.titulaire } };
    delete sans.titulaire.finess_ej;
    const input = readFolder(folder({ 'a/ch.yaml': sans, 'b/ch.yaml': sans }));
    const second = input.entries.find((e) => e.source === 'b/ch.yaml')!;
    const v = validateLoaded(second.load());
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const messages = v.errors.map((i) => i.message).join('\n');
    expect(messages).toContain('nom de fichier « ch » (sans FINESS EJ valide) déjà utilisé par a/ch.yaml');
    expect(v.errors.some((i) => i.chemin === 'titulaire.finess_ej' && i.code !== 'CAMPAGNE-TITULAIRE-DOUBLE')).toBe(true);
  });

  it('refuses a contract file over the size limit without reading it; the others are read', () => {
    const dir = folder({ 'a.yaml': CHU, 'b.yaml': { ...CHU, titulaire: { ...CHU.titulaire, finess_ej: '310780143' } } });
    writeFileSync(join(dir, 'a.yaml'), `${stringify(CHU)}# ${'x'.repeat(LIMITS.dataFileBytes)}\n`);
    const input = readFolder(dir);
    const [a, b] = input.entries;
    expect(a!.load().erreurs.map((i) => [i.code, i.emplacement, i.message])).toEqual([
      ['FICHIER-VOLUME', 'a.yaml', expect.stringMatching(/^fichier trop volumineux : 5\u202F\d{3}\u202F\d{3} octets, 5\u00A0Mo au plus$/)],
    ]);
    expect(b!.load().erreurs).toEqual([]);
  });
});
