// « No data silently dropped »: a value the contract fills that no document of its model
// prints is a warning naming the data path and the model, in verifier, generer and campaigns.
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { main } from '../../src/cli/main.ts';
import { plainSpaces } from '../helpers/cli.ts';
import { buildDocumentSet, loadModel, parseContract } from '../../src/index.ts';
import { renderContract } from '../../src/pipeline.ts';
import { unprintedWarnings } from '../../src/templates/unprinted.ts';
import { hasPoppler, pdfText } from '../helpers/poppler.ts';

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await main(argv, (s) => (out += `${plainSpaces(s)}\n`), (s) => (err += `${plainSpaces(s)}\n`));
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
    expect(r.out).toMatch(/conforme au modèle occitanie-2019 \(\d+ avertissement\(s\), dont \d+ donnée\(s\) non imprimée\(s\)\)/);
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

/** Unprinted paths of a contract, built in memory, each with whether the model gave a reason. */
function unprinted(data: Record<string, any>): { path: string; documented: boolean }[] {
  const c = parseContract(data);
  if (!c.ok) throw new Error(JSON.stringify(c.diagnostics, null, 1));
  const m = loadModel(c.value.modele);
  if (!m.ok) throw new Error(JSON.stringify(m.diagnostics, null, 1));
  const used = new Set<string>();
  const b = buildDocumentSet(m.value, c.value, { used });
  if (!b.ok) throw new Error(JSON.stringify(b.diagnostics, null, 1));
  return unprintedWarnings(m.value, c.value, used).map((d) => ({ path: d.dataPath!, documented: !!d.hints?.length }));
}

const FIXTURES = ['fixtures/dgos', 'fixtures/occitanie', 'fixtures/idf', 'fixtures/avenants/dgos-2012', 'fixtures/avenants/occitanie-2019', 'fixtures/avenants/idf-2021']
  .flatMap((d) => readdirSync(d).filter((f) => /^[^.].*\.yaml$/.test(f) && !f.startsWith('avenant')).map((f) => join(d, f)));

/**
 * Each model's fixture with every optional list and field it may lack filled in, so that every
 * declaration of the manifest is exercised: missions without n° 1 (DGOS prints PDS lines only
 * under it), authorisations, PDS, cooperations, contracts outside the CPOM, indicator details.
 */
function everything(fixture: string): Record<string, any> {
  const d = parse(readFileSync(fixture, 'utf8')) as Record<string, any>;
  const site = d.sites?.[0]?.finess_et ?? d.titulaire.finess_ej;
  d.ars.region ??= 'Région';
  d.penalites ??= 'Pénalité proportionnée, dans la limite de 5 % des produits';
  d.orientations ??= ['Développer les parcours'];
  d.penalites_montant_max ??= 1000;
  d.titulaire.produits_assurance_maladie ??= { exercice: 2018, montant: 1000000 };
  d.autorisations ??= [{ arhgos: '00-0001', activite: 'Médecine', modalite: 'HC', forme: 'HC', finess_et: site, date_autorisation: '2015-01-01', date_echeance: '2025-01-01' }];
  d.permanence_soins ??= [{ specialite: 'Cardiologie', type_ligne: 'garde', organisation: 'propre', nombre: 1, finess_et: site, partenaires: ['CH voisin'] }];
  d.cooperations ??= [{ objectif_operationnel: 'Filière', calendrier: '2024', partenaires: ['CH voisin'], contribution: 'Équipe', outil: 'Convention', indicateur: 'Nombre' }];
  d.missions_service_public = [{ numero: 2, perimetre: 'Enseignement' }];
  d.engagements_hors_cpom ??= [{ type: 'Contrat de retour à l’équilibre', date: '2019-01-01', parties: 'ARS', duree: '3 ans' }];
  for (const r of d.reconnaissances ?? []) r.date_effet ??= '2020-01-01';
  d.financements ??= {};
  (d.financements.dotations ??= []).push({ nature: 'MIG', libelle: 'Équipe mobile', montant: 1000, debut: '2020-01-01', fin: '2021-12-31' });
  for (const e of d.engagements ?? []) for (const i of e.indicateurs ?? []) Object.assign(i, { mode_calcul: 'ratio', unite: '%', source: 'PMSI', resultats: { 'N+1': 1 } });
  return d;
}

const MODEL_FIXTURE: Record<string, string> = {
  'dgos-2012': 'fixtures/dgos/chu-public.yaml',
  'occitanie-2019': 'fixtures/occitanie/chu.yaml',
  'idf-2021': 'fixtures/idf/groupe-hospitalier-public-multisite.yaml',
  'idf-2019': 'fixtures/idf/espic-idf-2019.yaml',
};

describe('what each model leaves unprinted is documented in its manifest', () => {
  const seen = new Map<string, Set<string>>();
  const note = (model: string, paths: readonly { path: string }[]) => {
    const s = seen.get(model) ?? new Set<string>();
    for (const p of paths) s.add(p.path);
    seen.set(model, s);
  };

  it.each(FIXTURES)('%s : every remaining warning has the model’s reason', (file) => {
    const data = parse(readFileSync(file, 'utf8')) as Record<string, any>;
    const w = unprinted(data);
    expect(w.filter((x) => !x.documented).map((x) => x.path)).toEqual([]);
    note(data.modele, w);
  });

  it.each(Object.entries(MODEL_FIXTURE))('%s : every declaration is reached, and nothing else is left out', (model, fixture) => {
    const w = unprinted(everything(fixture));
    expect(w.filter((x) => !x.documented).map((x) => x.path)).toEqual([]);
    note(model, w);
    const m = loadModel(model);
    if (!m.ok) throw new Error(model);
    // A declaration no contract reaches is dead documentation (a path since printed, a typo).
    const declared = m.value.manifest.donnees_non_imprimees.map((d) => d.chemin).sort();
    const reached = declared.filter((c) => [...seen.get(model)!].some((p) => p === c || p.startsWith(`${c}.`) || p.startsWith(`${c}[`)));
    expect(reached).toEqual(declared);
  });
});

describe('newly printed data reaches the PDF (IDF socle: orientations, penalties)', () => {
  it.skipIf(!hasPoppler())('pdftotext reads them, and no warning names them', async () => {
    if (!hasPoppler()) console.warn('poppler absent : test ignoré');
    const data = parse(readFileSync('fixtures/idf/socle-commun.yaml', 'utf8')) as Record<string, any>;
    data.orientations = ['Structurer la filière gériatrique du sud Yvelines'];
    data.penalites = 'une pénalité de 0,5 % des produits par engagement non tenu';
    const c = parseContract(data);
    const m = loadModel('idf-2021');
    if (!c.ok || !m.ok) throw new Error('fixture');
    const r = await renderContract(m.value, c.value, 'socle', ['pdf']);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const text = pdfText(r.value.files.find((f) => f.name === '01-socle.pdf')!.data).replace(/\s+/g, ' ');
    expect(text).toContain('Structurer la filière gériatrique du sud Yvelines');
    expect(text).toContain('une pénalité de 0,5 % des produits par engagement non tenu');
    expect(r.value.warnings.filter((d) => d.code === 'DONNEES-NON-IMPRIMEES')).toEqual([]);
  });
});
