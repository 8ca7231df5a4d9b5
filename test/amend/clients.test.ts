// Avenant, consolidated and redline DOCX through real clients: python-docx reads the tracked
// changes (w:ins / w:del) and LibreOffice opens every file; converted to ODT, LibreOffice keeps
// the redline's deletions as tracked changes, so its body text is the redline with all changes
// accepted, which must equal the consolidated version.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { buildAvenantSet } from '../../src/amend/document/avenant.ts';
import { buildConsolidatedSet } from '../../src/amend/document/consolidated.ts';
import { buildRedlineSet } from '../../src/amend/document/redline.ts';
import type { DocumentSet } from '../../src/ir/types.ts';
import { writeDocx } from '../../src/index.ts';
import { itWith, SYSTEM_PYTHON } from '../helpers/libreoffice.ts';
import { MODELS, modelOf, versionsOf } from './helpers.ts';

const TOOLS = join(import.meta.dirname, 'tools');
const PAIRS = [
  [0, 1],
  [1, 2],
  [2, 3],
  [0, 3],
] as const;

const must = (r: { ok: true; value: DocumentSet } | { ok: false; diagnostics: readonly { message: string }[] }): DocumentSet => {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
};

let dir = '';
const files: string[] = [];
const name = (m: string, what: string) => join(dir, `${m}--${what}.docx`);

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'cpom-avenants-'));
  for (const m of MODELS) {
    const model = modelOf(m);
    const v = versionsOf(m);
    const write = (what: string, set: DocumentSet) => {
      writeFileSync(name(m, what), writeDocx(set));
      files.push(name(m, what));
    };
    for (const k of [1, 2, 3]) write(`avenant-${k}`, must(buildAvenantSet(model, v, k)));
    for (const k of [0, 1, 2, 3]) write(`consolide-${k}`, must(buildConsolidatedSet(model, v, k)));
    for (const [i, j] of PAIRS) write(`comparaison-${i}-${j}`, must(buildRedlineSet(model, v, i, j)));
  }
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const py = (tool: string, file: string) =>
  JSON.parse(execFileSync(SYSTEM_PYTHON, [join(TOOLS, tool), file], { encoding: 'utf8', maxBuffer: 1 << 28 })) as {
    accept: string[];
    reject?: string[];
    insertions?: number;
    deletions?: number;
    changes?: number;
  };

describe('DOCX des avenants lus par python-docx', () => {
  itWith(['python-docx'])('les modifications suivies acceptées donnent la version j, refusées la version i', () => {
    for (const m of MODELS) {
      for (const [i, j] of PAIRS) {
        const red = py('docx_revisions.py', name(m, `comparaison-${i}-${j}`));
        expect(red.insertions, `${m} ${i}-${j}`).toBeGreaterThan(0);
        expect(red.deletions, `${m} ${i}-${j}`).toBeGreaterThan(0);
        expect(red.accept).toEqual(py('docx_revisions.py', name(m, `consolide-${j}`)).accept);
        expect(red.reject).toEqual(py('docx_revisions.py', name(m, `consolide-${i}`)).accept);
      }
    }
  }, 120_000);
});

describe('DOCX des avenants ouverts par LibreOffice', () => {
  itWith(['soffice', 'python3'])('ouvre chaque fichier ; une fois toutes les modifications acceptées, la comparaison égale la version consolidée', () => {
    const out = join(dir, 'odt');
    const profile = mkdtempSync(join(tmpdir(), 'soffice-profile-'));
    try {
      const res = spawnSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--convert-to', 'odt', '--outdir', out, ...files], {
        encoding: 'utf8',
        timeout: 300_000,
      });
      expect(res.stdout + res.stderr).not.toMatch(/Error:/);
    } finally {
      rmSync(profile, { recursive: true, force: true });
    }
    const odt = (f: string) => join(out, f.slice(dir.length + 1).replace(/\.docx$/, '.odt'));
    for (const f of files) expect(existsSync(odt(f)), f).toBe(true);
    for (const m of MODELS) {
      for (const [i, j] of PAIRS) {
        const red = py('odt_text.py', odt(name(m, `comparaison-${i}-${j}`)));
        expect(red.changes, `${m} ${i}-${j}`).toBeGreaterThan(0);
        expect(red.accept).toEqual(py('odt_text.py', odt(name(m, `consolide-${j}`))).accept);
      }
    }
  }, 600_000);
});
