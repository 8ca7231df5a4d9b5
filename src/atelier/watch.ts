// Following the library on disk: the author may edit in their own editor. One watcher per
// folder of the library, not a recursive one: Node 20's recursive watch on Linux watches each
// file's inode, and loses a file once it is replaced by a rename (our own atomic save, most
// editors' too); a folder's watch sees its entries whatever their inode. Events are coalesced
// per file (editors write in several steps) and only template files that really changed are
// reported.
import { createHash } from 'node:crypto';
import { readdirSync, watch, type FSWatcher } from 'node:fs';
import { extname, join } from 'node:path';
import { readConfined } from '../io/confine.ts';
import { EDITABLE_EXTENSIONS } from './library.ts';

export class LibraryWatcher {
  private readonly watchers: FSWatcher[] = [];
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly root: string,
    private readonly onChange: (abs: string) => void,
    private readonly delayMs = 15,
  ) {
    this.watchFolder(root, 0);
  }

  private watchFolder(dir: string, depth: number): void {
    // Model libraries are shallow (model/, model/avenants/…): a bound keeps a stray tree cheap.
    if (depth > 4) return;
    this.watchers.push(
      watch(dir, (_event, name) => {
        if (!name) return;
        const base = name.toString();
        if (base.startsWith('.') || !EDITABLE_EXTENSIONS.has(extname(base))) return;
        const abs = join(dir, base);
        clearTimeout(this.timers.get(abs));
        this.timers.set(abs, setTimeout(() => this.settle(abs), this.delayMs));
      }),
    );
    for (const e of readdirSync(dir, { withFileTypes: true })) if (e.isDirectory() && !e.name.startsWith('.')) this.watchFolder(join(dir, e.name), depth + 1);
  }

  /** Records a content the server wrote itself, so that its own write is not reported twice. */
  note(abs: string, text: string): void {
    this.seen.set(abs, digest(text));
  }

  private settle(abs: string): void {
    this.timers.delete(abs);
    const r = readConfined(abs, this.root);
    const d = r.ok ? digest(r.text) : 'absent';
    if (this.seen.get(abs) === d) return;
    this.seen.set(abs, d);
    this.onChange(abs);
  }

  close(): void {
    for (const w of this.watchers) w.close();
    for (const t of this.timers.values()) clearTimeout(t);
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
