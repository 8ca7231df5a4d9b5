// A stand-in render module for runner tests: deterministic files derived from the contract, an
// optional delay (to kill a run mid-way) and planted failures, chosen by the contract's
// reference: "PANNE" throws, "MEMOIRE" exhausts the worker's heap, "SORTIE" exits the thread,
// "BOUCLE" never returns, "ECHAPPE" throws outside the render (an uncaught exception).
import { hashData } from '../../src/batch/hash.ts';
import { writeContractFiles } from '../../src/batch/output.ts';
import type { RenderFn } from '../../src/batch/types.ts';

export const render: RenderFn = async (job) => {
  const delay = Number(process.env.CPOM_TEST_RENDER_DELAY_MS ?? 0);
  if (delay) await new Promise((r) => setTimeout(r, delay));
  const c = job.contract as { reference?: string; titulaire: { raison_sociale: string } };
  if (c.reference?.includes('PANNE')) throw new Error('panne simulée');
  if (c.reference?.includes('MEMOIRE')) exhaustHeap();
  if (c.reference?.includes('SORTIE')) process.exit(3);
  if (c.reference?.includes('BOUCLE')) for (;;);
  if (c.reference?.includes('ECHAPPE')) {
    setImmediate(() => {
      throw new Error('exception hors du rendu');
    });
    return new Promise(() => {});
  }
  const body = `${job.id}\n${c.titulaire.raison_sociale}\n${hashData(job.contract)}\n`;
  const files = job.formats.flatMap((f) => [
    { name: `01-socle.${f}`, data: new TextEncoder().encode(`${f} socle ${body}`) },
    { name: `${job.dossier}-dossier-complet.${f}`, data: new TextEncoder().encode(`${f} dossier ${body}`) },
  ]);
  return { statut: 'ok', fichiers: writeContractFiles(job.racine, job.dossier, files), avertissements: [], erreurs: [] };
};

/** Keeps allocating live data until V8 stops the worker (its heap is capped by the pool). */
function exhaustHeap(): never {
  const hoard: string[][] = [];
  for (;;) hoard.push(Array.from({ length: 100_000 }, (_, i) => `${i}-${hoard.length}`));
}
