// rapport.html from its mustache shell: every value escaped, the same bytes for the same
// manifest, and — in a real browser (Chromium through playwright-core) — sorting by a column
// header and filtering by status.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { CampaignManifest } from '../../src/batch/manifest.ts';
import { reportHtml } from '../../src/batch/report.ts';
import type { ManifestEntry, Status } from '../../src/batch/types.ts';

const CHROMIUM = '/usr/bin/chromium';
const required = process.env.CPOM_EXIGER_OUTILS === '1';
if (!existsSync(CHROMIUM) && !required) console.warn('⚠ SKIPPED: le test de tri et de filtre du rapport HTML demande chromium (apt-get install chromium)');

const HOSTILE = 'Clinique <script>alert(1)</script> & "fils" {{ pas une balise }}';

function entry(finess: string, raison: string, statut: Status, n = 0): ManifestEntry {
  const issue = (niveau: 'erreur' | 'avertissement', i: number) => ({ niveau, code: `CODE-${i}`, message: `message ${i} <b>`, chemin: `engagements[${i}]` });
  return {
    finess_ej: finess,
    raison_sociale: raison,
    source: `contrats/${finess}.yaml`,
    statut,
    formats: ['docx'],
    fichiers: statut === 'erreur' ? [] : [{ chemin: `${finess}/socle ${finess}.docx`, sha256: '0'.repeat(64), octets: 1 }],
    erreurs: statut === 'erreur' ? Array.from({ length: n || 1 }, (_, i) => issue('erreur', i)) : [],
    avertissements: statut === 'avertissements' ? Array.from({ length: n || 1 }, (_, i) => issue('avertissement', i)) : [],
  };
}

const manifest: CampaignManifest = {
  format: 'cpom-campagne/1' as CampaignManifest['format'],
  moteur: 'test',
  entree: 'dossier',
  formats: ['docx'],
  tranche: '1/1',
  campagne: { titulaires: 5, empreinte_titulaires: 'x' },
  modeles: [{ id: 'occitanie-2019', version: 1, empreinte: 'y' }],
  bilan: { contrats: 5, ok: 2, avertissements: 1, erreurs: 2 },
  problemes_campagne: [{ niveau: 'avertissement', code: 'CAMPAGNE', message: 'colonne <inconnue>' }],
  contrats: [
    entry('340000010', 'Hôpital de Béziers', 'ok'),
    entry('340000002', HOSTILE, 'erreur', 3),
    entry('340000003', 'Clinique du Pic', 'avertissements'),
    entry('340000004', 'Centre Émile Roux', 'erreur'),
    entry('340000005', 'Abbaye', 'ok'),
  ],
};

describe('rapport.html (gabarit mustache)', () => {
  it('échappe chaque valeur et garde la page identique d’une exécution à l’autre', () => {
    const html = reportHtml(manifest);
    expect(html).toBe(reportHtml(structuredClone(manifest)));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<b>');
    expect(html).toContain('Clinique &lt;script&gt;alert(1)&lt;&#x2F;script&gt; &amp; &quot;fils&quot; {{ pas une balise }}');
    expect(html).toContain('colonne &lt;inconnue&gt;');
    // One inline script, no resource from elsewhere: the page works opened from disk, offline.
    expect(html.match(/<script>/g)).toHaveLength(1);
    expect(html).not.toMatch(/\b(src|href)="(https?:)?\/\//);
    expect((html.match(/<tr class="/g) ?? []).length).toBe(5);
  });

  (existsSync(CHROMIUM) || required ? it : it.skip)('se trie par colonne et se filtre par statut dans un navigateur', async () => {
    const { chromium } = await import('playwright-core');
    const dir = mkdtempSync(join(tmpdir(), 'cpom-rapport-html-'));
    const file = join(dir, 'rapport.html');
    writeFileSync(file, reportHtml(manifest));
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      const page = await browser.newPage();
      const requests: string[] = [];
      page.on('request', (r) => requests.push(r.url()));
      await page.goto(pathToFileURL(file).href);
      const finess = () => page.$$eval('#contrats tbody tr:not([hidden])', (rows) => rows.map((r) => r.children[0]!.textContent));
      expect(await finess()).toEqual(['340000010', '340000002', '340000003', '340000004', '340000005']);
      // The hostile name is text, not markup.
      expect(await page.$$eval('#contrats tbody script', (s) => s.length)).toBe(0);
      expect(await page.locator('#contrats tbody tr').nth(1).locator('td').nth(1).textContent()).toBe(HOSTILE);

      await page.getByRole('button', { name: 'FINESS EJ' }).click();
      expect(await finess()).toEqual(['340000002', '340000003', '340000004', '340000005', '340000010']);
      expect(await page.locator('th').first().getAttribute('aria-sort')).toBe('ascending');
      await page.getByRole('button', { name: 'FINESS EJ' }).click();
      expect(await finess()).toEqual(['340000010', '340000005', '340000004', '340000003', '340000002']);

      // Status sorts by severity, then keeps the previous order among equals.
      await page.getByRole('button', { name: 'Statut' }).click();
      expect(await finess()).toEqual(['340000004', '340000002', '340000003', '340000010', '340000005']);
      // Messages sort by their number, not as text.
      await page.getByRole('button', { name: 'Messages' }).click();
      await page.getByRole('button', { name: 'Messages' }).click();
      expect((await finess())[0]).toBe('340000002');
      // Names sort as French readers expect: « Émile » with the E's.
      await page.getByRole('button', { name: 'Raison sociale' }).click();
      const names = await page.$$eval('#contrats tbody tr', (rows) => rows.map((r) => r.children[1]!.textContent));
      expect(names).toEqual(['Abbaye', 'Centre Émile Roux', 'Clinique <script>alert(1)</script> & "fils" {{ pas une balise }}', 'Clinique du Pic', 'Hôpital de Béziers']);

      await page.getByLabel('en erreur').check();
      expect((await finess()).sort()).toEqual(['340000002', '340000004']);
      expect(await page.locator('#compte').textContent()).toBe('2 contrat(s) affiché(s).');
      await page.getByLabel('avec avertissements').check();
      expect(await finess()).toEqual(['340000003']);
      await page.getByLabel('générés sans remarque').check();
      expect((await finess()).sort()).toEqual(['340000005', '340000010']);
      await page.getByLabel('tous').check();
      expect(await finess()).toHaveLength(5);
      expect(requests.filter((u) => !u.startsWith('file:'))).toEqual([]);
    } finally {
      await browser.close();
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
