// « No data silently dropped »: a value the contract fills that no document of its model
// prints is a warning naming the data path and the model, in verifier, generer and campaigns.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { main } from '../../src/cli/main.ts';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, (s) => (out += `${s}\n`), (s) => (err += `${s}\n`));
  return { code, out, err };
}

/** A copy of a fixture with extra data, in a private folder. */
function variant(fixture: string, edit: (d: Record<string, any>) => void): string {
  const data = parse(readFileSync(fixture, 'utf8')) as Record<string, any>;
  edit(data);
  const file = join(mkdtempSync(join(tmpdir(), 'cpom-nonimp-')), 'contrat.yaml');
  writeFileSync(file, stringify(data));
  return file;
}

const warningsOf = (text: string) => text.split('\n').filter((l) => l.includes('[DONNEES-NON-IMPRIMEES]'));

describe('data the model does not print', () => {
  // Occitanie has no authorisation annex and its socle sets penalties by the CSP alone.
  const file = variant('fixtures/occitanie/hopital-proximite.yaml', (d) => {
    d.penalites = 'Pénalité de 1 % des produits en cas d’inexécution';
    d.autorisations = [
      { arhgos: '76-0001', activite: 'Médecine', finess_et: '300780111' },
      { arhgos: '76-0002', activite: 'Soins de suite et de réadaptation', finess_et: '300780111' },
    ];
    for (const e of d.engagements) for (const i of e.indicateurs) i.resultats = { 'N+1': 1 };
  });

  it('cpom verifier --donnees lists each unprinted path once, with the model, before « conforme »', async () => {
    const r = await run('verifier', '--donnees', file);
    expect(r.code, r.err).toBe(0);
    const w = warningsOf(r.err);
    const paths = w.map((l) => /\] : ([^ ]+) : /.exec(l)?.[1]);
    expect(paths).toEqual(expect.arrayContaining(['penalites', 'autorisations', 'engagements[].indicateurs[].resultats']));
    // One warning per path, not per element; indices collapsed.
    expect(paths.filter((p) => p === 'autorisations')).toHaveLength(1);
    expect(paths.filter((p) => p?.startsWith('engagements[].indicateurs[].resultats'))).toHaveLength(1);
    expect(paths.some((p) => /\[\d+\]/.test(p ?? ''))).toBe(false);
    for (const l of w) expect(l).toContain('modèle occitanie-2019');
    expect(r.out).toMatch(/conforme au modèle occitanie-2019 \(\d+ avertissement\(s\)\)/);
  });

  it('cpom generer prints the same warnings and still writes the contract', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpom-nonimp-out-'));
    const r = await run('generer', file, '--sortie', dir);
    expect(r.code, r.err).toBe(0);
    const w = warningsOf(r.err).join('\n');
    expect(w).toContain('penalites : ');
    expect(w).toContain('autorisations : ');
    expect(w).toContain('modèle occitanie-2019');
  });

  it('a contract whose data is all printed gets no such warning', async () => {
    const r = await run('verifier', '--donnees', 'fixtures/idf/socle-commun.yaml');
    expect(r.code, r.err).toBe(0);
    expect(warningsOf(r.err)).toEqual([]);
  });
});
