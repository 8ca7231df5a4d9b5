// An IDF engagement that cites a reconnaissance contractuelle is printed once, under its N° RC in
// the annex of the reconnaissances (fiche « Volet 2 », 003_3282d72cad35ab91.txt L.39-41), not
// also in a volet of annex 1 where it would lose its N° RC. Read back from the PDF by pdftotext.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { applicableDocuments, loadModel, parseContract } from '../../src/index.ts';
import { renderContract } from '../../src/pipeline.ts';
import { hasPoppler, pdfText } from '../helpers/poppler.ts';

const ENGAGEMENT_RC = "Ouvrir une consultation d'évaluation et de traitement de la douleur chronique";
const ENGAGEMENT_VOLET = 'Structurer avec les établissements du GHT la filière de prise en charge';

function contract(model: 'idf-2021' | 'idf-2019', edit: (d: Record<string, any>) => void = () => {}) {
  const data = parse(readFileSync('fixtures/idf/groupe-hospitalier-public-multisite.yaml', 'utf8')) as Record<string, any>;
  data.modele = model;
  if (model === 'idf-2019') delete data.financements;
  edit(data);
  const c = parseContract(data);
  const m = loadModel(model);
  if (!c.ok || !m.ok) throw new Error('fixture');
  return { c: c.value, m: m.value };
}

const count = (text: string, s: string) => text.split(s).length - 1;

describe('IDF : un engagement qui cite une RC est imprimé une seule fois', () => {
  it.skipIf(!hasPoppler()).each(['idf-2021', 'idf-2019'] as const)('%s : une fois dans le dossier complet, dans l’annexe des RC, avec son N° RC', async (model) => {
    if (!hasPoppler()) console.warn('poppler absent : test ignoré');
    const { c, m } = contract(model);
    const r = await renderContract(m, c, 'ght', ['pdf']);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics));
    const pdf = (name: string) => pdfText(r.value.files.find((f) => f.name.endsWith(name))!.data).replace(/\s+/g, ' ');
    const all = pdf('-dossier-complet.pdf');
    expect(count(all, ENGAGEMENT_RC)).toBe(1);
    expect(count(all, ENGAGEMENT_VOLET)).toBe(1);
    const annexe1 = pdf('-annexe-1-engagements.pdf');
    expect(annexe1).not.toContain(ENGAGEMENT_RC);
    expect(annexe1).toContain(ENGAGEMENT_VOLET);
    const rc = pdf(model === 'idf-2021' ? '-annexe-2-reconnaissances.pdf' : '-annexe-2-moyens.pdf');
    expect(rc).toMatch(new RegExp(`\\b1 ${ENGAGEMENT_RC.slice(0, 30)}`));
  });

  it('sans engagement de volet hors RC, l’annexe 1 n’est pas produite', () => {
    const { c, m } = contract('idf-2021', (d) => {
      d.engagements = d.engagements.filter((e: { numero: number }) => e.numero === 4 || e.numero === 7);
    });
    expect(applicableDocuments(m, c)).not.toContain('annexe-1-engagements');
  });
});
