// A single CPOM for several legal entities of one GHT (IDF guide, 004_ec60fe0b7b5a9c75.txt L.85,
// L.91): every entity (the holder, then its co-holders) appears in the parties block with its
// FINESS EJ and representative and has its own signature box before the ARS; the group's
// instances are in the visas. Read back through real clients: pdftotext and python-docx.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { buildDocumentSet, checkContract, loadModel, parseContract, writeDocx, writePdf, type Model } from '../../src/index.ts';
import type { DocumentSet } from '../../src/ir/types.ts';
import { check, contract, render } from '../dsl/helpers.ts';
import { docxText, itWith, normalizeSpace } from '../helpers/libreoffice.ts';
import { pdfText, pdfWordsBbox } from '../helpers/poppler.ts';

type Data = Record<string, unknown>;
interface Entity {
  raison_sociale: string;
  finess_ej: string;
  representant: { civilite: string; prenom: string; nom: string; qualite: string };
}

const FILE = fileURLToPath(new URL('../../fixtures/idf/ght-cpom-unique.yaml', import.meta.url));
const DATA = parseYaml(readFileSync(FILE, 'utf8')) as Data;
const ENTITIES = [DATA.titulaire, ...(DATA.cotitulaires as unknown[])] as Entity[];
const VISAS = [
  'Vu la concertation du comité stratégique du groupement hospitalier de territoire Marne-Forêt-Brie en date du 14 mai 2024 ;',
  'Vu la consultation de la commission médicale de groupement en date du 21 mai 2024 ;',
  'Vu l’avis motivé du président de la commission médicale de groupement en date du 23 mai 2024 ;',
];

function model(id: string): Model {
  const r = loadModel(id);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('; '));
  return r.value;
}

function build(data: Data): DocumentSet {
  const c = parseContract(data);
  if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('; '));
  const set = buildDocumentSet(model(String(data.modele)), c.value);
  if (!set.ok) throw new Error(set.diagnostics.map((d) => d.message).join('; '));
  return set.value;
}

const flat = (s: string) => normalizeSpace(s).replace(/\s+/g, ' ');
const person = (e: Entity) => `${e.representant.prenom} ${e.representant.nom.toUpperCase()}`;
/** Text from `from` (included) up to `to` (excluded). */
function between(text: string, from: string, to?: string): string {
  const i = text.indexOf(from);
  expect(i, `« ${from} » introuvable`).toBeGreaterThanOrEqual(0);
  const j = to === undefined ? text.length : text.indexOf(to, i);
  expect(j, `« ${to} » introuvable`).toBeGreaterThan(i);
  return text.slice(i, j);
}

function expectEveryParty(parties: string, signatures: string): void {
  for (const e of ENTITIES) {
    expect(parties).toContain(`${e.raison_sociale}, FINESS EJ ${e.finess_ej}, dont le siège est situé`);
    const madame = e.representant.civilite === 'Madame';
    expect(parties).toContain(`ayant pour ${madame ? 'représentante légale' : 'représentant légal'} ${e.representant.civilite} ${person(e)}, ${e.representant.qualite}`);
    expect(signatures).toContain(`Pour l’établissement ${e.raison_sociale}, ${madame ? 'la représentante légale' : 'le représentant légal'}`);
    expect(signatures).toContain(`${person(e)}, ${e.representant.qualite}`);
  }
  expect(parties).toContain('ci-après désignés ensemble « le titulaire »');
  expect(signatures).toContain('Claire DUMONT');
}

describe('CPOM unique de GHT : trois entités juridiques parties au contrat (modèle IDF 2021)', () => {
  const set = build(DATA);
  const dir = mkdtempSync(join(tmpdir(), 'cpom-ght-'));
  let pdf: Uint8Array;
  beforeAll(async () => {
    pdf = await writePdf(set, { documents: ['socle'] });
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the fixture is clean: no data warning, no rule broken', () => {
    const c = parseContract(DATA);
    if (!c.ok) throw new Error('invalide');
    expect([...c.warnings, ...checkContract(model('idf-2021'), c.value)].map((d) => `${d.code} ${d.message}`)).toEqual([]);
    expect(ENTITIES).toHaveLength(3);
  });

  itWith(['pdftotext'])('PDF (pdftotext): parties block, group visas and one signature box per entity, then the ARS', () => {
    const text = flat(pdfText(pdf));
    expectEveryParty(between(text, 'ET :', 'Vu le code'), between(flat(pdfText(pdf, { raw: true })), 'Fait en autant d’exemplaires originaux que de parties'));
    for (const v of VISAS) expect(text).toContain(v);
    // Establishments listed under the entity that runs them.
    expect(between(text, 'Hôpital de Jouarre-Vallée – FINESS EJ 770100030', 'Vu le code')).toContain('770100311 Hôpital de Jouarre');
  });

  itWith(['pdftotext'])('PDF: four boxes on two rows, names aligned on the first row, the whole block on one page', () => {
    const words = pdfWordsBbox(pdf);
    const at = (w: string) => words.filter((x) => x.text.replace(/,$/, '') === w);
    const names = ['PERRIN', 'LAMBERT', 'BENALI', 'DUMONT'].map((w) => at(w).at(-1)!);
    expect(new Set(names.map((n) => n.page)).size).toBe(1);
    const [perrin, lambert, benali, dumont] = names as [(typeof names)[0], (typeof names)[0], (typeof names)[0], (typeof names)[0]];
    expect(lambert.yMin).toBeCloseTo(perrin.yMin, 1);
    expect(benali.yMin).toBeCloseTo(perrin.yMin, 1);
    expect(perrin.xMin).toBeLessThan(lambert.xMin);
    expect(lambert.xMin).toBeLessThan(benali.xMin);
    expect(dumont.yMin).toBeGreaterThan(perrin.yMin + 20);
    expect(dumont.xMin).toBeLessThan(lambert.xMin);
  });

  itWith(['python-docx'])('DOCX (python-docx): parties block, group visas, signature table with every party', () => {
    const file = join(dir, 'ght.docx');
    writeFileSync(file, writeDocx(set, { documents: ['socle'] }));
    const body = docxText(file).body;
    const paragraphs = flat(body.filter((b) => b.kind === 'p').map((b) => b.text).join('\n'));
    const tables = body.filter((b) => b.kind === 'table');
    const signTable = tables.find((t) => JSON.stringify(t.rows).includes('le représentant légal'));
    expect(signTable, 'tableau des signatures').toBeDefined();
    // Two rows of parties, each set in bands (qualities, signature space, names).
    expect(signTable!.rows).toHaveLength(6);
    expect(signTable!.rows[0]).toHaveLength(3);
    const signatures = flat(signTable!.rows.flat().join('\n'));
    expectEveryParty(between(paragraphs, 'ET :', 'Vu le code'), signatures);
    expect(signatures.indexOf('DUMONT')).toBeGreaterThan(signatures.indexOf('BENALI'));
    for (const v of VISAS) expect(paragraphs).toContain(v);
  });
});

describe('CPOM unique de GHT : données refusées', () => {
  const cotitulaire = (over: Data = {}) => ({ ...(DATA.cotitulaires as Data[])[0], ...over });
  const codes = (data: Data) => {
    const c = parseContract(data);
    if (!c.ok) return c.diagnostics.map((d) => `${d.code} ${d.dataPath}`);
    return [...c.warnings, ...checkContract(model(String(data.modele)), c.value)].map((d) => `${d.code} ${d.dataPath}`);
  };

  it('a co-holder with the FINESS EJ of the holder or of another co-holder', () => {
    const titulaire = DATA.titulaire as Entity;
    expect(codes({ ...DATA, cotitulaires: [cotitulaire({ finess_ej: titulaire.finess_ej }), (DATA.cotitulaires as Data[])[1]] })).toContain('DONNEES-DOUBLON cotitulaires[0].finess_ej');
    const c = parseContract({ ...DATA, cotitulaires: [cotitulaire(), cotitulaire({ raison_sociale: 'Autre' })] });
    expect(c.ok ? [] : c.diagnostics.map((d) => `${d.code} ${d.dataPath}`)).toContain('DONNEES-DOUBLON cotitulaires[1].finess_ej');
  });

  it('a co-holder FINESS EJ with a wrong format is a data error naming its path; a wrong key a warning', () => {
    const bad = parseContract({ ...DATA, cotitulaires: [cotitulaire({ finess_ej: '7701' })] });
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.diagnostics.map((d) => d.dataPath)).toContain('cotitulaires[0].finess_ej');
    const key = parseContract({ ...DATA, cotitulaires: [cotitulaire({ finess_ej: '770100023' }), (DATA.cotitulaires as Data[])[1]] });
    expect((key.ok ? key.warnings : key.diagnostics).map((d) => `${d.code} ${d.dataPath}`)).toContain('DONNEES-FINESS-CLE cotitulaires[0].finess_ej');
  });

  it('a site attached to a FINESS EJ that is no party to the contract', () => {
    const sites = (DATA.sites as Data[]).map((s, i) => (i === 1 ? { ...s, finess_ej: '770100998' } : s));
    const c = parseContract({ ...DATA, sites });
    expect(c.ok).toBe(false);
    if (!c.ok) {
      const d = c.diagnostics.find((x) => x.code === 'DONNEES-SITE-ENTITE');
      expect(d?.dataPath).toBe('sites[1].finess_ej');
      expect(d?.message).toContain('« 770100998 »');
    }
  });

  it('DGOS and Occitanie refuse co-holders with a message saying the model does not provide for them', () => {
    for (const [id, file] of [['dgos-2012', 'dgos/chu-public.yaml'], ['occitanie-2019', 'occitanie/chu.yaml']] as const) {
      const base = parseYaml(readFileSync(fileURLToPath(new URL(`../../fixtures/${file}`, import.meta.url)), 'utf8')) as Data;
      const c = parseContract({ ...base, cotitulaires: [cotitulaire()] });
      if (!c.ok) throw new Error('invalide');
      const d = checkContract(model(id), c.value).filter((x) => x.severity === 'erreur');
      expect(d.map((x) => x.dataPath)).toEqual(['cotitulaires']);
      expect(d[0]!.message).toContain('ne prévoit pas de CPOM conclu avec plusieurs entités juridiques');
    }
  });
});

describe('{% partie id pour x dans liste %}: one signature box per element', () => {
  const TEMPLATE = [
    '{% signatures %}',
    'Fait à Paris',
    '{% partie titulaire %}',
    'Pour le titulaire',
    '{% partie cotitulaire pour c dans cotitulaires %}',
    'Pour {{ c.raison_sociale }} (n° {{ rang }})',
    '{% signataire %}{{ c.representant.nom }}',
    '{% partie ars %}',
    'Pour l’ARS',
    '{% finsignatures %}',
  ].join('\n');

  it('is checked against the schema: the list must be a list, the element has its fields', () => {
    expect(check(TEMPLATE)).toEqual([]);
    expect(check(TEMPLATE.replace('dans cotitulaires', 'dans titulaire')).map((d) => d.code)).toContain('DSL-TYPE');
    expect(check(TEMPLATE.replace('c.raison_sociale', 'c.raison')).length).toBeGreaterThan(0);
  });

  it('expands to one party per element, in order, and to none for an empty list', () => {
    const co = (DATA.cotitulaires as Data[]).map((x) => ({ ...x }));
    const r = render(TEMPLATE, contract({ cotitulaires: co }));
    expect(r.diags).toEqual([]);
    const sig = r.blocks.find((b) => b.type === 'signature');
    expect(sig?.type === 'signature' && sig.parties.map((p) => `${p.id}:${p.signatory ?? ''}`)).toEqual(['titulaire:', 'cotitulaire:Lambert', 'cotitulaire:Benali', 'ars:']);
    const lines = sig?.type === 'signature' ? sig.parties.map((p) => p.lines.map((l) => l.map((i) => (i.type === 'text' ? i.text : '')).join('')).join(' ')) : [];
    expect(lines[2]).toBe('Pour Hôpital de Jouarre-Vallée (n° 2)');
    const none = render(TEMPLATE, contract());
    const sig0 = none.blocks.find((b) => b.type === 'signature');
    expect(sig0?.type === 'signature' && sig0.parties.map((p) => p.id)).toEqual(['titulaire', 'ars']);
  });
});
