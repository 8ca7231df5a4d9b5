// Which avenant made each change of a redline spanning several avenants (versions i..j): every
// tracked change is dated by, and attributed to, the avenant that made it, not the last one.
//
// It works like `git blame` on the printed text. The redline of two successive versions, read
// in reading order, aligns their characters for free: an unmarked character is in both, a
// deleted one only in the older, an inserted one only in the newer (accepting all changes gives
// the newer version, rejecting them the older: accept.ts). Chaining the steps i→i+1→…→j tells,
// for each character of version j, the avenant that inserted it, and for each character of
// version i, the avenant that deleted it. The redline i→j is then re-dated character by
// character, its runs split where the avenant changes. Whitespace carries no date of its own.
import type { Block, DocumentSet, Inline, Revision, TableRow, TextRun } from '../../ir/types.ts';
import { assertNever } from '../../ir/types.ts';
import { diffSets } from './diff.ts';
import type { Revisions } from './inlines.ts';

/** Reads or rewrites the text runs of a set in reading order (the order of setText). */
interface Visitor {
  /** A text run; returns what replaces it. */
  run(r: TextRun): Inline[];
  /** Unmarked text that is not a run: a reference, a heading number, a signatory, a mention. */
  plain(text: string): void;
}

function inlines(c: readonly Inline[], v: Visitor): Inline[] {
  const out: Inline[] = [];
  for (const i of c) {
    if (i.type === 'text') out.push(...v.run(i));
    else {
      if (i.type === 'ref') v.plain(i.text ?? '');
      out.push(i);
    }
  }
  return out;
}

const rows = (rs: readonly TableRow[], v: Visitor): TableRow[] =>
  rs.map((r) => ({ ...r, cells: r.cells.map((c) => ({ ...c, content: c.content.map((p) => ({ ...p, content: inlines(p.content, v) })) })) }));

function block(b: Block, v: Visitor): Block {
  switch (b.type) {
    case 'paragraph':
      return { ...b, content: inlines(b.content, v) };
    case 'heading':
      if (b.number) v.plain(`${b.number}${b.separator ?? ' – '}`);
      return { ...b, content: inlines(b.content, v) };
    case 'list':
      return { ...b, items: b.items.map((i) => ({ ...i, content: inlines(i.content, v) })) };
    case 'table':
      return { ...b, headerRows: rows(b.headerRows, v), bodyRows: rows(b.bodyRows, v) };
    case 'signature':
      return {
        ...b,
        leadIn: b.leadIn.map((p) => ({ ...p, content: inlines(p.content, v) })),
        parties: b.parties.map((p) => {
          const lines = p.lines.map((l) => inlines(l, v));
          if (p.marked) {
            const marked = { signatory: inlines(p.marked.signatory, v), mentions: p.marked.mentions.map((m) => inlines(m, v)) };
            return { ...p, lines, marked };
          }
          if (p.signatory) v.plain(p.signatory);
          for (const m of p.mentions) v.plain(m);
          return { ...p, lines };
        }),
      };
    case 'pageBreak':
      return b;
    default:
      return assertNever(b, 'block');
  }
}

const visit = (s: DocumentSet, v: Visitor): DocumentSet => ({ ...s, documents: s.documents.map((d) => ({ ...d, blocks: d.blocks.map((b) => block(b, v)) })) });

const isSpace = (ch: string) => /\s/.test(ch);
const visible = (t: string) => [...t].filter((ch) => !isSpace(ch)).length;

/** Visible characters of an unmarked set. */
function count(s: DocumentSet): number {
  let n = 0;
  visit(s, {
    run: (r) => ((n += visible(r.text)), [r]),
    plain: (t) => void (n += visible(t)),
  });
  return n;
}

type Op = 'eq' | 'del' | 'ins';

/** The visible characters of a redline as alignment steps between its two versions. */
function steps(red: DocumentSet): Op[] {
  const ops: Op[] = [];
  const push = (t: string, op: Op) => {
    for (let k = visible(t); k > 0; k--) ops.push(op);
  };
  visit(red, {
    run: (r) => (push(r.text, !r.revision ? 'eq' : r.revision.kind === 'insertion' ? 'ins' : 'del'), [r]),
    plain: (t) => push(t, 'eq'),
  });
  return ops;
}

/**
 * Re-dates the redline `red` between `sets[0]` (version i) and `sets[n]` (version j): `sets[k]`
 * is version i + k, `revs[k - 1]` the revisions of the avenant that made version i + k.
 */
export function dateByAvenant(red: DocumentSet, sets: readonly DocumentSet[], revs: readonly Revisions[]): DocumentSet {
  const n0 = count(sets[0]!);
  // born[q]: the step that inserted character q of the current version (0: already in version i);
  // from[q]: its index in version i (-1 when inserted later); died[p]: the step that deleted
  // character p of version i (0: still there).
  let born: number[] = new Array<number>(n0).fill(0);
  let from: number[] = Array.from({ length: n0 }, (_, p) => p);
  const died: number[] = new Array<number>(n0).fill(0);
  for (let k = 1; k < sets.length; k++) {
    const ops = steps(diffSets(sets[k - 1]!, sets[k]!, revs[k - 1]!));
    const nb: number[] = [];
    const nf: number[] = [];
    let o = 0;
    for (const op of ops) {
      if (op === 'ins') {
        nb.push(k);
        nf.push(-1);
        continue;
      }
      if (op === 'eq') {
        nb.push(born[o]!);
        nf.push(from[o]!);
      } else if (from[o]! >= 0) died[from[o]!] = k;
      o++;
    }
    if (o !== born.length || nb.length !== count(sets[k]!)) throw new Error(`Redline step ${k} does not align its two versions (${o}/${born.length}, ${nb.length})`);
    born = nb;
    from = nf;
  }
  // Pass 1: the step of each visible character of each changed run, in reading order.
  let pi = 0;
  let pj = 0;
  let pos = 0;
  const plans: Array<{ ks: Array<number | undefined>; pos: number; end: number }> = [];
  const stepOf = (ch: string, kind: Revision['kind'] | undefined): number | undefined => {
    if (isSpace(ch)) return undefined;
    pos++;
    if (!kind) {
      pi++;
      pj++;
      return undefined;
    }
    const k = kind === 'insertion' ? born[pj++]! : died[pi++]!;
    return k > 0 ? k : undefined;
  };
  visit(red, {
    plain: (t) => void [...t].forEach((ch) => stepOf(ch, undefined)),
    run: (r) => {
      const at = pos;
      const ks = [...r.text].map((ch) => stepOf(ch, r.revision?.kind));
      if (r.revision) plans.push({ ks, pos: at, end: pos });
      return [r];
    },
  });
  // A run with no dated character (an empty cell of a deleted row; or text the whole-range
  // diff marks as changed though every step kept it, the two alignments differing) takes the
  // date of the nearest dated change, the one before it when equally near; failing any, the
  // last avenant's.
  const firstOf = (x: number) => plans[x]!.ks.find((k) => k !== undefined);
  const lastOf = (x: number) => [...plans[x]!.ks].reverse().find((k) => k !== undefined);
  const fallback = (x: number): number => {
    let b = x - 1;
    while (b >= 0 && lastOf(b) === undefined) b--;
    let a = x + 1;
    while (a < plans.length && firstOf(a) === undefined) a++;
    if (b < 0 && a >= plans.length) return sets.length - 1;
    if (a >= plans.length || (b >= 0 && plans[x]!.pos - plans[b]!.end <= plans[a]!.pos - plans[x]!.end)) return lastOf(b)!;
    return firstOf(a)!;
  };
  // Pass 2: each changed run split where the avenant changes; spaces join the change before.
  let x = 0;
  return visit(red, {
    plain: () => undefined,
    run: (r) => {
      if (!r.revision) return [r];
      const kind = r.revision.kind;
      const plan = plans[x]!;
      let at = firstOf(x) ?? fallback(x);
      x++;
      const out: TextRun[] = [];
      let text = '';
      [...r.text].forEach((ch, c) => {
        const k = plan.ks[c] ?? at;
        if (k !== at && text !== '') {
          out.push({ ...r, text, revision: revs[at - 1]![kind] });
          text = '';
        }
        at = k;
        text += ch;
      });
      out.push({ ...r, text, revision: revs[at - 1]![kind] });
      return out;
    },
  });
}
