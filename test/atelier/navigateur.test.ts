// The atelier in a real browser (Debian's chromium driven by playwright-core): a change on
// disk redraws the preview (pdf.js text layer) and the editor follows; a mistake is flagged at
// its line and clears once fixed; typing in CodeMirror gives diagnostics without saving.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Atelier } from '../../src/atelier/server.ts';
import { atelierOnCopy } from './helpers.ts';

const CHROMIUM = '/usr/bin/chromium';
const present = existsSync(CHROMIUM);
const required = process.env.CPOM_EXIGER_OUTILS === '1';
if (!present && !required) console.warn('⚠ SKIPPED: le test de l’atelier dans un navigateur demande chromium (apt-get install chromium)');
const SHOTS = join(import.meta.dirname, '../../tmp');

describe.skipIf(!present && !required)('cpom atelier in chromium', () => {
  let browser: Browser;
  let page: Page;
  let atelier: Atelier;
  let root: string;
  let socle: string;
  let original: string;

  const previewText = () => page.locator('#apercu').evaluate((e) => e.textContent ?? '');
  const version = async () => Number(await page.locator('#apercu').getAttribute('data-version'));
  const nextPreview = async (after: number) => page.waitForFunction((v) => Number(document.getElementById('apercu')!.dataset.version ?? 0) > v && document.getElementById('apercu')!.dataset.version !== undefined, after, { timeout: 60_000 });

  beforeAll(async () => {
    if (!present) throw new Error(`outil requis absent : ${CHROMIUM}`);
    mkdirSync(SHOTS, { recursive: true });
    ({ atelier, root } = await atelierOnCopy());
    socle = join(root, 'dgos-2012', 'socle.md');
    original = readFileSync(socle, 'utf8');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    page = await browser.newPage({ viewport: { width: 1600, height: 1000 } });
    await page.goto(atelier.url);
    await page.waitForSelector('body[data-pret="1"]', { timeout: 60_000 });
    await page.waitForSelector('#apercu[data-version]', { timeout: 90_000 });
    await page.selectOption('#fichier', 'dgos-2012/socle.md');
    await page.waitForFunction(() => document.querySelector('.cm-content')?.textContent?.includes('Contrat pluriannuels'));
  });

  afterAll(async () => {
    await browser?.close();
    await atelier?.close();
  });

  it('redraws the whole contract when a template changes on disk, and the editor follows', async () => {
    expect(Number(await page.locator('#apercu').getAttribute('data-pages'))).toBeGreaterThanOrEqual(20);
    expect(await previewText()).not.toContain('Atelier témoin 4242');
    const v = await version();
    writeFileSync(socle, original.replace('L’établissement {{ titulaire.raison_sociale }},', 'L’établissement {{ titulaire.raison_sociale }}, Atelier témoin 4242,'));
    await nextPreview(v);
    await page.waitForFunction(() => document.getElementById('apercu')!.textContent!.replace(/\s+/g, ' ').includes('Atelier témoin 4242'), undefined, { timeout: 30_000 });
    expect(await page.locator('.cm-content').textContent()).toContain('Atelier témoin 4242');
    await page.screenshot({ path: join(SHOTS, 'atelier-apercu.png') });
  });

  it('flags a mistake made on disk at its line, and clears it once fixed', async () => {
    const lines = original.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Et,'));
    lines.splice(at + 1, 0, 'Texte {{ titulaire.raison_socialle }} fautif');
    writeFileSync(socle, lines.join('\n'));
    const item = page.locator(`#diagnostics li[data-fichier="dgos-2012/socle.md"][data-ligne="${at + 2}"]`);
    await item.waitFor({ timeout: 30_000 });
    expect(await item.textContent()).toContain('raison_socialle');
    expect(await page.locator('#etat').textContent()).toContain('périmé');
    await page.screenshot({ path: join(SHOTS, 'atelier-erreur-disque.png') });
    writeFileSync(socle, original);
    await page.waitForFunction(() => document.getElementById('diagnostics')!.children.length === 0, undefined, { timeout: 30_000 });
    expect(await page.locator('#etat').textContent()).not.toContain('périmé');
  });

  it('gives live diagnostics while typing in CodeMirror, writes nothing until Ctrl-S', async () => {
    const lines = original.split('\n');
    const at = lines.findIndex((l) => l.startsWith('Et,'));
    // Click at the end of the « Et, » line and open a tag that is never closed.
    await page.locator('.cm-line', { hasText: /^Et,$/ }).first().click();
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Un {% si titulaire');
    const item = page.locator(`#diagnostics li[data-ligne="${at + 2}"]`);
    await item.waitFor({ timeout: 30_000 });
    await page.locator('.cm-lintRange-error').first().waitFor({ timeout: 10_000 });
    await page.screenshot({ path: join(SHOTS, 'atelier-frappe.png') });
    expect(readFileSync(socle, 'utf8')).toBe(original);
    // Fix the line in the editor, then save with Ctrl-S: the file is written, the preview follows.
    for (let i = 0; i < 'Un {% si titulaire'.length; i++) await page.keyboard.press('Backspace');
    await page.keyboard.type('Atelier frappe 777');
    await page.waitForFunction(() => document.getElementById('diagnostics')!.children.length === 0, undefined, { timeout: 30_000 });
    const v = await version();
    await page.keyboard.press('Control+s');
    await nextPreview(v);
    await page.waitForFunction(() => document.getElementById('apercu')!.textContent!.includes('Atelier frappe 777'), undefined, { timeout: 30_000 });
    expect(readFileSync(socle, 'utf8')).toContain('Et,\nAtelier frappe 777\n');
  });

  it('shows the applicability matrix of the example contracts and the provenance, reconstituted text highlighted', async () => {
    await page.click('[data-onglet="matrice"]');
    const rows = page.locator('#matrice table tr');
    await rows.nth(1).waitFor({ timeout: 30_000 });
    // One row per DGOS example contract (three in fixtures/dgos), one column per document.
    expect(await rows.count()).toBe(1 + 3);
    expect(await page.locator('#matrice tr', { hasText: 'dgos/chu-public.yaml' }).locator('td.oui').count()).toBeGreaterThanOrEqual(10);
    await page.screenshot({ path: join(SHOTS, 'atelier-matrice.png') });
    await page.click('[data-onglet="provenance"]');
    expect(await page.locator('#provenance section.reconstitue').count()).toBeGreaterThan(0);
    expect(await page.locator('#provenance section.verbatim').count()).toBeGreaterThan(0);
    expect(await page.locator('#provenance section.reconstitue .validation').first().textContent()).toContain('Validation juridique');
    await page.screenshot({ path: join(SHOTS, 'atelier-provenance.png') });
  });
});
