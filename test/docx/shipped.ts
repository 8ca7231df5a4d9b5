// Every DOCX the shipped examples produce, rendered in-process (the same engine functions the
// CLI calls, without spawning it): the demo contracts, the avenant fixtures (each avenant, each
// consolidated version, each comparison between two versions) and the example campaign.
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { buildAvenantSet } from '../../src/amend/document/avenant.ts';
import { buildConsolidatedSet } from '../../src/amend/document/consolidated.ts';
import { buildRedlineSet } from '../../src/amend/document/redline.ts';
import { renderSet } from '../../src/amend/render.ts';
import { openSession } from '../../src/amend/session.ts';
import { readFolder } from '../../src/batch/folder-read.ts';
import { validateLoaded } from '../../src/batch/validate.ts';
import { demoContracts, FIXTURES_ROOT } from '../../src/cli/commands/demo.ts';
import type { Result } from '../../src/diagnostics/diagnostic.ts';
import { contractStem } from '../../src/io/names.ts';
import type { DocumentSet } from '../../src/ir/types.ts';
import type { Contract } from '../../src/model/contract.ts';
import { loadContractFile } from '../../src/model/load.ts';
import { renderContract } from '../../src/pipeline.ts';
import { loadModel } from '../../src/templates/load.ts';

export interface ShippedDocx {
  /** Where the CLI would write it, relative to its output folder: names a failure. */
  readonly name: string;
  readonly data: Uint8Array;
}

function value<T>(what: string, r: Result<T>): T {
  if (!r.ok) throw new Error(`${what}: ${JSON.stringify(r.diagnostics, null, 1)}`);
  return r.value;
}

async function renderDocx(contract: Contract, stem: string, folder: string): Promise<ShippedDocx[]> {
  const model = value(folder, loadModel(contract.modele));
  const r = value(folder, await renderContract(model, contract, stem, ['docx']));
  return r.files.map((f) => ({ name: `${folder}/${f.name}`, data: f.data }));
}

/** `cpom demo`: every contract under fixtures/dgos, fixtures/occitanie, fixtures/idf. */
export async function demoDocx(): Promise<ShippedDocx[]> {
  const out: ShippedDocx[] = [];
  for (const file of demoContracts()) {
    const stem = contractStem(file);
    out.push(...(await renderDocx(value(file, loadContractFile(file)), stem, `demo/${file.slice(FIXTURES_ROOT.length)}`)));
  }
  return out;
}

/** `cpom avenant`, `cpom consolider --jusqu-a k` and `cpom comparer --de i --a j` for every k, i < j. */
export async function avenantDocx(): Promise<ShippedDocx[]> {
  const root = join(FIXTURES_ROOT, 'avenants');
  const out: ShippedDocx[] = [];
  for (const dir of readdirSync(root, { withFileTypes: true }).filter((e) => e.isDirectory()).map((e) => e.name).sort()) {
    const contractFile = join(root, dir, 'contrat.yaml');
    if (!existsSync(contractFile)) continue;
    const avenants = readdirSync(join(root, dir)).filter((f) => /^avenant-\d+\.ya?ml$/.test(f)).sort().map((f) => join(root, dir, f));
    const s = value(contractFile, openSession(contractFile, avenants));
    const n = s.versions.avenants.length;
    const jobs: Array<{ folder: string; build: () => Result<DocumentSet> }> = [];
    for (let k = 1; k <= n; k++) {
      jobs.push({ folder: `avenant-${k}`, build: () => buildAvenantSet(s.model, s.versions, k) });
      jobs.push({ folder: `version-consolidee-${k}`, build: () => buildConsolidatedSet(s.model, s.versions, k) });
    }
    for (let i = 0; i < n; i++) for (let j = i + 1; j <= n; j++) jobs.push({ folder: `comparaison-${i}-${j}`, build: () => buildRedlineSet(s.model, s.versions, i, j) });
    for (const job of jobs) {
      const folder = `avenants/${dir}/${job.folder}`;
      const files = await renderSet(value(folder, job.build()), `${contractStem(contractFile)}-${job.folder}`, ['docx']);
      out.push(...files.map((f) => ({ name: `${folder}/${f.name}`, data: f.data })));
    }
  }
  return out;
}

/** `cpom campagne fixtures/campagnes/exemple/contrats`: the shared part merged into each contract. */
export async function campaignDocx(): Promise<ShippedDocx[]> {
  const input = readFolder(join(FIXTURES_ROOT, 'campagnes', 'exemple', 'contrats'));
  if (input.issues.length > 0) throw new Error(`campagne exemple: ${JSON.stringify(input.issues)}`);
  const out: ShippedDocx[] = [];
  for (const entry of input.entries) {
    const v = validateLoaded(entry.load());
    if (!v.ok) throw new Error(`campagne exemple, ${entry.source}: ${JSON.stringify(v.errors)}`);
    out.push(...(await renderDocx(v.contract, entry.id, `campagne/${entry.id}`)));
  }
  return out;
}
