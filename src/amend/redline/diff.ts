// Redline of two versions of a DocumentSet: documents aligned by id, then blocks, rows and words.
// The result is the newer version in which every difference is a tracked change: accepting all
// of them gives the newer version, rejecting all of them the older one (see accept.ts).
import type { Block, Document, DocumentSet, Revision } from '../../ir/types.ts';
import { diffSequence, markBlock } from './blocks.ts';
import type { Revisions } from './inlines.ts';
import { align } from './lcs.ts';

export function revisions(author: string, date: string): Revisions {
  return { insertion: { kind: 'insertion', author, date }, suppression: { kind: 'suppression', author, date } };
}

function markDocument(d: Document, rev: Revision): Document {
  return { ...d, blocks: d.blocks.map((b) => markBlock(b, rev)).filter((b): b is Block => b !== undefined) };
}

export function diffSets(older: DocumentSet, newer: DocumentSet, rev: Revisions): DocumentSet {
  const steps = align(older.documents.map((d) => d.id), newer.documents.map((d) => d.id));
  const documents: Document[] = steps.map((s) => {
    if (s.op === 'eq') {
      const a = older.documents[s.a]!;
      const b = newer.documents[s.b]!;
      return { ...b, blocks: diffSequence(a.blocks, b.blocks, rev) };
    }
    return s.op === 'del' ? markDocument(older.documents[s.a]!, rev.suppression) : markDocument(newer.documents[s.b]!, rev.insertion);
  });
  return { ...newer, documents };
}
