// Bad input never crashes: every mistake a user can make with a file (YAML aliases, merge keys,
// alias bombs, syntax, encoding, paths that are folders, missing or unreadable, an output path
// that is a file) gives a French message with a place, exit 1 (data) or 2 (usage), and no file.
import { spawnSync } from 'node:child_process';
import { chmodSync, cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseYamlText } from '../../src/model/yaml.ts';
import { cpom, ENGLISH, filesUnder } from '../helpers/cli.ts';

const CONTRAT = 'fixtures/dgos/chu-public.yaml';
const base = readFileSync(CONTRAT, 'utf8');
const tmp = () => mkdtempSync(join(tmpdir(), 'cpom-entrees-'));

function contractWith(text: string): { file: string; out: string } {
  const dir = tmp();
  const file = join(dir, 'contrat.yaml');
  writeFileSync(file, text);
  return { file, out: join(dir, 'sortie') };
}

/** `cpom generer` on `text`: refused with exit 1, French, nothing written; returns stderr. */
async function refused(text: string | Buffer): Promise<string> {
  const { file, out } = contractWith(typeof text === 'string' ? text : '');
  if (typeof text !== 'string') writeFileSync(file, text);
  const r = await cpom('generer', file, '--sortie', out);
  expect(r.code, r.err).toBe(1);
  expect(r.err).not.toMatch(/interne|    at /);
  expect(r.err).not.toMatch(ENGLISH);
  expect(filesUnder(out)).toEqual([]);
  return r.err;
}

describe('aliases and merge keys in a contract', () => {
  it('refuses « <<: *a » (the reported crash) at its line, in French', async () => {
    const err = await refused('modele: dgos-2012\n<<: *a\n');
    expect(err).toContain('contrat.yaml:2:1');
    expect(err).toContain('clé de fusion « << » non prise en charge');
    expect(err).toContain('contrat.yaml:2:5');
    expect(err).toContain('alias « *a » sans ancre « &a » définie avant lui');
  });

  it('refuses an alias used before its anchor', async () => {
    const err = await refused(`${base}\nx: *plus_tard\ny: &plus_tard 1\n`);
    expect(err).toMatch(/\[DONNEES-ALIAS\] : alias « \*plus_tard » sans ancre/);
  });

  it('refuses a merge key even when its anchor exists', async () => {
    const err = await refused(base.replace(/^titulaire:/m, 'titulaire:\n  <<: &t { x: 1 }'));
    expect(err).toContain('clé de fusion « << »');
  });

  it('bounds alias expansion (billion laughs) and says so', async () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]', 'b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]', 'c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]', 'd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]', 'e: [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]'];
    const err = await refused(`${bomb.join('\n')}\n`);
    expect(err).toContain('les alias (*nom) se développent en trop de valeurs');
    expect(err).toMatch(/contrat\.yaml:\d+:\d+ : erreur \[DONNEES-ALIAS\]/);
  });

  it('refuses an alias inside its own anchor (a recursive structure)', async () => {
    const err = await refused('a: &a [1, *a]\n');
    expect(err).toContain('à l’intérieur de sa propre ancre');
  });

  it('accepts an ordinary alias to an earlier anchor', () => {
    const r = parseYamlText('x.yaml', 'a: &n Dupont\nb: *n\n');
    expect(r.ok && r.value.data).toEqual({ a: 'Dupont', b: 'Dupont' });
  });
});

describe('syntax and encoding', () => {
  it('translates the yaml package’s errors (here: an unclosed quote, two documents, an unknown tag)', async () => {
    expect(await refused('modele: "dgos-2012\n')).toContain('guillemet fermant manquant');
    expect(await refused(`${base}\n---\nmodele: x\n`)).toContain('plusieurs documents YAML');
    expect(await refused(base.replace(/^modele: .*$/m, 'modele: !binary dgos-2012'))).toContain('étiquette YAML (!…) inconnue');
  });

  it('refuses bytes that are not UTF-8 instead of printing « � » in a legal document', async () => {
    const bytes = Buffer.from(base.replace(/^(titulaire:\n(?:.*\n)*?\s+raison_sociale: )/m, '$1\u0000'), 'utf8');
    bytes[bytes.indexOf(0)] = 0xff;
    const err = await refused(bytes);
    expect(err).toMatch(/contrat\.yaml:\d+:\d+ : erreur \[FICHIER-ENCODAGE\] : le contrat n’est pas encodé en UTF-8/);
  });
});

describe('paths given on the command line', () => {
  it('a missing contract file: exit 1, « fichier introuvable »', async () => {
    const r = await cpom('generer', join(tmp(), 'absent.yaml'), '--sortie', join(tmp(), 's'));
    expect(r.code).toBe(1);
    expect(r.err).toContain('fichier introuvable');
  });

  it('a folder given as the contract: exit 1, « c’est un dossier »', async () => {
    const out = join(tmp(), 's');
    const r = await cpom('generer', 'fixtures', '--sortie', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('impossible de lire le contrat « fixtures » : c’est un dossier, pas un fichier');
    expect(filesUnder(out)).toEqual([]);
  });

  it('--sortie naming a file: exit 2 before any work, the file untouched', async () => {
    const dir = tmp();
    const file = join(dir, 'un-fichier');
    writeFileSync(file, 'à garder');
    const r = await cpom('generer', CONTRAT, '--sortie', file);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--sortie « ${file} » est un fichier : un dossier est attendu`);
    expect(readFileSync(file, 'utf8')).toBe('à garder');
    const under = await cpom('consolider', 'fixtures/avenants/dgos-2012/contrat.yaml', 'fixtures/avenants/dgos-2012/avenant-1.yaml', '--sortie', join(file, 'sous-dossier'));
    expect(under.code).toBe(2);
    expect(under.err).toContain('un élément du chemin n’est pas un dossier');
    const campagne = await cpom('campagne', 'fixtures/campagnes/exemple/contrats', '--sortie', file);
    expect(campagne.code).toBe(2);
    expect(filesUnder(dir)).toEqual([file]);
  });

  it('a file where a folder is expected, and a folder where a file is expected', async () => {
    const dir = tmp();
    const file = join(dir, 'un-fichier');
    writeFileSync(file, 'x');
    // Found deep in the merge of tranches: the CLI's last net turns it into French, exit 1.
    const merge = await cpom('campagne', 'fusionner', file);
    expect(merge.code).toBe(1);
    expect(merge.err).toContain('un élément du chemin n’est pas un dossier');
    mkdirSync(join(dir, 'classeur.xlsx'));
    const blank = await cpom('campagne', 'modele-classeur', join(dir, 'classeur.xlsx'));
    expect(blank.code).toBe(2);
    expect(blank.err).toContain('est un dossier : un nom de fichier est attendu');
  });

  it('an unreadable contract file: exit 1, « accès refusé »', async () => {
    const dir = tmp();
    const file = join(dir, 'illisible.yaml');
    writeFileSync(file, base);
    chmodSync(file, 0o000);
    if (process.getuid?.() !== 0) {
      const r = await cpom('generer', file, '--sortie', join(dir, 's'));
      expect(r.code).toBe(1);
      expect(r.err).toContain('accès refusé');
      return;
    }
    // As root chmod does not block reads: read the file as « nobody » in a child process.
    chmodSync(dir, 0o755);
    const script = `import { loadContractFile } from ${JSON.stringify(join(process.cwd(), 'src/model/load.ts'))};
const r = loadContractFile(${JSON.stringify(file)}); process.stdout.write(JSON.stringify(r.ok ? 'lu' : r.diagnostics[0].message));`;
    const child = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { uid: 65534, gid: 65534, encoding: 'utf8', cwd: process.cwd() });
    if (child.status !== 0 || child.error) {
      console.warn(`\n*** SKIPPED (running as root, and a child process as « nobody » failed: ${child.error?.message ?? child.stderr.split('\n')[0]}) ***\n`);
      return;
    }
    expect(JSON.parse(child.stdout)).toBe(`impossible de lire le contrat « ${file} » : accès refusé (droits insuffisants)`);
  });
});

describe('avenants, campaign folders and model manifests go through the same reader', () => {
  it('an avenant with an undefined alias: exit 1, its line', async () => {
    const dir = tmp();
    const av = join(dir, 'avenant-1.yaml');
    writeFileSync(av, readFileSync('fixtures/avenants/dgos-2012/avenant-1.yaml', 'utf8').replace('numero: 1\n', 'numero: *un\n'));
    const r = await cpom('consolider', 'fixtures/avenants/dgos-2012/contrat.yaml', av, '--sortie', join(dir, 's'));
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/avenant-1\.yaml:\d+:9 : erreur \[DONNEES-ALIAS\] : alias « \*un » sans ancre/);
    expect(filesUnder(join(dir, 's'))).toEqual([]);
  });

  it('a campaign folder whose campagne.yaml holds a merge key: the campaign reports it, nothing thrown', async () => {
    const dir = tmp();
    cpSync('fixtures/campagnes/exemple/contrats', dir, { recursive: true });
    const shared = join(dir, 'campagne.yaml');
    writeFileSync(shared, `${readFileSync(shared, 'utf8')}\n<<: *commun\n`);
    const r = await cpom('verifier', '--campagne', dir);
    expect(r.code).toBe(1);
    expect(r.out + r.err).toMatch(/campagne\.yaml:\d+:\d+/);
    expect(r.out + r.err).toContain('clé de fusion « << »');
  });

  it('a model manifest with an undefined alias: exit 1, its line', async () => {
    const dir = join(tmp(), 'modele');
    mkdirSync(dir);
    cpSync('templates/dgos-2012', dir, { recursive: true });
    const manifest = join(dir, 'modele.yaml');
    writeFileSync(manifest, `${readFileSync(manifest, 'utf8')}\nx: *rien\n`);
    const r = await cpom('verifier', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/modele\.yaml:\d+:4 : erreur \[DONNEES-ALIAS\] : alias « \*rien » sans ancre/);
  });
});
