// Reconstituted text is visibly marked (issue 10, item 4): every page of a reconstituted
// document says so in DOCX and PDF until the model's manifest records its legal validation;
// a validated document carries no mention and its metadata carries the validation.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { afterAll, describe, expect, it } from 'vitest';
import { buildAvenantSet } from '../../src/amend/document/avenant.ts';
import { buildDocumentSet, writeDocx } from '../../src/index.ts';
import type { DocumentSet } from '../../src/ir/types.ts';
import type { Model } from '../../src/templates/load.ts';
import { ManifestSchema, type LegalValidation } from '../../src/templates/manifest.ts';
import { renderPdfFiles } from '../../src/writers/pdf/index.ts';
import { buildFixture } from '../helpers/contracts.ts';
import { itWith, SYSTEM_PYTHON } from '../helpers/libreoffice.ts';
import { pdfInfo, pdfText } from '../helpers/poppler.ts';
import { modelOf, versionsOf } from '../amend/helpers.ts';

const MENTION = 'Texte reconstitué — à valider par le service juridique de l’agence';
const VALIDATION: LegalValidation = { par: 'Direction des affaires juridiques de l’ARS Occitanie', date: '2026-11-30', reference: 'DAJ-2026-114' };
const VALIDATED = 'Texte reconstitué, validé par Direction des affaires juridiques de l’ARS Occitanie le 30 novembre 2026 (référence : DAJ-2026-114)';

const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
const dir = mkdtempSync(join(tmpdir(), 'cpom-provenance-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface DocxView {
  headers: string[];
  body: string[];
  comments: string;
  keywords: string;
}
function pythonDocx(bytes: Uint8Array, name: string): DocxView {
  const file = join(dir, `${name}.docx`);
  writeFileSync(file, bytes);
  return JSON.parse(execFileSync(SYSTEM_PYTHON, [join(import.meta.dirname, 'tools/docx_mentions.py'), file], { encoding: 'utf8' })) as DocxView;
}
const pageTexts = (pdf: Uint8Array) => pdfText(pdf).split('\f').filter((p) => p.trim()).map(flat);

/** The model with a legal validation recorded for some of its documents (a copy, in memory). */
function validated(model: Model, ids: readonly string[], validation = VALIDATION): Model {
  const entry = <E extends { id: string }>(e: E) => (ids.includes(e.id) ? { ...e, validation_juridique: validation } : e);
  return {
    ...model,
    manifest: { ...model.manifest, documents: model.manifest.documents.map(entry) },
    documents: model.documents.map((d) => ({ ...d, entry: entry(d.entry) })),
  };
}

function must<T>(r: { ok: true; value: T } | { ok: false; diagnostics: readonly { message: string }[] }): T {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

describe('texte reconstitué : mention visible', () => {
  const idf = buildFixture('fixtures/idf/clinique-privee.yaml');

  it('chaque document reconstitué porte la mention dans l’IR, un document verbatim non', () => {
    const socle = idf.set.documents.find((d) => d.id === 'socle')!;
    expect(socle.provenance).toBe('reconstitue');
    expect(socle.notices?.map(flat)).toEqual([flat(MENTION)]);
    expect(socle.validation).toBeUndefined();
    const occ = buildFixture('fixtures/occitanie/chu.yaml').set;
    for (const d of occ.documents) expect(d.notices ?? [], d.id).toEqual(d.provenance === 'reconstitue' ? [expect.any(String)] : []);
  });

  itWith(['python-docx'])('le socle IDF généré montre la mention en tête de page du DOCX', () => {
    const view = pythonDocx(writeDocx(idf.set, { documents: ['socle'] }), 'idf-socle');
    expect(view.headers.length).toBeGreaterThan(0);
    for (const h of view.headers) expect(flat(h)).toContain(flat(MENTION));
    expect(view.comments).toBe('');
  });

  itWith(['pdftotext'])('… et sur chaque page du PDF', async () => {
    const { perDocument, combined } = await renderPdfFiles(idf.set);
    const i = idf.set.documents.findIndex((d) => d.id === 'socle');
    const pages = pageTexts(perDocument[i]!);
    expect(pages.length).toBeGreaterThan(1);
    for (const p of pages) expect(p).toContain(flat(MENTION));
    expect(pageTexts(combined).every((p) => p.includes(flat(MENTION)))).toBe(true);
  });
});

describe('texte reconstitué validé', () => {
  const occ = buildFixture('fixtures/occitanie/chu.yaml');
  const model = validated(occ.model, ['annexe-orientations-strategiques']);
  const set: DocumentSet = must(buildDocumentSet(model, occ.contract));
  const idx = (id: string) => set.documents.findIndex((d) => d.id === id);

  it('le manifeste accepte la validation d’un document reconstitué, refuse celle d’un document verbatim', () => {
    const yaml = parseYaml(readFileSync('templates/occitanie-2019/modele.yaml', 'utf8')) as { documents: { id: string; validation_juridique?: unknown }[] };
    const withValidation = (id: string) => ({ ...yaml, documents: yaml.documents.map((d) => (d.id === id ? { ...d, validation_juridique: VALIDATION } : d)) });
    expect(ManifestSchema.safeParse(withValidation('annexe-orientations-strategiques')).success).toBe(true);
    const bad = ManifestSchema.safeParse(withValidation('socle'));
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['documents', 0, 'validation_juridique']);
    expect(ManifestSchema.safeParse(withValidation('annexe-orientations-strategiques')).data?.documents[1]?.validation_juridique).toEqual(VALIDATION);
  });

  it('plus de mention, la validation dans l’IR ; les autres annexes reconstituées gardent la mention', () => {
    const d = set.documents[idx('annexe-orientations-strategiques')]!;
    expect(d.notices ?? []).toEqual([]);
    expect(flat(d.validation!)).toBe(flat(VALIDATED));
    expect(set.documents[idx('annexe-cooperations-territoriales')]!.notices?.map(flat)).toEqual([flat(MENTION)]);
  });

  itWith(['python-docx'])('DOCX : aucune mention, la validation dans docProps (commentaires)', () => {
    const view = pythonDocx(writeDocx(set, { documents: ['annexe-orientations-strategiques'] }), 'occ-valide');
    for (const h of view.headers) expect(flat(h)).not.toContain('reconstitué');
    expect(view.body.join('\n')).not.toContain('reconstitué');
    expect(flat(view.comments)).toBe(flat(VALIDATED));
    const other = pythonDocx(writeDocx(set, { documents: ['annexe-cooperations-territoriales'] }), 'occ-non-valide');
    expect(other.comments).toBe('');
  });

  itWith(['pdftotext'])('PDF : aucune mention, la validation dans Info et XMP ; déterministe', async () => {
    const files = await renderPdfFiles(set);
    const pdf = files.perDocument[idx('annexe-orientations-strategiques')]!;
    for (const p of pageTexts(pdf)) expect(p).not.toContain('reconstitué');
    expect(flat(pdfInfo(pdf).Keywords ?? '')).toBe(flat(VALIDATED));
    const xmp = Buffer.from(pdf).toString('latin1');
    expect(xmp).toContain('<pdf:Keywords>');
    expect(pdfInfo(files.perDocument[idx('annexe-cooperations-territoriales')]!).Keywords ?? '').toBe('');
    expect(Buffer.from((await renderPdfFiles(set)).perDocument[idx('annexe-orientations-strategiques')]!).equals(Buffer.from(pdf))).toBe(true);
  });
});

describe('texte des avenants (rédigé par le moteur)', () => {
  const model = modelOf('idf-2021');
  const v = versionsOf('idf-2021');

  it('porte la mention tant que le modèle n’enregistre pas la validation des avenants', () => {
    const set = must(buildAvenantSet(model, v, 1));
    expect(set.documents[0]!.notices?.map(flat)).toEqual([flat(MENTION)]);
    const ok = must(buildAvenantSet({ ...model, manifest: { ...model.manifest, avenants: { ...model.manifest.avenants, validation_juridique: VALIDATION } } }, v, 1));
    expect(ok.documents[0]!.notices ?? []).toEqual([]);
    expect(ok.documents[0]!.validation).toBeDefined();
  });
});
