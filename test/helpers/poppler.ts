// Real PDF clients for tests: poppler (pdftotext, pdfinfo, pdffonts, pdftoppm) and qpdf.
// Each helper writes the bytes to a private temporary file, runs the tool, and cleans up.
// Tests call hasPoppler()/hasQpdf() first and skip loudly when a tool is missing.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function runs(cmd: string, args: string[]): boolean {
  const r = spawnSync(cmd, args, { encoding: 'utf8' });
  return !r.error;
}

let poppler: boolean | undefined;
let qpdf: boolean | undefined;

export function hasPoppler(): boolean {
  poppler ??= ['pdftotext', 'pdfinfo', 'pdffonts'].every((c) => runs(c, ['-v']));
  return poppler;
}

export function hasQpdf(): boolean {
  qpdf ??= runs('qpdf', ['--version']);
  return qpdf;
}

/** Runs `cmd` on a temporary copy of `bytes` (the file path replaces `{}` in args). */
function withFile(bytes: Uint8Array, cmd: string, args: string[]): { status: number; stdout: string; stderr: string } {
  const dir = mkdtempSync(join(tmpdir(), 'cpom-pdf-'));
  const file = join(dir, 'doc.pdf');
  try {
    writeFileSync(file, bytes);
    const r = spawnSync(cmd, args.map((a) => (a === '{}' ? file : a)), { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    if (r.error) throw r.error;
    return { status: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Plain text; `raw` keeps content-stream order, otherwise poppler's reading order. */
export function pdfText(bytes: Uint8Array, opts: { raw?: boolean; layout?: boolean } = {}): string {
  const args = [...(opts.raw ? ['-raw'] : []), ...(opts.layout ? ['-layout'] : []), '-enc', 'UTF-8', '{}', '-'];
  const r = withFile(bytes, 'pdftotext', args);
  if (r.status !== 0) throw new Error(`pdftotext failed: ${r.stderr}`);
  return r.stdout;
}

export interface BboxWord {
  /** 1-based page number. */
  readonly page: number;
  readonly pageWidth: number;
  readonly pageHeight: number;
  readonly xMin: number;
  readonly yMin: number;
  readonly xMax: number;
  readonly yMax: number;
  readonly text: string;
}

/** Entities of poppler's XHTML output (-bbox, -bbox-layout). */
export function unescapeHtml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, n: string) => String.fromCodePoint(Number(n)))
    .replace(/&amp;/g, '&');
}

/** Every word with its box (y from the top of the page), from `pdftotext -bbox`. */
export function pdfWordsBbox(bytes: Uint8Array): BboxWord[] {
  const r = withFile(bytes, 'pdftotext', ['-bbox', '-enc', 'UTF-8', '{}', '-']);
  if (r.status !== 0) throw new Error(`pdftotext -bbox failed: ${r.stderr}`);
  const words: BboxWord[] = [];
  let page = 0;
  let pageWidth = 0;
  let pageHeight = 0;
  const re = /<page width="([\d.]+)" height="([\d.]+)">|<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">([^<]*)<\/word>/g;
  for (const m of r.stdout.matchAll(re)) {
    if (m[1]) {
      page++;
      pageWidth = Number(m[1]);
      pageHeight = Number(m[2]);
    } else {
      words.push({
        page,
        pageWidth,
        pageHeight,
        xMin: Number(m[3]),
        yMin: Number(m[4]),
        xMax: Number(m[5]),
        yMax: Number(m[6]),
        text: unescapeHtml(m[7]!),
      });
    }
  }
  return words;
}

/** Words grouped by page (index 0 = page 1). */
export function wordsByPage(words: readonly BboxWord[]): BboxWord[][] {
  const pages: BboxWord[][] = [];
  for (const w of words) (pages[w.page - 1] ??= []).push(w);
  for (let k = 0; k < pages.length; k++) pages[k] ??= [];
  return pages;
}

export function qpdfCheck(bytes: Uint8Array): { ok: boolean; output: string } {
  const r = withFile(bytes, 'qpdf', ['--check', '{}']);
  // 0: no problem; 2: errors; 3: warnings only. Warnings are failures for generated files.
  return { ok: r.status === 0, output: r.stdout + r.stderr };
}

export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const r = withFile(bytes, 'pdfinfo', ['-isodates', '{}']);
  if (r.status !== 0) throw new Error(`pdfinfo failed: ${r.stderr}`);
  const out: Record<string, string> = {};
  for (const line of r.stdout.split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

export interface PdfFont {
  readonly name: string;
  readonly type: string;
  readonly embedded: boolean;
  readonly subset: boolean;
  readonly unicode: boolean;
}

export function pdfFonts(bytes: Uint8Array): PdfFont[] {
  const r = withFile(bytes, 'pdffonts', ['{}']);
  if (r.status !== 0) throw new Error(`pdffonts failed: ${r.stderr}`);
  const lines = r.stdout.split('\n').slice(2).filter((l) => l.trim());
  return lines.map((l) => {
    // Columns: name type encoding emb sub uni object ID; the type may contain spaces.
    const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
    if (!m) throw new Error(`pdffonts: unexpected line ${l}`);
    return { name: m[1]!, type: m[2]!, embedded: m[4] === 'yes', subset: m[5] === 'yes', unicode: m[6] === 'yes' };
  });
}

/** Whitespace-separated words (no-break spaces included), for text comparisons. */
export function words(text: string): string[] {
  return text.split(/[\s\u00A0\u202F]+/u).filter(Boolean);
}

export interface OutlineItem {
  readonly title: string;
  /** 1-based page the entry points to. */
  readonly page: number;
  readonly kids: readonly OutlineItem[];
}

/** The bookmark tree, as qpdf reads it. */
export function qpdfOutline(bytes: Uint8Array): OutlineItem[] {
  const r = withFile(bytes, 'qpdf', ['--json', '--json-key=outlines', '{}']);
  if (r.status !== 0) throw new Error(`qpdf --json failed: ${r.stderr}`);
  type Raw = { title: string; destpageposfrom1: number; kids: Raw[] };
  const conv = (x: Raw): OutlineItem => ({ title: x.title, page: x.destpageposfrom1, kids: x.kids.map(conv) });
  return (JSON.parse(r.stdout) as { outlines: Raw[] }).outlines.map(conv);
}

/** The object graph as qpdf decodes it (JSON v2): trailer, and objects by "n 0 R". */
export function qpdfObjects(bytes: Uint8Array): { trailer: Record<string, unknown>; object(ref: string): Record<string, unknown> } {
  const r = withFile(bytes, 'qpdf', ['--json', '--json-key=qpdf', '{}']);
  if (r.status !== 0) throw new Error(`qpdf --json failed: ${r.stderr}`);
  const objs = (JSON.parse(r.stdout) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown> } }>] }).qpdf[1];
  const value = (key: string): Record<string, unknown> => {
    const o = objs[key];
    if (!o) throw new Error(`qpdf: no ${key}`);
    return o.value ?? o.stream?.dict ?? {};
  };
  return { trailer: value('trailer'), object: (ref) => value(`obj:${ref}`) };
}

/** One element of a tagged PDF's structure tree, as `pdfinfo -struct-text` prints it. */
export interface StructNode {
  readonly role: string;
  readonly children: StructNode[];
  /** The text of the marked content directly inside the element, in order. */
  readonly texts: string[];
  /** Attribute lines (`/Scope /Column`). */
  readonly attributes: string[];
}

/** The structure tree in reading order (`pdfinfo -struct-text`); undefined when untagged. */
export function pdfStructure(bytes: Uint8Array): StructNode | undefined {
  const r = withFile(bytes, 'pdfinfo', ['-struct-text', '{}']);
  if (r.status !== 0) throw new Error(`pdfinfo -struct-text failed: ${r.stderr}`);
  const root: StructNode = { role: '(racine)', children: [], texts: [], attributes: [] };
  const stack: Array<{ depth: number; node: StructNode }> = [{ depth: -1, node: root }];
  for (const line of r.stdout.split('\n')) {
    if (!line.trim()) continue;
    const depth = line.length - line.trimStart().length;
    const body = line.trim();
    const text = /^"(.*)"$/s.exec(body);
    while (stack.length > 1 && stack[stack.length - 1]!.depth >= depth) stack.pop();
    const parent = stack[stack.length - 1]!.node;
    if (text) parent.texts.push(text[1]!);
    else if (body.startsWith('/')) parent.attributes.push(body);
    else {
      const node: StructNode = { role: body.replace(/( \((block|inline)\))?:?$/, ''), children: [], texts: [], attributes: [] };
      parent.children.push(node);
      stack.push({ depth, node });
    }
  }
  return root.children[0];
}

/** All the text of an element and its descendants, in order. */
export function structText(n: StructNode): string[] {
  return [...n.texts, ...n.children.flatMap(structText)];
}

/** Every way a string can sit in a PDF's objects once decompressed: PDFDocEncoding-ish and UTF-16BE. */
export function pdfObjectsContain(bytes: Uint8Array, needle: string): boolean {
  const dir = mkdtempSync(join(tmpdir(), 'cpom-cada-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), bytes);
    const r = spawnSync('qpdf', ['--qdf', '--object-streams=disable', '--decode-level=all', join(dir, 'in.pdf'), join(dir, 'out.pdf')]);
    if (r.status !== 0 && r.status !== 3) throw new Error(String(r.stderr));
    const raw = readFileSync(join(dir, 'out.pdf'));
    const utf16 = Buffer.from(needle, 'utf16le').swap16();
    return raw.includes(Buffer.from(needle, 'latin1')) || raw.includes(utf16) || raw.includes(utf16.toString('hex').toUpperCase()) || raw.includes(utf16.toString('hex'));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
