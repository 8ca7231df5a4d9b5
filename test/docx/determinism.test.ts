// Same input → byte-identical DOCX, whatever the clock, time zone or locale.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { doc, docSet, h, kitchenSink, p } from './fixtures.ts';

const set = docSet([kitchenSink(), doc('annexe-01', [h(1, 'Annexe 1'), p('x')], { paraphe: ['ars'] })]);
const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

describe('determinism', () => {
  it('writes identical bytes twice in a row', async () => {
    const a = writeDocx(set);
    await new Promise((r) => setTimeout(r, 2100)); // cross a DOS-timestamp tick (2 s)
    const b = writeDocx(set);
    expect(sha(b)).toBe(sha(a));
  });

  it('stamps every zip entry with the set date, in sorted order', () => {
    const zip = new PizZip(writeDocx(set));
    const files = Object.values(zip.files);
    expect(files.map((f) => f.name)).toEqual([...files.map((f) => f.name)].sort());
    expect(files[0]?.name).toBe('[Content_Types].xml');
    for (const f of files) {
      expect([f.date.getFullYear(), f.date.getMonth() + 1, f.date.getDate(), f.date.getHours()]).toEqual([2019, 6, 28, 0]);
    }
  });

  it('writes identical bytes in other time zones and locales', () => {
    const dir = mkdtempSync(join(tmpdir(), 'docx-tz-'));
    try {
      const here = fileURLToPath(new URL('.', import.meta.url));
      const script = join(dir, 'hash.ts');
      writeFileSync(
        script,
        `import { createHash } from 'node:crypto';
import { writeDocx } from ${JSON.stringify(join(here, '../../src/writers/docx/index.ts'))};
import { doc, docSet, h, kitchenSink, p } from ${JSON.stringify(join(here, 'fixtures.ts'))};
const set = docSet([kitchenSink(), doc('annexe-01', [h(1, 'Annexe 1'), p('x')], { paraphe: ['ars'] })]);
process.stdout.write(createHash('sha256').update(writeDocx(set)).digest('hex'));
`,
      );
      const expected = sha(writeDocx(set));
      for (const env of [
        { TZ: 'Pacific/Kiritimati', LANG: 'de_DE.UTF-8', LC_ALL: 'de_DE.UTF-8' },
        { TZ: 'America/Adak', LANG: 'C', LC_ALL: 'C' },
      ]) {
        const res = spawnSync(process.execPath, ['--import', 'tsx', script], {
          encoding: 'utf8',
          cwd: join(here, '../..'),
          env: { ...process.env, ...env },
        });
        expect(res.stderr).toBe('');
        expect(res.stdout, JSON.stringify(env)).toBe(expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);

  it('changes the timestamps and core dates when the set date changes', () => {
    const other = writeDocx(docSet(set.documents, { date: '2024-01-15' }));
    const zip = new PizZip(other);
    expect(zip.file('docProps/core.xml')?.asText()).toContain('2024-01-15T00:00:00Z');
    expect(zip.file('word/styles.xml')?.date.getFullYear()).toBe(2024);
  });
});
