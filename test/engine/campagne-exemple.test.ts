// The example campaign shipped in fixtures/campagnes/exemple/ (a filled workbook and the same
// contracts as a folder) is exactly what the generator produces: it cannot drift from the
// data model, and both inputs pass the campaign preflight.
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const EXEMPLE = 'fixtures/campagnes/exemple';

function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath, e.name).slice(dir.length + 1))
    .sort();
}

describe('shipped example campaign', () => {
  it('is what `npm run campagne:demo -- 8 2019 occitanie-2019` writes, byte for byte', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpom-exemple-'));
    const r = spawnSync(process.execPath, ['--import', 'tsx', 'fixtures/campagnes/generer.ts', '8', '2019', 'occitanie-2019', dir], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(files(dir)).toEqual(files(EXEMPLE));
    for (const f of files(EXEMPLE)) expect(readFileSync(join(dir, f)).equals(readFileSync(join(EXEMPLE, f))), f).toBe(true);
  });

  it('passes the preflight, from the workbook and from the folder', async () => {
    for (const input of [join(EXEMPLE, 'campagne.xlsx'), join(EXEMPLE, 'contrats')]) {
      let out = '';
      const code = await main(['verifier', '--campagne', input], (s) => (out += s), () => {});
      expect(code, out).toBe(0);
      expect(out).toContain('8');
    }
  });
});
