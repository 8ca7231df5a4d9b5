// The DGOS example contracts through real clients: LibreOffice converts each combined DOCX,
// poppler reads the pages, python-docx opens the files. Checks what the issue names: the seven
// article headings verbatim, the conditional visa, annex applicability, page numbers, paraphes.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect } from 'vitest';
import { loadContractFile, writeDocx, writePdf } from '../../src/index.ts';
import { buildFixture } from '../helpers/contracts.ts';
import type { DocumentSet } from '../../src/ir/types.ts';
import { convertWithSoffice, docxText, itWith, normalizeSpace, pdfPages } from '../helpers/libreoffice.ts';
import { pdfText } from '../helpers/poppler.ts';

const FIXTURES = ['chu-public', 'clinique-privee-chirurgie', 'cabinet-radiologie-eml'];
const ARTICLES = [
  'Article 1- Les fondements',
  'Article 2- Les orientations stratégiques',
  'Article 3- Le suivi du contrat',
  'Article 4- La révision du contrat',
  'Article 5- La résiliation du contrat en cas de manquement grave',
  'Article 6- Les sanctions en cas d’inexécution totale ou partielle des engagements',
  'Article 7- Durée du contrat et entrée en vigueur',
];

const it = itWith(['soffice', 'pdftotext', 'python-docx']);
const dir = mkdtempSync(join(tmpdir(), 'cpom-dgos-'));
const sets = new Map<string, DocumentSet>();
const pages = new Map<string, string[]>();
const docx = new Map<string, string>();

function build(name: string): DocumentSet {
  return buildFixture(`fixtures/dgos/${name}.yaml`).set;
}

describe('DGOS contracts through LibreOffice, poppler and python-docx', () => {
  beforeAll(() => {
    for (const f of FIXTURES) {
      const set = build(f);
      sets.set(f, set);
      const path = join(dir, `${f}.docx`);
      writeFileSync(path, writeDocx(set));
      docx.set(f, path);
    }
    try {
      const pdfs = convertWithSoffice([...docx.values()], dir, 'pdf');
      FIXTURES.forEach((f, i) => pages.set(f, pdfPages(pdfs[i]!).map(normalizeSpace)));
    } catch (e) {
      if (process.env.CPOM_EXIGER_OUTILS === '1') throw e;
    }
  });

  it('prints the seven article headings of the model verbatim', () => {
    for (const f of FIXTURES) {
      const text = pages.get(f)!.join('\n');
      for (const a of ARTICLES) expect(text, `${f}: ${a}`).toContain(normalizeSpace(a));
    }
  });

  it('prints the conseil de surveillance visa for the public establishment only', () => {
    const visa = 'Vu l’avis du conseil de surveillance en date du';
    expect(pages.get('chu-public')!.join('\n')).toContain(visa);
    expect(pages.get('clinique-privee-chirurgie')!.join('\n')).not.toContain(visa);
    expect(pages.get('cabinet-radiologie-eml')!.join('\n')).not.toContain(visa);
  });

  it('adds the ambulatory surgery annex only where surgery is authorised', () => {
    const title = 'Annexe 4 : Développer la chirurgie ambulatoire';
    for (const f of FIXTURES) {
      const surgery = sets.get(f)!.documents.some((d) => d.id.includes('chirurgie-ambulatoire'));
      const c = loadContractFile(`fixtures/dgos/${f}.yaml`);
      expect(surgery).toBe(c.ok && c.value.titulaire.activites.includes('chirurgie'));
      expect(pages.get(f)!.join('\n').includes(title)).toBe(surgery);
    }
  });

  it('numbers pages "Page X / Y" per document and puts paraphe boxes on every annex page', () => {
    for (const f of FIXTURES) {
      const ps = pages.get(f)!;
      const docs = sets.get(f)!.documents;
      let expected = 1;
      let docIndex = -1;
      for (const [i, p] of ps.entries()) {
        const m = /Page (\d+) \/ (\d+)/.exec(p);
        expect(m, `${f} page ${i + 1} has no "Page X / Y"`).not.toBeNull();
        const [x, y] = [Number(m![1]), Number(m![2])];
        if (x === 1) {
          docIndex++;
          expected = 1;
        }
        expect(x).toBe(expected++);
        expect(x).toBeLessThanOrEqual(y);
        const doc = docs[docIndex]!;
        for (const label of doc.parapheLabels ?? []) expect(p, `${f} page ${i + 1} (${doc.id})`).toContain(label);
        if (doc.paraphe.length === 0) expect(p).not.toContain('Paraphe');
      }
      expect(docIndex + 1).toBe(docs.length);
    }
  });

  it('keeps hostile data text intact (XML specials, guillemets, emoji, template delimiters)', async () => {
    // Template delimiters in a data value are data: printed literally, never read as a tag.
    const hostile = 'Score « recommandation » & accueil <urgences> : patients "très" satisfaits de l\'accueil ]]> 🙂 {{ x }} {% si %}';
    const frags = ['« recommandation »', '<urgences>', '"très"', ']]>', '{{ x }}', '{% si %}'];
    // The table cell wraps in the PDF: check fragments there, and the whole string in the DOCX.
    const text = pages.get('chu-public')!.join('\n');
    for (const frag of frags) expect(text).toContain(normalizeSpace(frag));
    const strings: string[] = [];
    const walk = (v: unknown): void => {
      if (typeof v === 'string') strings.push(v);
      else if (v && typeof v === 'object') Object.values(v).forEach(walk);
    };
    walk(docxText(docx.get('chu-public')!));
    expect(strings.map(normalizeSpace).join('\n')).toContain(normalizeSpace(hostile));
    // Our own PDF writer, read back by poppler.
    const own = normalizeSpace(pdfText(await writePdf(sets.get('chu-public')!, { documents: ['annexe-03-qualite-securite'] })));
    for (const frag of frags) expect(own).toContain(normalizeSpace(frag));
  });

  it('is opened by python-docx with one section per document', () => {
    for (const f of FIXTURES) {
      const d = docxText(docx.get(f)!);
      expect(d.sections.length).toBe(sets.get(f)!.documents.length);
    }
  });
});
