// The campaign report through a real browser: headless Chromium loads rapport.html, and every
// link it finds points at a file the run wrote.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));
const required = process.env.CPOM_EXIGER_OUTILS === '1';
if (!CHROMIUM && !required) console.warn('⚠ SKIPPED: le test du rapport HTML demande chromium (apt-get install chromium)');

describe('campaign report in a browser', () => {
  (CHROMIUM || required ? it : it.skip)('loads rapport.html with one row per contract and working links', async () => {
    if (!CHROMIUM) throw new Error('outil requis absent : chromium');
    const dir = mkdtempSync(join(tmpdir(), 'cpom-rapport-'));
    const gen = spawnSync(process.execPath, ['--import', 'tsx', 'fixtures/campagnes/generer.ts', '3', '7', 'occitanie-2019', dir], { encoding: 'utf8' });
    expect(gen.status, gen.stderr).toBe(0);
    const out = join(dir, 'sortie');
    const code = await main(['campagne', join(dir, 'contrats'), '--sortie', out, '--format', 'docx', '--jobs', '1'], () => {}, () => {});
    expect(code).toBe(0);
    const r = spawnSync(
      CHROMIUM,
      ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${join(dir, 'profil')}`, '--dump-dom', pathToFileURL(join(out, 'rapport.html')).href],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status, r.stderr).toBe(0);
    const dom = r.stdout;
    expect(dom).toContain('Rapport de campagne CPOM');
    expect((dom.match(/<tr class="/g) ?? []).length).toBe(3);
    const links = [...dom.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(3);
    for (const l of links) expect(existsSync(join(out, decodeURIComponent(l))), l).toBe(true);
  });
});
