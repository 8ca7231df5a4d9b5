// A damaged or oversized workbook gives a French error naming the file, in bounded time: one
// altered byte used to leave exceljs' streaming reader waiting forever (`cpom campagne` never
// returned). The archive is now verified first (io/zip-check.ts) and the read has a deadline.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readWorkbook } from '../../src/batch/workbook-read.ts';
import { streamSheets } from '../../src/batch/workbook-source.ts';
import { main } from '../../src/cli/main.ts';
import { plainSpaces } from '../helpers/cli.ts';
import { zipProblem } from '../../src/io/zip-check.ts';
import { tmp } from './helpers.ts';

const EXEMPLE = 'fixtures/campagnes/exemple/campagne.xlsx';
const original = (): Buffer => readFileSync(EXEMPLE);

function altered(offset: number): string {
  const b = original();
  b[offset]! ^= 0x55;
  const file = join(tmp('classeur-abime'), `octet-${offset}.xlsx`);
  writeFileSync(file, b);
  return file;
}

const errorsOf = async (file: string): Promise<string[]> =>
  (await readWorkbook(file)).issues.filter((i) => i.niveau === 'erreur').map((i) => `${i.emplacement} : ${i.message}`);

describe('damaged workbooks', () => {
  // 1000: inside xl/_rels/workbook.xml.rels, 15000: inside a worksheet, 40000: inside the shared
  // strings; each of these left the reader's promise unsettled before the check.
  it.each([1000, 15000, 40000])('one byte altered at offset %i: a French error naming the file', async (offset) => {
    const file = altered(offset);
    const errors = await errorsOf(file);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(new RegExp(`^${file.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} : classeur illisible : fichier \\.xlsx endommagé ou refusé \\(partie « [^»]+ » : données endommagées \\(somme de contrôle incorrecte\\)\\)$`));
  });

  it('every altered byte (one offset in 499) ends in a result, never a hang', async () => {
    const size = original().length;
    for (let offset = 0; offset < size; offset += 499) {
      const input = await readWorkbook(altered(offset));
      expect(input.issues.some((i) => i.code === 'CLASSEUR-ILLISIBLE') || input.entries.length === 8, `octet ${offset}`).toBe(true);
    }
  }, 60_000);

  it('cpom campagne exits 1 on a damaged workbook, with the file in the message', async () => {
    const file = altered(15000);
    let err = '';
    const code = await main(['campagne', file, '--sortie', join(tmp('classeur-abime-sortie'), 'out')], () => {}, (s) => (err += `${plainSpaces(s)}\n`));
    expect(code).toBe(1);
    expect(err).toContain(`${file} : classeur illisible`);
  });

  it('refuses a file that is not a workbook', async () => {
    const file = join(tmp('pas-classeur'), 'texte.xlsx');
    writeFileSync(file, 'ceci n’est pas un classeur');
    expect(await errorsOf(file)).toEqual([
      `${file} : classeur illisible : fichier .xlsx endommagé ou refusé (fin d’archive ZIP introuvable (fichier tronqué ou qui n’est pas un classeur .xlsx))`,
    ]);
  });
});

describe('bounded reading', () => {
  it('bounds the uncompressed size of the parts before inflating them', () => {
    const bytes = original();
    expect(zipProblem(bytes, { maxEntries: 1000, maxEntryBytes: 100 * 1024 * 1024, maxTotalBytes: 200 * 1024 * 1024 })).toBeUndefined();
    expect(zipProblem(bytes, { maxEntries: 1000, maxEntryBytes: 2000, maxTotalBytes: 1e9 })).toMatch(/^partie « [^»]+ » : \d[\d\u202F]* octets une fois décompressée, 2\u202F000 au plus$/);
    expect(zipProblem(bytes, { maxEntries: 1000, maxEntryBytes: 1e9, maxTotalBytes: 10_000 })).toBe('contenu décompressé de plus de 10\u202F000 octets');
    expect(zipProblem(bytes, { maxEntries: 10, maxEntryBytes: 1e9, maxTotalBytes: 1e9 })).toMatch(/^archive de \d+ parties, 10 au plus$/);
  });

  it('gives up at the deadline on a reader that never settles', async () => {
    // Half a workbook, then a stream that neither ends nor fails: what a stalled reader sees.
    const half = original().subarray(0, 20_000);
    let sent = false;
    const stalled = new Readable({
      read() {
        if (!sent) this.push(half);
        sent = true;
      },
    });
    await expect(streamSheets(stalled, { deadlineMs: 300, maxCells: 1e6 })).rejects.toThrow('lecture interrompue au bout de 0,3 s');
    expect(stalled.destroyed).toBe(true);
  });

  it('stops after the maximum number of rows and cells', async () => {
    await expect(streamSheets(original(), { deadlineMs: 60_000, maxCells: 50 })).rejects.toThrow('plus de 50 lignes et cellules');
    const file = join(tmp('classeur-cellules'), 'c.xlsx');
    writeFileSync(file, original());
    const input = await readWorkbook(file, { deadlineMs: 60_000, maxCells: 50 });
    expect(input.issues.map((i) => i.message)).toEqual(['classeur illisible : plus de 50 lignes et cellules']);
  });
});
