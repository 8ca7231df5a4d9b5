// Provenance checked by the tool (issue 12): a copy of the engine's library where one thing at a
// time is broken — a verbatim sentence reworded, a citation at a line that does not exist or does
// not say it — is reported at the right place; the typography, [sic] notes and filled blanks the
// models rely on are accepted; and every shipped model checks clean.
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics/format.ts';
import { checkProvenance, CODE_CITATION, CODE_VERBATIM, SourceCache } from '../../src/provenance/index.ts';
import { checkQuotes } from '../../src/provenance/verbatim.ts';
import { listModelIds, loadModel, TEMPLATES_ROOT } from '../../src/templates/load.ts';
import { cpom } from '../helpers/cli.ts';

const work = mkdtempSync(join(tmpdir(), 'cpom-provenance-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;

/** A fresh copy of the library, changed by `edit` (relative path → new text from old). */
function library(edits: Record<string, (s: string) => string>): string {
  const root = join(work, `lib-${n++}`);
  cpSync(TEMPLATES_ROOT, root, { recursive: true });
  for (const [file, edit] of Object.entries(edits)) {
    const path = join(root, file);
    const before = readFileSync(path, 'utf8');
    const after = edit(before);
    expect(after, `la modification de ${file} n’a rien changé`).not.toBe(before);
    writeFileSync(path, after);
  }
  return root;
}

function check(root: string, id = 'dgos-2012') {
  const m = loadModel(join(root, id));
  if (!m.ok) throw new Error(m.diagnostics.map((d) => d.message).join('\n'));
  return checkProvenance(m.value, root);
}

const flat = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('provenance : un document verbatim est sa source mot pour mot', () => {
  it('une phrase reformulée est signalée au mot qui diffère, avec la ligne de la source', () => {
    const root = library({ 'dgos-2012/socle.md': (s) => s.replace('Il a été expressément convenu ce qui suit,', 'Il a été explicitement convenu ce qui suit,') });
    const r = check(root);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.code).toBe(CODE_VERBATIM);
    expect(d.severity).toBe('erreur');
    expect(d.span?.file).toBe(join(root, 'dgos-2012', 'socle.md'));
    const line = readFileSync(join(root, 'dgos-2012', 'socle.md'), 'utf8').split('\n').findIndex((l) => l.includes('explicitement')) + 1;
    expect(d.span?.start.line).toBe(line);
    expect(d.span?.start.column).toBe(10); // « explicitement », the first word that differs
    expect(d.source).toEqual({ fichier: '001_31e1b23b00324c09.txt', ligne: 4316 });
    expect(flat(d.message)).toContain('attendu « expressément convenu ce qui suit');
    expect(flat(d.message)).toContain('trouvé « explicitement convenu ce qui suit');
    expect(formatDiagnostic(d)).toContain('source : 001_31e1b23b00324c09.txt, ligne 4316');
  });

  it('un [sic] corrigé est une différence', () => {
    const r = check(library({ 'dgos-2012/socle.md': (s) => s.replace('L.6114-1 à L.6114-5 du code de la Sante Publique', 'L.6114-1 à L.6114-5 du code de la santé publique') }));
    expect(r.diagnostics.map((d) => d.code)).toEqual([CODE_VERBATIM]);
    expect(flat(r.diagnostics[0]!.message)).toContain('trouvé « santé publique');
  });

  it('tolère les espaces typographiques, les annotations [sic] et les blancs remplis', () => {
    const root = library({
      'dgos-2012/socle.md': (s) =>
        s
          .replace('Il a été expressément convenu ce qui suit,', 'Il a\u00a0été expressément\u202fconvenu  ce qui\nsuit,')
          .replace('L.6114-5 du code de la Sante Publique', 'L.6114-5 du code de la Sante [sic] Publique')
          // The model's blank, left as dots or filled by a value: the same wording around it.
          .replace('Vu le projet régional de santé arrêté le {{ ars.prs_adoption | date | defaut("……………") }}', 'Vu le projet régional de santé arrêté le ……………'),
    });
    const r = check(root);
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
    expect(r.passages).toBeGreaterThan(200);
  });

  it('un document verbatim sans source citée est refusé', () => {
    const r = check(library({ 'dgos-2012/modele.yaml': (s) => s.replace('001_31e1b23b00324c09.txt, lignes 4296-4424 (titre', 'Lignes 4296-4424 (titre') }));
    expect(r.diagnostics.map((d) => d.code)).toEqual([CODE_VERBATIM]);
    expect(r.diagnostics[0]!.message).toContain('déclaré verbatim sans source');
    expect(r.diagnostics[0]!.span?.file).toMatch(/modele\.yaml$/);
  });
});

describe('provenance : un extrait balisé {# verbatim : … #} est sa source mot pour mot', () => {
  const quotes = (root: string, file: string) => checkQuotes(join(root, file), new SourceCache(root), 12);
  const FILE = 'idf-commun/_annexe-1-engagements.md';

  it('les extraits des fragments IDF sont conformes', () => {
    const r = quotes(TEMPLATES_ROOT, FILE);
    expect(r.diagnostics).toEqual([]);
    expect(r.quotes).toBe(2);
  });

  it('un extrait altéré est signalé au mot qui diffère', () => {
    const root = library({ [FILE]: (s) => s.replace('N = année de la date d’effet du contrat.{#', 'N = année de la date de signature du contrat.{#') });
    const r = quotes(root, FILE);
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.source).toEqual({ fichier: '004_ec60fe0b7b5a9c75.txt', ligne: 214 });
    expect(flat(d.message)).toContain('attendu « d’effet du contrat');
    expect(flat(d.message)).toContain('trouvé « de signature du contrat');
    const text = readFileSync(join(root, FILE), 'utf8');
    expect(d.span?.start.offset).toBe(text.indexOf('de signature du contrat.{#'));
  });

  it('un extrait cité à une autre ligne, ou sans fin, est signalé', () => {
    const moved = quotes(library({ [FILE]: (s) => s.replace('ligne 214 #}', 'ligne 150 #}') }), FILE);
    expect(moved.diagnostics.map((d) => d.code)).toEqual([CODE_VERBATIM]);
    const open = quotes(library({ [FILE]: (s) => s.replace('du contrat.{# verbatim : fin #}', 'du contrat.') }), FILE);
    expect(open.diagnostics.map((d) => d.message)).toContain('citation verbatim mal délimitée : « {# verbatim : fin #} » manquant');
  });
});

describe('provenance : chaque citation est à la ligne qu’elle donne', () => {
  it('une ligne qui n’existe pas', () => {
    const r = check(library({ 'dgos-2012/modele.yaml': (s) => s.replace('    ligne: 914\n', '    ligne: 99999\n') }));
    expect(r.diagnostics.map((d) => d.code)).toEqual([CODE_CITATION]);
    const d = r.diagnostics[0]!;
    expect(flat(d.message)).toContain('durée : la ligne 99999 citée n’existe pas : 001_31e1b23b00324c09.txt a 6280 lignes');
    expect(d.span?.file).toMatch(/dgos-2012\/modele\.yaml$/);
  });

  it('une ligne qui ne contient pas la citation (et où elle est)', () => {
    const r = check(library({ 'dgos-2012/modele.yaml': (s) => s.replace('ligne: 935, citation: "Le CPOM est signé par', 'ligne: 936, citation: "Le CPOM est signé par') }));
    expect(r.diagnostics.map((d) => d.code)).toEqual([CODE_CITATION]);
    const d = r.diagnostics[0]!;
    expect(flat(d.message)).toMatch(/^règle DGOS-[A-Z-]+ : la ligne 936 de 001_31e1b23b00324c09\.txt ne contient pas la citation \(la citation est ligne 935\) : attendu « Le CPOM est signé par/);
    expect(d.source?.ligne).toBe(936);
  });

  it('une citation altérée', () => {
    const r = check(library({ 'dgos-2012/modele.yaml': (s) => s.replace('citation: "Le CPOM est conclu pour une durée maximale de cinq ans', 'citation: "Le CPOM est conclu pour une durée maximale de six ans') }));
    expect(r.diagnostics.map((d) => d.code)).toEqual([CODE_CITATION]);
    expect(flat(r.diagnostics[0]!.message)).toContain('durée : la ligne 914 de 001_31e1b23b00324c09.txt ne contient pas la citation : attendu « Le CPOM est conclu pour une durée maximale de six ans');
  });

  it('une source absente de _sources/ ou hors de _sources/', () => {
    const r = check(library({ 'dgos-2012/modele.yaml': (s) => s.replace('    fichier: 001_31e1b23b00324c09.txt\n    ligne: 914', '    fichier: ../dgos-2012/socle.md\n    ligne: 914') }));
    expect(r.diagnostics.map((d) => d.message)).toEqual([expect.stringContaining('n’est pas un nom de fichier de _sources/')]);
  });
});

describe('provenance : les modèles livrés', () => {
  const cache = new SourceCache(TEMPLATES_ROOT);
  it.each(listModelIds())('%s : aucune différence avec les sources', (id) => {
    const m = loadModel(id);
    if (!m.ok) throw new Error(m.diagnostics.map((d) => d.message).join('\n'));
    const r = checkProvenance(m.value, TEMPLATES_ROOT, cache);
    expect(r.diagnostics.map((d) => formatDiagnostic(d))).toEqual([]);
    expect(r.citations).toBeGreaterThan(20);
    // Not vacuous: the models that declare verbatim documents have their wording compared.
    const verbatim = m.value.manifest.documents.filter((d) => d.provenance === 'verbatim').length;
    expect(r.verbatimDocuments).toBe(verbatim);
    if (verbatim) expect(r.passages).toBeGreaterThan(100);
    // The IDF models quote their sources inside reconstituted documents.
    if (id.startsWith('idf-')) expect(r.quotes).toBeGreaterThanOrEqual(10);
  });

  it('cpom verifier dit ce qu’il a contrôlé', async () => {
    const r = await cpom('verifier', 'occitanie-2019');
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(flat(r.out)).toMatch(/127 passage\(s\) verbatim \(2 document\(s\) verbatim, 0 extrait\(s\) cité\(s\)\) et 39 citation\(s\) contrôlés contre les sources/);
  });
});
