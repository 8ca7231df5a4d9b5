// What ECMA-376 requires of a WordprocessingML package but its XML schemas cannot express:
// checks over the XML of a whole package (ids shared across parts, fields spread over runs,
// table grids). Word may repair or refuse a file that breaks these; LibreOffice often hides it.
//
// Elements are matched by their written prefix (`w:`); the check first makes sure `w:` is the
// WordprocessingML namespace in each story part, so a writer change of prefix cannot slip through.

import { child, parseXml, visit, type XmlElement } from '../helpers/xml-tree.ts';

const WML = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const MC = 'http://schemas.openxmlformats.org/markup-compatibility/2006';
const STORY_ROOTS = new Set(['w:document', 'w:hdr', 'w:ftr', 'w:footnotes', 'w:endnotes', 'w:comments']);

/** What one part contributes to the package checks; depends on the part's text only. */
interface PartFacts {
  /** Kept for the package parts only ([Content_Types].xml, .rels); stories are large. */
  readonly root?: XmlElement;
  /** Problems inside the part itself. */
  readonly errors: readonly string[];
  /** w:ins / w:del ids, bookmark names, and the bookmarks its fields and hyperlinks name. */
  readonly revisionIds: readonly string[];
  readonly bookmarks: readonly string[];
  readonly references: readonly string[];
}

/**
 * Per-part facts by part text: the per-document files of a contract repeat the parts of its
 * combined file (headers, styles, settings), so a part is parsed once for every package holding it.
 */
export type FactsCache = Map<string, PartFacts>;

function partFacts(text: string, cache: FactsCache): PartFacts {
  let f = cache.get(text);
  if (f) return f;
  const root = parseXml(text);
  const errors: string[] = [];
  const say = (m: string) => errors.push(m);
  let revisionIds: string[] = [];
  let bookmarks: string[] = [];
  let references: string[] = [];
  // Markup compatibility (mc:Ignorable) would need its ignorable namespaces stripped before
  // schema validation; the engine writes none, and this says so the day one appears.
  if (Object.values(root.attrs).includes(MC)) say('markup compatibility (mc:) used: strip its ignorable namespaces before validating');
  if (STORY_ROOTS.has(root.name)) {
    if (root.attrs['xmlns:w'] !== WML) say(`xmlns:w is « ${root.attrs['xmlns:w']} », not WordprocessingML`);
    else {
      revisionIds = checkRevisions(root, say);
      bookmarks = checkBookmarks(root, say);
      checkTables(root, say);
      references = checkFields(root, say);
    }
  }
  f = { ...(STORY_ROOTS.has(root.name) ? {} : { root }), errors, revisionIds, bookmarks, references };
  cache.set(text, f);
  return f;
}

/** Every problem found, as `part: message`; [] for a sound package. `parts`: zip path → text. */
export function checkPackage(parts: ReadonlyMap<string, string>, cache: FactsCache = new Map()): string[] {
  const errors: string[] = [];
  const facts = new Map<string, PartFacts>();
  for (const [name, text] of parts) if (/\.(xml|rels)$/.test(name)) facts.set(name, partFacts(text, cache));
  // Annotation ids and bookmark names are shared by all the stories of a document (Word
  // compares bookmark names without regard to case).
  const revisionOwner = new Map<string, string>();
  const bookmarkOwner = new Map<string, string>();
  for (const [name, f] of facts) {
    errors.push(...f.errors.map((e) => `${name}: ${e}`));
    for (const id of f.revisionIds) {
      if (revisionOwner.has(id)) errors.push(`${name}: revision id ${id} already used in ${revisionOwner.get(id)}`);
      else revisionOwner.set(id, name);
    }
    for (const b of f.bookmarks) {
      const key = b.toLowerCase();
      if (bookmarkOwner.has(key)) errors.push(`${name}: bookmark name « ${b} » already used in ${bookmarkOwner.get(key)}`);
      else bookmarkOwner.set(key, name);
    }
  }
  for (const [name, f] of facts) {
    for (const r of f.references) if (!bookmarkOwner.has(r.toLowerCase())) errors.push(`${name}: reference to bookmark « ${r} », which no part defines`);
  }
  errors.push(...checkOpc(parts, facts));
  return errors;
}

type Say = (message: string) => void;

/** Deleted text is w:delText inside w:del, never w:t; returns the w:ins / w:del ids, each once. */
function checkRevisions(root: XmlElement, say: Say): string[] {
  const ids: string[] = [];
  visit(root, (el, ancestors) => {
    const deleted = ancestors.some((a) => a.name === 'w:del');
    if (el.name === 'w:delText' && !deleted) say('w:delText outside w:del');
    if (el.name === 'w:t' && deleted) say('w:t inside w:del (deleted text must be w:delText)');
    if (el.name === 'w:instrText' && deleted) say('w:instrText inside w:del (must be w:delInstrText)');
    if (el.name === 'w:delInstrText' && !deleted) say('w:delInstrText outside w:del');
    if (el.name !== 'w:ins' && el.name !== 'w:del') return;
    const id = el.attrs['w:id'];
    if (id === undefined) say(`<${el.name}> without w:id`);
    else ids.push(id);
  });
  return ids;
}

/** Bookmark ids unique, each start matched by one later end in the same part; returns the names. */
function checkBookmarks(root: XmlElement, say: Say): string[] {
  const names: string[] = [];
  const open = new Map<string, string>();
  const closed = new Set<string>();
  visit(root, (el) => {
    const id = el.attrs['w:id'];
    if (el.name === 'w:bookmarkStart') {
      const name = el.attrs['w:name'] ?? '';
      if (id === undefined || open.has(id) || closed.has(id)) say(`bookmark id ${id} not unique (« ${name} »)`);
      else open.set(id, name);
      names.push(name);
    } else if (el.name === 'w:bookmarkEnd') {
      if (id === undefined || !open.has(id)) say(`w:bookmarkEnd ${id} without a preceding w:bookmarkStart`);
      else {
        open.delete(id);
        closed.add(id);
      }
    }
  });
  for (const [id, name] of open) say(`bookmark ${id} « ${name} » never ends`);
  return names;
}

const intAttr = (el: XmlElement | undefined, fallback: number): number => {
  const v = el?.attrs['w:val'];
  return v === undefined ? fallback : Number(v);
};

/** Each row spans the grid exactly (gridBefore + Σ gridSpan + gridAfter); each cell ends with a paragraph. */
function checkTables(root: XmlElement, say: Say): void {
  let n = 0;
  visit(root, (tbl) => {
    if (tbl.name !== 'w:tbl') return;
    n++;
    const grid = child(tbl, 'w:tblGrid')?.children.filter((c) => c.name === 'w:gridCol').length ?? 0;
    if (grid === 0) say(`table ${n}: no w:tblGrid columns`);
    tbl.children
      .filter((c) => c.name === 'w:tr')
      .forEach((tr, r) => {
        const trPr = child(tr, 'w:trPr');
        let cols = intAttr(trPr && child(trPr, 'w:gridBefore'), 0) + intAttr(trPr && child(trPr, 'w:gridAfter'), 0);
        for (const tc of tr.children.filter((c) => c.name === 'w:tc')) {
          const tcPr = child(tc, 'w:tcPr');
          cols += intAttr(tcPr && child(tcPr, 'w:gridSpan'), 1);
          const content = tc.children.filter((c) => c.name !== 'w:tcPr');
          if (content.at(-1)?.name !== 'w:p') say(`table ${n}, row ${r + 1}: a cell does not end with a w:p`);
        }
        if (cols !== grid) say(`table ${n}, row ${r + 1}: cells span ${cols} grid columns, w:tblGrid has ${grid}`);
      });
  });
}

/**
 * Complex fields: begin, at most one separate, end, nested fields balanced, instruction text
 * only between begin and separate. Returns the bookmarks that REF / PAGEREF fields and
 * w:hyperlink anchors name.
 */
function checkFields(root: XmlElement, say: Say): string[] {
  const stack: Array<{ state: 'instr' | 'result'; instr: string }> = [];
  const targets: string[] = [];
  const target = (instr: string) => {
    const m = /^\s*(?:PAGE)?REF\s+(\S+)/i.exec(instr);
    if (m) targets.push(m[1]!);
  };
  visit(root, (el) => {
    if (el.name === 'w:hyperlink' && el.attrs['w:anchor'] !== undefined) targets.push(el.attrs['w:anchor']);
    if (el.name === 'w:fldSimple') target(el.attrs['w:instr'] ?? '');
    if (el.name === 'w:instrText' || el.name === 'w:delInstrText') {
      const top = stack.at(-1);
      if (top?.state !== 'instr') say(`<${el.name}> outside a field instruction (no open w:fldChar begin)`);
      else top.instr += el.text;
    }
    if (el.name !== 'w:fldChar') return;
    const type = el.attrs['w:fldCharType'];
    const top = stack.at(-1);
    if (type === 'begin') stack.push({ state: 'instr', instr: '' });
    else if (type === 'separate') {
      if (top?.state !== 'instr') say('w:fldChar separate without a field open in its instruction');
      else top.state = 'result';
    } else if (type === 'end') {
      if (!top) say('w:fldChar end without a matching begin');
      else target(stack.pop()!.instr);
    } else say(`w:fldChar with fldCharType « ${type} »`);
  });
  if (stack.length > 0) say(`${stack.length} field(s) never end`);
  return targets;
}

/** Every part has a content type, every override a part, every internal relationship a target. */
function checkOpc(parts: ReadonlyMap<string, string>, facts: ReadonlyMap<string, PartFacts>): string[] {
  const errors: string[] = [];
  const types = facts.get('[Content_Types].xml')?.root;
  if (!types) return ['[Content_Types].xml missing'];
  const defaults = new Set(types.children.filter((c) => c.name === 'Default').map((c) => (c.attrs.Extension ?? '').toLowerCase()));
  const overrides = new Set(types.children.filter((c) => c.name === 'Override').map((c) => c.attrs.PartName ?? ''));
  for (const o of overrides) if (!parts.has(o.slice(1))) errors.push(`[Content_Types].xml: override for missing part ${o}`);
  for (const name of parts.keys()) {
    if (name === '[Content_Types].xml' || name.endsWith('/')) continue;
    const ext = name.slice(name.lastIndexOf('.') + 1).toLowerCase();
    if (!overrides.has(`/${name}`) && !defaults.has(ext)) errors.push(`[Content_Types].xml: no content type for ${name}`);
  }
  for (const [name, { root }] of facts) {
    const m = /^(.*?)_rels\/([^/]+)\.rels$/.exec(name);
    if (!m || !root) continue;
    for (const rel of root.children.filter((c) => c.name === 'Relationship')) {
      if (rel.attrs.TargetMode === 'External') continue;
      const target = resolve(m[1]!, rel.attrs.Target ?? '');
      if (!parts.has(target)) errors.push(`${name}: relationship ${rel.attrs.Id} targets missing part ${target}`);
    }
  }
  return errors;
}

/** A relationship target relative to its source part's folder, as a zip path. */
function resolve(folder: string, target: string): string {
  const out: string[] = target.startsWith('/') ? [] : folder.split('/').filter(Boolean);
  for (const seg of target.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}
