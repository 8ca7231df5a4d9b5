// State shared while serialising one DOCX: page geometry of the current section and the
// counters that must be unique across the whole main part.

import type { PageGeometry } from './page.ts';

/**
 * Annotation ids (bookmarks, w:ins, w:del) must be unique within document.xml. A counter owned
 * by one writeDocx call keeps them deterministic (no random ids).
 */
export class IdAllocator {
  private last = 0;
  next(): number {
    this.last += 1;
    return this.last;
  }
}

export interface RenderContext {
  readonly geometry: PageGeometry;
  readonly ids: IdAllocator;
  /** Heading anchor → bookmark name, for anchors present in this DOCX only. */
  readonly bookmarks: ReadonlyMap<string, string>;
  /** Bookmark closing the current IR document: its page number is the document's page count. */
  readonly endBookmark: string;
}

/** Hidden (underscore) bookmark marking the end of the n-th document of the DOCX. */
export function endBookmarkName(n: number): string {
  return `_FinDocument${n}`;
}

/** Word bookmark names: ≤ 40 chars, letters/digits/underscore, starting with a letter. */
const MAX_BOOKMARK = 40;

/**
 * Map anchors to valid, unique bookmark names in first-seen order, so the same IR always
 * yields the same names and two anchors never collide after sanitising.
 */
export function bookmarkNames(anchors: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const used = new Set<string>();
  for (const anchor of anchors) {
    if (out.has(anchor)) continue;
    const base = `ref_${anchor.replace(/[^A-Za-z0-9_]/g, '_')}`.slice(0, MAX_BOOKMARK);
    let name = base;
    for (let n = 2; used.has(name.toLowerCase()); n += 1) {
      const suffix = `_${n}`;
      name = base.slice(0, MAX_BOOKMARK - suffix.length) + suffix;
    }
    used.add(name.toLowerCase());
    out.set(anchor, name);
  }
  return out;
}
