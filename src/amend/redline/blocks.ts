// Block-level diff: unchanged blocks are matched whole; in between, blocks of the same kind that
// still resemble each other are diffed word by word, the others are deleted or inserted whole.
import type { Block, Heading, Inline, List, Paragraph, Revision, SignatureBlock, SignatureParty } from '../../ir/types.ts';
import { headingText, inlineText } from '../../ir/types.ts';
import { diffInlines, markInlines, type Revisions } from './inlines.ts';
import { align } from './lcs.ts';
import { blockText } from './text.ts';
import { diffTable, markTable } from './tables.ts';

/** A heading printed as text: its number joins the content, so a renumbering shows as a change. */
function headingInlines(h: Heading): Inline[] {
  return h.number ? [{ type: 'text', text: `${h.number}${h.separator ?? ' – '}` }, ...h.content] : [...h.content];
}

function flatHeading(h: Heading, content: Inline[]): Heading {
  const { number: _n, numbering: _p, separator: _s, ...rest } = h;
  return { ...rest, content };
}

/** A whole party inserted or deleted: every line, the name and the mentions marked, each in its place. */
function markParty(p: SignatureParty, rev: Revision): SignatureParty {
  return {
    id: p.id,
    lines: p.lines.map((l) => markInlines(l, rev)),
    mentions: [],
    marked: { signatory: p.signatory ? markInlines([{ type: 'text', text: p.signatory }], rev) : [], mentions: p.mentions.map((m) => markInlines([{ type: 'text', text: m }], rev)) },
  };
}

const asParagraphs = (lines: readonly (readonly Inline[])[]): Paragraph[] => lines.map((content) => ({ type: 'paragraph', style: 'body', content: [...content] }));
const contents = (blocks: readonly Block[]): Inline[][] => blocks.map((p) => [...(p as Paragraph).content]);

export function markBlock(b: Block, rev: Revision): Block | undefined {
  switch (b.type) {
    case 'paragraph':
      return { ...b, content: markInlines(b.content, rev) };
    case 'heading':
      return flatHeading(b, markInlines(headingInlines(b), rev));
    case 'list':
      return { ...b, items: b.items.map((it) => ({ content: markInlines(it.content, rev) })) };
    case 'table':
      return markTable(b, rev);
    case 'signature':
      return {
        ...b,
        leadIn: b.leadIn.map((p) => ({ ...p, content: markInlines(p.content, rev) })),
        parties: b.parties.map((p) => markParty(p, rev)),
      };
    case 'pageBreak':
      return rev.kind === 'insertion' ? b : undefined;
  }
}

/** Share of words two texts have in common (0 to 1), order ignored. */
export function similarity(a: string, b: string): number {
  const wa = a.toLowerCase().split(/\s+/).filter(Boolean);
  const wb = b.toLowerCase().split(/\s+/).filter(Boolean);
  if (wa.length === 0 && wb.length === 0) return 1;
  const pool = new Map<string, number>();
  for (const w of wa) pool.set(w, (pool.get(w) ?? 0) + 1);
  let common = 0;
  for (const w of wb) {
    const n = pool.get(w) ?? 0;
    if (n > 0) {
      common++;
      pool.set(w, n - 1);
    }
  }
  return (2 * common) / (wa.length + wb.length);
}

/** Whether two blocks are versions of one another (and so diffed rather than replaced). */
function pairable(a: Block, b: Block): boolean {
  if (a.type !== b.type) return false;
  if (a.type === 'table' && b.type === 'table') return a.columns.length === b.columns.length;
  if (a.type === 'signature') return true;
  if (a.type === 'heading' && b.type === 'heading' && a.level !== b.level) return false;
  if (a.type === 'pageBreak') return true;
  return similarity(blockText(a), blockText(b)) >= 0.5;
}

function diffPair(a: Block, b: Block, rev: Revisions): Block {
  if (a.type === 'paragraph' && b.type === 'paragraph') return { ...b, content: diffInlines(a.content, b.content, rev) };
  if (a.type === 'heading' && b.type === 'heading') {
    if (headingText(a) === headingText(b)) return b;
    return a.number === b.number && a.separator === b.separator
      ? { ...b, content: diffInlines(a.content, b.content, rev) }
      : flatHeading(b, diffInlines(headingInlines(a), headingInlines(b), rev));
  }
  if (a.type === 'list' && b.type === 'list') return diffList(a, b, rev);
  if (a.type === 'table' && b.type === 'table') return diffTable(a, b, rev);
  if (a.type === 'signature' && b.type === 'signature') return diffSignature(a, b, rev);
  return b;
}

function diffList(a: List, b: List, rev: Revisions): List {
  const items = diffSequence(
    a.items.map((i) => ({ type: 'paragraph', style: 'body', content: i.content }) as Paragraph),
    b.items.map((i) => ({ type: 'paragraph', style: 'body', content: i.content }) as Paragraph),
    rev,
  );
  return { ...b, items: items.map((p) => ({ content: (p as Paragraph).content })) };
}

function diffSignature(a: SignatureBlock, b: SignatureBlock, rev: Revisions): SignatureBlock {
  const leadIn = diffSequence(a.leadIn, b.leadIn, rev) as Paragraph[];
  const parties = b.parties.map((pb) => {
    const pa = a.parties.find((x) => x.id === pb.id);
    if (!pa) return markParty(pb, rev.insertion);
    const lines = contents(diffSequence(asParagraphs(pa.lines), asParagraphs(pb.lines), rev));
    const same = pa.signatory === pb.signatory && JSON.stringify(pa.mentions) === JSON.stringify(pb.mentions);
    if (same) return { ...pb, lines };
    // The name and mentions are plain text in the IR: when they change, their marked versions
    // are printed in their places (name under the signature space, mentions under the name).
    const name = (p: SignatureParty): Inline[][] => (p.signatory ? [[{ type: 'text', text: p.signatory }]] : []);
    const mentions = (p: SignatureParty): Inline[][] => p.mentions.map((m) => [{ type: 'text', text: m }]);
    const signatory = contents(diffSequence(asParagraphs(name(pa)), asParagraphs(name(pb)), rev)).flatMap((c, i) => (i > 0 ? [{ type: 'text', text: ' ' } as Inline, ...c] : c));
    return { id: pb.id, lines, mentions: [], marked: { signatory, mentions: contents(diffSequence(asParagraphs(mentions(pa)), asParagraphs(mentions(pb)), rev)) } };
  });
  const gone = a.parties.filter((pa) => !b.parties.some((x) => x.id === pa.id));
  for (const pa of gone) parties.push(markParty(pa, rev.suppression));
  return { ...b, leadIn, parties };
}

/** Diff of two block sequences. */
export function diffSequence(a: readonly Block[], b: readonly Block[], rev: Revisions): Block[] {
  const key = (x: Block) => `${x.type}|${JSON.stringify(x)}`;
  const steps = align(a.map(key), b.map(key));
  const out: Block[] = [];
  let dels: Block[] = [];
  let ins: Block[] = [];
  const flush = () => {
    // Pair deleted and inserted blocks in order; the unpaired ones go whole.
    let x = 0;
    for (const nb of ins) {
      const k = dels.findIndex((d, i) => i >= x && pairable(d, nb));
      if (k >= 0) {
        for (; x < k; x++) pushMarked(out, dels[x]!, rev.suppression);
        out.push(diffPair(dels[k]!, nb, rev));
        x = k + 1;
      } else pushMarked(out, nb, rev.insertion);
    }
    for (; x < dels.length; x++) pushMarked(out, dels[x]!, rev.suppression);
    dels = [];
    ins = [];
  };
  for (const s of steps) {
    if (s.op === 'eq') {
      flush();
      out.push(b[s.b]!);
    } else if (s.op === 'del') dels.push(a[s.a]!);
    else ins.push(b[s.b]!);
  }
  flush();
  return out;
}

function pushMarked(out: Block[], b: Block, rev: Revision): void {
  const m = markBlock(b, rev);
  if (m) out.push(m);
}

export { inlineText };
