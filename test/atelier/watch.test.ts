// Following the library on disk: a file replaced by a rename (the atelier's own atomic save,
// most editors') is still followed afterwards; the server's own writes are not reported twice.
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../src/io/atomic.ts';
import { LibraryWatcher } from '../../src/atelier/watch.ts';

const settle = () => new Promise((ok) => setTimeout(ok, 400));

describe('library watcher', () => {
  it('keeps following a file after it was replaced by a rename', async () => {
    const root = realpathSync(mkdtempSync(join(tmpdir(), 'cpom-atelier-watch-')));
    mkdirSync(join(root, 'm'));
    const file = join(root, 'm', 'socle.md');
    writeFileSync(file, 'un');
    const seen: string[] = [];
    const w = new LibraryWatcher(root, (abs) => seen.push(abs));
    try {
      await settle();
      writeFileAtomic(file, 'deux');
      await settle();
      expect(seen).toEqual([file]);
      writeFileSync(file, 'trois');
      await settle();
      expect(seen).toEqual([file, file]);
      // The server's own save: noted, then not reported.
      w.note(file, 'quatre');
      writeFileAtomic(file, 'quatre');
      await settle();
      expect(seen).toEqual([file, file]);
      writeFileSync(join(root, 'm', 'notes.txt'), 'ignoré');
      await settle();
      expect(seen).toEqual([file, file]);
    } finally {
      w.close();
    }
  });
});
