// The model the contract was produced under (issue 11, item 13): `consolider` and `comparer`
// compare the model fingerprint recorded by `cpom generer` (or given by --signe-sous) with
// today's model; when it changed, they say so loudly on stderr and every document they write
// carries the mention of templates/_mentions.yaml (modele_modifie). Never a silent re-render.
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runComparer, runConsolider } from '../../src/cli/commands/avenant.ts';
import { runGenerer } from '../../src/cli/commands/generer.ts';
import { docxParts, part } from '../docx/parts.ts';
import { FIXTURES } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'cpom-signe-sous-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const F = join(FIXTURES, 'idf-2021');
const contrat = join(F, 'contrat.yaml');
const avenants = [1, 2, 3].map((n) => join(F, `avenant-${n}.yaml`));
const sortie = join(dir, 'out');
const folder = join(sortie, 'contrat');

/** Captured output; French no-break spaces read as spaces. */
function io() {
  const out: string[] = [];
  const err: string[] = [];
  const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
  return { out, err, o: (s: string) => out.push(plain(s)), e: (s: string) => err.push(plain(s)) };
}

/** Plain text of a written DOCX (spaces of every kind as one). */
const docxBody = (f: string) =>
  part(docxParts(readFileSync(f)), 'word/document.xml')
    .replace(/<w:delText[^>]*>.*?<\/w:delText>/g, '')
    .replace(/<[^>]+>/g, '')
    .replace(/[\u00a0\u202f]/g, ' ');

/** A copy of the generer manifest as if the contract had been produced under another model. */
function olderManifest(name: string, change: (m: { modele: { version: number; empreinte: string }; contrat: { finess_ej: string } }) => void = () => {}): string {
  const m = JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8'));
  m.modele = { ...m.modele, version: 0, empreinte: 'a'.repeat(64) };
  change(m);
  const f = join(dir, name);
  writeFileSync(f, JSON.stringify(m, null, 2));
  return f;
}

beforeAll(async () => {
  const t = io();
  expect(await runGenerer([contrat, '--sortie', sortie], t.o, t.e)).toBe(0);
});

describe('modèle sous lequel le contrat a été produit', () => {
  it('ne dit rien quand le modèle est celui du manifeste de « cpom generer »', async () => {
    const t = io();
    expect(await runConsolider([contrat, ...avenants, '--sortie', sortie], t.o, t.e)).toBe(0);
    expect(t.err.join('\n')).not.toMatch(/ATTENTION|impossible de vérifier/);
    expect(docxBody(join(folder, 'version-consolidee-3', 'contrat-version-consolidee-3-dossier-complet.docx'))).not.toContain('a changé depuis');
  });

  it('signale un modèle changé, en console et dans chaque document consolidé', async () => {
    const t = io();
    const signe = olderManifest('signe.json');
    expect(await runConsolider([contrat, ...avenants, '--sortie', sortie, '--signe-sous', signe], t.o, t.e)).toBe(0);
    const err = t.err.join('\n');
    expect(err).toContain('ATTENTION : le modèle « idf-2021 » a changé depuis la production du contrat signé (version 0, empreinte aaaaaaaaaaaa ; aujourd’hui version 1');
    for (const f of ['01-socle.docx', '02-annexe-1-engagements.docx']) {
      const text = docxBody(join(folder, 'version-consolidee-3', f));
      expect(text).toContain('Attention : le modèle « idf-2021 » a changé depuis la production du contrat signé (version 0, empreinte aaaaaaaaaaaa');
      expect(text).toContain('La présente version consolidée est établie avec le modèle actuel');
    }
  });

  it('le signale aussi dans la comparaison', async () => {
    const t = io();
    const signe = olderManifest('signe-2.json');
    expect(await runComparer([contrat, ...avenants, '--de', '0', '--a', '1', '--sortie', sortie, '--signe-sous', signe], t.o, t.e)).toBe(0);
    expect(t.err.join('\n')).toContain('ATTENTION : le modèle « idf-2021 » a changé');
    expect(docxBody(join(folder, 'comparaison-0-1', 'contrat-comparaison-0-1-dossier-complet.docx'))).toContain('les changements de rédaction du modèle n’apparaissent pas comme des modifications');
  });

  it('lit par défaut le manifest.json du dossier du contrat', async () => {
    const t = io();
    const own = join(folder, 'manifest.json');
    const saved = readFileSync(own);
    try {
      writeFileSync(own, readFileSync(olderManifest('signe-3.json')));
      expect(await runComparer([contrat, ...avenants, '--de', '1', '--a', '2', '--sortie', sortie], t.o, t.e)).toBe(0);
      expect(t.err.join('\n')).toContain(`d’après ${own}`);
    } finally {
      writeFileSync(own, saved);
    }
  });

  it('dit qu’il n’a pas pu vérifier quand aucun manifeste n’enregistre le modèle', async () => {
    const t = io();
    expect(await runConsolider([contrat, ...avenants, '--jusqu-a', '1', '--sortie', join(dir, 'vide')], t.o, t.e)).toBe(0);
    expect(t.err.join('\n')).toContain('impossible de vérifier que le modèle n’a pas changé depuis la production du contrat signé (indiquez --signe-sous <manifest.json>)');
  });

  it('refuse le manifeste d’un autre contrat ou un fichier absent, sans rien écrire', async () => {
    const other = olderManifest('autre.json', (m) => void (m.contrat.finess_ej = '750000001'));
    for (const [arg, why] of [
      [other, 'ce manifeste est celui d’un autre contrat (FINESS EJ 750000001'],
      [join(dir, 'absent.json'), 'fichier introuvable'],
    ] as const) {
      const t = io();
      const out = join(dir, `refus-${why.length}`);
      expect(await runConsolider([contrat, ...avenants, '--sortie', out, '--signe-sous', arg], t.o, t.e)).toBe(1);
      expect(t.err.join('\n')).toContain(why);
      expect(existsSync(out)).toBe(false);
    }
  });
});
