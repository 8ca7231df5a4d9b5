// The legal sources a library cites (`<library>/_sources/<file>`), read once per run: a
// verifier call checks dozens of citations and passages against the same five files.
import { join } from 'node:path';
import { describeRefusal, readConfined } from '../io/confine.ts';
import { SourceFile } from '../dsl/source.ts';
import { mapped, squashMapped, type Mapped } from './normalize.ts';

/** 4 Mio: fifteen times the largest shipped source (the DGOS guide, 257 Kio). */
export const MAX_SOURCE_BYTES = 4 * 1024 * 1024;

export interface SourceText {
  readonly name: string;
  readonly lines: readonly string[];
  readonly file: SourceFile;
}

export class SourceCache {
  private readonly files = new Map<string, SourceText | string>();
  private readonly ranges = new Map<string, Mapped>();

  constructor(readonly libraryRoot: string) {}

  get dir(): string {
    return join(this.libraryRoot, '_sources');
  }

  /** The source, or the French reason it cannot be read. */
  get(name: string): SourceText | string {
    const hit = this.files.get(name);
    if (hit !== undefined) return hit;
    // A bare file name: the sources folder is flat, and « ../ » must not reach anything else.
    let value: SourceText | string;
    if (!/^[\w.-]+$/.test(name) || name.startsWith('.')) value = `« ${name} » n’est pas un nom de fichier de _sources/`;
    else {
      const r = readConfined(join(this.dir, name), this.libraryRoot, MAX_SOURCE_BYTES);
      if (r.ok) {
        const lines = r.text.split('\n');
        // A final newline ends the last line; it does not start another.
        if (lines.length > 1 && lines.at(-1) === '') lines.pop();
        value = { name, lines, file: new SourceFile(name, r.text) };
      } else value = `source ${describeRefusal(`_sources/${name}`, r.refusal)}`;
    }
    this.files.set(name, value);
    return value;
  }

  /** Lines `from`..`to` (1-based, inclusive), normalised, mapped to offsets of the whole file. */
  range(src: SourceText, from: number, to: number): Mapped {
    const key = `${src.name}:${from}-${to}`;
    let r = this.ranges.get(key);
    if (!r) {
      const start = src.file.lineStarts[from - 1] ?? src.file.text.length;
      const end = src.file.lineStarts[to] ?? src.file.text.length;
      r = squashMapped(mapped(src.file.text.slice(start, end), start));
      this.ranges.set(key, r);
    }
    return r;
  }
}
