// A stand-in render module for runner tests: deterministic files derived from the contract, an
// optional delay (to kill a run mid-way) and a planted bug (reference containing "PANNE").
import { hashData } from '../../src/batch/hash.ts';
import { writeContractFiles } from '../../src/batch/output.ts';
import type { RenderFn } from '../../src/batch/types.ts';

export const render: RenderFn = async (job) => {
  const delay = Number(process.env.CPOM_TEST_RENDER_DELAY_MS ?? 0);
  if (delay) await new Promise((r) => setTimeout(r, delay));
  const c = job.contract as { reference?: string; titulaire: { raison_sociale: string } };
  if (c.reference?.includes('PANNE')) throw new Error('panne simulée');
  const body = `${job.id}\n${c.titulaire.raison_sociale}\n${hashData(job.contract)}\n`;
  const files = job.formats.flatMap((f) => [
    { name: `01-socle.${f}`, data: new TextEncoder().encode(`${f} socle ${body}`) },
    { name: `${job.dossier}-dossier-complet.${f}`, data: new TextEncoder().encode(`${f} dossier ${body}`) },
  ]);
  return { statut: 'ok', fichiers: writeContractFiles(job.racine, job.dossier, files), avertissements: [], erreurs: [] };
};
