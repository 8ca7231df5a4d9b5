// Rules of the Occitanie model, declared as data in its manifest: every rule has a contract in
// fixtures/bad/occitanie/ that violates it (first line: "# RULE-ID — why"); checking it yields
// that rule and no other, with its source (seed file and line) and the data path. The good
// fixtures (one per catégorie) raise nothing and build.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applicableDocuments, buildDocumentSet, checkContract, formatDiagnostic, loadContractFile, loadModel } from '../../src/index.ts';

const loaded = loadModel('occitanie-2019');
if (!loaded.ok) throw new Error(`modèle occitanie-2019 invalide : ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
const model = loaded.value;

const BAD = fileURLToPath(new URL('../../fixtures/bad/occitanie/', import.meta.url));
const GOOD = fileURLToPath(new URL('../../fixtures/occitanie/', import.meta.url));
const SEED_FILE = '002_31a56b3083e7fdc0.txt';
/** Engine rules the manifest relies on instead of declaring them again. */
const ENGINE_RULES = new Set(['MODELE-ANNEXE-INCONNUE']);


const bad = readdirSync(BAD)
  .filter((f) => f.endsWith('.yaml'))
  .sort()
  .map((file) => {
    const first = readFileSync(BAD + file, 'utf8').split('\n')[0] ?? '';
    const id = /^#\s*([A-Z0-9][A-Z0-9-]*)\s/.exec(first)?.[1];
    if (!id) throw new Error(`${file} : la première ligne doit nommer la règle (« # ID — … »)`);
    return { file, id };
  });

describe('Occitanie 2019-2023 — règles du modèle', () => {
  it('has a failing fixture for every rule of the manifest', () => {
    const covered = new Set(bad.map((b) => b.id));
    const missing = model.manifest.regles.map((r) => r.id).filter((id) => !covered.has(id));
    expect(missing).toEqual([]);
    for (const b of bad) expect(ENGINE_RULES.has(b.id) || model.manifest.regles.some((r) => r.id === b.id), b.id).toBe(true);
  });

  it('declares a source in the guide, with a citation, for every rule (checked at its line by the tool: test/provenance)', () => {
    for (const r of model.manifest.regles) {
      expect(r.source.fichier, r.id).toBe(SEED_FILE);
      expect(r.source.citation, r.id).toBeTruthy();
    }
  });

  it.for(bad)('$file viole $id, et seulement elle', ({ file, id }) => {
    const c = loadContractFile(BAD + file);
    if (!c.ok) throw new Error(`${file} : données invalides : ${c.diagnostics.map((d) => d.message).join('; ')}`);
    const diags = [...c.warnings, ...checkContract(model, c.value)];
    expect(diags.map((d) => d.code)).toContain(id);
    expect(diags.filter((d) => d.code !== id).map((d) => `${d.code} ${d.message}`)).toEqual([]);
    for (const d of diags) {
      expect(d.dataPath, 'chemin de la donnée').toBeTruthy();
      const text = formatDiagnostic(d);
      expect(text).toContain(id);
      expect(text).toContain(d.dataPath!);
      if (ENGINE_RULES.has(id)) continue;
      const rule = model.manifest.regles.find((r) => r.id === id)!;
      expect(d.severity).toBe(rule.niveau);
      expect(d.message).toContain(rule.regle);
      expect(d.source).toEqual(rule.source);
      expect(text).toContain(SEED_FILE);
      expect(text).toContain(String(rule.source.ligne));
    }
    // Errors block the contract; warnings do not block rendering.
    const hasError = diags.some((d) => d.severity === 'erreur');
    if (!hasError) expect(buildDocumentSet(model, c.value).ok).toBe(true);
  });
});

describe('Occitanie 2019-2023 — listes du contrat et champs homonymes des objectifs', () => {
  // OCC-ANNEXE-APPLICABLE reads the contract's « reconnaissances », not the objective's field of
  // the same name: a mono-activité clinic that holds an RC may carry objectives in that annex.
  it('mono-activité avec une reconnaissance contractuelle : l’objectif de l’annexe RC est accepté', () => {
    const c = loadContractFile(BAD + 'annexe-non-applicable.yaml');
    if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('; '));
    expect(checkContract(model, c.value).map((d) => d.code)).toEqual(['OCC-ANNEXE-APPLICABLE']);
    const withRc = { ...c.value, reconnaissances: [{ numero: 1, activite: 'Soins palliatifs', finess_et: c.value.titulaire.finess_ej }] };
    expect(checkContract(model, withRc).map((d) => `${d.code} ${d.message}`)).toEqual([]);
    expect(applicableDocuments(model, withRc)).toContain('annexe-reconnaissances-contractuelles');
  });

  it('une RC ou une ligne de permanence des soins rattachée à l’entité juridique est acceptée', () => {
    for (const file of ['rc-finess-contrat.yaml', 'pds-finess-contrat.yaml']) {
      const c = loadContractFile(BAD + file);
      if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('; '));
      const ej = c.value.titulaire.finess_ej;
      const fixed = {
        ...c.value,
        reconnaissances: c.value.reconnaissances.map((r) => ({ ...r, finess_et: r.finess_et === '340780519' ? ej : r.finess_et })),
        permanence_soins: c.value.permanence_soins.map((l) => ({ ...l, finess_et: l.finess_et === '340780519' ? ej : l.finess_et })),
      };
      expect(checkContract(model, fixed).map((d) => `${d.code} ${d.message}`), file).toEqual([]);
    }
  });
});

describe('Occitanie 2019-2023 — fixtures par catégorie', () => {
  const expected: Record<string, string[]> = {
    'chu.yaml': ['socle', 'annexe-orientations-strategiques', 'annexe-cooperations-territoriales', 'annexe-reconnaissances-contractuelles', 'annexe-financements', 'annexe-permanence-soins'],
    'hopital-proximite.yaml': ['socle', 'annexe-orientations-strategiques', 'annexe-cooperations-territoriales', 'annexe-reconnaissances-contractuelles', 'annexe-financements', 'annexe-permanence-soins'],
    'clinique-ssr-monoactivite.yaml': ['socle', 'annexe-orientations-strategiques', 'annexe-cooperations-territoriales', 'annexe-financements'],
    'cabinet-radiologie-eml.yaml': ['socle', 'annexe-orientations-strategiques', 'annexe-cooperations-territoriales'],
    'laboratoire-amp-dpn.yaml': ['socle', 'annexe-orientations-strategiques', 'annexe-cooperations-territoriales', 'annexe-financements'],
  };

  it('covers every fixture of the folder', () => {
    expect(readdirSync(GOOD).filter((f) => f.endsWith('.yaml')).sort()).toEqual(Object.keys(expected).sort());
  });

  it.each(Object.entries(expected))('%s : conforme, annexes attendues, document construit', (file, docs) => {
    const c = loadContractFile(GOOD + file);
    if (!c.ok) throw new Error(c.diagnostics.map((d) => d.message).join('; '));
    expect([...c.warnings, ...checkContract(model, c.value)].map((d) => `${d.code} ${d.message}`)).toEqual([]);
    expect(applicableDocuments(model, c.value)).toEqual(docs);
    const built = buildDocumentSet(model, c.value);
    if (!built.ok) throw new Error(built.diagnostics.map((d) => `${d.dataPath ?? ''} ${d.message}`).join('; '));
    expect(built.value.documents.map((d) => d.id)).toEqual(docs);
  });
});
