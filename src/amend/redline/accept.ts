// Accepting or rejecting every tracked change of a redline, at the IR level, as Word and
// LibreOffice do: the kept changes lose their mark, the others disappear, and a paragraph, row,
// list item, block or document made only of removed changes disappears with them.
import { inlineText, type Block, type Document, type DocumentSet, type Inline, type Paragraph, type SignatureParty, type TableRow } from '../../ir/types.ts';
import { rowGroups } from './tables.ts';

type Kind = 'insertion' | 'suppression';

/** Made only of changes of kind `gone` (and has at least one): removed whole. */
function onlyGone(content: readonly Inline[], gone: Kind): boolean {
  const texts = content.filter((i) => i.type === 'text' || i.type === 'ref');
  return texts.length > 0 && texts.every((i) => i.type === 'text' && i.revision?.kind === gone);
}

function keepInlines(content: readonly Inline[], gone: Kind): Inline[] {
  const out: Inline[] = [];
  for (const i of content) {
    if (i.type !== 'text' || !i.revision) {
      out.push(i);
      continue;
    }
    if (i.revision.kind === gone) continue;
    const { revision: _r, ...plain } = i;
    if (plain.text !== '') out.push(plain);
  }
  return out;
}

const paragraphs = (ps: readonly Paragraph[], gone: Kind): Paragraph[] =>
  ps.filter((p) => !onlyGone(p.content, gone)).map((p) => ({ ...p, content: keepInlines(p.content, gone) }));

function rowGone(r: TableRow, gone: Kind): boolean {
  return r.cells.every((c) => c.content.length > 0 && c.content.every((p) => onlyGone(p.content, gone)));
}

function rows(rs: readonly TableRow[], gone: Kind): TableRow[] {
  return rowGroups(rs)
    .filter((g) => !g.every((r) => rowGone(r, gone)))
    .flat()
    .map((r) => ({ cells: r.cells.map((c) => ({ ...c, content: paragraphs(c.content, gone) })) }));
}

/** A party whose name or mentions carry revisions, back to plain text (what the version prints). */
function plainParty(p: SignatureParty, gone: Kind): SignatureParty {
  if (!p.marked) return p;
  const { marked, ...rest } = p;
  const name = onlyGone(marked.signatory, gone) ? '' : inlineText(keepInlines(marked.signatory, gone)).trim();
  const mentions = marked.mentions.filter((m) => !onlyGone(m, gone)).map((m) => inlineText(keepInlines(m, gone)));
  return { ...rest, ...(name ? { signatory: name } : {}), mentions };
}

function block(b: Block, gone: Kind): Block | undefined {
  switch (b.type) {
    case 'paragraph':
    case 'heading':
      return onlyGone(b.content, gone) ? undefined : { ...b, content: keepInlines(b.content, gone) };
    case 'list': {
      const items = b.items.filter((i) => !onlyGone(i.content, gone)).map((i) => ({ content: keepInlines(i.content, gone) }));
      return items.length === 0 && b.items.length > 0 ? undefined : { ...b, items };
    }
    case 'table': {
      const headerRows = rows(b.headerRows, gone);
      const bodyRows = rows(b.bodyRows, gone);
      return headerRows.length + bodyRows.length === 0 ? undefined : { ...b, headerRows, bodyRows };
    }
    case 'signature': {
      const leadIn = paragraphs(b.leadIn, gone);
      const parties = b.parties
        .map((p) => ({ ...plainParty(p, gone), lines: p.lines.filter((l) => !onlyGone(l, gone)).map((l) => keepInlines(l, gone)) }))
        .filter((p, k) => p.lines.length > 0 || b.parties[k]!.lines.length === 0 || p.signatory !== undefined);
      return leadIn.length === 0 && parties.length === 0 ? undefined : { ...b, leadIn, parties };
    }
    case 'pageBreak':
      return b;
  }
}

function document(d: Document, gone: Kind): Document | undefined {
  const blocks = d.blocks.map((b) => block(b, gone)).filter((b): b is Block => b !== undefined);
  return blocks.some((b) => b.type !== 'pageBreak') || d.blocks.length === 0 ? { ...d, blocks } : undefined;
}

function settle(set: DocumentSet, gone: Kind): DocumentSet {
  return { ...set, documents: set.documents.map((d) => document(d, gone)).filter((d): d is Document => d !== undefined) };
}

/** Every change accepted: the newer version. */
export const acceptAll = (set: DocumentSet): DocumentSet => settle(set, 'suppression');
/** Every change rejected: the older version. */
export const rejectAll = (set: DocumentSet): DocumentSet => settle(set, 'insertion');
