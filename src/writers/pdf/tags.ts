// Tagged PDF: marked content → structure tree. The content encoder wraps every run of text of
// one structure leaf in `/<role> <</MCID n>> BDC … EMC` and everything else (furniture, rules,
// cell shading, repeated table headers) in `/Artifact BMC … EMC`, recording per page which leaf
// each MCID belongs to. This file gives a leaf its role, builds each contract document's part of
// the structure tree once (Sect › headings, paragraphs, lists, tables, signature blocks with
// their fields' Form elements) and writes, per file, the tree (Document › one Sect per document)
// and the parent tree that maps each page's MCIDs and each field's widget back to their element —
// what a screen reader and `pdfinfo -struct-text` read, in the order the text is drawn, which is
// the reading order.
import { PDFDict, PDFName, PDFNumber, PDFRef, type PDFContext } from 'pdf-lib';
import type { ByteWriter } from './bytes.ts';
import { PrebuiltObjects } from './serialize.ts';
import { cellOf, listPartOf, signatureKey } from '../../layout/structure.ts';
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
const STRUCT_PARENT = PDFName.of('StructParent');

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
  /**
   * Per element: its kids as pairs [page, x]: page -1 is element x; page ≥ 0, MCID x on that
   * page; page ≤ -2, the signature field of zone x on page -2 - page (an OBJR: Form elements).
   */
  readonly kids: readonly (readonly number[])[];
  /** Elements in the order they are written (parent before kids: depth first). */
  readonly order: readonly number[];
  /** Per page, per MCID: the element that owns it (the parent tree). */
  readonly owners: readonly (readonly number[])[];
  /** Form elements (signature fields), in the order their widgets get parent-tree keys. */
  readonly forms: readonly number[];
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

/**
 * The structure of one document from the MCID owners of its pages (`marks[j]`: page j). With
 * `fields` (empty signature fields), each signature zone's field is a Form element read right
 * after its signatory's column, in the signature block (PDF/UA wants every widget in the tree).
 */
export function docTree(doc: LaidOutDocument, marks: readonly (readonly Mark[])[], fields = false): DocTree {
  const t = new TreeBuilder();
  t.add('Sect', -1);
  // Drawn above the running header, after the body in the content; read first.
  if (doc.notice !== undefined) t.child(0, doc.notice, 'P');
  /** The column of a signatory on a page, « page:sub » → its P element. */
  const columns = new Map<string, number>();
  const owners = marks.map((page, j) =>
    page.map((m, mcid) => {
      const leaf = t.leaf(doc, m);
      t.kids[leaf]!.push(j, mcid);
      if (doc.roles[m.struct] === 'Signature' && m.sub !== undefined && !columns.has(`${j}:${m.sub}`)) columns.set(`${j}:${m.sub}`, leaf);
      return leaf;
    }),
  );
  const forms: number[] = [];
  if (fields) {
    doc.pages.forEach((page, j) => {
      page.zones.forEach((z, q) => {
        if (z.kind !== 'signature') return;
        const column = columns.get(`${j}:${signatureKey('party', z.rank - 1)}`);
        // In the block, after the column; a zone without its column's text (never seen) at the end of the document.
        const parent = column === undefined ? 0 : t.parents[column]!;
        const form = t.add('Form', parent);
        if (column !== undefined) {
          const kids = t.kids[parent]!;
          kids.splice(kids.length - 2, 2);
          let at = kids.length;
          for (let i = 0; i < kids.length; i += 2) if (kids[i] === -1 && kids[i + 1] === column) at = i + 2;
          kids.splice(at, 0, -1, form);
        }
        t.kids[form]!.push(-2 - j, q);
        forms.push(form);
      });
    });
  }
  const order: number[] = [];
  const visit = (e: number): void => {
    order.push(e);
    const k = t.kids[e]!;
    for (let i = 0; i < k.length; i += 2) if (k[i] === -1) visit(k[i + 1]!);
  };
  visit(0);
  return { roles: t.roles, attributes: t.attributes, parents: t.parents, kids: t.kids, order, owners, forms };
}

/** Writes element `e` of `tree`, numbered from `base`, its Sect's parent `parent`. */
function writeElement(w: ByteWriter, tree: DocTree, e: number, base: number, parent: number, pages: readonly { ref: PDFRef }[], widget: (page: number, zone: number) => number): void {
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
    if (page === -1) w.ref(base + k[i + 1]!);
    else if (page < -1) w.ascii('<</Type/OBJR/Obj ').ref(widget(-2 - page, k[i + 1]!)).ascii('/Pg ').ref(pages[-2 - page]!.ref.objectNumber).ascii('>>');
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
export function buildStructTree(
  ctx: PDFContext,
  catalog: PDFDict,
  trees: readonly DocTree[],
  pages: readonly (readonly { ref: PDFRef; node: PDFDict }[])[],
  widgets: readonly (readonly (readonly (PDFRef | undefined)[])[])[] = [],
): PrebuiltObjects {
  /** The widget of zone q on page j of document i (the signature fields, see esignature.ts). */
  const widget = (i: number, j: number, q: number): PDFRef => {
    const ref = widgets[i]?.[j]?.[q];
    // docTree makes a Form for each signature zone when fields are asked for, as addSignatureFields does.
    if (!ref) throw new Error(`buildStructTree: no signature field for zone ${q} of page ${j + 1}`);
    return ref;
  };
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
  // Each signature widget's /StructParent: the parent tree maps it to its Form element.
  trees.forEach((t, i) => {
    t.forms.forEach((form) => {
      const k = t.kids[form]!;
      const ref = widget(i, -2 - k[0]!, k[1]!);
      ctx.lookup(ref, PDFDict).set(STRUCT_PARENT, PDFNumber.of(key));
      w.byte(32).uint(key).byte(32).ref(bases[i]! + form);
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
      writeElement(out.begin(bases[i]! + e), t, e, bases[i]!, document, pages[i]!, (j, q) => widget(i, j, q).objectNumber);
      out.end();
    }
  });
  catalog.set(PDFName.of('StructTreeRoot'), PDFRef.of(root));
  catalog.set(PDFName.of('MarkInfo'), ctx.obj({ Marked: true }));
  return out;
}
