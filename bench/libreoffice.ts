// The LibreOffice route, timed for comparison: one headless soffice call converting DOCX files
// to PDF, after a warm-up call that creates its private profile. Shared by both benchmarks.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** Seconds for one soffice call converting every DOCX, or undefined without LibreOffice. */
export function libreOfficeSeconds(docx: readonly string[], outDir: string): number | undefined {
  const probe = spawnSync('soffice', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return undefined;
  const profile = mkdtempSync(join(tmpdir(), 'bench-soffice-'));
  const args = (files: readonly string[]) => [`-env:UserInstallation=${pathToFileURL(profile).href}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...files];
  try {
    spawnSync('soffice', args(docx.slice(0, 1)), { encoding: 'utf8' });
    const t = performance.now();
    const r = spawnSync('soffice', args(docx), { encoding: 'utf8', timeout: 1_800_000 });
    const seconds = (performance.now() - t) / 1000;
    if (r.status !== 0 || /Error:/.test(r.stdout ?? '')) throw new Error(`soffice a échoué : ${r.stdout}${r.stderr}`);
    return seconds;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}
