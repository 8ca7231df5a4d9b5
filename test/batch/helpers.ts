// Shared set-up for campaign tests: small synthetic campaigns in temporary folders, the fake
// render module, and a model fingerprint that does not need templates.
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { generer } from '../../fixtures/campagnes/generer.ts';
import { inlineExecutor, workerPool } from '../../src/batch/pool.ts';
import type { RunOptions } from '../../src/batch/runner.ts';
import type { ModelFingerprint } from '../../src/batch/types.ts';
import type { Result } from '../../src/diagnostics/diagnostic.ts';
import { render } from './fake-render.ts';

export const FAKE_RENDER = new URL('./fake-render.ts', import.meta.url).href;

export function tmp(prefix: string): string {
  return mkdtempSync(join(tmpdir(), `cpom-${prefix}-`));
}

/** A generated campaign: `<dir>/contrats/` (folder input) and `<dir>/campagne.xlsx`. */
export async function campaign(size: number, seed: number): Promise<{ dir: string; dossier: string; classeur: string }> {
  const dir = tmp('campagne');
  const r = await generer({ taille: size, graine: seed, modele: 'occitanie-2019', sortie: dir });
  return { dir, ...r };
}

export const fakeModel = (id: string): Result<ModelFingerprint> => ({ ok: true, value: { id, version: 1, empreinte: 'empreinte-de-test' }, warnings: [] });

/** Runner options with the fake render: inline for jobs = 1, worker threads otherwise. */
export function fakeOptions(entree: string, sortie: string, jobs: number, extra: Partial<RunOptions> = {}): RunOptions {
  return {
    entree,
    sortie,
    formats: ['docx', 'pdf'],
    jobs,
    reprendre: false,
    modelInfo: fakeModel,
    executor: () => (jobs === 1 ? inlineExecutor(render) : workerPool(jobs, FAKE_RENDER)),
    ...extra,
  };
}

/** Every file under a folder (relative path → bytes as text), sorted. */
export function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p).toString('base64'));
    }
  };
  walk(dir);
  return out;
}
