// Tagged PDF: marked content → structure tree. The content encoder wraps every run of text of
// one structure leaf in `/<role> <</MCID n>> BDC … EMC` and everything else (furniture, rules,
// cell shading, repeated table headers) in `/Artifact BMC … EMC`, recording per page which leaf
// each MCID belongs to. This file gives a leaf its role and builds, per file, the structure
// tree (Document › Sect per contract document › headings, paragraphs, lists, tables) and the
// parent tree that maps each page's MCIDs back to their element — what a screen reader and
// `pdfinfo -struct-text` read, in the order the text is drawn, which is the reading order.
import { PDFName, PDFNumber, type PDFContext, type PDFDict, type PDFRef } from 'pdf-lib';
import type { Prebuilt } from './serialize.ts';
import { cellOf, listPartOf } from '../../layout/structure.ts';
import type { BlockRole, LaidOutDocument } from '../../layout/types.ts';

/** One MCID's owner: the block's index in its document and the part of the block. */
export interface Mark {
  readonly struct: number;
  readonly sub: number | undefined;
}

/** The element type a run of text is marked with (the leaf of the structure tree). */
export function leafRole(role: BlockRole | undefined, sub: number | undefined): string {
  switch (role) {
    case 'Table':
      return sub !== undefined && cellOf(sub).header ? 'TH' : 'TD';
    case 'L':
      return sub !== undefined && listPartOf(sub).label ? 'Lbl' : 'LBody';
    case 'Signature':
    case undefined:
      return 'P';
    default:
      return role;
  }
}

interface McRef {
  readonly mcid: number;
  readonly page: PDFRef;
}

interface Node {
  readonly ref: PDFRef;
  readonly role: string;
  readonly parent: PDFRef;
  readonly kids: Array<Node | McRef>;
  readonly children: Map<string, Node>;
  /** Extra entries, as PDF syntax. */
  readonly attributes?: string;
}

function node(ctx: PDFContext, role: string, parent: Node | PDFRef, extra: { attributes?: string } = {}): Node {
  const n: Node = { ref: ctx.nextRef(), role, parent: 'ref' in parent ? parent.ref : parent, kids: [], children: new Map(), ...extra };
  if ('ref' in parent) parent.kids.push(n);
  return n;
}

/** The child of `parent` named `key`, made on first use: children come in reading order. */
function child(ctx: PDFContext, parent: Node, key: string, role: string, attributes?: string): Node {
  let n = parent.children.get(key);
  if (!n) {
    n = node(ctx, role, parent, attributes ? { attributes } : {});
    parent.children.set(key, n);
  }
  return n;
}

/** The element that owns an MCID, made (with its ancestors) on first use. */
function leafFor(ctx: PDFContext, sect: Node, doc: LaidOutDocument, m: Mark): Node {
  const role = doc.roles[m.struct];
  const block = child(ctx, sect, String(m.struct), role === 'Signature' ? 'Div' : (role ?? 'P'));
  switch (role) {
    case 'Table': {
      if (m.sub === undefined) return block;
      const c = cellOf(m.sub);
      const tr = child(ctx, block, `${c.header ? 'h' : 'b'}${c.row}`, 'TR');
      return child(ctx, tr, String(c.col), c.header ? 'TH' : 'TD', c.header ? TH_SCOPE : undefined);
    }
    case 'L': {
      if (m.sub === undefined) return block;
      const part = listPartOf(m.sub);
      const li = child(ctx, block, String(part.item), 'LI');
      return child(ctx, li, part.label ? 'l' : 'b', part.label ? 'Lbl' : 'LBody');
    }
    case 'Signature':
      return child(ctx, block, String(m.sub ?? 0), 'P');
    default:
      return block;
  }
}

const r = (ref: PDFRef): string => `${ref.objectNumber} 0 R`;

/** The element and its descendants as PDF syntax (ASCII only: roles are names, no strings). */
function write(n: Node, out: Prebuilt[]): void {
  const first = n.kids.find((k): k is McRef => 'mcid' in k);
  const kids = n.kids.map((k) => ('ref' in k ? r(k.ref) : first && k.page === first.page ? String(k.mcid) : `<</Type/MCR/Pg ${r(k.page)}/MCID ${k.mcid}>>`));
  const K = kids.length === 1 ? kids[0]! : `[${kids.join(' ')}]`;
  out.push([n.ref, `<</S/${n.role}/P ${r(n.parent)}/K ${K}${first ? `/Pg ${r(first.page)}` : ''}${n.attributes ?? ''}>>`]);
  for (const k of n.kids) if ('ref' in k) write(k, out);
}

/** Header cells name the column they head (tables here have header rows, no header columns). */
const TH_SCOPE = '/A<</O/Table/Scope/Column>>';

/**
 * Builds the structure tree of one file and hooks it to the catalog and pages. `marks[i][j]` is
 * the MCID table of page j of `docs[i]`, whose page objects are `pages[i][j]`. The tree's objects
 * come back pre-serialized (see serialize.ts): thousands per contract, as pdf-lib objects they
 * cost more to build and write than the rest of the file.
 */
export function buildStructTree(ctx: PDFContext, catalog: PDFDict, docs: readonly LaidOutDocument[], marks: readonly (readonly (readonly Mark[])[])[], pages: readonly (readonly { ref: PDFRef; node: PDFDict }[])[]): Prebuilt[] {
  const rootRef = ctx.nextRef();
  const document = node(ctx, 'Document', rootRef);
  let nums = '';
  let key = 0;
  docs.forEach((doc, i) => {
    const sect = node(ctx, 'Sect', document);
    // Drawn above the running header, after the body in the content; read first.
    if (doc.notice !== undefined) child(ctx, sect, String(doc.notice), 'P');
    doc.pages.forEach((_, j) => {
      const page = pages[i]![j]!;
      const owners: string[] = [];
      marks[i]![j]!.forEach((m, mcid) => {
        const leaf = leafFor(ctx, sect, doc, m);
        leaf.kids.push({ mcid, page: page.ref });
        owners.push(r(leaf.ref));
      });
      page.node.set(PDFName.of('StructParents'), PDFNumber.of(key));
      nums += `${key}[${owners.join(' ')}]`;
      key++;
    });
  });
  const out: Prebuilt[] = [[rootRef, `<</Type/StructTreeRoot/K ${r(document.ref)}/ParentTree<</Nums[${nums}]>>/ParentTreeNextKey ${key}>>`]];
  write(document, out);
  catalog.set(PDFName.of('StructTreeRoot'), rootRef);
  catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  return out;
}
