import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { leftovers, recoverFolder, replaceFolder, type SwapStep } from '../../src/io/swap.ts';

const root = mkdtempSync(join(tmpdir(), 'cpom-swap-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const STEPS: SwapStep[] = ['ecriture', 'sauvegarde', 'installation', 'report', 'nettoyage'];
const keep = (n: string) => n === 'avenant-1';
const NEW = { 'b.txt': 'nouveau b', 'c.txt': 'nouveau c' };
const OLD = { 'a.txt': 'ancien a', 'b.txt': 'ancien b' };

/** The folder's files, nested ones as `sub/name`, with their content. */
function tree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (e.isFile()) out[join(e.parentPath, e.name).slice(dir.length + 1)] = readFileSync(join(e.parentPath, e.name), 'utf8');
  }
  return out;
}

/** An old output: two files and a nested avenant folder that must survive the swap. */
function oldFolder(name: string): string {
  const dir = join(root, name, 'contrat');
  mkdirSync(join(dir, 'avenant-1'), { recursive: true });
  for (const [n, d] of Object.entries(OLD)) writeFileSync(join(dir, n), d);
  writeFileSync(join(dir, 'avenant-1', 'x.txt'), 'avenant');
  return dir;
}

const oldTree = { ...OLD, 'avenant-1/x.txt': 'avenant' };
const newTree = { ...NEW, 'avenant-1/x.txt': 'avenant' };
const newFiles = Object.entries(NEW).map(([name, data]) => ({ name, data }));

describe('replaceFolder', () => {
  it('leaves exactly the new files, carries the nested outputs over, leaves nothing beside', () => {
    const dir = oldFolder('plain');
    expect(replaceFolder(dir, newFiles, { keep })).toEqual([]);
    expect(tree(dir)).toEqual(newTree);
    expect(readdirSync(join(root, 'plain'))).toEqual(['contrat']);
  });

  it('drops the nested outputs nobody asked to keep', () => {
    const dir = oldFolder('nokeep');
    replaceFolder(dir, newFiles);
    expect(tree(dir)).toEqual(NEW);
  });

  it('refuses a file name that would leave the folder (a bug, thrown)', () => {
    expect(() => replaceFolder(join(root, 'bug'), [{ name: '../x', data: '' }])).toThrow(/not a plain name/);
    expect(existsSync(join(root, 'bug'))).toBe(false);
  });

  for (const at of STEPS) {
    it(`an error before « ${at} » leaves a complete set (old or new) and no leftover`, () => {
      const dir = oldFolder(`fail-${at}`);
      const boom = Object.assign(new Error('disque plein'), { code: 'ENOSPC' });
      expect(() => replaceFolder(dir, newFiles, { keep, beforeStep: (s) => { if (s === at) throw boom; } })).toThrow('disque plein');
      // Before the new folder is in place, the old one is restored; after, the new one stays.
      expect(tree(dir)).toEqual(STEPS.indexOf(at) <= STEPS.indexOf('installation') ? oldTree : newTree);
      expect(leftovers(dir)).toEqual({ nouveaux: [], anciens: [] });
    });
  }
});

describe('a swap killed at each step', () => {
  const child = fileURLToPath(new URL('./swap-child.ts', import.meta.url));
  for (const at of STEPS) {
    it(`killed before « ${at} »: never a partial set, and the next run completes or undoes it`, () => {
      const dir = oldFolder(`kill-${at}`);
      const r = spawnSync(process.execPath, ['--import', 'tsx', child, dir, at], { encoding: 'utf8' });
      expect(r.signal, r.stderr).toBe('SIGKILL');
      // Under the final name: the old set, the new set, or (between the two renames) nothing.
      const seen = existsSync(dir) ? tree(dir) : undefined;
      const expected = { ecriture: oldTree, sauvegarde: oldTree, installation: undefined, report: NEW, nettoyage: newTree }[at];
      expect(seen).toEqual(expected);
      const notes = recoverFolder(dir, keep);
      expect(notes.length > 0).toBe(at !== 'ecriture');
      expect(tree(dir)).toEqual(STEPS.indexOf(at) <= STEPS.indexOf('installation') ? oldTree : newTree);
      expect(readdirSync(join(root, `kill-${at}`))).toEqual(['contrat']);
    });
  }
});
