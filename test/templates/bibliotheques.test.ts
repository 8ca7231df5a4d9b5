// Model libraries outside the engine: an agency scaffolds its own region's model from a shipped
// one (`cpom modeles nouveau`), keeps it in its own folder, names that folder with --modeles or
// CPOM_MODELES, and produces contracts with it. The library is the confinement root of its
// models; a model id defined by two libraries is refused, never shadowed.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCampaign } from '../../src/batch/runner.ts';
import { demoContracts } from '../../src/cli/commands/demo.ts';
import { resolveLibraries } from '../../src/templates/library.ts';
import { loadModel, TEMPLATES_ROOT } from '../../src/templates/load.ts';
import { ManifestSchema } from '../../src/templates/manifest.ts';
import { cpom, files } from '../helpers/cli.ts';
import { hasPoppler, pdfText } from '../helpers/poppler.ts';

const REGION = 'Contrat conclu dans le ressort de l’ARS Bretagne.';
const ID = 'ars-bretagne-2026';

let base: string;
let library: string;
let contract: string;

/** The shipped IDF fixture, pointed at the new model. */
function contractFor(dir: string, modele: string): string {
  const text = readFileSync('fixtures/idf/clinique-privee.yaml', 'utf8');
  expect(text).toMatch(/^modele: idf-2021$/m);
  const file = join(dir, 'clinique-bretagne.yaml');
  writeFileSync(file, text.replace(/^modele: idf-2021$/m, `modele: ${modele}`));
  return file;
}

beforeAll(async () => {
  base = mkdtempSync(join(tmpdir(), 'cpom-bibliotheques-'));
  library = join(base, 'modeles-ars-bretagne');
  const r = await cpom('modeles', 'nouveau', 'idf-2021', library, '--id', ID, '--famille', 'bretagne', '--region', 'Bretagne');
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  expect(r.out).toContain('Étapes suivantes');
  // The region's own wording, in a document of its own model.
  appendFileSync(join(library, ID, 'socle.md'), `\n${REGION}\n`);
  contract = contractFor(base, ID);
}, 120_000);

afterEach(() => {
  delete process.env.CPOM_MODELES;
});

describe('cpom modeles nouveau', () => {
  it('copies the model, the shared fragments it includes and the sources it cites; new identity, new family', () => {
    const all = files(library);
    expect(all).toContain(`${ID}/modele.yaml`);
    expect(all).toContain('idf-commun/_parties.md');
    expect(all).toContain('_sources/004_ec60fe0b7b5a9c75.txt');
    expect(all.some((f) => f.startsWith('idf-2021/'))).toBe(false);
    const text = readFileSync(join(library, ID, 'modele.yaml'), 'utf8');
    expect(text).toMatch(/^id: "ars-bretagne-2026"$/m);
    expect(text).toMatch(/^famille: "bretagne"$/m);
    expect(text).toMatch(/^version: 1$/m);
    expect(text).toContain('ARS Bretagne, dérivé du modèle « idf-2021 »');
    // The rest of the manifest is the source's text, comments and line breaks included.
    const source = readFileSync(join(TEMPLATES_ROOT, 'idf-2021', 'modele.yaml'), 'utf8');
    expect(text.split('\n').slice(-200)).toEqual(source.split('\n').slice(-200));
  });

  it('refuses to overwrite an existing folder, and writes nothing', async () => {
    const target = join(base, 'existe');
    mkdirSync(target);
    writeFileSync(join(target, 'a-moi.txt'), 'x');
    const r = await cpom('modeles', 'nouveau', 'idf-2021', target, '--id', 'autre-2026', '--famille', 'autre');
    expect(r.code).toBe(1);
    expect(r.err).toContain('existe déjà');
    expect(files(target)).toEqual(['a-moi.txt']);
  });

  it('refuses a family that is not an identifier', async () => {
    const r = await cpom('modeles', 'nouveau', 'idf-2021', join(base, 'mauvais'), '--id', 'x-2026', '--famille', 'Bretagne Nord');
    expect(r.code).toBe(1);
    expect(r.err).toContain('--famille « Bretagne Nord »');
    expect(existsSync(join(base, 'mauvais'))).toBe(false);
  });
});

describe('a library outside the engine', () => {
  it('verifies with --modeles (its model reads its sibling idf-commun/)', async () => {
    const r = await cpom('verifier', '--modeles', library);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`${ID} : modèle valide`);
  });

  it('a model given by its folder reads in its parent folder: a copy of templates/ verifies', () => {
    const copy = join(base, 'copie-du-moteur');
    mkdirSync(copy);
    for (const d of ['idf-2021', 'idf-commun']) cpSync(join(TEMPLATES_ROOT, d), join(copy, d), { recursive: true });
    const m = loadModel(join(copy, 'idf-2021'));
    expect(m.ok ? [] : m.diagnostics).toEqual([]);
    expect(m.ok && m.value.library.root).toBe(copy);
  });

  it('an unknown id is not found without the library', async () => {
    const r = await cpom('generer', contract, '--sortie', join(base, 'sans'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`modèle introuvable « ${ID} »`);
  });

  it.runIf(hasPoppler())('generates DOCX and PDF through --modeles and through CPOM_MODELES', async () => {
    for (const how of ['option', 'environnement'] as const) {
      const sortie = join(base, `sortie-${how}`);
      const args = ['generer', contract, '--format', 'tout', '--sortie', sortie];
      if (how === 'option') args.push('--modeles', library);
      else process.env.CPOM_MODELES = library;
      const r = await cpom(...args);
      expect(r.code, r.err).toBe(0);
      const pdf = readFileSync(join(sortie, 'clinique-bretagne', '01-socle.pdf'));
      expect(pdfText(pdf).replace(/\s+/g, ' ')).toContain(REGION.replace(/\s+/g, ' '));
      const manifest = JSON.parse(readFileSync(join(sortie, 'clinique-bretagne', 'manifest.json'), 'utf8')) as { modele: { id: string; empreinte: string } };
      expect(manifest.modele.id).toBe(ID);
    }
  }, 120_000);

  it('renders a campaign in worker threads with the library (and its fingerprint follows the agency’s edits)', async () => {
    const campagne = join(base, 'campagne');
    mkdirSync(campagne);
    contractFor(campagne, ID);
    const libs = resolveLibraries([library], undefined);
    expect(libs.ok).toBe(true);
    if (!libs.ok) return;
    const sortie = join(base, 'sortie-campagne');
    const r = await runCampaign({ entree: campagne, sortie, formats: ['pdf'], jobs: 1, reprendre: false, libraries: libs.value });
    expect(r.manifest.contrats.map((c) => [c.statut, c.erreurs])).toEqual([['ok', []]]);
    const before = loadModel(ID, { libraries: libs.value });
    appendFileSync(join(library, 'idf-commun', '_parties.md'), '\n');
    const after = loadModel(ID, { libraries: libs.value });
    expect(before.ok && after.ok).toBe(true);
    if (before.ok && after.ok) expect(after.value.hash).not.toBe(before.value.hash);
  }, 120_000);
});

describe('confinement to the library', () => {
  function library2(): string {
    const lib = join(mkdtempSync(join(tmpdir(), 'cpom-bib-confine-')), 'bib');
    cpSync(library, lib, { recursive: true });
    writeFileSync(join(lib, '..', 'secret.md'), 'SECRET-HORS-BIBLIOTHEQUE\n');
    return lib;
  }

  it('refuses an include climbing out of the library, at its file:line, in French', async () => {
    const lib = library2();
    const socle = join(lib, ID, 'socle.md');
    const line = readFileSync(socle, 'utf8').split('\n').length;
    appendFileSync(socle, '{% inclure "../../secret.md" %}\n');
    const r = await cpom('verifier', '--modeles', lib);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`socle.md:${line}:1 : erreur [DSL-INCLURE] : inclusion refusée : « ../../secret.md » sort de la bibliothèque de modèles (${lib})`);
    expect(r.err).not.toContain('SECRET-HORS-BIBLIOTHEQUE');
  });

  it('refuses an include through a symbolic link, even inside the library', async () => {
    const lib = library2();
    symlinkSync(join(lib, 'idf-commun'), join(lib, 'commun-lien'));
    const socle = join(lib, ID, 'socle.md');
    const line = readFileSync(socle, 'utf8').split('\n').length;
    appendFileSync(socle, '{% inclure "../commun-lien/_parties.md" %}\n');
    const r = await cpom('verifier', '--modeles', lib);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`socle.md:${line}:1 : erreur [DSL-INCLURE] : inclusion refusée : « ../commun-lien/_parties.md » passe par un lien symbolique`);
  });
});

describe('several libraries', () => {
  it('refuses one model id defined by two libraries, naming both folders', async () => {
    const other = join(base, 'autre-agence');
    mkdirSync(other);
    cpSync(join(library, ID), join(other, ID), { recursive: true });
    const r = await cpom('generer', contract, '--modeles', library, '--modeles', other, '--sortie', join(base, 'doublon'));
    expect(r.code).toBe(1);
    expect(r.err).toContain(`le modèle « ${ID} » est défini deux fois : dans ${library} (--modeles) et dans ${other} (--modeles)`);
    expect(files(join(base, 'doublon'))).toEqual([]);
  });

  it('refuses a library shadowing a shipped model id', () => {
    const shadow = join(base, 'ombre');
    mkdirSync(shadow);
    cpSync(join(TEMPLATES_ROOT, 'dgos-2012'), join(shadow, 'dgos-2012'), { recursive: true });
    const r = resolveLibraries([], shadow);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.diagnostics[0]!.message).toContain(`le modèle « dgos-2012 » est défini deux fois : dans ${shadow} (CPOM_MODELES) et dans ${resolve(TEMPLATES_ROOT)} (bibliothèque du moteur)`);
  });

  it('refuses a library folder that does not exist', async () => {
    const r = await cpom('modeles', '--modeles', join(base, 'absente'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('bibliothèque de modèles introuvable');
  });
});

describe('famille is the manifest’s, not a closed list', () => {
  it('accepts a new family and refuses a malformed one', () => {
    const m = loadModel(ID, { libraries: [{ root: library, origin: 'option' }] });
    expect(m.ok && m.value.manifest.famille).toBe('bretagne');
    const base = loadModel('idf-2021');
    if (!base.ok) throw new Error('idf-2021');
    const bad = ManifestSchema.safeParse({ ...base.value.manifest, famille: 'Bretagne!' });
    expect(bad.success).toBe(false);
  });

  it('the demo’s example folders are the families the shipped manifests declare', () => {
    expect([...new Set(demoContracts().map((f) => basename(dirname(f))))].sort()).toEqual(['dgos', 'idf', 'occitanie']);
  });

  it('the library’s own _mentions.yaml replaces the engine’s', () => {
    const lib = join(mkdtempSync(join(tmpdir(), 'cpom-bib-mentions-')), 'bib');
    cpSync(library, lib, { recursive: true });
    const engine = readFileSync(join(TEMPLATES_ROOT, '_mentions.yaml'), 'utf8');
    const libraries = [{ root: lib, origin: 'option' as const }];
    const before = loadModel(ID, { libraries });
    writeFileSync(join(lib, '_mentions.yaml'), engine.replace('mention: "Texte reconstitué — à valider', 'mention: "Texte breton — à valider'));
    const after = loadModel(ID, { libraries });
    expect(before.ok && after.ok).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(after.value.shared).toContain(join(lib, '_mentions.yaml'));
    expect(before.value.shared).toContain(join(TEMPLATES_ROOT, '_mentions.yaml'));
    expect(after.value.hash).not.toBe(before.value.hash);
  });
});
