// Source files and spans: every AST node remembers where it came from, so a diagnostic can
// name file:line:column and show a code frame, including for expressions inside modele.yaml.
import type { Position, Span } from '../diagnostics/diagnostic.ts';

export class SourceFile {
  readonly lineStarts: number[];

  constructor(
    readonly file: string,
    readonly text: string,
  ) {
    this.lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) this.lineStarts.push(i + 1);
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.lineStarts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - this.lineStarts[lo]! + 1, offset };
  }

  span(start: number, end: number): Span {
    return { file: this.file, start: this.position(start), end: this.position(Math.max(start, end)) };
  }
}

/** A span pointing at a whole file (for problems that have no better place). */
export function fileSpan(file: string): Span {
  const p = { line: 1, column: 1, offset: 0 };
  return { file, start: p, end: p };
}
