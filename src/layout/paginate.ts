// Chunks → pages. Keep links group chunks; a group that does not fit goes to the next page
// whole; only a group taller than an empty page is cut (chunk by chunk). Space before a chunk
// is dropped at the top of a page; a table chunk that starts a page gets its header rows again.
import type { Chunk } from './flow.ts';
import { ARTIFACT, pushMoved } from './flow.ts';
import type { PageGeometry } from './styles.ts';
import type { Frame, SignatureZone } from './types.ts';

export interface PageBody {
  readonly frames: Frame[];
  readonly zones: SignatureZone[];
  readonly bookmarks: Array<{ title: string; level: number; y: number }>;
}

const EPS = 0.01;

export function paginate(chunks: readonly Chunk[], geo: PageGeometry): PageBody[] {
  const pages: PageBody[] = [];
  let page: PageBody = { frames: [], zones: [], bookmarks: [] };
  let y = geo.top;
  let empty = true;

  const newPage = (): void => {
    pages.push(page);
    page = { frames: [], zones: [], bookmarks: [] };
    y = geo.top;
    empty = true;
  };

  /** Height the chunks i..j take if placed now. */
  const heightOf = (i: number, j: number): number => {
    let h = 0;
    for (let k = i; k <= j; k++) {
      const c = work[k]!;
      const top = empty && k === i;
      if (top && c.header) h += c.header.height;
      h += c.height + (top ? 0 : c.spaceBefore);
    }
    return h;
  };

  const place = (k: number): void => {
    const c = work[k]!;
    if (empty) {
      if (c.header) {
        // A repeated header is page furniture for a reader of the structure: the table's
        // header cells are tagged once, where the table starts.
        pushMoved(page.frames, c.header.frames, 0, y, ARTIFACT);
        y += c.header.height;
      }
    } else {
      y += c.spaceBefore;
    }
    if (c.bookmark) page.bookmarks.push({ ...c.bookmark, y });
    pushMoved(page.frames, c.frames, 0, y, c.struct);
    for (const z of c.zones ?? []) page.zones.push({ ...z, y: z.y + y });
    y += c.height;
    empty = false;
  };

  const work = [...chunks];
  const chunkAt = (k: number): Chunk => work[k]!;

  /** Places as much of a splittable chunk as fits here; the rest replaces it in the queue. */
  const placeSplit = (k: number): boolean => {
    const c = chunkAt(k);
    if (!c.split) return false;
    const room = geo.bottom - y - (empty ? (c.header?.height ?? 0) : c.spaceBefore);
    const parts = c.split(room);
    if (!parts) return false;
    // The pieces of a split row belong to the row's block, like the row did.
    parts.first.struct = c.struct;
    if (parts.rest) parts.rest.struct = c.struct;
    work[k] = parts.first;
    place(k);
    if (parts.rest) {
      work[k] = parts.rest;
      newPage();
      return true;
    }
    work.splice(k, 1);
    return true;
  };

  let i = 0;
  while (i < work.length) {
    if (chunkAt(i).breakBefore && !empty) newPage();
    let j = i;
    while (j < work.length - 1 && chunkAt(j).keepWithNext && !chunkAt(j + 1).breakBefore) j++;
    if (y + heightOf(i, j) <= geo.bottom + EPS) {
      for (let k = i; k <= j; k++) place(k);
      i = j + 1;
      continue;
    }
    // A row taller than a page starts right here, after what it is kept with.
    if (chunkAt(j).split && (j === i || y + heightOf(i, j - 1) <= geo.bottom + EPS)) {
      for (let k = i; k < j; k++) place(k);
      if (placeSplit(j)) {
        i = j;
        continue;
      }
      i = j;
    }
    if (!empty) {
      newPage();
      continue;
    }
    // Taller than an empty page: fill pages chunk by chunk.
    for (let k = i; k <= j; k++) {
      if (!empty && y + heightOf(k, k) > geo.bottom + EPS) newPage();
      place(k);
    }
    i = j + 1;
  }
  pages.push(page);
  return pages;
}
