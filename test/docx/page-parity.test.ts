// One face, one set of styles (issue 13, items 4 and 5), checked through the real client: the
// DOCX of each document, laid out by LibreOffice, has the page count of our PDF (≥ 90 % equal,
// never more than one page apart), and its text carries the same U+00A0 / U+202F as the IR.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterAll, describe, expect } from 'vitest';
import { parse } from 'yaml';
import { loadModel, parseContract } from '../../src/index.ts';
import { inlineText, type Block } from '../../src/ir/types.ts';
import { renderContract, type RenderedContract } from '../../src/pipeline.ts';
import { convertWithSoffice, itWith, pythonJson } from '../helpers/libreoffice.ts';

const FIXTURES = ['fixtures/dgos/chu-public.yaml', 'fixtures/occitanie/hopital-proximite.yaml', 'fixtures/idf/clinique-privee.yaml'];
const dir = mkdtempSync(join(tmpdir(), 'cpom-parite-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function render(file: string): Promise<RenderedContract> {
  const data = parse(readFileSync(file, 'utf8')) as { modele: string };
  const c = parseContract(data);
  const m = loadModel(data.modele);
  if (!c.ok || !m.ok) throw new Error(`fixture ${file}`);
  const r = await renderContract(m.value, c.value, 'x', ['docx', 'pdf']);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

/** Every printed string of a block, as the IR holds it. */
function texts(b: Block): string[] {
  switch (b.type) {
    case 'heading':
    case 'paragraph':
      return [inlineText(b.content)];
    case 'list':
      return b.items.map((i) => inlineText(i.content));
    case 'table':
      return [...b.headerRows, ...b.bodyRows].flatMap((r) => r.cells.flatMap((c) => c.content.map((p) => inlineText(p.content))));
    case 'signature':
      return [...b.leadIn.map((p) => inlineText(p.content)), ...b.parties.flatMap((p) => p.lines.map(inlineText))];
    case 'pageBreak':
      return [];
  }
}

describe('DOCX laid out by LibreOffice = our PDF', () => {
  itWith(['soffice'])(
    'same page count for ≥ 90 % of the documents, never more than one page apart',
    async () => {
      const pairs: Array<{ name: string; docx: string; pdfPages: number }> = [];
      for (const [k, f] of FIXTURES.entries()) {
        const r = await render(f);
        for (const file of r.files) {
          if (!/^\d\d-.*\.docx$/.test(file.name)) continue;
          const pdf = r.files.find((x) => x.name === file.name.replace(/\.docx$/, '.pdf'))!;
          const docx = join(dir, `${k}-${file.name}`);
          writeFileSync(docx, file.data);
          pairs.push({ name: `${f} ${file.name}`, docx, pdfPages: (await PDFDocument.load(pdf.data)).getPageCount() });
        }
      }
      const converted = convertWithSoffice(
        pairs.map((p) => p.docx),
        dir,
        'pdf',
      );
      const rows = await Promise.all(converted.map(async (out, i) => ({ ...pairs[i]!, lo: (await PDFDocument.load(readFileSync(out))).getPageCount() })));
      const differing = rows.filter((r) => r.lo !== r.pdfPages).map((r) => `${r.name}: PDF ${r.pdfPages}, DOCX ${r.lo}`);
      expect(rows.length).toBeGreaterThan(15);
      expect(Math.max(...rows.map((r) => Math.abs(r.lo - r.pdfPages))), differing.join('\n')).toBeLessThanOrEqual(1);
      expect((rows.length - differing.length) / rows.length, differing.join('\n')).toBeGreaterThanOrEqual(0.9);
    },
    600_000,
  );

  itWith(['python-docx'])('the DOCX text carries the IR’s no-break spaces and superscript ordinals', async () => {
    const r = await render(FIXTURES[0]!);
    const file = join(dir, 'socle.docx');
    // The combined DOCX: every document of the contract.
    writeFileSync(file, r.files.find((f) => f.name.endsWith('.docx') && !/^\d\d-/.test(f.name))!.data);
    const got = pythonJson<{ text: string; sup: string[] }>(
      `import docx, json, sys
d = docx.Document(sys.argv[1])
paras = list(d.paragraphs) + [p for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs]
from docx.oxml.ns import qn
# Every w:t, hyperlinks included (paragraph.text skips them in older python-docx).
text = lambda p: "".join(t.text or "" for t in p._p.iter(qn("w:t")))
print(json.dumps({"text": "\\n".join(text(p) for p in paras), "sup": [r.text for p in paras for r in p.runs if r.font.superscript]}))`,
      [file],
    );
    const ir = r.set.documents.flatMap((d) => d.blocks.flatMap(texts)).filter((t) => /[\u00a0\u202f]/.test(t));
    expect(ir.length).toBeGreaterThan(50);
    const missing = ir.filter((t) => !got.text.includes(t.split('\n')[0]!));
    expect(missing).toEqual([]);
    expect(got.text).toMatch(/\u202f[;?!]/);
    expect(got.sup.length).toBeGreaterThan(0);
    expect(new Set(got.sup)).toEqual(new Set(['er']));
  });
});
