// The literal wording of a template, in reading order, each piece with the file, line and
// column it comes from: headings (numbered `#` motifs expanded, `{% ref %}` resolved),
// paragraphs, list items and table cells. What is not the model's wording is left out:
// comments, block tags, values, `::: note` blocks (the model's drafting instructions, laid out
// by us), the drafting dots of a blank, `[sic]` annotations, and every region the template marks
// as its own between `{# ajout : début … #}` and `{# ajout : fin #}`.
import { dirname, resolve } from 'node:path';
import { describeRefusal, readConfined } from '../io/confine.ts';
import { SourceFile } from '../dsl/source.ts';
import { splitCells } from '../dsl/table.ts';

export interface TemplateLine {
  readonly text: string;
  readonly file: SourceFile;
  /** Offset of the line's first character in its file. */
  readonly offset: number;
}

export interface Fragment {
  /** The words, whitespace folded. */
  readonly text: string;
  readonly file: SourceFile;
  /** Where the unit it belongs to starts (the words are searched from there). */
  readonly offset: number;
  /** Alternatives of one inline condition: one of them must be found. */
  readonly group?: number;
}

/** Fragments shorter than this (« an », « , le », « : ») carry no wording worth checking. */
export const MIN_FRAGMENT = 10;
/** Drafting dots: a blank of the model, filled by data in ours. */
const DOTS = /…{2,}|\.{4,}/g;
const AJOUT = /\{#\s*ajout\s*:\s*début[\s\S]*?\{#\s*ajout\s*:\s*fin\s*#\}/g;
const INCLUDE = /^\s*\{%\s*inclure\s+"([^"]+)"\s*%\}\s*$/;

/** Blanks out the additions, keeping every offset and line where it was. */
function maskAdditions(text: string): string {
  return text.replace(AJOUT, (m) => m.replace(/[^\n]/g, ' '));
}

/**
 * The lines of a template with its includes inlined (paths relative to the including file,
 * confined to the library), each line remembering its own file.
 */
export function templateLines(path: string, libraryRoot: string, seen: readonly string[] = []): TemplateLine[] | string {
  const abs = resolve(path);
  if (seen.includes(abs)) return `inclusion circulaire de « ${abs} »`;
  const r = readConfined(abs, libraryRoot);
  if (!r.ok) return describeRefusal(abs, r.refusal);
  const file = new SourceFile(abs, r.text);
  const text = maskAdditions(r.text);
  const out: TemplateLine[] = [];
  let offset = 0;
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    const inc = INCLUDE.exec(line);
    if (inc) {
      const sub = templateLines(resolve(dirname(abs), inc[1]!), libraryRoot, [...seen, abs]);
      if (typeof sub === 'string') return sub;
      out.push(...sub);
    } else out.push({ text: line, file, offset });
    offset += raw.length + 1;
  }
  return out;
}

const NUMBERED = /^#{1,4}\s+(\p{L}+)\s+#(\.#)?(\d*)(?=[\s.:–—-])(.*?)(?:\s*\{#([\w-]+)\})?\s*$/u;

/** Heading texts as rendered when every heading is present: `Article #.#` → « Article 4.1 ». */
function numberHeadings(lines: readonly TemplateLine[]): { headings: Map<TemplateLine, string>; anchors: Map<string, string> } {
  const counters = new Map<string, number>();
  const subs = new Map<string, number>();
  const headings = new Map<TemplateLine, string>();
  const anchors = new Map<string, string>();
  for (const l of lines) {
    const m = NUMBERED.exec(l.text.trim());
    if (!m) continue;
    const word = m[1]!;
    let n: string;
    if (m[2]) {
      const sub = (subs.get(word) ?? 0) + 1;
      subs.set(word, sub);
      n = `${counters.get(word) ?? 0}.${sub}`;
    } else {
      // `Article #3`: the model's own number (fixed), else the next one.
      const k = m[3] ? Number(m[3]) : (counters.get(word) ?? 0) + 1;
      counters.set(word, k);
      subs.set(word, 0);
      n = String(k);
    }
    headings.set(l, `${word} ${n}${m[4]}`);
    if (m[5]) anchors.set(m[5], n);
  }
  return { headings, anchors };
}

interface Unit {
  readonly text: string;
  readonly file: SourceFile;
  readonly offset: number;
}

/** The literal units of a flattened template, in reading order. */
function units(lines: readonly TemplateLine[], skipNotes: boolean): Unit[] {
  const { headings, anchors } = numberHeadings(lines);
  const refs = (t: string) => t.replace(/\{%\s*ref\s+([\w-]+)\s*%\}/g, (_, a: string) => anchors.get(a) ?? `?${a}`);
  const out: Unit[] = [];
  let para: { first: TemplateLine; lead: number; parts: string[] } | undefined;
  const flush = () => {
    if (para) out.push({ text: refs(para.parts.join(' ')), file: para.first.file, offset: para.first.offset + para.lead });
    para = undefined;
  };
  let inNote = false;
  let inComment = false;
  for (const l of lines) {
    const t = l.text.trim();
    const lead = l.text.length - l.text.trimStart().length;
    if (inComment) {
      if (t.includes('#}')) inComment = false;
      continue;
    }
    if (t.startsWith('{#') && !t.includes('#}')) {
      flush();
      inComment = true;
      continue;
    }
    if (t === '' || /^\{#.*#\}$/.test(t) || /^\{%.*%\}$/.test(t) || /^\|[\s:|-]+\|$/.test(t)) {
      flush();
      continue;
    }
    if (t.startsWith(':::')) {
      flush();
      inNote = skipNotes && t.replace(/^:::\s*/, '').split(/\s+/).includes('note');
      continue;
    }
    if (inNote) continue;
    if (/^\{%\s*signataire\s*%\}/.test(t)) {
      flush();
      continue;
    }
    const mention = /^\{%\s*mention\s*%\}/.exec(t);
    if (mention) {
      flush();
      out.push({ text: refs(t.slice(mention[0].length)), file: l.file, offset: l.offset + lead + mention[0].length });
      continue;
    }
    if (t.startsWith('#')) {
      flush();
      const text = headings.get(l) ?? t.replace(/^#{1,4}\s+/, '').replace(/\s*\{#[\w-]+\}\s*$/, '');
      out.push({ text: refs(text), file: l.file, offset: l.offset + lead });
      continue;
    }
    if (t.startsWith('|')) {
      flush();
      // The parser's own split: cells as the engine reads them (escaped « \\| » included).
      for (const c of splitCells(l.text)) {
        const text = c.text.trim().replace(/\\\|/g, '|');
        const lead = c.text.length - c.text.trimStart().length;
        if (text !== '<' && text !== '^' && text !== '') out.push({ text: refs(text), file: l.file, offset: l.offset + c.at + lead });
      }
      continue;
    }
    const item = /^([-*]|\d+\.)\s+/.exec(t);
    if (item) {
      flush();
      para = { first: l, lead: lead + item[0].length, parts: [t.slice(item[0].length)] };
      continue;
    }
    if (!para) para = { first: l, lead, parts: [] };
    para.parts.push(t.replace(/\\$/, ''));
  }
  flush();
  return out;
}

const collapse = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, ' ').trim();

/**
 * What lies between values, tags, emphasis, blanks and annotations: the model's own words.
 * Wording inside an inline `{% si %} … {% sinon %} … {% finsi %}` is a set of alternatives (« de
 * la Directrice Générale » / « du Directeur Général »): its fragments share a `group`, and one of
 * them being the source's wording is enough. Notes are left out of a whole verbatim document
 * (the model's drafting instructions, laid out by us), not out of a passage quoted on purpose.
 */
export function fragments(lines: readonly TemplateLine[], skipNotes = true): Fragment[] {
  const out: Fragment[] = [];
  let groups = 0;
  for (const u of units(lines, skipNotes)) {
    let depth = 0;
    let group: number | undefined;
    for (const piece of u.text.replace(/\{#[\s\S]*?#\}/g, '\u0000').split(/(\{%[\s\S]*?%\})/)) {
      const tag = /^\{%\s*(\S+)/.exec(piece)?.[1];
      if (tag !== undefined) {
        if (tag === 'si' && depth++ === 0) group = ++groups;
        else if (tag === 'finsi' && depth > 0 && --depth === 0) group = undefined;
        continue;
      }
      const parts = piece
        // A value quoted « like this » is one placeholder: the quotes are ours, not the model's.
        .replace(/«\s*\{\{[\s\S]*?\}\}\s*»|\{\{[\s\S]*?\}\}|\*\*|\*/g, '\u0000')
        .replace(/\s*[[(]sic[\])]/gi, '')
        .replace(DOTS, '\u0000')
        .split('\u0000');
      // Punctuation glued to a value (« {{ qualite }}, dûment mandaté ») sets the value off.
      for (const p of parts.map((x) => collapse(x).replace(/^[,;]\s*|\s*,$/g, ''))) {
        if (p.length >= MIN_FRAGMENT) out.push({ text: p, file: u.file, offset: u.offset, ...(group !== undefined ? { group } : {}) });
      }
    }
  }
  return out;
}
