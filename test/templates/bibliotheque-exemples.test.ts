// A scaffolded library starts with example contracts for its new model (so the atelier has
// something to preview), and a library-level _avenant/ is the avenant wording of the library's
// models (between a model's own files and the engine's), as its _mentions.yaml is.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { examplePath } from '../../src/atelier/library.ts';
import { startAtelier } from '../../src/atelier/server.ts';
import { Workshop } from '../../src/atelier/workshop.ts';
import { demoContracts } from '../../src/cli/commands/demo.ts';
import { TEMPLATES_ROOT } from '../../src/templates/library.ts';
import { loadModel } from '../../src/templates/load.ts';
import { scaffoldModel } from '../../src/templates/scaffold.ts';
import { sameOrigin } from '../atelier/helpers.ts';
import { files } from '../helpers/cli.ts';
import { hasPoppler, pdfText } from '../helpers/poppler.ts';

const ID = 'ars-bretagne-2026';
let base: string;
let library: string;

beforeAll(() => {
  base = realpathSync(mkdtempSync(join(tmpdir(), 'cpom-bib-exemples-')));
  library = join(base, 'bib');
  const r = scaffoldModel({ source: 'idf-2021', target: library, id: ID, famille: 'bretagne', region: 'Bretagne', examples: demoContracts() });
  expect(r.ok, r.ok ? '' : JSON.stringify(r.diagnostics)).toBe(true);
}, 60_000);
afterAll(() => rmSync(base, { recursive: true, force: true }));

describe('cpom modeles nouveau: example contracts', () => {
  it('copies the source model’s examples, pointed at the new model and agency', () => {
    const examples = files(library).filter((f) => f.startsWith('_exemples/'));
    // The idf-2021 fixtures, not those of the other models.
    const expected = demoContracts()
      .filter((f) => /^modele: idf-2021$/m.test(readFileSync(f, 'utf8')))
      .map((f) => `_exemples/${f.split('/').pop()}`);
    expect(expected.length).toBeGreaterThan(0);
    expect(examples).toEqual(expected.sort());
    const text = readFileSync(join(library, '_exemples', 'clinique-privee.yaml'), 'utf8');
    expect(text).toMatch(/^modele: "ars-bretagne-2026"$/m);
    expect(text).toMatch(/^ {2}nom: "Agence Régionale de Santé Bretagne"$/m);
    expect(text).not.toContain('idf-2021\n');
  });

  it('the atelier lists them and previews one with the new model', async () => {
    const atelier = await startAtelier({ root: library, port: 0 });
    try {
      const etat = (await (await fetch(`${atelier.url}api/etat`, { headers: sameOrigin(atelier.url, false) })).json()) as { contrats: { chemin: string; modele: string | null }[] };
      expect(etat.contrats).toContainEqual({ chemin: '_exemples/clinique-privee.yaml', modele: ID });
    } finally {
      await atelier.close();
    }
    const preview = await new Workshop(library).render(ID, examplePath(library, '_exemples/clinique-privee.yaml'));
    expect(preview.errors).toEqual([]);
    expect(preview.pages).toBeGreaterThan(0);
    if (hasPoppler()) expect(pdfText(Buffer.from(preview.pdf!)).replace(/\s+/g, ' ')).toContain('Agence Régionale de Santé Bretagne');
  }, 120_000);
});

describe('avenant wording of a library', () => {
  const NAME = 'cloture';
  const engineText = () => readFileSync(join(TEMPLATES_ROOT, '_avenant', `${NAME}.md`), 'utf8');

  it('the engine’s _avenant/ is not copied into a new library (it is found by fallback)', () => {
    expect(files(library).filter((f) => f.startsWith('_avenant/'))).toEqual([]);
    const m = loadModel(join(library, ID));
    expect(m.ok).toBe(true);
    if (m.ok) expect(m.value.avenant[NAME]).toMatchObject({ origin: 'commun', file: join(TEMPLATES_ROOT, '_avenant', `${NAME}.md`) });
  });

  it('a library-level _avenant/ overrides the engine’s for its models; a model’s own file overrides both', () => {
    const lib = join(base, 'avenant');
    cpSync(library, lib, { recursive: true });
    const before = loadModel(join(lib, ID));
    mkdirSync(join(lib, '_avenant'));
    const libFile = join(lib, '_avenant', `${NAME}.md`);
    writeFileSync(libFile, `${engineText()}\nTexte de l’agence.\n`);
    const after = loadModel(join(lib, ID));
    expect(before.ok && after.ok, after.ok ? '' : JSON.stringify(after.diagnostics)).toBe(true);
    if (!before.ok || !after.ok) return;
    expect(after.value.avenant[NAME]).toMatchObject({ origin: 'bibliotheque', file: libFile });
    expect(after.value.shared).toContain(libFile);
    expect(after.value.hash).not.toBe(before.value.hash);

    mkdirSync(join(lib, ID, '_avenant'));
    const own = join(lib, ID, '_avenant', `${NAME}.md`);
    writeFileSync(own, engineText());
    const mine = loadModel(join(lib, ID));
    expect(mine.ok).toBe(true);
    if (mine.ok) expect(mine.value.avenant[NAME]).toMatchObject({ origin: 'modele', file: own });
  });

  it('the consolidated version’s labels follow the same order: model, library, engine — label by label', () => {
    const lib = join(base, 'libelles');
    cpSync(library, lib, { recursive: true });
    mkdirSync(join(lib, '_avenant'));
    const libFile = join(lib, '_avenant', 'version-consolidee.yaml');
    writeFileSync(libFile, 'mention: "Version à jour (agence) de {{ consolidation.avenants }} avenant(s)"\nnote: "Note de l’agence."\n');
    mkdirSync(join(lib, ID, '_avenant'));
    const own = join(lib, ID, '_avenant', 'version-consolidee.yaml');
    writeFileSync(own, 'note: "Note du modèle."\n');
    const m = loadModel(join(lib, ID));
    expect(m.ok, m.ok ? '' : JSON.stringify(m.diagnostics)).toBe(true);
    if (!m.ok) return;
    expect(m.value.consolidation.mention).toMatchObject({ origin: 'bibliotheque', file: libFile });
    expect(m.value.consolidation.note).toMatchObject({ origin: 'modele', file: own });
    expect(m.value.consolidation['elements.engagement']).toMatchObject({ origin: 'commun' });
  });

  it('an unknown file in a library-level _avenant/ is an error naming it', () => {
    const lib = join(base, 'avenant-faute');
    cpSync(library, lib, { recursive: true });
    mkdirSync(join(lib, '_avenant'));
    writeFileSync(join(lib, '_avenant', 'clotur.md'), engineText());
    const m = loadModel(join(lib, ID));
    expect(m.ok).toBe(false);
    if (!m.ok) expect(m.diagnostics.map((d) => d.message).join('\n')).toContain('texte d’avenant inconnu « _avenant/clotur.md » (bibliothèque');
  });
});
