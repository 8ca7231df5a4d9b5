// The Occitanie socle and Annexe 5 are the agency's model texts. Word-for-word fidelity is
// checked by the tool (src/provenance, test/provenance); here, what it does not check: the
// articles numbered as the model does, the [sic] and key sentences kept, the matrix rows in order.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { seedPath } from '../helpers/seeds.ts';

const SEED = seedPath('002_31a56b3083e7fdc0.txt');
const MODEL = fileURLToPath(new URL('../../templates/occitanie-2019/', import.meta.url));

/** The PDF extraction repeats some headings four times ("SSSSOCLE TYPE DU OCLE TYPE DU …"). */
export function degarble(s: string): string {
  return s.replace(/(.+?)\1{3}/g, '$1');
}

/** Whitespace is not significant: the extraction splits words ("modernisat ion") and lines. */
function squash(s: string): string {
  return s.replace(/[\s\u00a0\u202f]+/g, '');
}

function seedLines(from: number, to: number): string {
  return readFileSync(SEED, 'utf8').split('\n').slice(from - 1, to).map(degarble).join('\n');
}

/** Template text with includes inlined and the regions marked as additions removed. */
function templateSource(file: string): string {
  const text = readFileSync(MODEL + file, 'utf8').replace(/^\{% inclure "([^"]+)" %\}$/gm, (_, f: string) => templateSource(f));
  return text.replace(/\{# ajout : début[\s\S]*?\{# ajout : fin #\}/g, '');
}

interface Literal {
  readonly line: number;
  readonly text: string;
}

/**
 * Literal lines of a template: headings (numbered as rendered when every article is present),
 * paragraphs and list items without values; `{% ref %}` is replaced by the article number.
 * Tables, containers, comments and lines carrying data are not model text.
 */
function literals(file: string): { lines: Literal[]; headings: string[] } {
  const src = templateSource(file).replace(/\{#(?!\w)[\s\S]*?#\}/g, (c) => c.replace(/[^\n]/g, ''));
  const rows = src.split('\n');
  const anchors = new Map<string, string>();
  const numbered: { i: number; text: string }[] = [];
  let art = 0;
  let sub = 0;
  rows.forEach((r, i) => {
    const h = /^(#{1,4})\s+(.*?)(?:\s*\{#([\w-]+)\})?\s*$/.exec(r);
    if (!h) return;
    let text = h[2]!;
    if (text.includes('#.#')) text = text.replace('#.#', `${art}.${++sub}`);
    else if (/\w #/.test(text)) {
      // `Article #2`: the model's own number (fixed), else the next one.
      const fixed = /\w #(\d+)/.exec(text);
      art = fixed ? Number(fixed[1]) : art + 1;
      sub = 0;
      text = text.replace(/ #\d*/, ` ${art}`);
    }
    if (h[3]) anchors.set(h[3], String(art));
    numbered.push({ i, text });
  });
  const headingAt = new Map(numbered.map((n) => [n.i, n.text]));
  const lines: Literal[] = [];
  rows.forEach((raw, i) => {
    let t = headingAt.get(i) ?? raw;
    t = t.replace(/\{% ref ([\w-]+) %\}/g, (_, a: string) => anchors.get(a) ?? '?').replace(/^\{% mention %\}/, '');
    if (!t.trim() || /^\s*(\||:::)/.test(t) || t.includes('{{') || t.includes('{%')) return;
    t = t.replace(/^\s*([*-]|\d+\.)\s+/, '').replace(/\\$/, '').replace(/\*\*/g, '').trim();
    if (t) lines.push({ line: i + 1, text: t });
  });
  return { lines, headings: numbered.map((n) => n.text) };
}

describe('Occitanie 2019-2023 — texte verbatim du socle type (seed 002, L.1409-1784)', () => {
  const seed = () => seedLines(1409, 1784);

  it('de-garbles the quadrupled headings of the extraction', () => {
    expect(degarble('SSSSOCLE TYPE DU OCLE TYPE DU OCLE TYPE DU OCLE TYPE DU CPOMCPOMCPOMCPOM')).toBe('SOCLE TYPE DU CPOM');
    expect(seedLines(1409, 1409)).toContain('ANNEXE 1 : SOCLE TYPE DU CPOM 2019-2023');
    expect(seedLines(1797, 1797)).toContain('ANNEXE 5 : ANNEXE TYPE « FINANCEMENTS » DU CPOM 2019-2023');
  });

  it('numbers the articles as the model does: 1 to 10, sub-articles 4.1 and 4.2, titles 1 and 2', () => {
    const { headings } = literals('socle.md');
    const articles = headings.filter((h) => h.startsWith('Article'));
    expect(articles.map((h) => /^Article ([\d.]+)/.exec(h)?.[1])).toEqual(['1', '2', '3', '4', '4.1', '4.2', '5', '6', '7', '8', '9', '10']);
    expect(headings).toContain('Titre 1. L’objet du contrat');
    expect(headings).toContain('Titre 2. La mise en œuvre du contrat');
    expect(headings).toContain('Préambule');
    // Every article heading of the seed is a heading of the template.
    const seedArticles = seed()
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => /^Article \d+(\.\d+)?\s*[-–]/.test(l));
    expect(seedArticles).toHaveLength(12);
    for (const s of seedArticles) expect(headings.map(squash), s).toContain(squash(s));
  });

  it('keeps the [sic] of the model and the key sentences', () => {
    const text = squash(literals('socle.md').lines.map((l) => l.text).join(' '));
    for (const key of [
      'Conformément à l’article L.6114-8 du code de la santé publique', // [sic], L.6114-1 in the guide body
      'Il est convenu ce qui suit,',
      'Objectif n°4 : Renforcer la coordination des acteurs pour des prises en charge adaptées',
      'Axe n°5 : Santé mentale',
      'la définition des éventuels avenants prévus à l’article 6 ;',
      'la détermination des sanctions prévues à l’article 8.',
      'accompagné d’annexes visées à l’article 10.',
      'ne pouvant être inférieur à trois rencontres sur la période du CPOM',
      '5% des produits reçus',
      'Les engagements et obligations fixés à l’établissement figurent dans les annexes suivantes :',
      '(cachet de l’établissement, nom du signataire ET signature)',
      'Vu la circulaire DGOS/R5 no 2011-315 du 1er août 2011 relative au guide de délégation des dotations finançant les aides à la contractualisation',
    ]) {
      expect(text, key).toContain(squash(key));
      expect(squash(seed()), key).toContain(squash(key));
    }
  });

  it('prints the copy-B matrix rows of Article 10 in the order of the seed', () => {
    const socle = readFileSync(MODEL + 'socle.md', 'utf8');
    const rows = socle.split('\n').filter((l) => l.startsWith('| Annexe'));
    expect(rows.map((r) => r.split('|').map((c) => c.trim()).slice(1, 5))).toEqual([
      ['Annexe - Orientations stratégiques', 'x', 'x', 'x'],
      ['Annexe - Coopérations', 'x', 'x', 'x'],
      ['Annexe - Reconnaissances contractuelles', 'Si applicable', 'x', ''],
      ['Annexe - Permanence des soins', 'Si applicable', 'x', ''],
      ['Annexe - Financière (si applicable)', 'x', 'x', 'Si applicable'],
    ]);
    const hay = squash(seed());
    let at = 0;
    for (const r of rows) {
      const label = squash(r.split('|')[1]!);
      const k = hay.indexOf(label, at);
      expect(k, label).toBeGreaterThanOrEqual(0);
      at = k;
    }
    expect(hay).toContain(squash('Titulaires d’EML/ laboratoires de biologie autorisés en AMP/DPN'));
  });
});

describe('Occitanie 2019-2023 — texte verbatim de l’annexe 5 « Financements » (seed 002, L.1797-1942)', () => {
  const seed = () => seedLines(1797, 1942);

  it('has the four articles of the model with their titles', () => {
    const { headings } = literals('annexe-financements.md');
    expect(headings.filter((h) => h.startsWith('Article'))).toEqual([
      'Article 1- Dotations MIGAC pour les activités de soins MCO et SSR et DAF pour les activités de SSR, Psychiatrie et USLD',
      'Article 2 – Subventions FMESPP',
      'Article 3 – Subventions FIR',
      'Article 4 – Tarifs de prestations pour les établissements sous OQN ayant une activité de soins de SSR et/ou de Psychiatrie',
    ]);
    const hay = squash(seed());
    for (const h of headings) expect(hay, h).toContain(squash(h));
  });

  it('keeps the key sentences of Articles 1 to 4', () => {
    const text = squash(literals('annexe-financements.md').lines.map((l) => l.text).join(' '));
    for (const key of [
      'Cette base est amenée à évoluer au fur et à mesure des différentes notifications de crédits pérennes et/ou non pérennes.',
      'Les indicateurs et/ou objectifs liés à ces dotations seront fixés par le biais d’avenant à cette annexe.',
      'dans un délai de 3 ans à compter du 1er janvier de l’année qui suit la notification de cette subvention',
      'Il existe différentes modalités de versement : mensualité, versement unique ou en fonction de pièces justificatives.',
      'Les tarifs sont fixés par arrêté et sont applicables sous réserve de la conclusion d’un avenant à cette annexe.',
      '(ou titulaire de l’autorisation)',
    ]) {
      expect(text, key).toContain(squash(key));
    }
  });

  it('would catch a changed word (the comparison is not vacuous)', () => {
    const hay = squash(seed());
    expect(hay).toContain(squash('La déchéance de cette subvention interviendra si'));
    expect(hay).not.toContain(squash('La déchéance de cette subvention interviendra quand'));
  });
});
