// Which Île-de-France annexes and volets a contract gets, and what they hold. Each annex or volet
// is present only when the data has something for it: Annexe 1 volets only with engagements of
// that volet, Annexe 2 (2021) only with reconnaissances contractuelles, Annexe 3 only with
// financing, and the 2019 « Moyens » volets only with authorisations / RC. Cases are built from
// the fixtures by changing one list at a time. The good fixtures raise no diagnostic, build, and
// LibreOffice opens their DOCX.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applicableDocuments, buildDocumentSet, checkContract, loadContractFile, loadModel, parseContract, writeDocx, type Model } from '../../src/index.ts';
import type { Block, Document, DocumentSet, Table } from '../../src/ir/types.ts';
import { headingText, inlineText } from '../../src/ir/types.ts';
import { convertWithSoffice, itWith, normalizeSpace } from '../helpers/libreoffice.ts';

function model(id: string): Model {
  const r = loadModel(id);
  if (!r.ok) throw new Error(`modèle ${id} invalide : ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.value;
}
const MODELS: Record<string, Model> = { 'idf-2021': model('idf-2021'), 'idf-2019': model('idf-2019') };

const GOOD = fileURLToPath(new URL('../../fixtures/idf/', import.meta.url));
const fixture = (file: string) => parse(readFileSync(GOOD + file, 'utf8')) as Record<string, unknown>;
const GHT = fixture('groupe-hospitalier-public-multisite.yaml');
const ESPIC = fixture('espic-idf-2019.yaml');

type Data = Record<string, unknown>;
type Eng = Record<string, unknown>;

function build(data: Data): { set: DocumentSet; docs: string[] } {
  const c = parseContract(data);
  if (!c.ok) throw new Error(`données invalides : ${c.diagnostics.map((d) => d.message).join('; ')}`);
  const m = MODELS[String(data.modele)]!;
  const set = buildDocumentSet(m, c.value);
  if (!set.ok) throw new Error(set.diagnostics.map((d) => `${d.dataPath ?? ''} ${d.message}`).join('\n'));
  return { set: set.value, docs: applicableDocuments(m, c.value) };
}

function doc(set: DocumentSet, id: string): Document {
  const d = set.documents.find((x) => x.id === id);
  if (!d) throw new Error(`document ${id} absent (présents : ${set.documents.map((x) => x.id).join(', ')})`);
  return d;
}

function blockTexts(b: Block): string[] {
  switch (b.type) {
    case 'heading':
      return [headingText(b)];
    case 'paragraph':
      return [inlineText(b.content)];
    case 'list':
      return b.items.map((i) => inlineText(i.content));
    case 'table':
      return [...b.headerRows, ...b.bodyRows].flatMap((r) => r.cells.map((c) => c.content.map((p) => inlineText(p.content)).join('\n')));
    case 'signature':
      return [...b.leadIn.map((p) => inlineText(p.content)), ...b.parties.flatMap((p) => [...p.lines.map(inlineText), p.signatory ?? ''])];
    case 'pageBreak':
      return [];
  }
}

// Resolved text carries U+00A0 / U+202F (« Annexe 1 »): compared here as plain spaces.
const text = (d: Document) => nb(d.blocks.flatMap(blockTexts).join('\n'));
const headings = (d: Document) => d.blocks.filter((b) => b.type === 'heading').map((b) => headingText(b as Extract<Block, { type: 'heading' }>));
const tables = (d: Document) => d.blocks.filter((b): b is Table => b.type === 'table');
const rowTexts = (t: Table) => t.bodyRows.map((r) => r.cells.map((c) => c.content.map((p) => inlineText(p.content)).join(' ')));

/** Engagement n° k of a fixture, placed in another annex / volet. */
function eng(from: Data, k: number, annexe: string, extra: Eng = {}): Eng {
  const e = (from.engagements as Eng[]).find((x) => x.numero === k)!;
  const { reconnaissances: _r, autorisations: _a, ...rest } = e;
  return { ...rest, annexe, ...extra };
}

const VOLET1 = 'Volet 1 : pilotage interne';
const VOLET2 = 'Volet 2 : positionnement territorial';
const nb = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('IDF 2021 — annexes et volets présents selon les données', () => {
  const P = (k: number) => eng(GHT, k, 'pilotage_interne');
  const T = (k: number) => eng(GHT, k, 'positionnement_territorial');
  const R = (k: number) => eng(GHT, k, 'reconnaissances', { reconnaissances: [2] });
  const cases: { name: string; data: Data; docs: string[]; volets?: string[] }[] = [
    { name: 'deux volets, RC, financements', data: GHT, docs: ['socle', 'annexe-1-engagements', 'annexe-2-reconnaissances', 'annexe-3-financements'], volets: [VOLET1, VOLET2] },
    { name: 'volet 1 seul', data: { ...GHT, engagements: [P(1), P(2), P(3)] }, docs: ['socle', 'annexe-1-engagements', 'annexe-2-reconnaissances', 'annexe-3-financements'], volets: [VOLET1] },
    { name: 'volet 2 seul', data: { ...GHT, engagements: [T(1), T(2), T(3)] }, docs: ['socle', 'annexe-1-engagements', 'annexe-2-reconnaissances', 'annexe-3-financements'], volets: [VOLET2] },
    { name: 'socle commun (aucun engagement)', data: { ...GHT, engagements: [] }, docs: ['socle', 'annexe-2-reconnaissances', 'annexe-3-financements'] },
    { name: 'engagements RC seulement : pas d’annexe 1', data: { ...GHT, engagements: [R(1), R(2), R(3)] }, docs: ['socle', 'annexe-2-reconnaissances', 'annexe-3-financements'] },
    { name: 'sans RC : pas d’annexe 2', data: { ...GHT, engagements: [P(1), T(2), P(3)], reconnaissances: [] }, docs: ['socle', 'annexe-1-engagements', 'annexe-3-financements'], volets: [VOLET1, VOLET2] },
    { name: 'sans financement : pas d’annexe 3', data: { ...GHT, financements: { dotations: [] } }, docs: ['socle', 'annexe-1-engagements', 'annexe-2-reconnaissances'], volets: [VOLET1, VOLET2] },
    { name: 'tarifs seuls : annexe 3', data: { ...GHT, engagements: [], reconnaissances: [], financements: { dotations: [], tarifs_oqn: [{ discipline: 'SSR', prestation: 'Journée', tarif: 250 }] } }, docs: ['socle', 'annexe-3-financements'] },
    { name: 'rien : socle seul', data: { ...GHT, engagements: [], reconnaissances: [], financements: { dotations: [] } }, docs: ['socle'] },
  ];

  it.each(cases)('$name', ({ data, docs, volets }) => {
    const { set, docs: got } = build({ ...data, modele: 'idf-2021' });
    expect(got).toEqual(docs);
    expect(set.documents.map((d) => d.id)).toEqual(docs);
    const socle = text(doc(set, 'socle'));
    // The socle lists exactly the annexes the contract has.
    expect(socle.includes('Annexe 1 – Engagements')).toBe(docs.includes('annexe-1-engagements'));
    expect(socle.includes('Annexe 2 – Reconnaissances contractuelles')).toBe(docs.includes('annexe-2-reconnaissances'));
    expect(socle.includes('Annexe 3 – Financements')).toBe(docs.includes('annexe-3-financements'));
    expect(socle.includes('limité au socle commun')).toBe(((data.engagements as unknown[]) ?? []).length === 0);
    if (volets) {
      const h = headings(doc(set, 'annexe-1-engagements')).map(nb);
      expect(h.filter((x) => x.startsWith('Volet'))).toEqual(volets);
      expect(h).toContain('Définition des indicateurs de suivi');
    }
  });

  it('groups Annexe 1 rows under the FINESS each engagement is attached to, with merged cells for several indicators', () => {
    const { set } = build(GHT);
    const [v1, v2] = tables(doc(set, 'annexe-1-engagements'));
    const rows = rowTexts(v1!).map((r) => r.map(nb));
    // Group rows span the 9 columns; engagement rows keep the numbers of the data; the second
    // indicator of engagement 2 has its number and objective merged upwards (covered cells omitted).
    expect(rows.map((r) => r[0])).toEqual([
      "Groupe hospitalier public de l'Est francilien – FINESS EJ 930000211",
      '1',
      '2',
      "Adoption du plan d'attractivité par le directoire",
      'Hôpital de Bondy – FINESS ET 930000237',
      '3',
    ]);
    // Engagement 4 (Aulnay) cites RC n° 1: it is printed once, in the annex of the
    // reconnaissances under its N° RC (test/templates/idf-rc-une-fois.test.ts), not here.
    expect(rows.filter((r) => r.length === 1)).toHaveLength(2);
    const two = v1!.bodyRows.find((r) => inlineText(r.cells[0]!.content[0]!.content) === '2')!;
    expect(two.cells[0]!.rowSpan).toBe(2);
    expect(two.cells).toHaveLength(9);
    expect(v1!.headerRows[0]!.cells.map((c) => nb(c.content.map((p) => inlineText(p.content)).join('')))).toEqual([
      'N° engagement',
      'Objectifs fixés à la structure',
      'Indicateurs de suivi',
      'Valeur et année de référence',
      'Valeurs cibles',
    ]);
    expect(v1!.headerRows[1]!.cells.map((c) => c.content.map((p) => inlineText(p.content)).join(''))).toEqual(['N+1', 'N+2', 'N+3', 'N+4', 'N+5']);
    // Volet 2: the EJ and the Montreuil site have engagements, Bondy and Aulnay none.
    expect(rowTexts(v2!).filter((r) => r.length === 1).map((r) => nb(r[0]!))).toEqual([
      "Groupe hospitalier public de l'Est francilien – FINESS EJ 930000211",
      'Hôpital de Montreuil – FINESS ET 930000229',
    ]);
  });

  it('prints the RC of each site, then the engagements attached to an RC (its own and those of Annexe 1 linked to one)', () => {
    const { set } = build(GHT);
    const a2 = doc(set, 'annexe-2-reconnaissances');
    const [list, engagements] = tables(a2);
    expect(rowTexts(list!).map((r) => nb(r.join(' | ')))).toEqual([
      'Hôpital de Montreuil – FINESS ET 930000229',
      '3 | Soins palliatifs | Lits identifiés de soins palliatifs | Hospitalisation complète | 6',
      'Hôpital de Bondy – FINESS ET 930000237',
      '2 | Soins palliatifs | Unité de soins palliatifs | Hospitalisation complète | 10',
      "Hôpital d'Aulnay-sous-Bois – FINESS ET 930000245",
      '1 | Prise en charge de la douleur chronique rebelle | Adulte (âge >= 18 ans) | Consultation | non',
    ]);
    expect(rowTexts(engagements!).map((r) => r[0])).toEqual(['1', '2']);
    expect(nb(rowTexts(engagements!)[1]!.join(' | '))).toContain('Taux d\'occupation de l\'USP | 60 % | 70 % | 80 % | 90 % |  | ');
  });

  it('still prints an RC whose site is not listed at the head of the contract', () => {
    const data = { ...GHT, engagements: [], reconnaissances: [{ numero: 9, activite: 'Soins palliatifs', capacite: 3, finess_et: '930000260' }] };
    const a2 = doc(build(data).set, 'annexe-2-reconnaissances');
    expect(nb(text(a2))).toContain('FINESS ET 930000260 (site non énuméré en tête du contrat)');
    expect(headings(a2)).not.toContain('Engagements');
  });

  it('signs holder first then the DG ARS, in two originals, and initials every annex for both parties', () => {
    const { set } = build(GHT);
    const socle = doc(set, 'socle');
    const sig = socle.blocks.find((b) => b.type === 'signature') as Extract<Block, { type: 'signature' }>;
    expect(sig.parties.map((p) => p.id)).toEqual(['titulaire', 'ars']);
    expect(nb(inlineText(sig.leadIn[0]!.content))).toBe('Fait en deux exemplaires originaux, à Saint-Denis, le 28 juin 2022');
    expect(MODELS['idf-2021']!.manifest.signature).toMatchObject({ ordre: ['titulaire', 'ars'], originaux: 2, annexes_signees_separement: false });
    expect(socle.paraphe).toEqual([]);
    expect(socle.provenance).toBe('reconstitue');
    for (const d of set.documents.filter((x) => x.id !== 'socle')) expect(d.paraphe, d.id).toEqual(['titulaire', 'ars']);
  });

  it('states the link between the legal entity and its sites in the visas, and the instance opinions by status', () => {
    const socle = nb(text(doc(build(GHT).set, 'socle')));
    expect(socle).toContain("Vu le lien existant entre l’entité juridique Groupe hospitalier public de l'Est francilien et les établissements parties au présent contrat : établissement public de santé");
    expect(socle).toContain('Vu l’avis du conseil de surveillance en date du 10 juin 2022 ;');
    expect(socle).toContain('Vu l’avis de la commission médicale d’établissement en date du 31 mai 2022 ;');
    expect(socle).not.toContain('conférence médicale');
    const prive = nb(text(doc(build({ ...GHT, titulaire: { ...(GHT.titulaire as Data), statut: 'prive_lucratif' }, avis: {} }).set, 'socle')));
    expect(prive).toContain('Vu l’avis de la conférence médicale d’établissement en date du …………………… ;');
    expect(prive).not.toContain('conseil de surveillance');
    const gcs = nb(text(doc(build(fixture('gcs-etablissement-sante.yaml')).set, 'socle')));
    expect(gcs).toContain('Vu la délibération de l’assemblée générale du groupement de coopération sanitaire en date du 29 février 2024 ;');
    expect(gcs).not.toContain('Vu le lien existant');
    const renouvele = nb(text(doc(build({ ...GHT, contrat_precedent: 'contrat pluriannuel d’objectifs et de moyens 2017-2022' }).set, 'socle')));
    expect(renouvele).toContain('Vu le contrat pluriannuel d’objectifs et de moyens 2017-2022 ;');
    expect(socle).not.toContain('2017-2022');
  });
});

describe('IDF 2019 — annexe 2 « Moyens » et ses volets', () => {
  const base = (ESPIC.engagements as Eng[]).map((e) => (e.annexe === 'autorisations' || e.annexe === 'reconnaissances' ? eng(ESPIC, e.numero as number, 'pilotage_interne') : e));
  const cases: { name: string; data: Data; docs: string[]; volets?: string[]; engagementTables?: number }[] = [
    { name: 'autorisations et RC, avec engagements', data: ESPIC, docs: ['socle', 'annexe-1-engagements', 'annexe-2-moyens'], volets: ['Volet 1 : Autorisations', 'Volet 2 : Reconnaissances contractuelles'], engagementTables: 2 },
    { name: 'autorisations seules', data: { ...ESPIC, engagements: base, reconnaissances: [] }, docs: ['socle', 'annexe-1-engagements', 'annexe-2-moyens'], volets: ['Volet 1 : Autorisations'], engagementTables: 0 },
    { name: 'RC seules', data: { ...ESPIC, engagements: base, autorisations: [] }, docs: ['socle', 'annexe-1-engagements', 'annexe-2-moyens'], volets: ['Volet 2 : Reconnaissances contractuelles'], engagementTables: 0 },
    { name: 'ni autorisation ni RC : pas d’annexe 2', data: { ...ESPIC, engagements: base, autorisations: [], reconnaissances: [] }, docs: ['socle', 'annexe-1-engagements'] },
    { name: 'engagement d’annexe 1 rattaché à une autorisation : repris au volet 1', data: { ...ESPIC, engagements: [...base.slice(0, 3), { ...base[3], autorisations: ['11-147'] }], reconnaissances: [] }, docs: ['socle', 'annexe-1-engagements', 'annexe-2-moyens'], volets: ['Volet 1 : Autorisations'], engagementTables: 1 },
  ];

  it.each(cases)('$name', ({ data, docs, volets, engagementTables }) => {
    const { set, docs: got } = build(data);
    expect(got).toEqual(docs);
    if (!volets) return;
    const a2 = doc(set, 'annexe-2-moyens');
    expect(headings(a2).map(nb).filter((h) => h.startsWith('Volet'))).toEqual(volets);
    expect(headings(a2).filter((h) => h === 'Engagements')).toHaveLength(engagementTables!);
  });

  it('lists the authorisations per site with their N° ARHGOS, then the engagements with the N° ARHGOS they cover', () => {
    const a2 = doc(build(ESPIC).set, 'annexe-2-moyens');
    const [autList, autEng] = tables(a2);
    expect(rowTexts(autList!).map((r) => nb(r.join(' | ')))).toEqual([
      'Hôpital Sainte-Marthe — site Saint-Martin – FINESS ET 750000135',
      '11-9 | IRM |  | ',
      '11-12 | Scanographe |  | ',
      'Maternité Sainte-Marthe — site Belleville – FINESS ET 750000143',
      '11-147 | Périnatalité | Néonatologie | Hospitalisation complète',
      '11-148 | Gynécologie-obstétrique |  | Hospitalisation complète',
    ]);
    expect(nb(rowTexts(autEng!)[0]!.join(' | '))).toBe("11-9 et 11-12 | Augmenter l'accessibilité financière de l'imagerie en coupe | % des actes réalisés en secteur 1 | 10 % | 20 % | 40 % | 50 % | 50 % | 50 %");
    expect(nb(text(a2))).toContain('Le N° ARHGOS permet d’identifier de manière unique une autorisation.');
  });
});

describe('IDF — contrats d’exemple', () => {
  const files = readdirSync(GOOD).filter((f) => f.endsWith('.yaml')).sort();
  const out = mkdtempSync(join(tmpdir(), 'idf-docx-'));
  afterAll(() => rmSync(out, { recursive: true, force: true }));
  const EXPECTED: Record<string, string[]> = {
    'clinique-idf-2019-autorisations.yaml': ['socle', 'annexe-1-engagements', 'annexe-2-moyens'],
    'clinique-privee.yaml': ['socle', 'annexe-1-engagements', 'annexe-3-financements'],
    'espic-idf-2019.yaml': ['socle', 'annexe-1-engagements', 'annexe-2-moyens'],
    'gcs-etablissement-sante.yaml': ['socle', 'annexe-1-engagements', 'annexe-3-financements'],
    'ght-cpom-unique.yaml': ['socle', 'annexe-1-engagements'],
    'groupe-hospitalier-public-multisite.yaml': ['socle', 'annexe-1-engagements', 'annexe-2-reconnaissances', 'annexe-3-financements'],
    'socle-commun.yaml': ['socle', 'annexe-2-reconnaissances', 'annexe-3-financements'],
  };

  it('covers every kind of holder the issue names, with both models', () => {
    expect(files).toEqual(Object.keys(EXPECTED));
    const data = files.map(fixture);
    const holders = data.map((d) => d.titulaire as Data);
    expect(holders.map((t) => t.statut)).toEqual(expect.arrayContaining(['public', 'espic', 'prive_lucratif']));
    expect(holders.some((t) => t.forme === 'gcs')).toBe(true);
    expect(data.some((d) => (d.sites as unknown[]).length > 1 && d.titulaire && (d.titulaire as Data).statut === 'public')).toBe(true);
    expect(data.some((d) => d.modele === 'idf-2019' && (d.autorisations as unknown[] | undefined)?.length)).toBe(true);
  });

  it.each(files)('%s : aucun diagnostic, documents attendus, DOCX produit', (file) => {
    const c = loadContractFile(GOOD + file);
    if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('; '));
    const m = MODELS[c.value.modele]!;
    expect([...c.warnings, ...checkContract(m, c.value)].map((d) => `${d.code} ${d.dataPath ?? ''} ${d.message}`)).toEqual([]);
    const set = buildDocumentSet(m, c.value);
    if (!set.ok) throw new Error(set.diagnostics.map((d) => d.message).join('\n'));
    expect(set.value.documents.map((d) => d.id)).toEqual(EXPECTED[file]);
    writeFileSync(join(out, file.replace(/\.yaml$/, '.docx')), writeDocx(set.value));
  });

  itWith(['soffice'])('LibreOffice opens every DOCX and reads the contract text', () => {
    const docx = readdirSync(out).filter((f) => f.endsWith('.docx')).sort().map((f) => join(out, f));
    expect(docx).toHaveLength(files.length);
    const txt = convertWithSoffice(docx, out, 'txt');
    for (const t of txt) {
      const s = normalizeSpace(readFileSync(t, 'utf8'));
      expect(s, t).toContain('Contrat pluriannuel d’objectifs et de moyens');
      // A single CPOM of several entities has one original per party (idf-ght.test.ts).
      expect(s, t).toMatch(/Fait en (deux exemplaires originaux|autant d’exemplaires originaux que de parties)/);
      expect(s, t).toContain('Chacune des annexes doit être paraphée par les parties au contrat.');
    }
  }, 120_000);
});
