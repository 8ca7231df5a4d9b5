// The package's ZIP writer, read back by independent readers (PizZip, Python's zipfile).

import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { packEntry, zipEntries } from '../../src/writers/docx/zip.ts';
import { itWith } from '../helpers/libreoffice.ts';

const long = 'Le titulaire s’engage à « atteindre » les objectifs. '.repeat(2000);
const entries = [
  ['[Content_Types].xml', '<Types/>'],
  ['word/document.xml', long],
  ['word/media/empty.bin', new Uint8Array(0)],
  ['word/styles.xml', packEntry(new Uint8Array([60, 97, 47, 62]))],
] as const;
const date = { year: 2019, month: 6, day: 25 };

describe('zipEntries', () => {
  const bytes = zipEntries(entries, date);

  it('stores every entry, in order, with its exact content', () => {
    const zip = new PizZip(bytes);
    expect(Object.keys(zip.files)).toEqual(entries.map(([n]) => n));
    expect(zip.file('word/document.xml')!.asText()).toBe(long);
    expect(zip.file('word/styles.xml')!.asText()).toBe('<a/>');
    expect(zip.file('word/media/empty.bin')!.asUint8Array().length).toBe(0);
  });

  it('compresses and stamps every entry with the contract date at midnight', () => {
    const zip = new PizZip(bytes);
    expect(bytes.length).toBeLessThan(long.length / 10);
    for (const [name] of entries) {
      const d = zip.file(name)!.date;
      expect([d.getFullYear(), d.getMonth() + 1, d.getDate(), d.getHours(), d.getMinutes()]).toEqual([2019, 6, 25, 0, 0]);
    }
  });

  it('is byte-identical run to run, and clamps dates outside the DOS range', () => {
    expect(Buffer.from(zipEntries(entries, date)).equals(Buffer.from(bytes))).toBe(true);
    const old = new PizZip(zipEntries(entries, { year: 1970, month: 3, day: 4 })).file('word/styles.xml')!.date;
    expect([old.getFullYear(), old.getMonth() + 1, old.getDate()]).toEqual([1980, 1, 1]);
  });

  it('refuses a non-ASCII entry name rather than writing an unflagged UTF-8 name', () => {
    expect(() => zipEntries([['word/modèle.xml', '<a/>']], date)).toThrow(/ASCII/);
  });

  itWith(['python3'])('passes Python zipfile’s integrity test (CRC and sizes of every entry)', () => {
    const f = join(mkdtempSync(join(tmpdir(), 'cpom-zip-')), 'test.zip');
    writeFileSync(f, bytes);
    const script = 'import sys, zipfile\nz = zipfile.ZipFile(sys.argv[1])\nprint(z.testzip(), len(z.infolist()))';
    const r = spawnSync('python3', ['-c', script, f], { encoding: 'utf8' });
    expect(r.stdout.trim()).toBe(`None ${entries.length}`);
  });
});
