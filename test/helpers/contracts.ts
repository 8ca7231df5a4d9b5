// Loads an example contract end to end (data → model → resolved IR), failing loudly: the
// tests that need a DocumentSet of a fixture all go through here.
import { buildDocumentSet, loadContractFile, loadModel, type Contract, type DocumentSet, type Model } from '../../src/index.ts';

export interface BuiltFixture {
  readonly contract: Contract;
  readonly model: Model;
  readonly set: DocumentSet;
}

export function buildFixture(file: string): BuiltFixture {
  const c = loadContractFile(file);
  if (!c.ok) throw new Error(`${file}: ${JSON.stringify(c.diagnostics, null, 1)}`);
  const m = loadModel(c.value.modele);
  if (!m.ok) throw new Error(`${file}: ${JSON.stringify(m.diagnostics, null, 1)}`);
  const s = buildDocumentSet(m.value, c.value);
  if (!s.ok) throw new Error(`${file}: ${JSON.stringify(s.diagnostics, null, 1)}`);
  return { contract: c.value, model: m.value, set: s.value };
}
