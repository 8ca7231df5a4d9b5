// A model's fingerprint (manifest.json, --reprendre) covers the shared fragments it includes.
import { mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashModel, loadModel, TEMPLATES_ROOT } from '../../src/templates/load.ts';
import { MENTIONS_FILE } from '../../src/templates/mentions.ts';
import { AVENANT_DIR } from '../../src/templates/avenant-wording.ts';

describe('empreinte d’un modèle', () => {
  it('changes with an included fragment outside the model folder, not with other files', () => {
    const root = mkdtempSync(join(tmpdir(), 'cpom-empreinte-'));
    const model = join(root, 'modele');
    const shared = join(root, 'commun');
    mkdirSync(model);
    mkdirSync(shared);
    writeFileSync(join(model, 'socle.md'), '# Socle');
    writeFileSync(join(shared, '_visas.md'), 'Vu le code de la santé publique ;');
    writeFileSync(join(shared, '_autre.md'), 'non inclus');
    const included = new Set([join(shared, '_visas.md')]);
    const before = hashModel(model, included);
    writeFileSync(join(shared, '_autre.md'), 'non inclus, modifié');
    expect(hashModel(model, included)).toBe(before);
    writeFileSync(join(shared, '_visas.md'), 'Vu le code de la santé publique, modifié ;');
    expect(hashModel(model, included)).not.toBe(before);
  });

  it('does not depend on where the templates are installed', () => {
    const make = (base: string) => {
      mkdirSync(join(base, 'modele'), { recursive: true });
      mkdirSync(join(base, 'commun'), { recursive: true });
      writeFileSync(join(base, 'modele', 'socle.md'), '# Socle');
      writeFileSync(join(base, 'commun', '_visas.md'), 'Vu ;');
      return hashModel(join(base, 'modele'), new Set([join(base, 'commun', '_visas.md')]));
    };
    const root = mkdtempSync(join(tmpdir(), 'cpom-empreinte-'));
    expect(make(join(root, 'a'))).toBe(make(join(root, 'plus', 'profond', 'b')));
  });

  it('counts templates/idf-commun in the Île-de-France models', () => {
    for (const id of ['idf-2019', 'idf-2021']) {
      const m = loadModel(id);
      if (!m.ok) throw new Error(id);
      expect(m.value.hash, id).not.toBe(hashModel(m.value.dir, new Set()));
    }
    const dgos = loadModel('dgos-2012');
    if (!dgos.ok) throw new Error('dgos-2012');
    // Every model counts the shared mentions (templates/_mentions.yaml) and the shared avenant
    // wording (templates/_avenant, where the model does not override it), nothing else outside its folder.
    expect(dgos.value.hash).not.toBe(hashModel(dgos.value.dir, new Set()));
    expect(dgos.value.hash).not.toBe(hashModel(dgos.value.dir, new Set([join(TEMPLATES_ROOT, MENTIONS_FILE)])));
    const wording = readdirSync(join(TEMPLATES_ROOT, AVENANT_DIR)).map((f) => join(TEMPLATES_ROOT, AVENANT_DIR, f));
    expect(dgos.value.hash).toBe(hashModel(dgos.value.dir, new Set([join(TEMPLATES_ROOT, MENTIONS_FILE), ...wording])));
  });
});
