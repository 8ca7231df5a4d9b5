// The communicable version (issue 14, CRPA livre III; DGOS Annexe 4, 001 l. 6227-6264): for an
// ESPIC or a private holder, the passages the model marks occultable are removed from the IR —
// their text is nowhere in the PDF (text, outline, structure, decompressed objects) nor in the
// DOCX (any part) — each replaced by « [occulté — art. L. 311-6 CRPA] »; a public holder's is
// whole. Every page says which version it is; articles keep the signed contract's numbers.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { communicableSet } from '../../src/ir/communicable.ts';
import { inlineText, type Block, type DocumentSet } from '../../src/ir/types.ts';
import { renderContract, type RenderedContract } from '../../src/pipeline.ts';
import { docxParts } from '../docx/parts.ts';
import { buildFixture } from '../helpers/contracts.ts';
import { run } from '../helpers/cli.ts';
import { hasPoppler, hasQpdf, pdfInfo, pdfObjectsContain, pdfText } from '../helpers/poppler.ts';
import { doc, list, p, set } from '../pdf/builders.ts';

const tools = hasPoppler() && hasQpdf();
if (!tools) console.warn('⚠ poppler-utils ou qpdf absent : tests de la version communicable par clients réels IGNORÉS');
const itTools = tools ? it : it.skip;

const PLACEHOLDER = '[occulté — art. L. 311-6 CRPA]';
const norm = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ');

async function render(file: string, communicable: boolean): Promise<RenderedContract> {
  const { contract, model } = buildFixture(file);
  const r = await renderContract(model, contract, 'x', ['docx', 'pdf'], { communicable });
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
  return r.value;
}

function headings(s: DocumentSet): string[] {
  return s.documents.flatMap((d) => d.blocks.flatMap((b) => (b.type === 'heading' && b.number ? [`${d.id} ${b.number}`] : [])));
}

describe('communicable version of an ESPIC and a private clinic', () => {
  const cases = [
    { file: 'fixtures/idf/espic-idf-2019.yaml', secret: (c: ReturnType<typeof buildFixture>['contract']) => c.orientations },
    { file: 'fixtures/dgos/clinique-privee-chirurgie.yaml', secret: (c: ReturnType<typeof buildFixture>['contract']) => [...c.orientations, ...c.cooperations.map((k) => k.objectif_operationnel)] },
  ];
  for (const { file, secret } of cases) {
    const secrets = secret(buildFixture(file).contract);

    itTools(`${file}: the withheld passages are printed in the version to sign, and nowhere in the communicable one`, async () => {
      expect(secrets.length).toBeGreaterThan(0);
      const signed = await render(file, false);
      const open = await render(file, true);
      const signedText = norm(pdfText(signed.files.find((f) => f.name.endsWith('dossier-complet.pdf'))!.data));
      for (const s of secrets) expect(signedText).toContain(norm(s));
      for (const f of open.files) {
        if (f.name.endsWith('.pdf')) {
          const text = norm(pdfText(f.data));
          for (const s of secrets) {
            expect(text, f.name).not.toContain(norm(s));
            expect(pdfObjectsContain(f.data, s), f.name).toBe(false);
          }
        } else {
          for (const [part, xml] of docxParts(f.data)) for (const s of secrets) expect(xml.includes(s), `${f.name} ${part}`).toBe(false);
        }
      }
      // The check itself finds the text when it is there.
      expect(pdfObjectsContain(signed.files.find((f) => f.name.endsWith('dossier-complet.pdf'))!.data, secrets[0]!) || signedText.includes(norm(secrets[0]!))).toBe(true);
    });

    itTools(`${file}: says so on every page, shows where passages were withheld, and keeps the article numbers`, async () => {
      const signed = await render(file, false);
      const open = await render(file, true);
      const dossier = open.files.find((f) => f.name.endsWith('dossier-complet.pdf'))!.data;
      const text = norm(pdfText(dossier));
      const pages = Number(pdfInfo(dossier)['Pages']);
      expect(text.split('Version communicable').length - 1).toBe(pages);
      expect(text).toContain(PLACEHOLDER);
      expect(text).toContain('ce document n’est pas l’original signé');
      // No article renumbered: the numbers left are the signed version's, minus the withheld ones.
      const kept = new Set(headings(open.set));
      expect(headings(signed.set).filter((h) => kept.has(h))).toEqual(headings(open.set));
    });
  }

  itTools('a public holder’s communicable version is whole', async () => {
    const file = 'fixtures/dgos/chu-public.yaml';
    const { contract } = buildFixture(file);
    const open = await render(file, true);
    const text = norm(pdfText(open.files.find((f) => f.name.endsWith('dossier-complet.pdf'))!.data));
    expect(text).not.toContain(PLACEHOLDER);
    expect(text).toContain('Version communicable, intégrale');
    for (const o of contract.orientations) expect(text).toContain(norm(o));
  });
});

describe('communicableSet', () => {
  const mark = (b: Block, group: number): Block => ({ ...b, redaction: { motif: 'secret_affaires', group } }) as Block;
  const wording = { notice: (n: number) => `Version communicable (${n})`, placeholder: PLACEHOLDER };

  it('gives each withheld passage one placeholder, keeps the rest in order, and counts per document', () => {
    const s = set([doc('socle', 'Socle', [p('avant'), mark(p('secret 1'), 1), mark(list(['secret 2']), 1), mark(p('secret 3'), 2), p('après')])]);
    const out = communicableSet(s, true, wording).documents[0]!;
    expect(out.blocks.map((b) => (b.type === 'paragraph' ? norm(inlineText(b.content)) : b.type))).toEqual(['avant', PLACEHOLDER, PLACEHOLDER, 'après']);
    expect(out.notices).toEqual(['Version communicable (2)']);
  });

  it('keeps everything for a public holder', () => {
    const s = set([doc('socle', 'Socle', [p('avant'), mark(p('dit'), 1)])]);
    const out = communicableSet(s, false, wording).documents[0]!;
    expect(out.blocks.map((b) => (b.type === 'paragraph' ? inlineText(b.content) : ''))).toEqual(['avant', 'dit']);
    expect(out.notices).toEqual(['Version communicable (0)']);
  });
});

describe('cpom generer --communicable', () => {
  const out = mkdtempSync(join(tmpdir(), 'cpom-cada-cli-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it('writes <nom>-communicable/ beside the version to sign, its manifest saying which version it is', async () => {
    const file = 'fixtures/idf/espic-idf-2019.yaml';
    expect((await run('generer', file, '--sortie', out)).code).toBe(0);
    const r = await run('generer', file, '--communicable', '--sortie', out);
    expect(r.code).toBe(0);
    const m = JSON.parse(readFileSync(join(out, 'espic-idf-2019-communicable', 'manifest.json'), 'utf8'));
    expect(m.version).toBe('communicable');
    expect(m.fichiers.some((f: { chemin: string }) => f.chemin === 'espic-idf-2019-communicable-dossier-complet.docx')).toBe(true);
    const signed = JSON.parse(readFileSync(join(out, 'espic-idf-2019', 'manifest.json'), 'utf8'));
    expect(signed.version).toBeUndefined();
  });

  itTools('never carries signature anchors or fields: it is not a version to sign', async () => {
    const file = 'fixtures/idf/espic-idf-2019.yaml';
    const r = await run('generer', file, '--communicable', '--signature-electronique', 'yousign,champs', '--format', 'pdf', '--sortie', out);
    expect(r.code, r.err).toBe(0);
    const pdf = readFileSync(join(out, 'espic-idf-2019-communicable', 'espic-idf-2019-communicable-dossier-complet.pdf'));
    expect(pdfText(pdf)).not.toContain('{{s1|signature');
    expect(pdfObjectsContain(pdf, '/FT /Sig')).toBe(false);
    expect(pdfObjectsContain(pdf, '/AcroForm')).toBe(false);
  });
});


describe('cpom avenant --communicable', () => {
  const out = mkdtempSync(join(tmpdir(), 'cpom-cada-av-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const dir = 'fixtures/avenants/dgos-2012';

  itTools('gives a public holder’s avenant whole, marked on every page, in avenant-k-communicable/', async () => {
    const r = await run('avenant', `${dir}/contrat.yaml`, `${dir}/avenant-1.yaml`, '--communicable', '--format', 'pdf', '--sortie', out);
    expect(r.code, r.err).toBe(0);
    const folder = join(out, 'contrat', 'avenant-1-communicable');
    const m = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
    expect(m.version).toBe('communicable');
    const pdf = readFileSync(join(folder, 'contrat-avenant-1-communicable-dossier-complet.pdf'));
    const text = norm(pdfText(pdf));
    expect(text.split('Version communicable, intégrale').length - 1).toBe(Number(pdfInfo(pdf)['Pages']));
  });
  // ESPIC and private holders: test/amend/communicable.test.ts.
});
