// A model cannot read outside itself: every file it reads (manifest, documents, fragments) is a
// regular file of its library, reached without any symbolic link, and of bounded size. Each
// refusal is an error of `verifier`, placed on the `inclure` line or the manifest entry.
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';
import { plainSpaces } from '../helpers/cli.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { MAX_MODEL_FILE_BYTES } from '../../src/io/confine.ts';
import { hashModel, loadModel, TEMPLATES_ROOT } from '../../src/templates/load.ts';

const SECRET = 'CONTENU-HORS-DU-MODELE';

/**
 * A copy of dgos-2012 in a library folder of its own (a model given by its path reads in its
 * parent folder), next to which lies a file that is not part of any library.
 */
function copy(): { root: string; model: string; secret: string } {
  const root = mkdtempSync(join(tmpdir(), 'cpom-confinement-'));
  const model = join(root, 'bibliotheque', 'dgos-copie');
  cpSync(join(TEMPLATES_ROOT, 'dgos-2012'), model, { recursive: true });
  const secret = join(root, 'secret.md');
  writeFileSync(secret, `${SECRET}\n`);
  return { root, model, secret };
}

/** Appends an include to the socle; returns its 1-based line. */
function includeInSocle(model: string, name: string): number {
  const socle = join(model, 'socle.md');
  const lines = readFileSync(socle, 'utf8').split('\n').length;
  appendFileSync(socle, `{% inclure "${name}" %}\n`);
  return lines;
}

function setFichier(model: string, doc: string, fichier: string): number {
  const file = join(model, 'modele.yaml');
  const text = readFileSync(file, 'utf8');
  const from = `fichier: ${doc}\n`;
  expect(text).toContain(from);
  writeFileSync(file, text.replace(from, `fichier: "${fichier}"\n`));
  return text.slice(0, text.indexOf(from)).split('\n').length;
}

function errors(dir: string): Diagnostic[] {
  const r = loadModel(dir);
  expect(r.ok, dir).toBe(false);
  if (r.ok) return [];
  expect(JSON.stringify(r.diagnostics)).not.toContain(SECRET);
  return r.diagnostics.filter((d) => d.severity === 'erreur');
}

describe('un modèle ne lit que dans sa bibliothèque', () => {
  it('loads a copy of a model outside templates/, its own fragments included', () => {
    const { model } = copy();
    const r = loadModel(model);
    expect(r.ok ? [] : r.diagnostics).toEqual([]);
  });

  it('refuses an include through a symbolic link pointing outside, at the inclure line', () => {
    const { model, secret } = copy();
    symlinkSync(secret, join(model, '_lien.md'));
    const line = includeInSocle(model, '_lien.md');
    const d = errors(model);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'DSL-INCLURE', span: { file: join(model, 'socle.md'), start: { line, column: 1 } } });
    expect(d[0]!.message).toContain('« _lien.md »');
    expect(d[0]!.message).toContain('lien symbolique');
  });

  it('refuses a symbolic link even to a file of the model, and a linked folder on the way', () => {
    const { model, root } = copy();
    symlinkSync(join(model, '_commun-objectifs.md'), join(model, '_meme.md'));
    includeInSocle(model, '_meme.md');
    mkdirSync(join(root, 'ailleurs'));
    writeFileSync(join(root, 'ailleurs', '_frag.md'), SECRET);
    symlinkSync(join(root, 'ailleurs'), join(model, 'sous-dossier'));
    includeInSocle(model, 'sous-dossier/_frag.md');
    const d = errors(model);
    expect(d.map((x) => x.code)).toEqual(['DSL-INCLURE', 'DSL-INCLURE']);
    for (const x of d) expect(x.message).toContain('lien symbolique');
  });

  it('refuses an include that climbs out of the library', () => {
    const { model } = copy();
    includeInSocle(model, '../../secret.md');
    const d = errors(model);
    expect(d.map((x) => x.code)).toEqual(['DSL-INCLURE']);
    expect(d[0]!.message).toContain('sort de la bibliothèque');
  });

  it('refuses a manifest document outside the model, at its manifest entry', () => {
    for (const fichier of ['../../secret.md', '../../../../../../../../etc/passwd']) {
      const { model } = copy();
      const line = setFichier(model, 'socle.md', fichier);
      const d = errors(model);
      expect(d.map((x) => x.code), fichier).toEqual(['MODELE-FICHIER']);
      expect(d[0]!.span, fichier).toMatchObject({ file: join(model, 'modele.yaml'), start: { line } });
      expect(d[0]!.message).toContain('sort de la bibliothèque');
    }
  });

  it('refuses a manifest document that is a symbolic link, or not a regular file', () => {
    const { model, secret } = copy();
    symlinkSync(secret, join(model, 'lien.md'));
    setFichier(model, 'socle.md', 'lien.md');
    mkdirSync(join(model, 'dossier.md'));
    setFichier(model, 'annexe-02.md', 'dossier.md');
    const d = errors(model);
    expect(d.map((x) => [x.code, x.span?.start.line !== undefined])).toEqual([
      ['MODELE-FICHIER', true],
      ['MODELE-FICHIER', true],
    ]);
    expect(d[0]!.message).toContain('lien symbolique');
    expect(d[1]!.message).toContain('n’est pas un fichier ordinaire');
  });

  it('refuses a manifest that is a symbolic link', () => {
    const { model, root } = copy();
    const other = join(root, 'autre');
    mkdirSync(other);
    cpSync(join(model, 'modele.yaml'), join(other, 'modele.yaml'));
    const fresh = join(root, 'lie');
    cpSync(model, fresh, { recursive: true, filter: (src) => !src.endsWith('modele.yaml') });
    symlinkSync(join(other, 'modele.yaml'), join(fresh, 'modele.yaml'));
    const d = errors(fresh);
    expect(d.map((x) => x.code)).toEqual(['MODELE-FICHIER']);
    expect(d[0]!.message).toContain('lien symbolique');
  });

  it('bounds the size of a file it reads', () => {
    const { model } = copy();
    writeFileSync(join(model, '_enorme.md'), 'x'.repeat(MAX_MODEL_FILE_BYTES + 1));
    const line = includeInSocle(model, '_enorme.md');
    const d = errors(model);
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ code: 'DSL-INCLURE', span: { start: { line } } });
    expect(d[0]!.message).toContain('Mio');
  });

  it('does not follow a symbolic link of its folder when fingerprinting it', () => {
    const { model, secret } = copy();
    symlinkSync(secret, join(model, 'lien-inutilise.md'));
    const before = hashModel(model, new Set());
    writeFileSync(secret, 'autre contenu');
    expect(hashModel(model, new Set())).toBe(before);
  });

  it('verifier: exit 1 with the file and line of the inclure, nothing of the target printed', async () => {
    const { model, secret } = copy();
    symlinkSync(secret, join(model, '_lien.md'));
    const line = includeInSocle(model, '_lien.md');
    let out = '';
    let err = '';
    const code = await main(['verifier', model], (s) => (out += plainSpaces(s)), (s) => (err += plainSpaces(s)));
    expect(code).toBe(1);
    expect(err).toContain(`socle.md:${line}:1 : erreur [DSL-INCLURE] : inclusion refusée : « _lien.md » passe par un lien symbolique`);
    expect(err).toContain(': 1 erreur(s).');
    expect(err + out).not.toContain(SECRET);
  });

  it('generer: exit 1 and no file written for a contract of a model that reads outside itself', async () => {
    const { model, root } = copy();
    setFichier(model, 'socle.md', '../../secret.md');
    const data = join(root, 'contrat.yaml');
    const fixture = readFileSync('fixtures/dgos/clinique-privee-chirurgie.yaml', 'utf8');
    expect(fixture).toMatch(/^modele: dgos-2012$/m);
    writeFileSync(data, fixture.replace(/^modele: dgos-2012$/m, `modele: "${model}"`));
    const sortie = join(root, 'sortie');
    let err = '';
    const code = await main(['generer', data, '--sortie', sortie], () => {}, (s) => (err += plainSpaces(s)));
    expect(code).toBe(1);
    expect(err).toContain('sort de la bibliothèque');
    expect(err).not.toContain(SECRET);
    expect(existsSync(sortie) ? readdirSync(sortie, { recursive: true }) : []).toEqual([]);
  });
});
