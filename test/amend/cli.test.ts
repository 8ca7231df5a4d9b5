import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HELP_COMPARER, runAvenant, runComparer, runConsolider } from '../../src/cli/commands/avenant.ts';
import { UsageError } from '../../src/cli/args.ts';
import { FIXTURES } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'cpom-cli-avenant-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const F = join(FIXTURES, 'occitanie-2019');
const contrat = join(F, 'contrat.yaml');
const avenants = [3, 1, 2].map((n) => join(F, `avenant-${n}.yaml`));

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, o: (s: string) => out.push(s), e: (s: string) => err.push(s) };
}

describe('cpom avenant / consolider / comparer', () => {
  it('produit les documents de chaque avenant', async () => {
    const t = io();
    const sortie = join(dir, 'a');
    expect(await runAvenant([contrat, ...avenants, '--sortie', sortie], t.o, t.e)).toBe(0);
    expect(readdirSync(join(sortie, 'contrat')).sort()).toEqual(['avenant-1', 'avenant-2', 'avenant-3']);
    expect(readdirSync(join(sortie, 'contrat', 'avenant-3'))).toContain('contrat-avenant-3-dossier-complet.docx');
  });

  it('consolide à une date : les avenants en vigueur ce jour-là', async () => {
    const t = io();
    const sortie = join(dir, 'c');
    expect(await runConsolider([contrat, ...avenants, '--date', '2021-12-31', '--sortie', sortie], t.o, t.e)).toBe(0);
    expect(readdirSync(join(sortie, 'contrat'))).toEqual(['version-consolidee-2']);
  });

  it('compare deux versions', async () => {
    const t = io();
    const sortie = join(dir, 'r');
    expect(await runComparer([contrat, ...avenants, '--de', '0', '--a', '2', '--sortie', sortie], t.o, t.e)).toBe(0);
    expect(existsSync(join(sortie, 'contrat', 'comparaison-0-2', 'contrat-comparaison-0-2-dossier-complet.docx'))).toBe(true);
  });

  it('n’écrit rien quand un avenant est invalide, et le dit en français', async () => {
    const t = io();
    const sortie = join(dir, 'bad');
    const code = await runConsolider([contrat, avenants[1]!, avenants[0]!, '--sortie', sortie], t.o, t.e);
    expect(code).toBe(1);
    expect(existsSync(sortie)).toBe(false);
    expect(t.err.join('\n')).toContain('l’avenant n° 2 manque');
  });

  it('refuse un usage incorrect avec un message en français', async () => {
    const t = io();
    await expect(runComparer([contrat, ...avenants, '--de', '2', '--a', '1'], t.o, t.e)).rejects.toThrow(UsageError);
    await expect(runConsolider([contrat, ...avenants, '--jusqu-a', '1', '--date', '2021-01-01'], t.o, t.e)).rejects.toThrow(/soit --jusqu-a, soit --date/);
    await expect(runConsolider([contrat, ...avenants, '--date', '31/12/2021'], t.o, t.e)).rejects.toThrow(/AAAA-MM-JJ/);
    await expect(runAvenant([contrat], t.o, t.e)).rejects.toThrow(/au moins un fichier d’avenant/);
  });

  it('affiche une aide en français', async () => {
    const t = io();
    expect(await runComparer(['--aide'], t.o, t.e)).toBe(0);
    expect(t.out[0]).toBe(HELP_COMPARER);
    expect(HELP_COMPARER).toContain('modification suivie');
  });
});
