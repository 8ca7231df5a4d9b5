// Issue 11, items 1 and 2. Occitanie annexes are signed on their own (socle, article 10:
// 002_31a56b3083e7fdc0.txt, l. 1704-1708) and the annexe « Financements » keeps the model's
// article numbers when its article 1 is absent (l. 1868, 1878). Checked in the IR and through
// real clients: pdftotext on our PDF, python-docx on our DOCX.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildDocumentSet, checkContract, loadContractFile, loadModel, writeDocx, writePdf, type Contract, type DocumentSet } from '../../src/index.ts';
import { headingText, inlineText, type Block, type Document } from '../../src/ir/types.ts';
import { contractJsonSchema, flatten } from '../../src/batch/columns.ts';
import { validateContract } from '../../src/model/load.ts';
import { docxText, itWith, normalizeSpace } from '../helpers/libreoffice.ts';
import { pdfText } from '../helpers/poppler.ts';

const CLINIQUE = 'fixtures/occitanie/clinique-ssr-monoactivite.yaml';
const CHU = 'fixtures/occitanie/chu.yaml';
const itPdf = itWith(['pdftotext']);
const itDocx = itWith(['python-docx']);

function contractOf(file: string, extra: Record<string, unknown> = {}): Contract {
  const c = loadContractFile(file);
  if (!c.ok) throw new Error(JSON.stringify(c.diagnostics));
  const v = validateContract({ ...c.value, ...extra });
  if (!v.ok) throw new Error(JSON.stringify(v.diagnostics));
  return v.value;
}

function build(c: Contract): DocumentSet {
  const m = loadModel(c.modele);
  if (!m.ok) throw new Error(JSON.stringify(m.diagnostics));
  const s = buildDocumentSet(m.value, c);
  if (!s.ok) throw new Error(JSON.stringify(s.diagnostics));
  return s.value;
}

function doc(set: DocumentSet, id: string): Document {
  const d = set.documents.find((x) => x.id === id);
  if (!d) throw new Error(`no document ${id}`);
  return d;
}

const articles = (d: Document): string[] => d.blocks.flatMap((b: Block) => (b.type === 'heading' && b.number ? [normalizeSpace(headingText(b))] : []));
const faitA = (d: Document): string[] =>
  d.blocks.flatMap((b) => (b.type === 'signature' ? b.leadIn.map((p) => normalizeSpace(inlineText(p.content))).filter((t) => t.startsWith('Fait à')) : []));

describe('Annexe « Financements » keeps the model’s article numbers', () => {
  it('numbers FMESPP 2, FIR 3 and the OQN tariffs 4 when there is no base reconductible', () => {
    const a = articles(doc(build(contractOf(CLINIQUE)), 'annexe-financements'));
    expect(a.map((t) => t.replace(/ [–-] .*/, ''))).toEqual(['Article 2', 'Article 3', 'Article 4']);
    expect(a[0]).toBe('Article 2 – Subventions FMESPP');
    expect(a[1]).toBe('Article 3 – Subventions FIR');
  });

  it('numbers 1, 2, 3 when the base reconductible is there', () => {
    const a = articles(doc(build(contractOf(CHU)), 'annexe-financements'));
    expect(a.map((t) => t.replace(/ ?[–-] .*/, ''))).toEqual(['Article 1', 'Article 2', 'Article 3']);
  });

  itPdf('prints « Article 2 – Subventions FMESPP » and « Article 3 – Subventions FIR » in the PDF', async () => {
    const text = normalizeSpace(pdfText(await writePdf(build(contractOf(CLINIQUE)), { documents: ['annexe-financements'] })));
    expect(text).toContain('Article 2 – Subventions FMESPP');
    expect(text).toContain('Article 3 – Subventions FIR');
    expect(text).not.toContain('Article 1 – Subventions FMESPP');
  });

  itDocx('prints the same numbers in the DOCX (python-docx)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpom-numeros-'));
    const file = join(dir, 'c.docx');
    writeFileSync(file, writeDocx(build(contractOf(CLINIQUE)), { documents: ['annexe-financements'] }));
    const paras = docxText(file).body.flatMap((b) => (b.kind === 'p' ? [normalizeSpace(b.text)] : []));
    expect(paras).toContain('Article 2 – Subventions FMESPP');
    expect(paras).toContain('Article 3 – Subventions FIR');
  });
});

describe('Occitanie annexes are signed on their own', () => {
  it('prints blanks in each annex when no signature is given for it, the socle’s own place and date in the socle', () => {
    const set = build(contractOf(CLINIQUE));
    expect(faitA(doc(set, 'socle'))).toEqual(['Fait à Toulouse, le 24 mai 2019']);
    for (const d of set.documents.filter((x) => x.id !== 'socle')) expect(faitA(d), d.id).toEqual(['Fait à ……………………, le ……………………']);
  });

  it('prints an annex’s own place and date, and only in that annex', () => {
    const c = contractOf(CLINIQUE, { annexes: { 'annexe-financements': { signature: { lieu: 'Montauban', date: '2019-07-15' } }, 'annexe-orientations-strategiques': { signature: { lieu: 'Albi' } } } });
    const set = build(c);
    expect(faitA(doc(set, 'annexe-financements'))).toEqual(['Fait à Montauban, le 15 juillet 2019']);
    expect(faitA(doc(set, 'annexe-orientations-strategiques'))).toEqual(['Fait à Albi, le ……………………']);
    expect(faitA(doc(set, 'annexe-cooperations-territoriales'))).toEqual(['Fait à ……………………, le ……………………']);
    expect(faitA(doc(set, 'socle'))).toEqual(['Fait à Toulouse, le 24 mai 2019']);
  });

  itPdf('prints the annex’s own « Fait à » in the PDF', async () => {
    const c = contractOf(CLINIQUE, { annexes: { 'annexe-financements': { signature: { lieu: 'Montauban', date: '2019-07-15' } } } });
    const text = normalizeSpace(pdfText(await writePdf(build(c), { documents: ['annexe-financements', 'annexe-cooperations-territoriales'] })));
    expect(text).toContain('Fait à Montauban, le 15 juillet 2019');
    expect(text).toContain('Fait à ……………………, le ……………………');
    expect(text).not.toContain('24 mai 2019');
  });

  itDocx('prints the annex’s own « Fait à » in the DOCX (python-docx)', () => {
    const c = contractOf(CLINIQUE, { annexes: { 'annexe-financements': { signature: { lieu: 'Montauban', date: '2019-07-15' } } } });
    const dir = mkdtempSync(join(tmpdir(), 'cpom-signatures-'));
    const file = join(dir, 'c.docx');
    writeFileSync(file, writeDocx(build(c), { documents: ['annexe-financements'] }));
    const paras = docxText(file).body.flatMap((b) => (b.kind === 'p' ? [normalizeSpace(b.text)] : b.rows.flat().map(normalizeSpace)));
    expect(paras).toContain('Fait à Montauban, le 15 juillet 2019');
    expect(paras.join('\n')).not.toContain('24 mai 2019');
  });

  const codes = (c: Contract) => {
    const m = loadModel(c.modele);
    if (!m.ok) throw new Error('model');
    return checkContract(m.value, c).filter((d) => d.code.startsWith('SIGNATURE-ANNEXE'));
  };

  it('refuses an annex signed after the limit date of article 10 (l. 1707)', () => {
    const d = codes(contractOf(CLINIQUE, { annexes: { 'annexe-financements': { signature: { lieu: 'Montauban', date: '2019-08-04' } } } }));
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ severity: 'erreur', code: 'SIGNATURE-ANNEXE-TARDIVE', dataPath: 'annexes.annexe-financements.signature.date' });
    expect(normalizeSpace(d[0]!.message)).toContain('3 août 2019');
    expect(codes(contractOf(CLINIQUE, { annexes: { 'annexe-financements': { signature: { date: '2019-08-03' } } } }))).toEqual([]);
  });

  it('warns of an annex signed before the socle (l. 1704)', () => {
    const d = codes(contractOf(CLINIQUE, { annexes: { 'annexe-financements': { signature: { date: '2019-05-23' } } } }));
    expect(d).toMatchObject([{ severity: 'avertissement', code: 'SIGNATURE-ANNEXE-AVANT-SOCLE' }]);
  });

  it('refuses a « __proto__ » annex id instead of dropping it (zod records skip that key)', () => {
    const c = loadContractFile(CLINIQUE);
    if (!c.ok) throw new Error('fixture');
    const r = validateContract({ ...c.value, annexes: JSON.parse('{"__proto__": {"signature": {"lieu": "Albi"}}}') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]).toMatchObject({ dataPath: 'annexes' });
    if (!r.ok) expect(r.diagnostics[0]!.message).toContain('__proto__');
  });

  it('leaves the annexes map out of the campaign workbook columns (its keys are the model’s ids)', () => {
    const { columns } = flatten(contractJsonSchema());
    expect(columns.length).toBeGreaterThan(10);
    expect(columns.some((c) => c.header.startsWith('annexes'))).toBe(false);
  });

  it('refuses an unknown annex id, the socle, and a model whose annexes are not signed separately', () => {
    const d = codes(contractOf(CLINIQUE, { annexes: { 'annexe-financement': { signature: { lieu: 'Albi' } }, socle: { signature: { lieu: 'Albi' } } } }));
    expect(d.map((x) => x.code)).toEqual(['SIGNATURE-ANNEXE-INCONNUE', 'SIGNATURE-ANNEXE-INCONNUE']);
    expect(d[0]!.hints).toEqual(['vouliez-vous dire « annexe-financements » ?']);
    expect(d[1]!.message).toContain('dates.signature');
    const dgos = codes(contractOf('fixtures/dgos/chu-public.yaml', { annexes: { 'annexe-08-financement': { signature: { lieu: 'Albi' } } } }));
    expect(dgos).toMatchObject([{ severity: 'erreur', code: 'SIGNATURE-ANNEXE-INCONNUE', dataPath: 'annexes' }]);
  });
});
