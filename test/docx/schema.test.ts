// Every DOCX the shipped examples produce is valid ECMA-376 Transitional: each part validated by
// xmllint against the schemas kept in test/ooxml-schemas/, and the package checked for what the
// schemas cannot express (ooxml-check.ts). Word is stricter than LibreOffice and python-docx:
// a part they read happily may still make Word « repair » the contract.

import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { itWith, pythonJson } from '../helpers/libreoffice.ts';
import { xsdErrors } from '../helpers/xmllint.ts';
import { doc, docSet, h, kitchenSink, p } from './fixtures.ts';
import { checkPackage, type FactsCache } from './ooxml-check.ts';
import { docxParts } from './parts.ts';
import { avenantDocx, campaignDocx, demoDocx, type ShippedDocx } from './shipped.ts';

const SCHEMAS = fileURLToPath(new URL('../ooxml-schemas/', import.meta.url));
const DRIVER = join(SCHEMAS, 'ooxml-docx-driver.xsd');
const itXml = itWith(['xmllint']);

/** Where a part occurs: `docx name!part`. */
type Where = string;

let docx: ShippedDocx[] = [];
/** Each distinct part text once, with every place it occurs: validation runs once per text. */
const partsByText = new Map<string, { readonly text: string; readonly at: Where[] }>();
/** The parts of each DOCX (same order as `docx`), sharing the strings of partsByText. */
const packages: Array<Map<string, string>> = [];

beforeAll(async () => {
  const sink = docSet([kitchenSink(), doc('annexe-01', [h(1, 'Annexe 1'), p('Texte')], { orientation: 'landscape', paraphe: ['titulaire', 'ars'] })]);
  docx = [...(await demoDocx()), ...(await avenantDocx()), ...(await campaignDocx()), { name: 'tests/tous-les-blocs.docx', data: writeDocx(sink) }];
  for (const d of docx) {
    const parts = new Map<string, string>();
    for (const [name, text] of docxParts(d.data)) {
      // Keep the first copy of a text: the checks' cache then finds it by identity.
      const seen = partsByText.get(text);
      if (seen) seen.at.push(`${d.name}!${name}`);
      else partsByText.set(text, { text, at: [`${d.name}!${name}`] });
      parts.set(name, seen?.text ?? text);
    }
    packages.push(parts);
  }
});

/** Distinct problems, each with its first place and how many other files repeat it; capped. */
function report(problems: ReadonlyMap<string, readonly Where[]>): string {
  const total = [...problems.values()].reduce((n, at) => n + at.length, 0);
  const lines = [...problems].map(([problem, at]) => `${at[0]}: ${problem}${at.length > 1 ? ` (et ${at.length - 1} autre(s))` : ''}`);
  return `${total} erreur(s), ${problems.size} distincte(s) :\n${lines.slice(0, 40).join('\n')}${lines.length > 40 ? '\n…' : ''}`;
}

describe('DOCX against ECMA-376 Transitional', () => {
  it('renders every shipped example: demo, avenants, comparisons, campaign', () => {
    const count = (prefix: string) => docx.filter((d) => d.name.startsWith(prefix)).length;
    for (const prefix of ['demo/dgos/', 'demo/occitanie/', 'demo/idf/', 'avenants/dgos-2012/', 'avenants/idf-2021/', 'avenants/occitanie-2019/', 'campagne/']) {
      expect(count(prefix), prefix).toBeGreaterThan(0);
    }
    for (const kind of ['/avenant-', '/version-consolidee-', '/comparaison-']) expect(docx.some((d) => d.name.includes(kind)), kind).toBe(true);
    // What the package checks look at is really there: their silence means something.
    const texts = [...partsByText.keys()];
    for (const markup of ['<w:ins ', '<w:del ', '<w:delText', '<w:fldChar', '<w:instrText', '<w:bookmarkStart', '<w:hyperlink w:anchor', 'w:gridSpan', 'w:vMerge']) {
      expect(texts.some((t) => t.includes(markup)), markup).toBe(true);
    }
  });

  itXml('validates every part of every DOCX against the schemas (xmllint)', () => {
    const texts = [...partsByText.keys()];
    const errors = xsdErrors(DRIVER, new Map(texts.map((t, i) => [String(i), t])));
    const problems = new Map<string, Where[]>();
    texts.forEach((text, i) => {
      const { at } = partsByText.get(text)!;
      // Grouped by message (line number moved to the place): one mistake repeated in every
      // table reads as one line with its count.
      for (const e of errors.get(String(i))!) {
        const [line, ...rest] = e.split(': ');
        const key = rest.join(': ');
        const places = at.map((w) => `${w}:${line}`);
        problems.set(key, [...(problems.get(key) ?? []), ...places]);
      }
    });
    expect(problems.size, report(problems)).toBe(0);
  });

  it('passes the checks the schemas cannot express (ids, fields, grids, deleted text, package)', () => {
    const cache: FactsCache = new Map();
    const problems = new Map<string, Where[]>();
    docx.forEach((d, i) => {
      for (const e of checkPackage(packages[i]!, cache)) problems.set(e, [...(problems.get(e) ?? []), d.name]);
    });
    expect(problems.size, report(problems)).toBe(0);
  });

  itXml('reports an invalid part, naming the element (the validation can fail)', () => {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const bad = `<w:document ${W}><w:body><w:tbl><w:tblPr><w:tblLayout w:val="fixed"/></w:tblPr><w:tblGrid><w:gridCol w:w="100"/></w:tblGrid>` +
      `<w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:p/></w:body></w:document>`;
    const good = bad.replace('w:val="fixed"', 'w:type="fixed"');
    const r = xsdErrors(DRIVER, new Map([['bad', bad], ['good', good], ['broken', `<w:document ${W}><w:body>`]]));
    expect(r.get('bad')).toEqual([expect.stringMatching(/^1: element tblLayout: Schemas validity error .*'\{http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main\}val' is not allowed/)]);
    expect(r.get('good')).toEqual([]);
    expect(r.get('broken')?.[0]).toMatch(/parser error/);
  });

  itWith(['python-docx'])('gives every table the fixed layout python-docx reads (w:tblLayout w:type)', () => {
    // With the invalid w:val, python-docx read autofit on: the grid widths were not binding.
    const dir = mkdtempSync(join(tmpdir(), 'docx-layout-'));
    try {
      const file = join(dir, 'contrat.docx');
      writeFileSync(file, docx.at(-1)!.data);
      const autofit = pythonJson<boolean[]>('import docx, json, sys; print(json.dumps([t.autofit for t in docx.Document(sys.argv[1]).tables]))', [file]);
      expect(autofit.length).toBeGreaterThan(2);
      expect(autofit.every((a) => a === false), JSON.stringify(autofit)).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('keeps the schema copies listed in SHA256SUMS, unmodified', () => {
    const sums = readFileSync(join(SCHEMAS, 'SHA256SUMS'), 'utf8').trim().split('\n');
    expect(sums.length).toBeGreaterThan(0);
    for (const line of sums) {
      const [sum, file] = line.split(/\s+/);
      const bytes = readFileSync(join(SCHEMAS, file!));
      expect(createHash('sha256').update(bytes).digest('hex'), file).toBe(sum);
    }
    const xsd = readdirSync(SCHEMAS, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.xsd')).map((f) => `./${f}`).sort();
    expect(sums.map((l) => l.split(/\s+/)[1]).sort()).toEqual(xsd);
  });
});
