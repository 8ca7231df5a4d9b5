// Writing one contract's files into its holder folder: all files appear together or none
// (temp files + renames, src/io/atomic.ts), files of an earlier run that the new set no longer
// has are removed, and a failed contract leaves no document behind.
import { existsSync, readdirSync, rmSync, rmdirSync } from 'node:fs';
import { join } from 'node:path';
import { writeFilesAtomic } from '../io/atomic.ts';
import { fileRecords } from '../io/contract-manifest.ts';
import type { FileRecord } from './types.ts';

export interface OutputFile {
  readonly name: string;
  readonly data: Uint8Array;
}

/** Ours: generated documents and temp files left by a killed run. Anything else is the user's. */
function isOurs(name: string): boolean {
  return /\.(docx|pdf)$/i.test(name) || /^\..*\.tmp$/.test(name);
}

export function writeContractFiles(racine: string, dossier: string, files: readonly OutputFile[]): FileRecord[] {
  const dir = join(racine, dossier);
  writeFilesAtomic(files.map((f) => ({ path: join(dir, f.name), data: f.data })));
  const keep = new Set(files.map((f) => f.name));
  for (const name of readdirSync(dir)) if (isOurs(name) && !keep.has(name)) rmSync(join(dir, name), { force: true });
  return fileRecords(files, dossier);
}

/** Removes a holder's generated files (the contract failed): no stale document may remain. */
export function clearContractFiles(racine: string, dossier: string): void {
  const dir = join(racine, dossier);
  if (!/^[^/\\.][^/\\]*$/.test(dossier) || !existsSync(dir)) return;
  for (const name of readdirSync(dir)) if (isOurs(name)) rmSync(join(dir, name), { force: true });
  if (readdirSync(dir).length === 0) rmdirSync(dir);
}

/**
 * Temp files a killed run left: this tranche's manifest and reports, and the folders of its own
 * contracts only, since other machines may be writing other tranches into the same folder.
 */
export function sweepTempFiles(racine: string, suffix: string, dossiers: readonly string[]): void {
  if (!existsSync(racine)) return;
  const mine = [`.manifest${suffix}.json.`, `.rapport${suffix}.csv.`, `.rapport${suffix}.html.`];
  for (const name of readdirSync(racine)) {
    if (name.endsWith('.tmp') && mine.some((p) => name.startsWith(p))) rmSync(join(racine, name), { force: true });
  }
  for (const d of dossiers) {
    const dir = join(racine, d);
    if (!/^[^/\\.][^/\\]*$/.test(d) || !existsSync(dir)) continue;
    for (const name of readdirSync(dir)) if (/^\..*\.tmp$/.test(name)) rmSync(join(dir, name), { force: true });
  }
}
