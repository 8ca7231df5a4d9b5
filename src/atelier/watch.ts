// Following the library on disk: the author may edit in their own editor. One recursive
// watcher; events are coalesced per file (editors write in several steps) and only template
// files that really changed are reported.
import { createHash } from 'node:crypto';
import { watch, type FSWatcher } from 'node:fs';
import { extname, join } from 'node:path';
import { readConfined } from '../io/confine.ts';
import { EDITABLE_EXTENSIONS } from './library.ts';

export class LibraryWatcher {
  private readonly watcher: FSWatcher;
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly seen = new Map<string, string>();

  constructor(
    private readonly root: string,
    private readonly onChange: (abs: string) => void,
    private readonly delayMs = 15,
  ) {
    this.watcher = watch(root, { recursive: true }, (_event, name) => {
      if (!name) return;
      const rel = name.toString();
      const base = rel.split('/').pop() ?? '';
      if (base.startsWith('.') || !EDITABLE_EXTENSIONS.has(extname(base))) return;
      const abs = join(root, rel);
      clearTimeout(this.timers.get(abs));
      this.timers.set(abs, setTimeout(() => this.settle(abs), this.delayMs));
    });
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
    this.watcher.close();
    for (const t of this.timers.values()) clearTimeout(t);
  }
}

function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}
