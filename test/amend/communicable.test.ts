// The communicable version of an avenant and of a consolidated version (issue 14 item 3): for an
// ESPIC or a private holder, what the contract's communicable version withholds (DGOS model:
// the orientations, the coopérations of annexe 2) is withheld from the avenant's articles and
// from the annexes it attaches — nowhere in the PDF's or the DOCX's bytes — and an avenant whose
// article would print it outside a marked passage is refused, nothing written.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { communicableAvenantRefusals } from '../../src/amend/communicable.ts';
import { loadAvenantFile, parseAvenantText } from '../../src/amend/load.ts';
import { allVersions, type Versions } from '../../src/amend/versions.ts';
import { checkContract, loadContractFile } from '../../src/index.ts';
import { loadModel, type Model } from '../../src/templates/load.ts';
import { docxParts } from '../docx/parts.ts';
import { run } from '../helpers/cli.ts';
import { hasPoppler, hasQpdf, pdfInfo, pdfObjectsContain, pdfText } from '../helpers/poppler.ts';

const tools = hasPoppler() && hasQpdf();
if (!tools) console.warn('⚠ poppler-utils ou qpdf absent : tests de la version communicable des avenants IGNORÉS');
const itTools = tools ? it : it.skip;

const PLACEHOLDER = '[occulté — art. L. 311-6 CRPA]';
const norm = (s: string): string => s.replace(/[\s\u00a0\u202f]+/g, ' ');
const FIXTURES = 'fixtures/avenants/dgos-2012';

/** Avenant 2 replaces the orientations (an article of the avenant); avenant 3 the coopérations (annexe 2, attached). */
const SECRETS = [
  'Conforter la filière gériatrique du bassin nord',
  'Organiser la filière de prise en charge des AVC',
  // The coopération's objective is also an engagement's (annexe 1, communicable): its partners are not.
  'SSR de Limonest',
  'CH de Villefranche',
];

const base = mkdtempSync(join(tmpdir(), 'cpom-av-cada-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));

/** The DGOS avenant fixtures with the holder's status changed (and, optionally, the model id). */
function dossier(name: string, statut: string, modele?: string): string {
  const dir = join(base, name);
  cpSync(FIXTURES, dir, { recursive: true });
  let c = readFileSync(join(dir, 'contrat.yaml'), 'utf8').replace('statut: public', `statut: ${statut}`);
  if (modele) c = c.replace('modele: dgos-2012', `modele: ${modele}`);
  writeFileSync(join(dir, 'contrat.yaml'), c);
  return dir;
}

const avenants = (dir: string) => [1, 2, 3].map((k) => join(dir, `avenant-${k}.yaml`));

/** Every file of a folder with its bytes. */
const filesOf = (dir: string) => readdirSync(dir).filter((f) => f !== 'manifest.json').map((f) => ({ name: f, data: readFileSync(join(dir, f)) }));

function expectAbsent(dir: string, secrets: readonly string[]): void {
  const fs = filesOf(dir);
  expect(fs.length).toBeGreaterThan(0);
  for (const f of fs) {
    if (f.name.endsWith('.pdf')) {
      const text = norm(pdfText(f.data));
      for (const s of secrets) {
        expect(text, f.name).not.toContain(norm(s));
        expect(pdfObjectsContain(f.data, s), `${f.name} ${s}`).toBe(false);
      }
    } else {
      for (const [part, xml] of docxParts(f.data)) for (const s of secrets) expect(xml.includes(s), `${f.name} ${part} ${s}`).toBe(false);
    }
  }
}

const dossierPdf = (dir: string) => readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('dossier-complet.pdf'))!));
const dossierDocx = (dir: string) => readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('dossier-complet.docx'))!));

describe('cpom avenant --communicable, ESPIC holder (DGOS model)', () => {
  const dir = dossier('espic', 'espic');
  const out = join(dir, 'out');

  itTools('the orientations article and the attached annexe 2 are withheld from every PDF and DOCX; the version to sign prints them', async () => {
    for (const k of [2, 3]) {
      const r = await run('avenant', join(dir, 'contrat.yaml'), ...avenants(dir), '--numero', String(k), '--communicable', '--format', 'tout', '--sortie', out);
      expect(r.code, r.err).toBe(0);
      const signed = await run('avenant', join(dir, 'contrat.yaml'), ...avenants(dir), '--numero', String(k), '--format', 'tout', '--sortie', out);
      expect(signed.code, signed.err).toBe(0);
    }
    const folder = (k: number, suffix = '-communicable') => join(out, 'contrat', `avenant-${k}${suffix}`);
    // What is withheld is there to find in the version to sign: the checks below can fail.
    const signedText = norm(pdfText(dossierPdf(folder(2, ''))) + pdfText(dossierPdf(folder(3, ''))));
    for (const s of SECRETS) expect(signedText).toContain(norm(s));
    expect(docxParts(dossierDocx(folder(2, ''))).get('word/document.xml')).toContain(SECRETS[0]);

    for (const k of [2, 3]) {
      expectAbsent(folder(k), SECRETS);
      const pdf = dossierPdf(folder(k));
      const text = norm(pdfText(pdf));
      expect(text).toContain(PLACEHOLDER);
      expect(text.split('Version communicable').length - 1).toBe(Number(pdfInfo(pdf)['Pages']));
      expect(norm(docxParts(dossierDocx(folder(k))).get('word/document.xml')!)).toContain(PLACEHOLDER);
      expect(JSON.parse(readFileSync(join(folder(k), 'manifest.json'), 'utf8')).version).toBe('communicable');
    }
    // The article keeps its number and title; only its content is withheld.
    expect(norm(pdfText(dossierPdf(folder(2))))).toContain(`Article 11 – Orientations stratégiques ${PLACEHOLDER}`);
  }, 120_000);

  itTools('cpom consolider --communicable withholds the same, in version-consolidee-k-communicable/', async () => {
    const r = await run('consolider', join(dir, 'contrat.yaml'), ...avenants(dir), '--communicable', '--format', 'tout', '--sortie', out);
    expect(r.code, r.err).toBe(0);
    const folder = join(out, 'contrat', 'version-consolidee-3-communicable');
    expectAbsent(folder, SECRETS);
    const pdf = dossierPdf(folder);
    const text = norm(pdfText(pdf));
    expect(text).toContain(PLACEHOLDER);
    expect(text).toContain('Version consolidée intégrant les avenants n° 1 à 3');
    expect(text.split('Version communicable').length - 1).toBe(Number(pdfInfo(pdf)['Pages']));
    expect(JSON.parse(readFileSync(join(folder, 'manifest.json'), 'utf8')).version).toBe('communicable');
    // The consolidated version to sign… is not to sign, but it prints them.
    const whole = await run('consolider', join(dir, 'contrat.yaml'), ...avenants(dir), '--format', 'pdf', '--sortie', out);
    expect(whole.code, whole.err).toBe(0);
    expect(norm(pdfText(dossierPdf(join(out, 'contrat', 'version-consolidee-3'))))).toContain(SECRETS[0]);
  }, 120_000);
});

describe('cpom avenant --communicable, public holder', () => {
  itTools('the avenant is whole: the orientations are printed, nothing is withheld', async () => {
    const dir = dossier('public', 'public');
    const r = await run('avenant', join(dir, 'contrat.yaml'), ...avenants(dir), '--numero', '2', '--communicable', '--format', 'pdf', '--sortie', join(dir, 'out'));
    expect(r.code, r.err).toBe(0);
    const text = norm(pdfText(dossierPdf(join(dir, 'out', 'contrat', 'avenant-2-communicable'))));
    expect(text).not.toContain(PLACEHOLDER);
    expect(text).toContain('Version communicable, intégrale');
    expect(text).toContain(SECRETS[0]);
  }, 60_000);
});

/** A library holding a copy of dgos-2012 under another id, with `edit` applied to it. */
function library(name: string, edit: (modelDir: string) => void): { lib: string; model: Model } {
  const lib = join(base, name);
  const m = join(lib, 'dgos-essai');
  cpSync('templates/dgos-2012', m, { recursive: true });
  writeFileSync(join(m, 'modele.yaml'), readFileSync(join(m, 'modele.yaml'), 'utf8').replace(/^id: dgos-2012$/m, 'id: dgos-essai'));
  edit(m);
  const r = loadModel(m);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return { lib, model: r.value };
}

/** The versions of the ESPIC dossier (avenants 1 to 3), checked against `model`'s rules. */
let copies = 0;
function versionsOf(model: Model): Versions {
  const dir = dossier(`versions-${++copies}`, 'espic');
  const c = loadContractFile(join(dir, 'contrat.yaml'));
  const as = avenants(dir).map((f) => loadAvenantFile(f));
  if (!c.ok || as.some((a) => !a.ok)) throw new Error('fixtures');
  const v = allVersions(c.value, as.map((a) => (a.ok ? a.value : undefined!)), { verifier: (x) => checkContract(model, x) });
  if (!v.ok) throw new Error(v.diagnostics.map((d) => d.message).join('\n'));
  return v.value;
}

const IDF_COOPERATIONS = `numero: 1
reference: CPOM-IDF-2021-0042
date: 2022-06-20
effet: 2022-07-01
objet: Coopérations territoriales
signature: { lieu: Saint-Denis, date: 2022-06-20 }
operations:
  - type: remplacer_cooperations
    cooperations:
      - { objectif_operationnel: Filière AVC partagée, calendrier: 2022-2023, partenaires: [Clinique du Parc], outil: Convention, indicateur: Convention signée }
`;

const UNMARKED = readFileSync('templates/_avenant/orientations.md', 'utf8').replace(/^::: occultable-secret-affaires\n/m, '').replace(/^:::\n?$/m, '');

describe('the safety net: refused rather than leaked', () => {
  it('the shipped model passes for every fixture avenant', () => {
    const m = loadModel('dgos-2012');
    if (!m.ok) throw new Error('model');
    const v = versionsOf(m.value);
    for (const k of [1, 2, 3]) expect(communicableAvenantRefusals(m.value, v, k)).toEqual([]);
  });

  it('an avenant whose orientations article is not marked (a model’s own _avenant/orientations.md) is refused, naming the operation and the template, nothing written', async () => {
    expect(UNMARKED).toContain('{% pour o dans op.orientations %}');
    expect(UNMARKED).not.toMatch(/^:::/m);
    const { lib, model } = library('sans-marque', (m) => {
      mkdirSync(join(m, '_avenant'));
      writeFileSync(join(m, '_avenant', 'orientations.md'), UNMARKED);
    });
    const d = communicableAvenantRefusals(model, versionsOf(model), 2);
    expect(d.map((x) => x.code)).toEqual(['AVENANT-COMMUNICABLE']);
    expect(d[0]!.message).toContain('« remplacer_orientations »');
    expect(d[0]!.message).toContain('les orientations stratégiques');
    expect(d[0]!.span?.file).toBe(join(model.dir, '_avenant', 'orientations.md'));

    const dir = dossier('espic-sans-marque', 'espic', 'dgos-essai');
    const out = join(dir, 'out');
    const r = await run('avenant', join(dir, 'contrat.yaml'), ...avenants(dir), '--communicable', '--modeles', lib, '--sortie', out);
    expect(r.code).toBe(1);
    expect(r.err).toContain('version communicable de l’avenant n° 2 refusée (titulaire espic), aucun fichier écrit');
    expect(r.err).toContain('« remplacer_orientations »');
    expect(r.err).toMatch(/dgos-essai\/_avenant\/orientations\.md:\d+:\d+/);
    expect(r.err).toContain('::: occultable-secret-affaires');
    expect(existsSync(out)).toBe(false);
    // The same avenant is still produced for signature.
    expect((await run('avenant', join(dir, 'contrat.yaml'), ...avenants(dir), '--numero', '2', '--modeles', lib, '--format', 'docx', '--sortie', out)).code).toBe(0);
  }, 60_000);

  itTools('data a model declares occultable (IDF: coopérations, which its contract does not print) are withheld from the avenant too', async () => {
    const m = loadModel('idf-2021');
    if (!m.ok) throw new Error('model');
    expect(m.value.manifest.donnees_occultables.map((d) => d.chemin)).toEqual(['cooperations']);
    const dir = join(base, 'idf-coop');
    mkdirSync(dir, { recursive: true });
    writeFileSync(join(dir, 'contrat.yaml'), readFileSync('fixtures/avenants/idf-2021/contrat.yaml', 'utf8').replace(/statut: public/, 'statut: espic'));
    writeFileSync(join(dir, 'avenant-1.yaml'), IDF_COOPERATIONS);
    const c = loadContractFile(join(dir, 'contrat.yaml'));
    const a = parseAvenantText(IDF_COOPERATIONS, 'avenant-1.yaml');
    if (!c.ok || !a.ok) throw new Error('fixtures');
    expect(c.value.titulaire.statut).toBe('espic');
    const v = allVersions(c.value, [a.value], { verifier: (x) => checkContract(m.value, x) });
    if (!v.ok) throw new Error(v.diagnostics.map((d) => d.message).join('\n'));
    // The shared coopérations article (templates/_avenant/cooperations.md) marks its table: no refusal…
    expect(communicableAvenantRefusals(m.value, v.value, 1)).toEqual([]);
    // …and the partners appear in no file of the communicable avenant, whose article keeps its heading.
    const out = join(dir, 'out');
    const r = await run('avenant', join(dir, 'contrat.yaml'), join(dir, 'avenant-1.yaml'), '--communicable', '--format', 'tout', '--sortie', out);
    expect(r.code, r.err).toBe(0);
    const folder = join(out, 'contrat', 'avenant-1-communicable');
    expectAbsent(folder, ['Clinique du Parc', 'Filière AVC partagée']);
    expect(norm(pdfText(dossierPdf(folder)))).toContain(PLACEHOLDER);
  });

  it('an article whose own template (a model’s override) does not mark the withheld data is refused', () => {
    // In this copy annexe 2 is no longer recognised as the coopérations annex, so remplacer_cooperations
    // gets its own article (templates/_avenant/cooperations.md), here overridden without its mark.
    const { model } = library('coop-non-marquee', (m) => {
      writeFileSync(join(m, 'modele.yaml'), readFileSync(join(m, 'modele.yaml'), 'utf8').replaceAll('annexe-02-cooperations', 'annexe-02-coop'));
      mkdirSync(join(m, '_avenant'), { recursive: true });
      const marked = readFileSync('templates/_avenant/cooperations.md', 'utf8');
      writeFileSync(join(m, '_avenant', 'cooperations.md'), marked.replace(/^::: occultable-secret-affaires\n/m, '').replace(/\n:::\s*$/, '\n'));
    });
    expect(model.avenant.cooperations.origin).toBe('modele');
    const d = communicableAvenantRefusals(model, versionsOf(model), 3);
    expect(d.map((x) => x.code)).toEqual(['AVENANT-COMMUNICABLE']);
    expect(d[0]!.message).toContain('« remplacer_cooperations »');
    expect(d[0]!.message).toContain('_avenant/cooperations.md');
  });
});
