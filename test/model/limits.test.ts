// Documented limits (README « Limites »): out-of-range dates, overlong texts and lists are
// validation errors that name the data path, never a crash or minutes of layout later on.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseAvenantText } from '../../src/amend/load.ts';
import { main } from '../../src/cli/main.ts';
import { plainSpaces } from '../helpers/cli.ts';
import { LIMITS, LIST_ITEMS } from '../../src/model/limits.ts';
import { validateContract } from '../../src/model/load.ts';

const FIXTURE = 'fixtures/dgos/chu-public.yaml';
// eslint-disable-next-line @typescript-eslint/no-explicit-any
const base = (): any => parse(readFileSync(FIXTURE, 'utf8'));

function errors(data: unknown): Array<{ path?: string; message: string }> {
  const r = validateContract(data);
  return r.ok ? [] : r.diagnostics.map((d) => ({ ...(d.dataPath ? { path: d.dataPath } : {}), message: d.message }));
}

async function run(...argv: string[]): Promise<{ code: number; err: string; printed: string }> {
  let printed = '';
  const code = await main(argv, () => {}, (s) => (printed += `${s}\n`));
  return { code, err: plainSpaces(printed), printed };
}

describe('dates: years 1900 to 2100', () => {
  it('refuses dates.effet: 9999-12-31 with a French message and exit 1, no file written (it used to crash)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpom-9999-'));
    const file = join(dir, 'contrat.yaml');
    writeFileSync(file, readFileSync(FIXTURE, 'utf8').replace('effet: 2012-07-01', 'effet: 9999-12-31'));
    const r = await run('generer', file, '--format', 'pdf', '--sortie', join(dir, 'out'));
    expect(r.code, r.err).toBe(1);
    expect(r.err).toContain('contrat.yaml:');
    expect(r.err).toContain('dates.effet : date hors des années 1900 à 2100, reçu « 9999-12-31 »');
    expect(r.err).not.toContain('erreur interne');
    expect(readdirSync(dir)).toEqual(['contrat.yaml']);
  });

  it.each([
    ['1899-12-31', false],
    ['1900-01-01', true],
    ['2100-12-31', true],
    ['2101-01-01', false],
  ])('avis.cme %s accepted: %s', (date, ok) => {
    const d = base();
    d.avis.cme = date;
    const found = errors(d).filter((e) => e.path === 'avis.cme');
    expect(found.length === 0).toBe(ok);
  });

  it('still says « date inexistante » for a day that does not exist', () => {
    const d = base();
    d.dates.effet = '2013-02-29';
    expect(errors(d)).toContainEqual({ path: 'dates.effet', message: 'date inexistante « 2013-02-29 »' });
  });
});

describe('text fields', () => {
  it(`accepts ${LIMITS.textChars} characters and refuses one more, naming the path`, () => {
    const d = base();
    d.penalites = 'a'.repeat(LIMITS.textChars);
    expect(errors(d).filter((e) => e.path === 'penalites')).toEqual([]);
    d.penalites = 'a'.repeat(LIMITS.textChars + 1);
    expect(errors(d)).toContainEqual({ path: 'penalites', message: 'texte trop long : 10\u202F001 caractères, 10\u202F000 au plus par champ' });
  });

  it('bounds texts inside lists and target values too', () => {
    const d = base();
    d.engagements[0].indicateurs[0].libelle = 'x'.repeat(2_000_000);
    d.engagements[0].indicateurs[0].cibles['N+1'] = 'y'.repeat(LIMITS.textChars + 1);
    const paths = errors(d).map((e) => e.path);
    expect(paths).toContain('engagements[0].indicateurs[0].libelle');
    expect(paths).toContain('engagements[0].indicateurs[0].cibles.N+1');
  });
});

describe('lists', () => {
  it(`refuses more than ${LIST_ITEMS.engagements} engagements and ${LIST_ITEMS.indicateurs} indicators per engagement`, () => {
    const d = base();
    const e0 = d.engagements[0];
    d.engagements = Array.from({ length: LIST_ITEMS.engagements + 1 }, (_, k) => ({ ...e0, numero: k + 1 }));
    expect(errors(d)).toContainEqual({ path: 'engagements', message: 'liste trop longue : 1\u202F001 engagements, 1\u202F000 au plus' });
    d.engagements = [{ ...e0, indicateurs: Array.from({ length: LIST_ITEMS.indicateurs + 1 }, () => e0.indicateurs[0]) }];
    expect(errors(d)).toContainEqual({ path: 'engagements[0].indicateurs', message: 'liste trop longue : 101 indicateurs, 100 au plus' });
  });

  it(`refuses more than ${LIMITS.listItems} elements in the other lists`, () => {
    const d = base();
    d.autorisations = Array.from({ length: LIMITS.listItems + 1 }, () => d.autorisations[0]);
    expect(errors(d)).toContainEqual({ path: 'autorisations', message: 'liste trop longue : 501 autorisations, 500 au plus' });
  });
});

describe('file sizes', () => {
  it(`refuses a contract file over ${LIMITS.dataFileBytes / 1024 / 1024} MB before reading it`, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpom-gros-'));
    const file = join(dir, 'gros.yaml');
    writeFileSync(file, `${readFileSync(FIXTURE, 'utf8')}\n# ${'x'.repeat(LIMITS.dataFileBytes)}\n`);
    const r = await run('generer', file, '--sortie', join(dir, 'out'));
    expect(r.code).toBe(1);
    expect(r.printed).toMatch(/fichier trop volumineux\u00A0: 5\u202F\d{3}\u202F\d{3} octets, 5\u00A0Mo au plus/);
    expect(r.err).toContain(`${file} : contrat invalide`);
    expect(readdirSync(dir)).toEqual(['gros.yaml']);
  });
});

describe('avenants', () => {
  it('bound their texts like contracts do', () => {
    const text = readFileSync('fixtures/avenants/dgos-2012/avenant-2.yaml', 'utf8').replace(
      'objet: "Revue annuelle 2014 : objectifs, financements et prorogation du contrat"',
      `objet: "${'o'.repeat(LIMITS.textChars + 1)}"`,
    );
    const r = parseAvenantText(text, 'avenant-2.yaml');
    expect(r.ok).toBe(false);
    expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toContainEqual(expect.stringContaining('texte trop long : 10\u202F001 caractères'));
  });
});

describe('numbers: printable as written', () => {
  it('refuses a number or a percentage that would print as « 1e+23 » or « -0,00 », naming the path', () => {
    const c = base();
    c.engagements[0].indicateurs[0].cibles['N+2'] = 99999999999999999999999;
    c.engagements[0].indicateurs[0].cibles['N+3'] = -1e-300;
    const e = errors(c);
    for (const k of ['N+2', 'N+3']) {
      expect(e).toContainEqual({ path: `engagements[0].indicateurs[0].cibles.${k}`, message: expect.stringMatching(/^nombre hors des bornes/) });
    }
    // Percentages are text: checked once the schema holds.
    const p = base();
    p.engagements[0].indicateurs[0].cibles['N+4'] = '99999999999999999999999 %';
    expect(errors(p)).toContainEqual({ path: 'engagements[0].indicateurs[0].cibles.N+4', message: expect.stringMatching(/^pourcentage hors des bornes/) });
  });

  it('accepts ordinary values: amounts in millions, small rates, zero', () => {
    const c = base();
    c.engagements[0].indicateurs[0].cibles['N+2'] = 0;
    c.engagements[0].indicateurs[0].cibles['N+3'] = 0.005;
    c.engagements[0].indicateurs[0].cibles['N+4'] = '0,5 %';
    expect(errors(c)).toEqual([]);
  });
});
