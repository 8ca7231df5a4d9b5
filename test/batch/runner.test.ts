import { spawn } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { runCampaign } from '../../src/batch/runner.ts';
import { campaign, fakeOptions, snapshot, tmp } from './helpers.ts';

function manifestText(dir: string, name = 'manifest.json'): string {
  return readFileSync(join(dir, name), 'utf8');
}

/** Breaks one contract file of a folder campaign: an unknown statut. */
function breakOne(dossier: string): string {
  const file = readdirSync(dossier).filter((f) => f !== 'campagne.yaml').sort()[1]!;
  const data = parse(readFileSync(join(dossier, file), 'utf8'));
  data.titulaire.statut = 'publique';
  writeFileSync(join(dossier, file), stringify(data));
  return data.titulaire.finess_ej as string;
}

describe('campagne : exécution', () => {
  it('a bad contract fails alone, leaves no file behind, and sets the exit code', async () => {
    const c = await campaign(6, 21);
    const bad = breakOne(c.dossier);
    const out = tmp('sortie');
    // A document left by an earlier run of the bad contract must not survive.
    const r0 = await runCampaign(fakeOptions(c.dossier, out, 1));
    expect(r0.manifest.bilan.erreurs).toBe(1);
    const r = await runCampaign(fakeOptions(c.dossier, out, 1));
    expect(r.exitCode).toBe(1);
    expect(r.manifest.bilan).toMatchObject({ contrats: 6, ok: 5, erreurs: 1 });
    const entry = r.manifest.contrats.find((x) => x.finess_ej === bad)!;
    expect(entry.statut).toBe('erreur');
    expect(entry.fichiers).toEqual([]);
    expect(entry.erreurs[0]!.emplacement).toMatch(new RegExp(`^${bad}\\.yaml:\\d+:\\d+$`));
    expect(existsSync(join(out, bad))).toBe(false);
    for (const ok of r.manifest.contrats.filter((x) => x.statut !== 'erreur')) {
      expect(ok.fichiers).toHaveLength(4);
      for (const f of ok.fichiers) expect(existsSync(join(out, f.chemin))).toBe(true);
    }
    const csv = readFileSync(join(out, 'rapport.csv'), 'utf8');
    expect(csv).toContain(`${bad};`);
    expect(csv).toContain('en erreur');
    expect(readFileSync(join(out, 'rapport.html'), 'utf8')).toContain('publique');
    expect([...snapshot(out).keys()].some((k) => k.endsWith('.tmp'))).toBe(false);
  });

  it('a render bug fails its contract only (ERREUR-INTERNE), in a worker thread too', async () => {
    const c = await campaign(4, 22);
    const file = readdirSync(c.dossier).filter((f) => f !== 'campagne.yaml').sort()[0]!;
    const data = parse(readFileSync(join(c.dossier, file), 'utf8'));
    data.reference = 'PANNE-1';
    writeFileSync(join(c.dossier, file), stringify(data));
    const r = await runCampaign(fakeOptions(c.dossier, tmp('sortie'), 2));
    expect(r.manifest.bilan).toMatchObject({ ok: 3, erreurs: 1 });
    expect(r.manifest.contrats.find((x) => x.statut === 'erreur')!.erreurs[0]!.code).toBe('ERREUR-INTERNE');
  });

  it('--jobs 1 and --jobs 2 produce identical files and manifest', async () => {
    const c = await campaign(10, 23);
    const a = tmp('jobs1');
    const b = tmp('jobs2');
    await runCampaign(fakeOptions(c.dossier, a, 1));
    await runCampaign(fakeOptions(c.dossier, b, 2));
    expect(snapshot(b)).toEqual(snapshot(a));
    expect(JSON.parse(manifestText(a)).contrats).toHaveLength(10);
  });

  it('the folder and the workbook of the same campaign give the same outputs', async () => {
    const c = await campaign(5, 24);
    const a = tmp('dossier');
    const b = tmp('classeur');
    const ra = await runCampaign(fakeOptions(c.dossier, a, 1));
    const rb = await runCampaign(fakeOptions(c.classeur, b, 1));
    expect(rb.manifest.contrats.map((x) => [x.finess_ej, x.empreinte_donnees, x.fichiers])).toEqual(
      ra.manifest.contrats.map((x) => [x.finess_ej, x.empreinte_donnees, x.fichiers]),
    );
  });

  it('--reprendre re-renders only what is missing or altered, and ends with the same manifest', async () => {
    const c = await campaign(8, 25);
    const ref = tmp('ref');
    await runCampaign(fakeOptions(c.dossier, ref, 1));
    const out = tmp('reprise');
    await runCampaign(fakeOptions(c.dossier, out, 1));
    const m = JSON.parse(manifestText(out));
    rmSync(join(out, m.contrats[0].fichiers[0].chemin));
    writeFileSync(join(out, m.contrats[1].fichiers[1].chemin), 'altéré');
    const r = await runCampaign(fakeOptions(c.dossier, out, 1, { reprendre: true }));
    expect(r.repris).toBe(6);
    expect(manifestText(out)).toBe(manifestText(ref));
    expect(snapshot(out)).toEqual(snapshot(ref));
  });

  it('--reprendre renders everything again when the engine changed, even at the same version', async () => {
    const c = await campaign(4, 27);
    const out = tmp('moteur');
    await runCampaign(fakeOptions(c.dossier, out, 1, { moteur: 'cpom-engine@0.1.0+aaaaaaaaaaaa' }));
    const same = await runCampaign(fakeOptions(c.dossier, out, 1, { moteur: 'cpom-engine@0.1.0+aaaaaaaaaaaa', reprendre: true }));
    expect(same.repris).toBe(4);
    const changed = await runCampaign(fakeOptions(c.dossier, out, 1, { moteur: 'cpom-engine@0.1.0+bbbbbbbbbbbb', reprendre: true }));
    expect(changed.repris).toBe(0);
    expect(JSON.parse(manifestText(out)).moteur).toBe('cpom-engine@0.1.0+bbbbbbbbbbbb');
  });

  it('--reprendre does not continue a journal another engine wrote', async () => {
    const c = await campaign(4, 28);
    const out = tmp('journal');
    await runCampaign(fakeOptions(c.dossier, out, 1, { moteur: 'moteur-A' }));
    // An interrupted run of engine A: its entries sit in the journal, no manifest yet.
    const m = JSON.parse(manifestText(out));
    rmSync(join(out, 'manifest.json'));
    const lines = [JSON.stringify({ moteur: 'moteur-A' }), ...m.contrats.map((e: unknown) => JSON.stringify(e))];
    writeFileSync(join(out, '.journal.jsonl'), `${lines.join('\n')}\n`);
    const b = await runCampaign(fakeOptions(c.dossier, out, 1, { moteur: 'moteur-B', reprendre: true }));
    expect(b.repris).toBe(0);
    writeFileSync(join(out, '.journal.jsonl'), `${lines.join('\n')}\n`);
    rmSync(join(out, 'manifest.json'));
    const a = await runCampaign(fakeOptions(c.dossier, out, 1, { moteur: 'moteur-A', reprendre: true }));
    expect(a.repris).toBe(4);
  });

  it('killing the run mid-way leaves no partial file, and --reprendre completes it identically', async () => {
    const c = await campaign(12, 26);
    const ref = tmp('ref');
    await runCampaign(fakeOptions(c.dossier, ref, 2));
    const out = tmp('tue');
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./run-child.ts', import.meta.url)), c.dossier, out], {
      env: { ...process.env, CPOM_TEST_RENDER_DELAY_MS: '300' },
      stdio: 'ignore',
    });
    const journal = join(out, '.journal.jsonl');
    // The journal's first line names the engine; one line per finished contract follows.
    const finished = () => (existsSync(journal) ? readFileSync(journal, 'utf8').split('\n').filter(Boolean).length - 1 : 0);
    const deadline = Date.now() + 90_000;
    while (Date.now() < deadline) {
      if (finished() >= 3) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(existsSync(join(out, 'manifest.json'))).toBe(false);
    const done = finished();
    expect(done).toBeGreaterThanOrEqual(3);
    expect(done).toBeLessThan(12);
    const r = await runCampaign(fakeOptions(c.dossier, out, 2, { reprendre: true }));
    expect(r.repris).toBeGreaterThanOrEqual(3);
    expect(manifestText(out)).toBe(manifestText(ref));
    const files = [...snapshot(out).keys()];
    expect(files.some((k) => k.endsWith('.tmp') || k.includes('.journal'))).toBe(false);
    expect(snapshot(out)).toEqual(snapshot(ref));
  });

  it('an output folder inside the input folder is not read back as contracts', async () => {
    const c = await campaign(3, 28);
    const out = join(c.dossier, 'sortie');
    await runCampaign(fakeOptions(c.dossier, out, 1));
    const r = await runCampaign(fakeOptions(c.dossier, out, 1));
    expect(r.manifest.bilan).toMatchObject({ contrats: 3, erreurs: 0 });
  });

  it('--tranche k/n splits the campaign exactly: disjoint parts covering every contract', async () => {
    const c = await campaign(11, 27);
    const out = tmp('tranches');
    const all = (await runCampaign(fakeOptions(c.dossier, tmp('tout'), 1))).manifest.contrats.map((x) => x.finess_ej);
    const parts: string[][] = [];
    for (let k = 1; k <= 3; k++) {
      const r = await runCampaign(fakeOptions(c.dossier, out, 1, { tranche: { k, n: 3 } }));
      expect(r.manifestPath.endsWith(`manifest-tranche-${k}-sur-3.json`)).toBe(true);
      parts.push(r.manifest.contrats.map((x) => x.finess_ej));
    }
    expect(parts.map((p) => p.length).sort()).toEqual([3, 4, 4]);
    expect(parts.flat().sort()).toEqual([...all].sort());
    expect(new Set(parts.flat()).size).toBe(11);
  });
});
