import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { files, run } from '../helpers/cli.ts';

describe('cpom CLI', () => {
  it('generates one DOCX per applicable document plus the combined file, deterministically', async () => {
    const a = mkdtempSync(join(tmpdir(), 'cpom-a-'));
    const b = mkdtempSync(join(tmpdir(), 'cpom-b-'));
    const r1 = await run('generer', 'fixtures/dgos/clinique-privee-chirurgie.yaml', '--sortie', a);
    expect(r1.code, r1.err).toBe(0);
    await run('generer', 'fixtures/dgos/clinique-privee-chirurgie.yaml', '--sortie', b);
    const list = files(a);
    expect(list[0]).toBe('clinique-privee-chirurgie/01-socle.docx');
    expect(list).toContain('clinique-privee-chirurgie/clinique-privee-chirurgie-dossier-complet.docx');
    // Surgery is authorised: the ambulatory surgery annex is there; public-only annexes are not.
    expect(list.some((f) => f.includes('chirurgie-ambulatoire'))).toBe(true);
    expect(list.some((f) => f.includes('ressources-humaines'))).toBe(false);
    expect(files(b)).toEqual(list);
    for (const f of list) expect(readFileSync(join(b, f)).equals(readFileSync(join(a, f))), f).toBe(true);
  });

  it('exits 1 with a French, path-precise message and writes nothing on invalid data', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpom-bad-'));
    const r = await run('generer', 'fixtures/bad/cible-beaucoup.yaml', '--sortie', dir);
    expect(r.code).toBe(1);
    expect(r.err).toContain('aucun fichier écrit');
    expect(r.err).toMatch(/cibles\.N\+\d : nombre, pourcentage ou « oui »\/« non » attendu, reçu « beaucoup »/);
    expect(files(dir)).toEqual([]);
  });

  it('writes nothing for a contract its model rules refuse', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpom-rule-'));
    const r = await run('generer', 'fixtures/bad/idf/engagements-max-10.yaml', '--sortie', dir);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/IDF-[A-Z0-9-]+/);
    expect(r.err).toContain('source : 004_ec60fe0b7b5a9c75.txt');
    expect(files(dir)).toEqual([]);
  });

  it('rejects a template with a misspelt field at its line and column', async () => {
    const r = await run('verifier', 'fixtures/bad-templates/champ-inconnu');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/champ-inconnu\/socle\.md:\d+:\d+ : erreur \[DSL-CHAMP-INCONNU\]/);
    expect(r.err).toContain('^');
    expect(r.err).toContain('vouliez-vous dire');
  });

  it('verifies every shipped model', async () => {
    for (const m of ['dgos-2012', 'occitanie-2019', 'idf-2021', 'idf-2019']) {
      const r = await run('verifier', m);
      expect(r.code, r.err).toBe(0);
    }
  });

  it('checks a contract against its model without rendering', async () => {
    const good = await run('verifier', '--donnees', 'fixtures/dgos/chu-public.yaml');
    expect(good.code, good.err).toBe(0);
    expect(good.out).toContain('conforme au modèle dgos-2012');
  });

  it('distinguishes usage errors (exit 2) and prints French help for every command', async () => {
    expect((await run('inconnue')).code).toBe(2);
    expect((await run('generer')).code).toBe(2);
    const badOpt = await run('generer', 'x.yaml', '--formatt', 'pdf');
    expect(badOpt.code).toBe(2);
    expect(badOpt.err).toContain('option inconnue « --formatt »');
    expect((await run('generer', 'x.yaml', '--format', 'odt')).err).toContain('format inconnu « odt »');
    for (const cmd of ['generer', 'verifier', 'schema', 'modeles', 'demo']) {
      const h = await run(cmd, '--aide');
      expect(h.code).toBe(0);
      expect(h.out).toMatch(/^Usage/);
    }
  });

  it('prints a JSON Schema editors can use', async () => {
    const r = await run('schema');
    const js = JSON.parse(r.out) as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(js.properties)).toEqual(expect.arrayContaining(['modele', 'titulaire', 'engagements']));
    expect(js.required).toContain('titulaire');
  });

  it('lists models with documents, provenance and rules', async () => {
    const r = await run('modeles', '--provenance');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('dgos-2012');
    expect(r.out).toMatch(/\[verbatim\]/);
    expect(r.out).toMatch(/\[reconstitue\]/);
    expect(r.out).toMatch(/Article #.*— verbatim/);
    // What the legal staff must still validate: each reconstituted document, and the avenants' wording.
    expect(r.out).toMatch(/- socle : Socle contractuel \[reconstitue\]\n.*\n\s+validation juridique : à valider par le service juridique de l’agence/);
    expect(r.out).toContain('- documents d’avenant : gabarits de _avenant/ (communs, ou propres au modèle) [reconstitue]');
    // Every operation's article is a template: none is listed as written by the engine any more.
    expect(r.out).not.toMatch(/src\/amend/);
    expect(r.out).toContain('_avenant/engagement-ajout.md : article de l’opération « ajouter_engagement »');
    // The avenant's wording templates (templates/_avenant), each with its articles.
    expect(r.out).toContain('_avenant/signataire.md : article de l’opération « changer_signataire » — reconstitue\n        Article # – Représentation de l’agence\n        Article # – Représentation du titulaire');
    expect(r.out).toContain('_avenant/cloture.md : articles de clôture de l’avenant');
  });
});
