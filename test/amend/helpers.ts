// Test helpers: fixture loading without depending on the engine's contract loader.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { ContractSchema, type Contract } from '../../src/model/contract.ts';
import { loadAvenantFile } from '../../src/amend/load.ts';
import type { SourcedAvenant } from '../../src/amend/types.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/avenants');
export const MODELS = ['dgos-2012', 'occitanie-2019', 'idf-2021'] as const;

export function contractOf(model: string): Contract {
  return ContractSchema.parse(parse(readFileSync(join(FIXTURES, model, 'contrat.yaml'), 'utf8')));
}

export function avenantsOf(model: string): SourcedAvenant[] {
  return [1, 2, 3].map((n) => {
    const r = loadAvenantFile(join(FIXTURES, model, `avenant-${n}.yaml`));
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 2));
    return r.value;
  });
}
