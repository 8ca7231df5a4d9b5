// Atomic file output: write to a temporary file in the target folder, then rename.
// A crash, a kill or an error in the middle never leaves a partial file under the final name.
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, basename, join } from 'node:path';

let counter = 0;

/** Writes `data` to `path` atomically (same-filesystem rename). */
export function writeFileAtomic(path: string, data: Uint8Array | string): void {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  // pid + counter: unique among concurrent writers (worker threads share the pid, hence the
  // counter is per module instance, and thread ids are folded in by callers' distinct names).
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${counter++}.tmp`);
  try {
    writeFileSync(tmp, data);
    renameSync(tmp, path);
  } catch (e) {
    rmSync(tmp, { force: true });
    throw e;
  }
}

/**
 * Writes a group of files so that either all of them appear or none: every file goes to a
 * temporary name first, and renames start only once every write has succeeded.
 */
export function writeFilesAtomic(files: ReadonlyArray<{ path: string; data: Uint8Array | string }>): void {
  const staged: Array<{ tmp: string; path: string }> = [];
  try {
    for (const f of files) {
      const dir = dirname(f.path);
      mkdirSync(dir, { recursive: true });
      const tmp = join(dir, `.${basename(f.path)}.${process.pid}.${counter++}.tmp`);
      writeFileSync(tmp, f.data);
      staged.push({ tmp, path: f.path });
    }
  } catch (e) {
    for (const s of staged) rmSync(s.tmp, { force: true });
    throw e;
  }
  for (const s of staged) renameSync(s.tmp, s.path);
}
