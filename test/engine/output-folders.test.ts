// Output folders (issue 10, item 1): one folder per contract holding exactly its last files and
// a manifest.json that proves them; inputs that would share a folder, another contract's folder
// and foreign files are refused before anything is written.
import { execFileSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { ContractManifest } from '../../src/io/contract-manifest.ts';
import { files, run } from '../helpers/cli.ts';

const root = mkdtempSync(join(tmpdir(), 'cpom-dossiers-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function manifestOf(dir: string): ContractManifest {
  return JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as ContractManifest;
}

/** The manifest's hashes checked by coreutils' sha256sum, not by our code. */
function sha256sumAccepts(dir: string): string {
  const list = manifestOf(dir).fichiers.map((f) => `${f.sha256}  ${f.chemin}\n`).join('');
  return execFileSync('sha256sum', ['--check', '--strict', '-'], { cwd: dir, input: list, encoding: 'utf8' });
}

const CHU = 'fixtures/dgos/chu-public.yaml';

/** The DGOS CHU without its public service missions: annex 9 no longer applies. */
function chuWithoutMissions(): string {
  const text = readFileSync(CHU, 'utf8');
  // Annexe 9 applies to every établissement de santé, data or not (DGOS table): it only goes
  // away for another kind of holder (categorie eml_amp_dpn) without missions.
  const cut = text
    .replace(/\nmissions_service_public:\n(?: {2}.*\n)*/, '\n')
    .replace('categorie: pluriactivite', 'categorie: eml_amp_dpn');
  expect(cut).not.toBe(text);
  const dir = join(root, 'sans-missions');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'chu-public.yaml'), cut);
  return join(dir, 'chu-public.yaml');
}

describe('cpom generer: one folder per contract, exactly its files', () => {
  it('refuses two inputs bound for one folder before writing anything, naming both files', async () => {
    const out = join(root, 'meme-nom');
    const r = await run('generer', 'fixtures/dgos/cabinet-radiologie-eml.yaml', 'fixtures/occitanie/cabinet-radiologie-eml.yaml', '--sortie', out);
    expect(r.code).toBe(2);
    expect(r.err).toContain('« fixtures/dgos/cabinet-radiologie-eml.yaml » et « fixtures/occitanie/cabinet-radiologie-eml.yaml » iraient dans le même dossier');
    expect(r.err).toContain('rien n’est écrit');
    expect(existsSync(out)).toBe(false);
    // Folded as macOS and Windows disks fold names; checked before the files are even read.
    const folded = await run('generer', 'a/CHU.yaml', 'b/chu.yaml', '--sortie', out);
    expect(folded.code).toBe(2);
    expect(folded.err).toContain('« a/CHU.yaml » et « b/chu.yaml » iraient dans le même dossier');
    expect(existsSync(out)).toBe(false);
  });

  it('regenerating with fewer documents leaves exactly the new set, proven by the manifest', async () => {
    const out = join(root, 'regen');
    const dir = join(out, 'chu-public');
    expect((await run('generer', CHU, '--sortie', out)).code).toBe(0);
    const before = files(dir);
    expect(before.filter((f) => f.includes('annexe-09'))).toHaveLength(1);
    const r = await run('generer', chuWithoutMissions(), '--sortie', out);
    expect(r.code, r.err).toBe(0);
    const after = files(dir);
    expect(after.some((f) => f.includes('annexe-09'))).toBe(false);
    expect(after.filter((f) => f.includes('annexe-10'))).toEqual(['10-annexe-10-reconnaissances.docx']);
    expect(after).toEqual([...manifestOf(dir).fichiers.map((f) => f.chemin), 'manifest.json'].sort());
    expect(readdirSync(out)).toEqual(['chu-public']);
    expect(sha256sumAccepts(dir)).not.toMatch(/FAILED/);
    expect((await run('verifier', '--sortie', out)).code).toBe(0);
  });

  it('writes a deterministic manifest: inputs, model, engine, files with their sha256', async () => {
    const [a, b] = [join(root, 'det-a'), join(root, 'det-b')];
    for (const out of [a, b]) expect((await run('generer', 'fixtures/dgos/clinique-privee-chirurgie.yaml', '--sortie', out)).code).toBe(0);
    const dir = join(a, 'clinique-privee-chirurgie');
    const text = readFileSync(join(dir, 'manifest.json'), 'utf8');
    expect(readFileSync(join(b, 'clinique-privee-chirurgie', 'manifest.json'), 'utf8')).toBe(text);
    const m = manifestOf(dir);
    expect(m).toMatchObject({ format: 'cpom-contrat/1', commande: 'generer', contrat: { source: 'clinique-privee-chirurgie.yaml' }, modele: { id: 'dgos-2012', version: 1 }, formats: ['docx'] });
    expect(m.moteur).toMatch(/^cpom-engine@\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    expect(m.contrat.empreinte_donnees).toMatch(/^[0-9a-f]{64}$/);
    expect(m.fichiers.map((f) => f.chemin)).toEqual([...m.fichiers.map((f) => f.chemin)].sort());
    expect(text).not.toMatch(/20\d\d-\d\d-\d\dT|\/tmp\/|fixtures\//);
    expect(sha256sumAccepts(dir)).toMatch(/01-socle\.docx: OK/);
  });

  it('refuses a folder holding another contract, or a file cpom did not write, and changes nothing', async () => {
    const out = join(root, 'autre');
    expect((await run('generer', 'fixtures/avenants/idf-2021/contrat.yaml', '--sortie', out)).code).toBe(0);
    const before = files(out);
    const other = await run('generer', 'fixtures/avenants/dgos-2012/contrat.yaml', '--sortie', out);
    expect(other.code).toBe(1);
    expect(other.err).toContain('contient déjà les documents d’un autre contrat (FINESS EJ 930000013, modèle idf-2021');
    expect(files(out)).toEqual(before);
    writeFileSync(join(out, 'contrat', 'notes.txt'), 'mes notes');
    const foreign = await run('generer', 'fixtures/avenants/idf-2021/contrat.yaml', '--sortie', out);
    expect(foreign.code).toBe(1);
    expect(foreign.err).toContain('contient « notes.txt », qui ne vient pas de cpom');
    expect(readFileSync(join(out, 'contrat', 'notes.txt'), 'utf8')).toBe('mes notes');
  });

  it('--sortie naming an existing file is a usage error and writes nothing', async () => {
    const f = join(root, 'un-fichier');
    writeFileSync(f, 'x');
    for (const argv of [['generer', CHU], ['demo'], ['avenant', 'fixtures/avenants/idf-2021/contrat.yaml', 'fixtures/avenants/idf-2021/avenant-1.yaml']]) {
      const r = await run(...argv, '--sortie', f);
      expect(r.code, argv[0]).toBe(2);
      expect(r.err).toContain(`--sortie « ${f} » est un fichier : un dossier est attendu`);
    }
    expect(readFileSync(f, 'utf8')).toBe('x');
    expect(readdirSync(root).filter((n) => n.startsWith('.'))).toEqual([]);
  });

  it('refuses a contract file name that would name the folder above --sortie', async () => {
    const out = join(root, 'points', 'sortie');
    for (const argv of [['generer', 'x/...yaml'], ['consolider', 'x/...yaml', 'a.yaml']]) {
      const r = await run(...argv, '--sortie', out);
      expect(r.code, argv[0]).toBe(2);
      expect(r.err).toContain('« x/...yaml » : ce nom de fichier ne peut pas nommer un dossier de sortie');
    }
    expect(existsSync(join(root, 'points'))).toBe(false);
  });

  it('verifier --sortie finds missing, altered and extra files and leftovers of a killed run', async () => {
    const out = join(root, 'verif');
    expect((await run('generer', 'fixtures/dgos/clinique-privee-chirurgie.yaml', '--sortie', out)).code).toBe(0);
    const dir = join(out, 'clinique-privee-chirurgie');
    appendFileSync(join(dir, '01-socle.docx'), 'x');
    rmSync(join(dir, 'clinique-privee-chirurgie-dossier-complet.docx'));
    writeFileSync(join(dir, '99-annexe-perimee.docx'), 'x');
    mkdirSync(join(out, '.clinique-privee-chirurgie.cpom-nouveau-1'));
    const r = await run('verifier', '--sortie', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('01-socle.docx : contenu modifié');
    expect(r.err).toContain('clinique-privee-chirurgie-dossier-complet.docx : fichier manquant');
    expect(r.err).toContain('99-annexe-perimee.docx : fichier absent du manifeste');
    expect(r.err).toContain('.clinique-privee-chirurgie.cpom-nouveau-1 : reste d’une exécution interrompue');
    // The next run cleans the leftover and restores the exact set.
    const again = await run('generer', 'fixtures/dgos/clinique-privee-chirurgie.yaml', '--sortie', out);
    expect(again.code, again.err).toBe(0);
    expect(again.err).toContain('copie inachevée d’une exécution interrompue supprimée');
    expect((await run('verifier', '--sortie', out)).code).toBe(0);
  });
});

describe('cpom avenant / consolider / comparer: the same guarantees', () => {
  const F = 'fixtures/avenants/idf-2021';
  const contrat = join(F, 'contrat.yaml');
  const avenants = [1, 2, 3].map((k) => join(F, `avenant-${k}.yaml`));

  it('each output folder holds exactly its last files and a manifest; generer keeps them', async () => {
    const out = join(root, 'avenants');
    const c = join(out, 'contrat');
    expect((await run('avenant', contrat, ...avenants, '--numero', '3', '--format', 'tout', '--sortie', out)).code).toBe(0);
    expect(files(join(c, 'avenant-3')).some((f) => f.endsWith('.pdf'))).toBe(true);
    expect((await run('avenant', contrat, ...avenants, '--numero', '3', '--sortie', out)).code).toBe(0);
    expect(files(join(c, 'avenant-3')).some((f) => f.endsWith('.pdf'))).toBe(false);
    expect((await run('consolider', contrat, ...avenants, '--jusqu-a', '2', '--sortie', out)).code).toBe(0);
    expect((await run('comparer', contrat, ...avenants, '--de', '1', '--a', '3', '--sortie', out)).code).toBe(0);
    for (const sub of ['avenant-3', 'version-consolidee-2', 'comparaison-1-3']) {
      const m = manifestOf(join(c, sub));
      expect(files(join(c, sub))).toEqual([...m.fichiers.map((f) => f.chemin), 'manifest.json'].sort());
      expect(sha256sumAccepts(join(c, sub))).not.toMatch(/FAILED/);
    }
    expect(manifestOf(join(c, 'avenant-3')).avenants?.map((a) => [a.numero, a.source])).toEqual([[1, 'avenant-1.yaml'], [2, 'avenant-2.yaml'], [3, 'avenant-3.yaml']]);
    expect(manifestOf(join(c, 'version-consolidee-2')).avenants).toHaveLength(2);
    // Regenerating the contract replaces its own files and keeps the avenant folders in it.
    expect((await run('generer', contrat, '--sortie', out)).code).toBe(0);
    expect(readdirSync(c).filter((n) => !n.includes('.'))).toEqual(['avenant-3', 'comparaison-1-3', 'version-consolidee-2']);
    const v = await run('verifier', '--sortie', c);
    expect(v.code, v.err).toBe(0);
  });

  it('verifier --sortie flags avenant folders made from other data than the contract around them', async () => {
    const out = join(root, 'avenants-perimes');
    expect((await run('avenant', contrat, ...avenants, '--numero', '1', '--sortie', out)).code).toBe(0);
    // The same contract (same FINESS EJ, same model), its data edited since.
    const edited = join(root, 'edite', 'contrat.yaml');
    mkdirSync(join(root, 'edite'), { recursive: true });
    writeFileSync(edited, readFileSync(contrat, 'utf8').replace('Centre hospitalier de Rives-de-Seine & associés', 'Centre hospitalier de Rives-de-Seine'));
    expect((await run('generer', edited, '--sortie', out)).code).toBe(0);
    const v = await run('verifier', '--sortie', out);
    expect(v.code).toBe(1);
    expect(v.err).toContain('avenant-1/ : produit depuis d’autres données du contrat que les documents du dossier parent');
  });

  it('refuses to put another contract’s avenants beside these, before writing', async () => {
    const out = join(root, 'avenants-melanges');
    expect((await run('avenant', contrat, ...avenants, '--numero', '1', '--sortie', out)).code).toBe(0);
    const before = files(out);
    const D = 'fixtures/avenants/dgos-2012';
    const r = await run('consolider', join(D, 'contrat.yaml'), ...[1, 2, 3].map((k) => join(D, `avenant-${k}.yaml`)), '--sortie', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('contient déjà les documents d’un autre contrat (FINESS EJ 930000013, modèle idf-2021');
    expect(files(out)).toEqual(before);
  });
});

describe('cpom verifier --sortie on a campaign folder', () => {
  it('checks the files its manifest lists and flags unlisted documents, not the user’s files', async () => {
    const { runCampaign } = await import('../../src/batch/runner.ts');
    const { campaign, fakeOptions } = await import('../batch/helpers.ts');
    const c = await campaign(3, 7);
    const out = join(root, 'campagne');
    expect((await runCampaign(fakeOptions(c.dossier, out, 1))).exitCode).toBe(0);
    const ok = await run('verifier', '--sortie', out);
    expect(ok.code, ok.err).toBe(0);
    expect(ok.out).toContain('campagne de 3 contrat(s)');
    const holder = readdirSync(out).filter((n) => /^\d{9}$/.test(n)).sort()[0]!;
    writeFileSync(join(out, holder, 'notes.txt'), 'à moi');
    expect((await run('verifier', '--sortie', out)).code).toBe(0);
    appendFileSync(join(out, holder, '01-socle.pdf'), 'x');
    writeFileSync(join(out, holder, '09-annexe-perimee.docx'), 'x');
    const bad = await run('verifier', '--sortie', out);
    expect(bad.code).toBe(1);
    expect(bad.err).toContain(`${holder}/01-socle.pdf : contenu modifié`);
    expect(bad.err).toContain(`${holder}/09-annexe-perimee.docx : document absent du manifeste`);
    expect(bad.err).not.toContain('notes.txt');
  });
});
