// Output places given on the command line: checked before any work (a `--sortie` that names a
// file is a usage error, found before rendering, not a crash after it), and writes whose
// failure (no permission, disk full) becomes a French message instead of a stack trace.
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { writeFilesAtomic } from '../io/atomic.ts';
import { describeFsError } from '../io/fs-errors.ts';
import { UsageError } from './args.ts';

/**
 * `dir` must be a folder we can write in, or a folder we can create: its nearest existing
 * ancestor must be a writable folder. Nothing is created here (nothing is written for bad data).
 */
export function checkOutputDir(dir: string, option = '--sortie'): string {
  for (let p = resolve(dir); ; p = dirname(p)) {
    let isDir: boolean;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT' && dirname(p) !== p) continue;
      throw new UsageError(`${option} « ${dir} » : ${describeFsError(e)}`);
    }
    if (!isDir) {
      throw new UsageError(p === resolve(dir) ? `${option} « ${dir} » est un fichier : un dossier est attendu` : `${option} « ${dir} » : « ${p} » est un fichier, pas un dossier`);
    }
    try {
      accessSync(p, constants.W_OK);
    } catch (e) {
      throw new UsageError(`${option} « ${dir} » : écriture impossible dans « ${p} » (${describeFsError(e)})`);
    }
    return dir;
  }
}

/** A file to write must not be a folder, and its folder must be writable or creatable. */
export function checkOutputFile(file: string): string {
  try {
    if (statSync(file).isDirectory()) throw new UsageError(`« ${file} » est un dossier : un nom de fichier est attendu`);
  } catch (e) {
    if (e instanceof UsageError) throw e;
  }
  checkOutputDir(dirname(file), 'dossier du fichier');
  return file;
}

/** Writes every file or none; a failure is returned as a French message. */
export function writeAll(files: ReadonlyArray<{ path: string; data: Uint8Array | string }>): string | undefined {
  try {
    writeFilesAtomic(files);
    return undefined;
  } catch (e) {
    if (typeof (e as NodeJS.ErrnoException).code !== 'string') throw e;
    const path = (e as NodeJS.ErrnoException).path;
    return `écriture impossible${path ? ` de « ${path} »` : ''} : ${describeFsError(e)}`;
  }
}
