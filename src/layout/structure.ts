// Tagged PDF, layout side: what each IR block is in the structure tree, and the small integer
// keys that say which part of a block a text frame belongs to (a table cell, a list item's label
// or body, a signatory's column). Layout knows these when it places text; the PDF writer turns
// them into marked content and structure elements, and never guesses from positions.
import { assertNever, type Block } from '../ir/types.ts';
import type { BlockRole } from './types.ts';

export function blockRole(b: Block): BlockRole | undefined {
  switch (b.type) {
    case 'heading':
      return `H${b.level}`;
    case 'paragraph':
      return 'P';
    case 'list':
      return 'L';
    case 'table':
      return 'Table';
    case 'signature':
      return 'Signature';
    case 'pageBreak':
      return undefined;
    default:
      return assertNever(b, 'block');
  }
}

/** A table cell: header rows and body rows are numbered apart, so the flag is part of the key. */
export function cellKey(row: number, col: number, header: boolean): number {
  return ((row * 1024 + col) << 1) | (header ? 1 : 0);
}

export function cellOf(key: number): { row: number; col: number; header: boolean } {
  const rc = key >>> 1;
  return { row: Math.floor(rc / 1024), col: rc % 1024, header: (key & 1) === 1 };
}

/** A list item's label (the bullet or number) or body. */
export function listKey(item: number, label: boolean): number {
  return item * 2 + (label ? 0 : 1);
}

export function listPartOf(key: number): { item: number; label: boolean } {
  return { item: key >> 1, label: (key & 1) === 0 };
}

/** In a signature block: the k-th lead-in paragraph (« Fait à … ») or the k-th party's column. */
export function signatureKey(part: 'lead-in' | 'party', k: number): number {
  return k * 2 + (part === 'party' ? 1 : 0);
}
