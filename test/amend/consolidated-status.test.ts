// A consolidated version is never mistaken for a signed original (issue 10, item 5): every
// document of it — socle and each annex, in its own file — says on every page what it is and
// that only the signed contract and avenants are authentic; its signature area lists who signed
// what and when, and offers no box to sign or initial.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { buildConsolidatedSet } from '../../src/amend/document/consolidated.ts';
import { blockText } from '../../src/amend/redline/text.ts';
import type { DocumentSet, Table } from '../../src/ir/types.ts';
import { writeDocx } from '../../src/index.ts';
import { renderPdfFiles } from '../../src/writers/pdf/index.ts';
import { itWith, SYSTEM_PYTHON } from '../helpers/libreoffice.ts';
import { pdfText } from '../helpers/poppler.ts';
import { MODELS, modelOf, versionsOf } from './helpers.ts';

const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
const NOTICE = flat('Version consolidée, sans valeur d’original — seuls le contrat et ses avenants signés font foi');
const warning = (k: number) =>
  flat(`Version consolidée établie à titre d’information, intégrant ${k === 1 ? 'l’avenant n° 1' : `les avenants n° 1 à ${k}`}. Seuls le contrat et ses avenants signés font foi.`);

const must = (r: { ok: true; value: DocumentSet } | { ok: false; diagnostics: readonly { message: string }[] }): DocumentSet => {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
};
const dir = mkdtempSync(join(tmpdir(), 'cpom-consolidee-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.each(MODELS)('version consolidée %s', (m) => {
  const model = modelOf(m);
  const v = versionsOf(m);
  const set = must(buildConsolidatedSet(model, v, 3));

  it('chaque document se dit version consolidée, sans case de signature ni de paraphe', () => {
    expect(set.documents.length).toBeGreaterThan(1);
    for (const d of set.documents) {
      expect(d.notices?.map(flat), d.id).toContain(NOTICE);
      const text = d.blocks.map(blockText).map(flat);
      expect(text.slice(0, 6), d.id).toContain(warning(3));
      expect(d.blocks.some((b) => b.type === 'signature'), d.id).toBe(false);
      expect(d.paraphe, d.id).toEqual([]);
    }
    expect(flat(must(buildConsolidatedSet(model, v, 1)).documents[1]!.blocks.map(blockText).join('\n'))).toContain(warning(1));
    // The contract as signed (version 0) is left as it is.
    const base = must(buildConsolidatedSet(model, v, 0));
    expect(base.documents.every((d) => !d.notices?.some((n) => n.includes('consolidée')))).toBe(true);
  });

  it('le bloc de signatures liste le contrat puis chaque avenant, avec leurs signataires', () => {
    const tables = set.documents[0]!.blocks.filter((b): b is Table => b.type === 'table' && flat(blockText(b)).startsWith('Acte'));
    expect(tables).toHaveLength(1);
    const rows = tables[0]!.bodyRows.map((r) => r.cells.map((c) => flat(c.content.map(blockText).join(' '))));
    expect(rows.map((r) => r[0])).toEqual([expect.stringMatching(/^Contrat initial/), 'Avenant n° 1', 'Avenant n° 2', 'Avenant n° 3']);
    const base = v.versions[0]!.contract;
    const cols = model.manifest.signature.ordre;
    const person = (p: { civilite: string; prenom: string; nom: string; qualite: string }) => `${p.civilite} ${p.prenom} ${p.nom}, ${p.qualite}`;
    const who = (c: typeof base, party: string) => (party === 'ars' ? person(c.ars.signataire) : person(c.titulaire.representant));
    // The contract row: the signatories of the contract as signed, at its place and date.
    expect(rows[0]![1]).toContain(base.dates.signature!.lieu);
    cols.forEach((p, i) => expect(rows[0]![2 + i]).toContain(who(base, p)));
    // Each avenant: its own date and place, the signatories in office once it is signed.
    for (const k of [1, 2, 3]) {
      const a = v.avenants[k - 1]!.avenant;
      expect(rows[k]![1]).toContain(a.signature!.lieu);
      expect(rows[k]![1]).toMatch(/\d{4}$/);
      cols.forEach((p, i) => expect(rows[k]![2 + i]).toContain(who(v.versions[k]!.contract, p)));
    }
  });
});

describe('version consolidée idf-2021 : qui a signé quoi', () => {
  it('le contrat reste signé par ses signataires d’origine, l’avenant n° 1 par la nouvelle directrice générale', () => {
    const set = must(buildConsolidatedSet(modelOf('idf-2021'), versionsOf('idf-2021'), 3));
    // Cells as blockText joins them: « a | b | c ».
    const text = flat(set.documents[0]!.blocks.map(blockText).join('\n')).replace(/ \| /g, ' ');
    expect(text).toContain('Contrat initial n° CPOM-IDF-2021-0042');
    expect(text).toMatch(/À Saint-Denis, le 25 juin 2021 Monsieur Karim Benali, Directeur Madame Hélène Lefort, Directrice générale/);
    expect(text).toMatch(/Avenant n° 1 À Saint-Denis, le 20 juin 2022 Monsieur Karim Benali, Directeur Madame Amélie Verdier, Directrice générale/);
    expect(text).toMatch(/Avenant n° 3 À Saint-Denis, le 18 décembre 2023 Madame Sophie Marchal, Directrice Madame Amélie Verdier/);
    expect(text).not.toContain('Fait en deux exemplaires originaux');
  });
});

it('une partie signataire sans libellé dans templates/_mentions.yaml est une erreur, pas une colonne vide', () => {
  const model = modelOf('dgos-2012');
  const odd = { ...model, manifest: { ...model.manifest, signature: { ...model.manifest.signature, ordre: ['ars', 'titulaire', 'constructor'] } } };
  const r = buildConsolidatedSet(odd, versionsOf('dgos-2012'), 1);
  expect(r.ok).toBe(false);
  expect(!r.ok && r.diagnostics[0]!.message).toMatch(/ne décrit pas la partie « constructor »/);
});

describe.each(['occitanie-2019', 'idf-2021'])('fichiers par document de la version consolidée %s', (m) => {
  const set = must(buildConsolidatedSet(modelOf(m), versionsOf(m), 3));

  itWith(['python-docx'])('chaque DOCX le dit en tête de page et sous le titre', () => {
    for (const d of set.documents) {
      const file = join(dir, `${m}-${d.id}.docx`);
      writeFileSync(file, writeDocx(set, { documents: [d.id] }));
      const view = JSON.parse(execFileSync(SYSTEM_PYTHON, [join(import.meta.dirname, '../engine/tools/docx_mentions.py'), file], { encoding: 'utf8' })) as { headers: string[]; body: string[] };
      expect(view.headers.map(flat).every((h) => h.includes(NOTICE)), d.id).toBe(true);
      expect(view.body.map(flat), d.id).toContain(warning(3));
    }
  });

  itWith(['pdftotext'])('chaque PDF le dit sur chaque page, et l’avertissement sur la première', async () => {
    const { perDocument } = await renderPdfFiles(set);
    expect(perDocument).toHaveLength(set.documents.length);
    perDocument.forEach((pdf, i) => {
      const pages = pdfText(pdf).split('\f').filter((p) => p.trim()).map(flat);
      const id = set.documents[i]!.id;
      for (const p of pages) expect(p, id).toContain(NOTICE);
      expect(pages[0], id).toContain(warning(3));
    });
  });
});
