// Rules of the two Île-de-France models, declared as data in their manifests: every rule has a
// contract in fixtures/bad/idf/ that violates it (first line: "# RULE-ID : why"); checking it
// yields that rule and no other, with its source (seed file and line) and the data path. Rules
// common to both models are declared identically in both manifests and are checked against both.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { checkContract, formatDiagnostic, loadModel, parseContract, type Model } from '../../src/index.ts';

function model(id: string): Model {
  const r = loadModel(id);
  if (!r.ok) throw new Error(`modèle ${id} invalide : ${r.diagnostics.map((d) => d.message).join('; ')}`);
  return r.value;
}
const MODELS = { 'idf-2021': model('idf-2021'), 'idf-2019': model('idf-2019') } as const;
type ModelId = keyof typeof MODELS;

const BAD = fileURLToPath(new URL('../../fixtures/bad/idf/', import.meta.url));
/** Engine rules the manifests rely on instead of declaring them again. */
const ENGINE_RULES = new Set(['MODELE-ANNEXE-INCONNUE']);

/**
 * Rules a fixture cannot help breaking along with its own, by construction (and only those):
 * more than 10 engagements, each with its indicator (IDF-INDICATEUR-AU-MOINS-UN), make more than
 * 10 indicators. (Authorisations in a 2021 contract are no longer a rule: the engine-wide
 * « donnée non imprimée » warning names them, with the reason declared in the manifest.)
 */
function companions(id: string, data: Record<string, unknown>, m: ModelId): string[] {
  const out: string[] = [];
  if (id === 'IDF-ENGAGEMENTS-MAX-10') out.push('IDF-INDICATEURS-MAX-10');
  return out.filter((c) => c !== id);
}

const bad = readdirSync(BAD)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const text = readFileSync(BAD + file, 'utf8');
    const id = /^#\s*([A-Z0-9][A-Z0-9-]*)\s/.exec(text.split('\n')[0] ?? '')?.[1];
    if (!id) throw new Error(`${file} : la première ligne doit nommer la règle (« # ID : … »)`);
    return { file, id, data: parse(text) as Record<string, unknown> };
  });

/** Every (fixture, model) pair: the fixture's own model, plus the other IDF model when it declares the same rule. */
const cases = bad.flatMap((b) =>
  (Object.keys(MODELS) as ModelId[])
    .filter((m) => m === b.data.modele || (b.id !== 'MODELE-ANNEXE-INCONNUE' && MODELS[m].manifest.regles.some((r) => r.id === b.id)))
    .map((m) => ({ ...b, model: m, label: `${b.file} [${m}]` })),
);

function check(data: Record<string, unknown>, m: ModelId) {
  const c = parseContract({ ...data, modele: m });
  if (!c.ok) throw new Error(`données invalides : ${c.diagnostics.map((d) => d.message).join('; ')}`);
  return [...c.warnings, ...checkContract(MODELS[m], c.value)];
}

function assertViolates(data: Record<string, unknown>, m: ModelId, id: string): void {
  const diags = check(data, m);
  const expected = [id, ...companions(id, data, m)];
  expect(diags.filter((d) => !expected.includes(d.code)).map((d) => `${d.code} ${d.message}`)).toEqual([]);
  expect([...new Set(diags.map((d) => d.code))].sort()).toEqual([...expected].sort());
  for (const d of diags) {
    expect(d.dataPath, 'chemin de la donnée').toBeTruthy();
    const text = formatDiagnostic(d);
    expect(text).toContain(d.code);
    expect(text).toContain(d.dataPath!);
    if (ENGINE_RULES.has(d.code)) continue;
    const rule = MODELS[m].manifest.regles.find((r) => r.id === d.code)!;
    expect(d.severity).toBe(rule.niveau);
    expect(d.source).toEqual(rule.source);
    expect(text).toContain(`source : ${rule.source.fichier}, ligne ${rule.source.ligne}`);
    expect(text).toContain(rule.regle);
  }
}

describe('IDF — règles des modèles', () => {
  it('has a failing fixture for every rule of both manifests, and no fixture for an unknown rule', () => {
    const covered = new Set(bad.map((b) => b.id));
    for (const m of Object.values(MODELS)) {
      expect(m.manifest.regles.map((r) => r.id).filter((id) => !covered.has(id)), m.id).toEqual([]);
    }
    const declared = new Set(Object.values(MODELS).flatMap((m) => m.manifest.regles.map((r) => r.id)));
    expect(bad.map((b) => b.id).filter((id) => !declared.has(id) && !ENGINE_RULES.has(id))).toEqual([]);
  });

  it('declares the rules common to both models identically', () => {
    const a = MODELS['idf-2021'].manifest.regles;
    const b = MODELS['idf-2019'].manifest.regles;
    const common = a.filter((r) => b.some((s) => s.id === r.id));
    expect(common.length).toBeGreaterThanOrEqual(13);
    for (const r of common) expect(b.find((s) => s.id === r.id), r.id).toEqual(r);
  });

  it('counts characters as the guide does: 450 accepted, 451 refused, « » and accents are one character each', () => {
    const base = bad.find((b) => b.id === 'IDF-OBJECTIF-450')!.data;
    const engagements = base.engagements as Record<string, unknown>[];
    const text451 = String(engagements[0]!.objectif_operationnel);
    expect([...text451]).toHaveLength(451);
    const with450 = { ...base, engagements: [{ ...engagements[0], objectif_operationnel: text451.slice(0, 450) }, ...engagements.slice(1)] };
    expect(check(with450, 'idf-2021')).toEqual([]);
    // An emoji is one character for the guide (one code point), two UTF-16 units for JavaScript.
    const emoji = { ...base, engagements: [{ ...engagements[0], objectif_operationnel: `${text451.slice(0, 449)}😀` }, ...engagements.slice(1)] };
    expect(check(emoji, 'idf-2021')).toEqual([]);
  });

  it('accepts a « socle commun » contract with no engagement, refuses 1 and 2', () => {
    const base = bad.find((b) => b.id === 'IDF-ENGAGEMENTS-MIN-3')!.data;
    const engagements = base.engagements as unknown[];
    expect(check({ ...base, engagements: [] }, 'idf-2021')).toEqual([]);
    expect(check({ ...base, engagements: engagements.slice(0, 1) }, 'idf-2021').map((d) => d.code)).toEqual(['IDF-ENGAGEMENTS-MIN-3']);
    expect(check({ ...base, engagements: engagements.slice(0, 2) }, 'idf-2021').map((d) => d.code)).toEqual(['IDF-ENGAGEMENTS-MIN-3']);
  });

  it('counts indicators, not engagements: 10 accepted, 11 refused', () => {
    const base = bad.find((b) => b.id === 'IDF-INDICATEURS-MAX-10')!.data;
    expect(check(base, 'idf-2021').map((d) => d.code)).toEqual(['IDF-INDICATEURS-MAX-10']);
    const engagements = structuredClone(base.engagements) as { indicateurs: unknown[] }[];
    engagements[0]!.indicateurs.pop();
    expect(check({ ...base, engagements }, 'idf-2021')).toEqual([]);
  });

  it('accepts an RC or an autorisation attached to the legal entity, and several cited numbers that all exist', () => {
    const rc = bad.find((b) => b.id === 'IDF-RC-SITE')!.data;
    const ej = (rc.titulaire as { finess_ej: string }).finess_ej;
    const rcs = (rc.reconnaissances as Record<string, unknown>[]).map((r) => ({ ...r, finess_et: ej }));
    expect(check({ ...rc, reconnaissances: rcs }, 'idf-2021')).toEqual([]);
    const aut = bad.find((b) => b.id === 'IDF-AUT-SITE')!.data;
    const auts = (aut.autorisations as Record<string, unknown>[]).map((a) => ({ ...a, finess_et: ej }));
    expect(check({ ...aut, autorisations: auts }, 'idf-2019')).toEqual([]);
    const cited = bad.find((b) => b.id === 'IDF-AUT-CITEE-EXISTE')!.data;
    const both = [...(cited.autorisations as Record<string, unknown>[]), { arhgos: '11-9', activite: 'IRM', finess_et: ej }];
    const engagements = (cited.engagements as Record<string, unknown>[]).map((e, i) => (i === 0 ? { ...e, autorisations: ['11-9', '11-147'] } : e));
    expect(check({ ...cited, autorisations: both, engagements }, 'idf-2019')).toEqual([]);
  });

  it('warns of an authorisation outside volet 1 whatever its case and accents, not of a label that merely contains the letters', () => {
    const base = bad.find((b) => b.id === 'IDF-AUT-HORS-CHAMP')!.data;
    const auts = base.autorisations as Record<string, unknown>[];
    const withLabel = (activite: string) => check({ ...base, autorisations: [auts[0], { ...auts[1], activite }] }, 'idf-2019').map((d) => d.code);
    for (const label of ['LACTARIUM', 'Pharmacie à usage intérieur', 'PUI', 'Depot de sang', 'Prélèvements d’organes', 'Chirurgie esthétique', 'Éducation thérapeutique du patient']) {
      expect(withLabel(label), label).toEqual(['IDF-AUT-HORS-CHAMP']);
    }
    for (const label of ['Imagerie en appui des urgences', 'Chirurgie', 'Médecine']) expect(withLabel(label), label).toEqual([]);
  });

  it('accepts instance opinions given on or before the signing date, and any opinion of an unsigned contract', () => {
    const base = bad.find((b) => b.id === 'IDF-AVIS-AVANT-SIGNATURE')!.data;
    const dates = base.dates as Record<string, unknown>;
    expect(check({ ...base, avis: { cme: '2024-03-25', conseil_surveillance: '2024-03-01' } }, 'idf-2021')).toEqual([]);
    expect(check({ ...base, dates: { effet: dates.effet, duree_ans: dates.duree_ans } }, 'idf-2021')).toEqual([]);
    expect(check({ ...base, avis: { cme: '2024-03-20', conseil_surveillance: '2024-03-26' } }, 'idf-2021').map((d) => d.code)).toEqual(['IDF-AVIS-AVANT-SIGNATURE']);
  });

  for (const c of cases) {
    it(`${c.label} viole ${c.id}${companions(c.id, c.data, c.model).map((x) => ` (+ ${x})`).join('')}, et seulement elle`, () => assertViolates(c.data, c.model, c.id));
  }
});
