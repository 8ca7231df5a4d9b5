// Tagged PDF: marked content → structure tree. The content encoder wraps every run of text of
// one structure leaf in `/<role> <</MCID n>> BDC … EMC` and everything else (furniture, rules,
// cell shading, repeated table headers) in `/Artifact BMC … EMC`, recording per page which leaf
// each MCID belongs to. This file gives a leaf its role and builds, per file, the structure
// tree (Document › Sect per contract document › headings, paragraphs, lists, tables) and the
// parent tree that maps each page's MCIDs back to their element — what a screen reader and
// `pdfinfo -struct-text` read, in the order the text is drawn, which is the reading order.
import { PDFName, PDFNumber, PDFRef, type PDFContext, type PDFDict } from 'pdf-lib';
import type { ByteWriter } from './bytes.ts';
import { PrebuiltObjects } from './serialize.ts';
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

const STRUCT_PARENTS = PDFName.of('StructParents');

/** Header cells name the column they head (tables here have header rows, no header columns). */
const TH_SCOPE = '/A<</O/Table/Scope/Column>>';

/**
 * One document's part of the structure tree (its Sect and everything under it), made once per
 * contract and written into each file that shows the document (the dossier and the document's
 * own PDF), whose object numbers differ. Elements are numbered in creation order, which is
 * reading order (Sect first): a file gives them consecutive object numbers from a base.
 */
export interface DocTree {
  /** Per element: its type (a structure type name). */
  readonly roles: readonly string[];
  /** Per element: extra entries as PDF syntax (« /A<<…>> »), or ''. */
  readonly attributes: readonly string[];
  /** Per element: its parent element (-1: the file's Document element). */
  readonly parents: readonly number[];
  /** Per element: its kids as pairs [page, x]: page -1 is element x, else MCID x on that page. */
  readonly kids: readonly (readonly number[])[];
  /** Elements in the order they are written (parent before kids: depth first). */
  readonly order: readonly number[];
  /** Per page, per MCID: the element that owns it (the parent tree). */
  readonly owners: readonly (readonly number[])[];
}

class TreeBuilder {
  readonly roles: string[] = [];
  readonly attributes: string[] = [];
  readonly parents: number[] = [];
  readonly kids: number[][] = [];
  private readonly children: (Map<number, number> | undefined)[] = [];

  add(role: string, parent: number, attributes = ''): number {
    const e = this.roles.length;
    this.roles.push(role);
    this.attributes.push(attributes);
    this.parents.push(parent);
    this.kids.push([]);
    this.children.push(undefined);
    if (parent >= 0) this.kids[parent]!.push(-1, e);
    return e;
  }

  /** The child of `parent` keyed `key`, made on first use: children come in reading order. */
  child(parent: number, key: number, role: string, attributes = ''): number {
    let m = this.children[parent];
    if (!m) this.children[parent] = m = new Map();
    let e = m.get(key);
    if (e === undefined) {
      e = this.add(role, parent, attributes);
      m.set(key, e);
    }
    return e;
  }

  /** The element that owns an MCID, made (with its ancestors) on first use. Element 0 is the Sect. */
  leaf(doc: LaidOutDocument, m: Mark): number {
    const role = doc.roles[m.struct];
    const block = this.child(0, m.struct, role === 'Signature' ? 'Div' : (role ?? 'P'));
    switch (role) {
      case 'Table': {
        if (m.sub === undefined) return block;
        const c = cellOf(m.sub);
        const tr = this.child(block, c.row * 2 + (c.header ? 1 : 0), 'TR');
        return c.header ? this.child(tr, c.col, 'TH', TH_SCOPE) : this.child(tr, c.col, 'TD');
      }
      case 'L': {
        if (m.sub === undefined) return block;
        const part = listPartOf(m.sub);
        const li = this.child(block, part.item, 'LI');
        return part.label ? this.child(li, 0, 'Lbl') : this.child(li, 1, 'LBody');
      }
      case 'Signature':
        return this.child(block, m.sub ?? 0, 'P');
      default:
        return block;
    }
  }
}

/** The structure of one document from the MCID owners of its pages (`marks[j]`: page j). */
export function docTree(doc: LaidOutDocument, marks: readonly (readonly Mark[])[]): DocTree {
  const t = new TreeBuilder();
  t.add('Sect', -1);
  // Drawn above the running header, after the body in the content; read first.
  if (doc.notice !== undefined) t.child(0, doc.notice, 'P');
  const owners = marks.map((page, j) =>
    page.map((m, mcid) => {
      const leaf = t.leaf(doc, m);
      t.kids[leaf]!.push(j, mcid);
      return leaf;
    }),
  );
  const order: number[] = [];
  const visit = (e: number): void => {
    order.push(e);
    const k = t.kids[e]!;
    for (let i = 0; i < k.length; i += 2) if (k[i] === -1) visit(k[i + 1]!);
  };
  visit(0);
  return { roles: t.roles, attributes: t.attributes, parents: t.parents, kids: t.kids, order, owners };
}

/** Writes element `e` of `tree`, numbered from `base`, its Sect's parent `parent`. */
function writeElement(w: ByteWriter, tree: DocTree, e: number, base: number, parent: number, pages: readonly { ref: PDFRef }[]): void {
  const k = tree.kids[e]!;
  let firstPage = -1;
  for (let i = 0; i < k.length; i += 2) {
    if (k[i]! >= 0) {
      firstPage = k[i]!;
      break;
    }
  }
  const p = tree.parents[e]!;
  w.ascii('<</S/').ascii(tree.roles[e]!).ascii('/P ').ref(p < 0 ? parent : base + p).ascii('/K ');
  const many = k.length !== 2;
  if (many) w.byte(0x5b); // [
  for (let i = 0; i < k.length; i += 2) {
    if (i > 0) w.byte(32);
    const page = k[i]!;
    if (page < 0) w.ref(base + k[i + 1]!);
    else if (page === firstPage) w.uint(k[i + 1]!);
    else w.ascii('<</Type/MCR/Pg ').ref(pages[page]!.ref.objectNumber).ascii('/MCID ').uint(k[i + 1]!).ascii('>>');
  }
  if (many) w.byte(0x5d); // ]
  if (firstPage >= 0) w.ascii('/Pg ').ref(pages[firstPage]!.ref.objectNumber);
  w.ascii(tree.attributes[e]!).ascii('>>');
}

/**
 * Builds the structure tree of one file and hooks it to the catalog and pages. `trees[i]` is the
 * tree of `docs[i]`, whose page objects are `pages[i][j]`. The tree's objects come back
 * pre-serialized (see serialize.ts): thousands per contract, as pdf-lib objects they cost more
 * to build and write than the rest of the file.
 */
export function buildStructTree(ctx: PDFContext, catalog: PDFDict, trees: readonly DocTree[], pages: readonly (readonly { ref: PDFRef; node: PDFDict }[])[]): PrebuiltObjects {
  const root = ++ctx.largestObjectNumber;
  const document = ++ctx.largestObjectNumber;
  const bases = trees.map((t) => {
    const base = ctx.largestObjectNumber + 1;
    ctx.largestObjectNumber += t.roles.length;
    return base;
  });
  const out = new PrebuiltObjects();
  const w = out.begin(root);
  w.ascii('<</Type/StructTreeRoot/K ').ref(document).ascii('/ParentTree<</Nums[');
  let key = 0;
  trees.forEach((t, i) => {
    t.owners.forEach((owners, j) => {
      pages[i]![j]!.node.set(STRUCT_PARENTS, PDFNumber.of(key));
      w.uint(key).byte(0x5b);
      owners.forEach((e, mcid) => {
        if (mcid > 0) w.byte(32);
        w.ref(bases[i]! + e);
      });
      w.byte(0x5d);
      key++;
    });
  });
  w.ascii(']>>/ParentTreeNextKey ').uint(key).ascii('>>');
  out.end();
  out.begin(document).ascii('<</S/Document/P ').ref(root).ascii('/K ');
  if (trees.length !== 1) w.byte(0x5b);
  bases.forEach((b, i) => {
    if (i > 0) w.byte(32);
    w.ref(b);
  });
  if (trees.length !== 1) w.byte(0x5d);
  w.ascii('>>');
  out.end();
  trees.forEach((t, i) => {
    for (const e of t.order) {
      writeElement(out.begin(bases[i]! + e), t, e, bases[i]!, document, pages[i]!);
      out.end();
    }
  });
  catalog.set(PDFName.of('StructTreeRoot'), PDFRef.of(root));
  catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  return out;
}
