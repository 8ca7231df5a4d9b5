// Golden IR: the resolved document tree of every example contract, committed as JSON. A change
// to templates or to the engine that alters a contract shows up as a reviewable diff here.
// Refresh after an intended change: CPOM_MAJ_GOLDEN=1 npx vitest run test/engine/golden.test.ts
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoContracts } from '../../src/cli/commands/demo.ts';
import { buildFixture } from '../helpers/contracts.ts';

const GOLDEN = join(import.meta.dirname, '../golden/ir');
const update = process.env.CPOM_MAJ_GOLDEN === '1';

describe('golden IR of the example contracts', () => {
  for (const file of demoContracts()) {
    const name = `${basename(dirname(file))}-${basename(file).replace(/\.ya?ml$/, '')}.json`;
    it(name, () => {
      const json = `${JSON.stringify(buildFixture(file).set, null, 1)}\n`;
      const path = join(GOLDEN, name);
      if (update || !existsSync(path)) {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(path, json);
        if (!update) throw new Error(`golden file created: ${path} — review and commit it`);
      }
      expect(json).toBe(readFileSync(path, 'utf8'));
    });
  }
});
