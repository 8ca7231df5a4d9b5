// Real-client helpers for tests: LibreOffice (soffice), poppler (pdftotext) and python-docx.
//
// Every helper is synchronous and throws with the tool's output when the tool fails, so a test
// failure shows why. Use `itWith([...tools])` to skip loudly when a tool is missing.

import { spawnSync } from 'node:child_process';
import { accessSync, constants, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { it } from 'vitest';

/** python-docx is only installed for the Debian interpreter, not for a python3 earlier on PATH. */
export const SYSTEM_PYTHON = '/usr/bin/python3';

export type Tool = 'soffice' | 'pdftotext' | 'qpdf' | 'python3' | 'python-docx' | 'xmllint';

function onPath(cmd: string): boolean {
  return (process.env.PATH ?? '').split(delimiter).some((dir) => {
    try {
      accessSync(join(dir, cmd), constants.X_OK);
      return true;
    } catch {
      return false;
    }
  });
}

const toolCache = new Map<Tool, boolean>();

export function hasTool(tool: Tool): boolean {
  let ok = toolCache.get(tool);
  if (ok === undefined) {
    if (tool === 'python3') ok = existsSync(SYSTEM_PYTHON);
    else if (tool === 'python-docx') {
      ok = existsSync(SYSTEM_PYTHON) && spawnSync(SYSTEM_PYTHON, ['-c', 'import docx'], { stdio: 'ignore' }).status === 0;
    } else ok = onPath(tool);
    toolCache.set(tool, ok);
  }
  return ok;
}

export const hasSoffice = (): boolean => hasTool('soffice');
export const hasPdftotext = (): boolean => hasTool('pdftotext');
export const hasPythonDocx = (): boolean => hasTool('python-docx');

/**
 * `it` when every tool is present, otherwise `it.skip` after a console.warn naming the missing
 * tools (CI installs them, so a skip there is a CI bug worth seeing).
 */
export type TestFn = (name: string, fn: () => unknown, timeout?: number) => void;

export function itWith(tools: readonly Tool[]): TestFn {
  const missing = tools.filter((t) => !hasTool(t));
  if (missing.length === 0) return (name, fn, timeout) => it(name, fn, timeout);
  // CI sets CPOM_EXIGER_OUTILS=1 after installing the tools: there, a missing tool is a failure.
  if (process.env.CPOM_EXIGER_OUTILS === '1') {
    return (name, _fn, timeout) =>
      it(name, () => {
        throw new Error(`outil(s) requis absent(s) : ${missing.join(', ')}`);
      }, timeout);
  }
  console.warn(`⚠ SKIPPED: tests need ${missing.join(', ')} (apt-get install libreoffice-writer-nogui poppler-utils qpdf python3-docx libxml2-utils)`);
  return (name, fn, timeout) => it.skip(name, fn, timeout);
}

const FORMATS = { pdf: 'pdf', txt: 'txt:Text (encoded):UTF8' } as const;

/**
 * Convert files with one soffice run (start-up dominates, so batch), in a throw-away profile so
 * parallel runs never share a LibreOffice user installation. Returns the output paths in input
 * order. soffice exits 0 even on failure: outputs and "Error:" lines are checked instead.
 */
export function convertWithSoffice(files: readonly string[], outDir: string, format: 'pdf' | 'txt'): string[] {
  const outputs = files.map((f) => join(outDir, `${basename(f, extname(f))}.${format}`));
  if (new Set(outputs).size !== outputs.length) throw new Error('convertWithSoffice: two inputs share a base name');
  const profile = mkdtempSync(join(tmpdir(), 'soffice-profile-'));
  try {
    const res = spawnSync(
      'soffice',
      [
        `-env:UserInstallation=${pathToFileURL(profile).href}`,
        '--headless',
        '--norestore',
        '--convert-to',
        FORMATS[format],
        '--outdir',
        outDir,
        ...files,
      ],
      { encoding: 'utf8', timeout: 300_000 },
    );
    const log = `${res.stdout ?? ''}\n${res.stderr ?? ''}`;
    const missing = outputs.filter((o) => !existsSync(o));
    if (res.error || /Error:/.test(res.stdout ?? '') || missing.length > 0) {
      throw new Error(`soffice conversion failed (${res.error?.message ?? `status ${res.status}`}); missing: ${missing.join(', ')}\n${log}`);
    }
    return outputs;
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
}

/** Text of each PDF page (pdftotext -layout splits pages with form feeds). */
export function pdfPages(pdf: string): string[] {
  const res = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
  if (res.status !== 0) throw new Error(`pdftotext failed on ${pdf}: ${res.stderr}`);
  const pages = res.stdout.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

export interface OutlineItem {
  readonly title: string;
  readonly kids: OutlineItem[];
}

/** PDF bookmarks (outline tree) as qpdf reads them. */
export function pdfOutline(pdf: string): OutlineItem[] {
  const res = spawnSync('qpdf', ['--json', '--json-key=outlines', pdf], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`qpdf failed on ${pdf}: ${res.stderr}`);
  type Raw = { title: string; kids?: Raw[] };
  const conv = (items: Raw[]): OutlineItem[] => items.map((i) => ({ title: i.title, kids: conv(i.kids ?? []) }));
  return conv((JSON.parse(res.stdout) as { outlines: Raw[] }).outlines);
}

/** Collapse every kind of whitespace (pdftotext turns no-break spaces into spaces) to one space. */
export function normalizeSpace(s: string): string {
  return s.replace(/[\s\u00A0\u202F]+/gu, ' ').trim();
}

/** Run a Python snippet under the system interpreter; it must print one JSON value. */
export function pythonJson<T>(script: string, args: readonly string[] = [], input?: string): T {
  const res = spawnSync(SYSTEM_PYTHON, ['-c', script, ...args], { encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  if (res.status !== 0) throw new Error(`python failed (status ${res.status}): ${res.stderr}`);
  return JSON.parse(res.stdout) as T;
}

export interface DocxParagraph {
  readonly kind: 'p';
  readonly style: string;
  readonly text: string;
  readonly keepWithNext: boolean | null;
}
export interface DocxTable {
  readonly kind: 'table';
  /** Cell texts as python-docx sees them (merged cells repeat their text). */
  readonly rows: string[][];
}
export interface DocxSection {
  readonly orientation: 'portrait' | 'landscape';
  readonly pageWidthTwips: number;
  readonly pageHeightTwips: number;
  readonly header: string[];
  readonly footer: string[];
}
export interface DocxText {
  readonly body: (DocxParagraph | DocxTable)[];
  readonly sections: DocxSection[];
  readonly core: { title: string; subject: string; author: string; created: string | null; language: string };
}

// Paragraph text is read from the XML (w:t, w:tab, w:br, field results) rather than
// python-docx's Paragraph.text, which skips runs inside w:hyperlink and w:ins.
const DOCX_TEXT_PY = String.raw`
import json, sys, docx
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
def ptext(p):
    out = []
    for el in p.iter():
        if el.tag == qn('w:t'): out.append(el.text or '')
        elif el.tag == qn('w:tab') and el.getparent().tag == qn('w:r'): out.append('\t')
        elif el.tag in (qn('w:br'), qn('w:cr')): out.append('\n')
    return ''.join(out)
def container(c):
    out = []
    for p in c.paragraphs: out.append(ptext(p._p))
    for t in c.tables:
        for r in t.rows:
            for cell in r.cells: out.extend(ptext(p._p) for p in cell.paragraphs)
    return out
d = docx.Document(sys.argv[1])
body = []
for el in d.element.body.iterchildren():
    if el.tag == qn('w:p'):
        p = Paragraph(el, d)
        body.append({'kind': 'p', 'style': p.style.name, 'text': ptext(el), 'keepWithNext': p.paragraph_format.keep_with_next})
    elif el.tag == qn('w:tbl'):
        t = Table(el, d)
        body.append({'kind': 'table', 'rows': [[c.text for c in r.cells] for r in t.rows]})
sections = [{'orientation': 'landscape' if s.orientation == 1 else 'portrait',
             'pageWidthTwips': s.page_width.twips, 'pageHeightTwips': s.page_height.twips,
             'header': container(s.header), 'footer': container(s.footer)} for s in d.sections]
cp = d.core_properties
core = {'title': cp.title, 'subject': cp.subject, 'author': cp.author,
        'created': cp.created.isoformat() if cp.created else None, 'language': cp.language}
print(json.dumps({'body': body, 'sections': sections, 'core': core}))
`;

/** What python-docx reads from a DOCX: body paragraphs and tables in order, sections, core properties. */
export function docxText(file: string): DocxText {
  return pythonJson<DocxText>(DOCX_TEXT_PY, [file]);
}
