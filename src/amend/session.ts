// Loading what every avenant command needs: the contract, its model, the avenant files, and
// every version (checked with the model's rules). Errors come back as diagnostics, nothing throws.
import { fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.ts';
import type { Contract } from '../model/contract.ts';
import { loadContractFile } from '../model/load.ts';
import { DUREE_LEGALE } from '../templates/manifest.ts';
import { checkContract } from '../templates/rules.ts';
import { loadModel, type LoadOptions, type Model } from '../templates/load.ts';
import { elementNamer } from './document/labels.ts';
import { loadAvenantFile } from './load.ts';
import { documentDiagnostics, replaceableDocuments } from './ops/listes.ts';
import type { ApplyOptions, SourcedAvenant } from './types.ts';
import { avenantApprovals } from './rules.ts';
import { allVersions, type Versions } from './versions.ts';

export interface Session {
  readonly model: Model;
  readonly contract: Contract;
  readonly versions: Versions;
}

export function openSession(contractFile: string, avenantFiles: readonly string[], options: LoadOptions = {}): Result<Session> {
  const contract = loadContractFile(contractFile);
  if (!contract.ok) return contract;
  const model = loadModel(contract.value.modele, options);
  if (!model.ok) return model;
  const diags: Diagnostic[] = [];
  const avenants: SourcedAvenant[] = [];
  for (const f of avenantFiles) {
    const a = loadAvenantFile(f);
    if (a.ok) avenants.push(a.value);
    else diags.push(...a.diagnostics);
  }
  const m = model.value;
  diags.push(...documentDiagnostics(m.id, replaceableDocuments(m), avenants));
  if (diags.length > 0) return fail(diags);
  const v = allVersions(contract.value, avenants, applyOptionsOf(m));
  if (!v.ok) return v;
  return ok({ model: m, contract: contract.value, versions: v.value }, [...contract.warnings, ...v.warnings, ...avenantApprovals(m, v.value)]);
}

/** What applying avenants takes from a model: its rules, duration, prorogation, and names of elements. */
export function applyOptionsOf(m: Model): Pick<ApplyOptions, 'verifier' | 'duree' | 'prorogation' | 'nommer'> {
  return {
    verifier: (c) => checkContract(m, c),
    nommer: elementNamer(m),
    duree: m.manifest.duree ?? DUREE_LEGALE,
    ...(m.manifest.avenants.prorogation ? { prorogation: m.manifest.avenants.prorogation } : {}),
  };
}

/** The version in effect at a date: the number of avenants whose date of effect is on or before it. */
export function versionAt(v: Versions, date: string): number {
  return v.avenants.filter((a) => a.avenant.effet <= date).length;
}
