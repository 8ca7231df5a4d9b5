// A worker lost while rendering a contract (out of memory, deadline, uncaught exception, exit)
// fails that contract only, with a French message saying why; the other contracts are rendered
// and the run ends normally (exit code 1, reports written). Workers that cannot even start
// stop the pool after a few tries instead of being respawned forever.
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { workerPool, type PoolOptions } from '../../src/batch/pool.ts';
import { runCampaign } from '../../src/batch/runner.ts';
import { campaign, FAKE_RENDER, fakeOptions, tmp } from './helpers.ts';

/** A 4-contract campaign whose first contract carries `reference` (a planted failure). */
async function withFailure(reference: string, seed: number): Promise<{ dossier: string; victim: string }> {
  const c = await campaign(4, seed);
  const file = readdirSync(c.dossier).filter((f) => f !== 'campagne.yaml').sort()[0]!;
  const data = parse(readFileSync(join(c.dossier, file), 'utf8'));
  data.reference = reference;
  writeFileSync(join(c.dossier, file), stringify(data));
  return { dossier: c.dossier, victim: data.titulaire.finess_ej as string };
}

async function run(reference: string, seed: number, options: PoolOptions = {}) {
  const { dossier, victim } = await withFailure(reference, seed);
  const out = tmp('sortie-perte');
  const r = await runCampaign(fakeOptions(dossier, out, 2, { executor: () => workerPool(2, FAKE_RENDER, options) }));
  const failed = r.manifest.contrats.filter((x) => x.statut === 'erreur');
  expect(r.exitCode).toBe(1);
  expect(r.manifest.bilan).toMatchObject({ contrats: 4, ok: 3, erreurs: 1 });
  expect(failed.map((x) => x.finess_ej)).toEqual([victim]);
  expect(failed[0]!.fichiers).toEqual([]);
  const csv = readFileSync(join(out, 'rapport.csv'), 'utf8');
  return { error: failed[0]!.erreurs[0]!, csv };
}

describe('campagne : perte d’un processus de rendu', () => {
  it('out of memory: that contract fails with RENDU-MEMOIRE, the others are rendered', async () => {
    // A smaller heap than the default 128 MB: the same failure, reached sooner.
    const { error, csv } = await run('MEMOIRE-1', 31, { heapMb: 64 });
    expect(error.code).toBe('RENDU-MEMOIRE');
    expect(error.message).toBe(
      'mémoire épuisée pendant le rendu de ce contrat (64\u00A0Mo au plus par processus de rendu) : contrat trop volumineux, réduisez ses listes ou ses textes (voir « Limites » dans le README) ; les autres contrats ne sont pas touchés',
    );
    expect(error.message).not.toContain('erreur interne');
    expect(csv).toContain('mémoire épuisée');
  }, 60_000);

  it('a thread that exits: RENDU-INTERROMPU with its exit code', async () => {
    const { error } = await run('SORTIE-1', 32);
    expect(error).toMatchObject({ code: 'RENDU-INTERROMPU', message: 'le processus de rendu de ce contrat s’est arrêté (code de sortie 3) ; à signaler' });
  }, 60_000);

  it('an uncaught exception in the thread: RENDU-INTERROMPU naming it', async () => {
    const { error } = await run('ECHAPPE-1', 33);
    expect(error).toMatchObject({ code: 'RENDU-INTERROMPU', message: 'le processus de rendu de ce contrat s’est arrêté sur une exception (à signaler) : exception hors du rendu' });
  }, 60_000);

  it('a render that never returns is stopped at the deadline: RENDU-DELAI', async () => {
    const { error } = await run('BOUCLE-1', 34, { jobSeconds: 2 });
    expect(error.code).toBe('RENDU-DELAI');
    expect(error.message).toMatch(/^rendu de ce contrat interrompu au bout de 2\u00A0s/);
  }, 60_000);

  it('workers that cannot start: every job fails with RENDU-DEMARRAGE, no endless respawning', async () => {
    const pool = workerPool(1, new URL('./absent-render.ts', import.meta.url).href);
    try {
      const outcome = await pool.run({ id: 'x', contract: {}, racine: tmp('absent'), dossier: 'x', formats: ['pdf'] });
      expect(outcome.statut).toBe('erreur');
      expect(outcome.erreurs[0]!.code).toBe('RENDU-DEMARRAGE');
      expect(outcome.erreurs[0]!.message).toMatch(/^les processus de rendu ne démarrent pas \(à signaler\) : /);
      // Later jobs fail at once.
      expect((await pool.run({ id: 'y', contract: {}, racine: tmp('absent'), dossier: 'y', formats: ['pdf'] })).erreurs[0]!.code).toBe('RENDU-DEMARRAGE');
    } finally {
      await pool.close();
    }
  }, 60_000);
});
