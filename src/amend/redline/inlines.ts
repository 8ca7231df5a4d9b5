// Word-level diff of inline content: the changed words become text runs carrying a revision
// (insertion / suppression), the unchanged ones keep their formatting and stay unmarked.
import type { Inline, Revision, TextRun } from '../../ir/types.ts';
import { align } from './lcs.ts';

export interface Revisions {
  readonly insertion: Revision;
  readonly suppression: Revision;
}

type Token = { readonly text: string; readonly bold: boolean; readonly italic: boolean } | { readonly atom: Inline };

function tokens(content: readonly Inline[]): Token[] {
  const out: Token[] = [];
  for (const i of content) {
    if (i.type === 'text') {
      for (const w of i.text.match(/\s+|[^\s]+/g) ?? []) out.push({ text: w, bold: !!i.bold, italic: !!i.italic });
    } else out.push({ atom: i });
  }
  return out;
}

const keyOf = (t: Token): string => ('atom' in t ? `@${JSON.stringify(t.atom)}` : `${t.bold ? 'b' : ''}${t.italic ? 'i' : ''}|${t.text}`);

const run = (text: string, bold: boolean, italic: boolean, revision?: Revision): TextRun => ({
  type: 'text',
  text,
  ...(bold ? { bold: true } : {}),
  ...(italic ? { italic: true } : {}),
  ...(revision ? { revision } : {}),
});

/** Marks every text of `content` as inserted or deleted (references become plain text). */
export function markInlines(content: readonly Inline[], rev: Revision): Inline[] {
  const out: Inline[] = [];
  for (const i of content) {
    if (i.type === 'text') out.push({ ...i, revision: rev });
    else if (i.type === 'ref') out.push(run(i.text ?? '', false, false, rev));
    else if (i.type === 'break' && rev.kind === 'insertion') out.push(i);
    // A deleted line break or page field has no tracked form: it is dropped.
  }
  // An empty container still needs a mark, so accepting or rejecting can remove it whole.
  if (!out.some((i) => i.type === 'text' && i.revision)) out.push(run('', false, false, rev));
  return out;
}

export function diffInlines(a: readonly Inline[], b: readonly Inline[], rev: Revisions): Inline[] {
  const ta = tokens(a);
  const tb = tokens(b);
  const steps = align(ta.map(keyOf), tb.map(keyOf));
  const out: Inline[] = [];
  const push = (t: Token, r?: Revision) => {
    if ('atom' in t) {
      const at = t.atom;
      if (!r) out.push(at);
      else if (at.type === 'ref') out.push(run(at.text ?? '', false, false, r));
      else if (at.type === 'text') out.push({ ...at, revision: r });
      else if (r.kind === 'insertion') out.push(at);
      return;
    }
    const last = out[out.length - 1];
    // Merge with the previous run when format and revision match: one run per change.
    if (last && last.type === 'text' && !!last.bold === t.bold && !!last.italic === t.italic && last.revision === r) {
      out[out.length - 1] = { ...last, text: last.text + t.text };
    } else out.push(run(t.text, t.bold, t.italic, r));
  };
  for (const s of steps) {
    if (s.op === 'eq') push(tb[s.b]!);
    else if (s.op === 'del') push(ta[s.a]!, rev.suppression);
    else push(tb[s.b]!, rev.insertion);
  }
  return out;
}
