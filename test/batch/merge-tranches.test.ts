// cpom campagne fusionner: tranches run separately give back the manifest and reports of one
// run without tranches; an incomplete or mixed set of tranches writes nothing.
import { existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCampaign } from '../../src/batch/runner.ts';
import { runCampagne } from '../../src/cli/commands/campagne.ts';
import { campaign, fakeOptions, tmp } from './helpers.ts';

const read = (dir: string, name: string) => readFileSync(join(dir, name), 'utf8');

async function tranches(n: number, seed: number): Promise<{ whole: string; split: string }> {
  const c = await campaign(10, seed);
  const whole = tmp('entier');
  await runCampaign(fakeOptions(c.dossier, whole, 1));
  const split = tmp('tranches');
  for (let k = 1; k <= n; k++) await runCampaign(fakeOptions(c.dossier, split, 1, { tranche: { k, n } }));
  return { whole, split };
}

function capture(): { lines: string[]; sink: (s: string) => void } {
  const lines: string[] = [];
  return { lines, sink: (s) => lines.push(s) };
}

describe('cpom campagne fusionner', () => {
  it('gives the same manifest.json, rapport.csv and rapport.html as a run without tranches', async () => {
    const { whole, split } = await tranches(3, 31);
    const out = capture();
    expect(await runCampagne(['fusionner', split], out.sink, out.sink)).toBe(0);
    expect(out.lines[0]).toMatch(/^3 tranche\(s\) réunie\(s\) : 10 contrat\(s\)/);
    for (const f of ['manifest.json', 'rapport.csv', 'rapport.html']) expect(read(split, f), f).toBe(read(whole, f));
  });

  it('refuses, writing nothing, when a tranche is missing', async () => {
    const { split } = await tranches(3, 32);
    rmSync(join(split, 'manifest-tranche-2-sur-3.json'));
    const err = capture();
    expect(await runCampagne(['fusionner', split], () => {}, err.sink)).toBe(1);
    expect(err.lines.join('\n')).toContain('tranche(s) manquante(s) : 2/3');
    expect(existsSync(join(split, 'manifest.json'))).toBe(false);
    expect(existsSync(join(split, 'rapport.csv'))).toBe(false);
  });

  it('refuses tranches written by different engines', async () => {
    const { split } = await tranches(2, 33);
    const f = join(split, 'manifest-tranche-1-sur-2.json');
    const m = JSON.parse(readFileSync(f, 'utf8'));
    writeFileSync(f, JSON.stringify({ ...m, moteur: 'cpom-engine@0.0.1+000000000000' }));
    const err = capture();
    expect(await runCampagne(['fusionner', split], () => {}, err.sink)).toBe(1);
    expect(err.lines.join('\n')).toMatch(/les tranches diffèrent par la version du moteur : « cpom-engine@0\.0\.1\+0+ » \(1\/2\)/);
    expect(existsSync(join(split, 'manifest.json'))).toBe(false);
  });

  it('refuses tranches run on different inputs (a holder removed in between)', async () => {
    const c = await campaign(6, 34);
    const split = tmp('entrees');
    await runCampaign(fakeOptions(c.dossier, split, 1, { tranche: { k: 1, n: 2 } }));
    const last = readdirSync(c.dossier).filter((f) => f !== 'campagne.yaml').sort().at(-1)!;
    rmSync(join(c.dossier, last));
    await runCampaign(fakeOptions(c.dossier, split, 1, { tranche: { k: 2, n: 2 } }));
    const err = capture();
    expect(await runCampagne(['fusionner', split], () => {}, err.sink)).toBe(1);
    expect(err.lines.join('\n')).toMatch(/les tranches diffèrent par la liste des titulaires de la campagne : « 6 titulaires, [0-9a-f]+ » \(1\/2\) ; « 5 titulaires, [0-9a-f]+ » \(2\/2\)/);
    expect(existsSync(join(split, 'manifest.json'))).toBe(false);
  });

  it('refuses while a tranche was interrupted (its journal is still there)', async () => {
    const { split } = await tranches(2, 35);
    writeFileSync(join(split, '.journal-tranche-2-sur-2.jsonl'), '{"moteur":"x"}\n');
    const err = capture();
    expect(await runCampagne(['fusionner', split], () => {}, err.sink)).toBe(1);
    expect(err.lines.join('\n')).toContain('la tranche 2/2 a été interrompue');
    expect(existsSync(join(split, 'manifest.json'))).toBe(false);
  });

  it('refuses tranches rendered with two versions of the same model', async () => {
    const c = await campaign(6, 36);
    const split = tmp('modeles');
    await runCampaign(fakeOptions(c.dossier, split, 1, { tranche: { k: 1, n: 2 } }));
    const edited = (id: string) => ({ ok: true as const, value: { id, version: 1, empreinte: 'gabarit-modifie' }, warnings: [] });
    await runCampaign(fakeOptions(c.dossier, split, 1, { tranche: { k: 2, n: 2 }, modelInfo: edited }));
    const err = capture();
    expect(await runCampagne(['fusionner', split], () => {}, err.sink)).toBe(1);
    expect(err.lines.join('\n')).toMatch(/le modèle « occitanie-2019 » diffère d’une tranche à l’autre/);
  });

  it('ignores the journal of another split of the same folder', async () => {
    const { whole, split } = await tranches(2, 37);
    writeFileSync(join(split, '.journal-tranche-3-sur-3.jsonl'), '{"moteur":"x"}\n');
    expect(await runCampagne(['fusionner', split], () => {}, () => {})).toBe(0);
    expect(read(split, 'manifest.json')).toBe(read(whole, 'manifest.json'));
  });

  it('says so when the folder holds no tranche', async () => {
    const err = capture();
    expect(await runCampagne(['fusionner', tmp('vide')], () => {}, err.sink)).toBe(1);
    expect(err.lines[0]).toMatch(/aucun manifeste de tranche/);
  });
});
