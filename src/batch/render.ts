// The real render function, run inside a worker: model rules, IR, DOCX/PDF bytes, files on disk.
// Documents never leave the worker; only their hashes and the diagnostics go back.
import type { Result } from '../diagnostics/diagnostic.ts';
import type { Contract } from '../model/contract.ts';
import { renderContract } from '../pipeline.ts';
import type { ModelLibrary } from '../templates/library.ts';
import { loadModel, type Model } from '../templates/load.ts';
import { esignatureFor } from '../templates/esignature.ts';
import { clearContractFiles, writeContractFiles } from './output.ts';
import type { IssueRecord, RenderFn, RenderOutcome } from './types.ts';
import { toRecord } from './validate.ts';

const models = new Map<string, Result<Model>>();

function modelFor(id: string, libraries: readonly ModelLibrary[] | undefined): Result<Model> {
  // One worker serves one campaign: its libraries are the same for every job, so the id alone keys the cache.
  let m = models.get(id);
  if (!m) {
    m = loadModel(id, libraries ? { libraries } : {});
    models.set(id, m);
  }
  return m;
}

const noPlace = () => undefined;

export const render: RenderFn = async (job) => {
  const contract = job.contract as Contract;
  const model = modelFor(contract.modele, job.libraries);
  if (!model.ok) return failed(job.racine, job.dossier, model.diagnostics.map((d) => toRecord(d, noPlace)));
  const r = await renderContract(model.value, contract, job.dossier, job.formats, { esignature: esignatureFor(model.value.manifest, job.esignature) });
  if (!r.ok) return failed(job.racine, job.dossier, r.diagnostics.map((d) => toRecord(d, noPlace)));
  const all = r.value.warnings.map((d) => toRecord(d, noPlace));
  if (all.some((i) => i.niveau === 'erreur')) return failed(job.racine, job.dossier, all);
  const fichiers = writeContractFiles(job.racine, job.dossier, r.value.files);
  const esig = r.value.esignature;
  // Paths relative to the campaign folder, as the file records are.
  const signature_electronique = esig ? { ...esig, fichiers: esig.fichiers.map((f) => ({ ...f, chemin: `${job.dossier}/${f.chemin}` })) } : undefined;
  return { statut: all.length > 0 ? 'avertissements' : 'ok', fichiers, avertissements: all, erreurs: [], ...(signature_electronique ? { signature_electronique } : {}) };
};

function failed(racine: string, dossier: string, issues: readonly IssueRecord[]): RenderOutcome {
  clearContractFiles(racine, dossier);
  return {
    statut: 'erreur',
    fichiers: [],
    avertissements: issues.filter((i) => i.niveau === 'avertissement'),
    erreurs: issues.filter((i) => i.niveau === 'erreur'),
  };
}
