// A model's fingerprint (manifest.json, --reprendre) covers the shared fragments it includes.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { hashModel, loadModel } from '../../src/templates/load.ts';

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

  it('counts templates/idf-commun in the Île-de-France models', () => {
    for (const id of ['idf-2019', 'idf-2021']) {
      const m = loadModel(id);
      if (!m.ok) throw new Error(id);
      expect(m.value.hash, id).not.toBe(hashModel(m.value.dir, new Set()));
    }
    const dgos = loadModel('dgos-2012');
    if (!dgos.ok) throw new Error('dgos-2012');
    expect(dgos.value.hash).toBe(hashModel(dgos.value.dir, new Set()));
  });
});
