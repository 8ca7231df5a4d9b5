// French typography of what the real `cpom` process prints: U+00A0 before « : » and inside
// « guillemets », U+202F before ; ! ?, while paths, locations, code frames and machine output
// stay byte for byte what they are.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { frenchOutput, verbatimStrings } from '../../src/cli/french-output.ts';

const NBSP = '\u00A0';
const NNBSP = '\u202F';
const root = mkdtempSync(join(tmpdir(), 'cpom-typo-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function cpom(...argv: string[]) {
  const r = spawnSync(process.execPath, ['bin/cpom.js', ...argv], { encoding: 'utf8', cwd: process.cwd() });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('cpom prints French typography', () => {
  // A folder whose name holds « : » and « ; » with plain spaces, as users may name them.
  const dir = join(root, 'dossier : essai ; 2');
  mkdirSync(dir);
  const contract = join(dir, 'contrat.yaml');
  cpSync('fixtures/bad/finess-invalide.yaml', contract);

  it('a bad contract: no-break spaces in the message, the path and the code frame untouched', () => {
    const r = cpom('verifier', '--donnees', contract);
    expect(r.code).toBe(1);
    // The path, then « : » with U+00A0 (the space belongs to the message, not the path).
    expect(r.err).toContain(`${contract}:13:14${NBSP}: erreur [DONNEES-SCHEMA]${NBSP}: titulaire.finess_ej${NBSP}: numéro FINESS`);
    // Inside guillemets: U+00A0 on both sides, the quoted value as it is.
    expect(r.err).toContain(`reçu «${NBSP}69079321${NBSP}»`);
    // The source line under the diagnostic is quoted verbatim: its plain spaces stay.
    const line13 = readFileSync(contract, 'utf8').split('\n')[12]!;
    expect(line13).toContain(': ');
    expect(r.err).toContain(`> 13 | ${line13}`);
    // The summary line: path untouched, then U+00A0 before « : ».
    expect(r.err).toContain(`${contract}${NBSP}: données invalides.`);
    // Everywhere else, no plain space before « : ; ! ? ».
    const prose = r.err.split(dir).join('').split('\n').filter((l) => !/^[> ] +\d+ \| |^ +\| /.test(l));
    expect(prose.join('\n')).not.toMatch(/ [:;!?]/);
  });

  it('a bad template: « attendu : » with U+00A0, « ; » with U+202F, the quoted tag verbatim', () => {
    const model = join(root, 'modele');
    cpSync('fixtures/bad-templates/champ-inconnu', model, { recursive: true });
    const socle = join(model, 'socle.md');
    writeFileSync(socle, `${readFileSync(socle, 'utf8')}\n{% inconnue x %}\n`);
    const r = cpom('verifier', model);
    expect(r.code).toBe(1);
    expect(r.err).toContain(`balise inconnue «${NBSP}{% inconnue %}${NBSP}»${NNBSP}; attendu${NBSP}: si, sinon si`);
    expect(r.err).toContain(`indice${NBSP}: vouliez-vous dire «${NBSP}raison_sociale${NBSP}»${NNBSP}?`);
  });

  it('usage lines and help get the same typography', () => {
    const r = cpom('verifier', '--inconnue');
    expect(r.code).toBe(2);
    expect(r.err).toContain(`cpom verifier${NBSP}: option inconnue «${NBSP}--inconnue${NBSP}»`);
    expect(r.err).toContain(`Usage${NBSP}:`);
  });

  it('machine output (the JSON schema) is printed byte for byte', () => {
    const r = cpom('schema');
    expect(r.code).toBe(0);
    expect(r.out).not.toMatch(/[\u00A0\u202F]/);
    expect(() => JSON.parse(r.out)).not.toThrow();
  });
});

describe('frenchOutput', () => {
  it('keeps template syntax written in a message as it is (no U+202F before « %} »)', () => {
    expect(frenchOutput('nom d’ancre attendu : {% ref ancre %} ; ou {{ a | date }} !')).toBe(`nom d’ancre attendu${NBSP}: {% ref ancre %}${NNBSP}; ou {{ a | date }}${NNBSP}!`);
  });

  it('keeps URLs, times, locations and the given paths verbatim', () => {
    const keep = verbatimStrings(['generer', '--sortie=mes contrats ; 2024', 'a b :c.yaml'], []);
    expect(frenchOutput('a b :c.yaml:3:4 : voir https://x.fr/a?b=1 à 12:30 ; écrit dans mes contrats ; 2024/x !', keep)).toBe(
      `a b :c.yaml:3:4${NBSP}: voir https://x.fr/a?b=1 à 12:30${NNBSP}; écrit dans mes contrats ; 2024/x${NNBSP}!`,
    );
  });
});
