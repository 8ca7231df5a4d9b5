// The block flow: every block becomes a list of unbreakable chunks (a line, a table row, a
// signature row) joined by "keep with next" links. Pagination only ever cuts between two
// chunks whose link is off, so every keep rule (headings with their next block, widows and
// orphans, a signature block with the paragraph before it) is expressed as such a link.
import { layoutCounters } from './counters.ts';
import type { Frame, SignatureZone, TextFrame } from './types.ts';

export interface Chunk {
  readonly height: number;
  /** Space above the chunk, dropped at the top of a page. */
  spaceBefore: number;
  /** No page break allowed between this chunk and the next one. */
  keepWithNext: boolean;
  /** Frames with page x and y relative to the chunk's top. */
  readonly frames: readonly Frame[];
  /** Signature areas, placed like the frames (page x, y relative to the chunk's top). */
  readonly zones?: readonly SignatureZone[];
  /** Forced page break before this chunk. */
  breakBefore?: boolean;
  /** Outline entry starting at this chunk. */
  readonly bookmark?: { readonly title: string; readonly level: number };
  /** Table header rows to repeat above this chunk when it starts a page. */
  readonly header?: Chunk;
  /**
   * For content taller than a page (a huge table row): the part that fits in `room`, and the
   * rest; undefined when nothing fits.
   */
  readonly split?: (room: number) => { readonly first: Chunk; readonly rest?: Chunk } | undefined;
  /** Tagged PDF: the IR block the chunk's text belongs to (set by layoutDocument). */
  struct?: number;
}

/** `moved`'s tag argument: keep the frame's own, or mark the copy as page furniture. */
export const ARTIFACT = -1;

/**
 * A copy of a frame moved by (dx, dy). Built field by field: object spread was a hot spot.
 * `struct` re-tags a text frame (ARTIFACT drops its tag), `sub` names its part of the block;
 * both absent keep the frame's own.
 */
export function moved(f: Frame, dx: number, dy: number, struct?: number, sub?: number): Frame {
  layoutCounters.framesMoved++;
  switch (f.kind) {
    case 'text': {
      const s = struct === undefined ? f.struct : struct === ARTIFACT ? undefined : struct;
      const t: TextFrame = { kind: 'text', x: f.x + dx, y: f.y + dy, face: f.face, size: f.size, text: f.text, wordGap: f.wordGap, struct: s, sub: sub ?? f.sub };
      if (f.gray === undefined && !f.invisible && !f.hyphenated) return t;
      return { ...t, ...(f.gray === undefined ? {} : { gray: f.gray }), ...(f.invisible ? { invisible: true } : {}), ...(f.hyphenated ? { hyphenated: true } : {}) };
    }
    case 'rect':
      return { kind: 'rect', x: f.x + dx, y: f.y + dy, w: f.w, h: f.h, fill: f.fill, stroke: f.stroke };
    case 'line':
      return { kind: 'line', x1: f.x1 + dx, y1: f.y1 + dy, x2: f.x2 + dx, y2: f.y2 + dy, width: f.width, gray: f.gray };
  }
}

/** Appends copies of `frames` moved by (dx, dy) to `out` (tags: see `moved`). */
export function pushMoved(out: Frame[], frames: readonly Frame[], dx: number, dy: number, struct?: number, sub?: number): void {
  for (const f of frames) out.push(moved(f, dx, dy, struct, sub));
}

export function shift(frames: readonly Frame[], dx: number, dy: number, sub?: number): readonly Frame[] {
  if (dx === 0 && dy === 0 && sub === undefined) return frames;
  const out: Frame[] = [];
  pushMoved(out, frames, dx, dy, undefined, sub);
  return out;
}

/** Collects chunks block after block, collapsing vertical spacing between blocks. */
export class Flow {
  readonly chunks: Chunk[] = [];
  private pendingAfter = 0;
  private pendingBreak = false;

  /** Appends the chunks of one block. */
  block(chunks: readonly Chunk[], spaceBefore: number, spaceAfter: number): void {
    if (!chunks.length) return;
    const first = chunks[0]!;
    first.spaceBefore = Math.max(this.pendingAfter, spaceBefore, first.spaceBefore);
    if (this.pendingBreak) first.breakBefore = true;
    this.pendingBreak = false;
    this.chunks.push(...chunks);
    this.pendingAfter = spaceAfter;
  }

  /** The next block starts a new page. */
  pageBreak(): void {
    if (this.chunks.length) this.pendingBreak = true;
  }

  /** Ties the last chunk so far to whatever comes next (signature blocks need it). */
  keepLastWithNext(): void {
    const last = this.chunks[this.chunks.length - 1];
    if (last) last.keepWithNext = true;
  }
}
