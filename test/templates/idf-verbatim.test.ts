// The Île-de-France socle is reconstituted (the agency's model is not in the sources), but the
// sentences the sources do give are quoted as they are: each quote below must be in every
// document listed (its match with the seed is checked by the tool, test/provenance, as are the
// rule citations).
// The seeds are the authority (templates/_sources).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { SEEDS_DIR } from '../helpers/seeds.ts';

const SEEDS = SEEDS_DIR;
const TEMPLATES = fileURLToPath(new URL('../../templates/', import.meta.url));

const GUIDE = '004_ec60fe0b7b5a9c75.txt';
const V1 = '000_734e3d6b30681c3c.txt';
const V2 = '003_3282d72cad35ab91.txt';

/**
 * Typography is not part of a quote: the templates use ’ and no-break spaces before « : ; % »,
 * the PDF extraction has straight quotes, stray double spaces and line breaks inside sentences.
 */
function norm(s: string): string {
  return s
    .replace(/[’‘]/g, "'")
    .replace(/[\s\u00a0\u202f]+/g, ' ')
    .replace(/ ([%;:!?»])/g, '$1')
    .replace(/« /g, '«')
    .replace(/° /g, '°')
    .trim();
}

/** Seed text from `line` over the next `span` lines (a sentence may wrap over blank lines). */
function seedWindow(file: string, line: number, span = 8): string {
  return norm(readFileSync(SEEDS + file, 'utf8').split('\n').slice(line - 1, line - 1 + span).join(' '));
}

/** Template file with its includes inlined (paths relative to the including file). */
function template(path: string): string {
  const dir = path.slice(0, path.lastIndexOf('/') + 1);
  return readFileSync(TEMPLATES + path, 'utf8').replace(/^\{% inclure "([^"]+)" %\}$/gm, (_, f: string) => template(normRel(dir + f)));
}

function normRel(p: string): string {
  const out: string[] = [];
  for (const seg of p.split('/')) {
    if (seg === '..') out.pop();
    else out.push(seg);
  }
  return out.join('/');
}

interface Quote {
  readonly seed: string;
  readonly line: number;
  readonly text: string;
  /** Rendered documents (model-relative paths) that must carry the quote. */
  readonly in: readonly string[];
}

const BOTH_ANNEX1 = ['idf-2021/annexe-1-engagements.md', 'idf-2019/annexe-1-engagements.md'];
const BOTH_SOCLES = ['idf-2021/socle.md', 'idf-2019/socle.md'];

const QUOTES: readonly Quote[] = [
  {
    seed: GUIDE,
    line: 151,
    text: "L'engagement est de nature contractuelle et consiste en une action que le titulaire du contrat s'engage à accomplir ou en un objectif à atteindre pendant la durée du CPOM.",
    in: BOTH_ANNEX1,
  },
  { seed: GUIDE, line: 214, text: 'N = année de la date d’effet du contrat.', in: BOTH_ANNEX1 },
  {
    seed: GUIDE,
    line: 99,
    text: 'à la fois décliner des engagements communs valables pour l’ensemble des établissements concernés et détailler les engagements propres à chaque structure.',
    in: BOTH_SOCLES,
  },
  { seed: GUIDE, line: 501, text: "Le contenu de l'avenant est intégré dans le CPOM par la modification de l'annexe concernée.", in: BOTH_SOCLES },
  {
    seed: GUIDE,
    line: 503,
    text: 'En cas de modification substantielle du contenu, la signature d’un nouveau contrat pourrait être privilégiée à la réalisation d’un avenant.',
    in: BOTH_SOCLES,
  },
  {
    seed: GUIDE,
    line: 571,
    text: "Ces pénalités financières sont proportionnées à la gravité du manquement constaté et ne peuvent excéder, au cours d'une même année, 5% des produits reçus, par l'établissement ou le titulaire de l'autorisation, des régimes obligatoires d'Assurance Maladie au titre du dernier exercice clos.",
    in: BOTH_SOCLES,
  },
  { seed: GUIDE, line: 543, text: 'Chacune des annexes doit être paraphée par les parties au contrat.', in: BOTH_SOCLES },
  { seed: GUIDE, line: 545, text: 'Le contrat est signé en 2 exemplaires originaux (1 pour la structure, 1 pour l’ARS).', in: BOTH_SOCLES },
  {
    seed: V2,
    line: 4,
    text: 'certaines activités de soins qui, non soumises à autorisation, donnent lieu néanmoins à reconnaissance contractuelle par l’ARS dans le cadre des CPOM.',
    in: ['idf-2021/annexe-2-reconnaissances.md', 'idf-2019/annexe-2-moyens.md'],
  },
  {
    seed: V2,
    line: 22,
    text: 'Une reconnaissance contractuelle doit être rattachée à un site géographique d’implantation.',
    in: ['idf-2021/annexe-2-reconnaissances.md', 'idf-2019/annexe-2-moyens.md'],
  },
  {
    seed: V1,
    line: 4,
    text: 'Ce volet a pour finalité de définir les objectifs opérationnels de l’établissement se rapportant directement aux conditions de mise en œuvre des activités de soins et d’équipements matériels lourds (EML) autorisés et listés aux articles R 6122-25 et R6122-26 du CSP.',
    in: ['idf-2019/annexe-2-moyens.md'],
  },
  {
    seed: V1,
    line: 14,
    text: 'Une autorisation est détenue par l’entité juridique mais est rattachée à un site géographique d’implantation.',
    in: ['idf-2019/annexe-2-moyens.md'],
  },
  {
    seed: V1,
    line: 38,
    text: 'ARHGOS est l’application informatique utilisée par l’ARS pour gérer les autorisations d’activités de soins et d’EML. Le N°ARHGOS permet d’identifier de manière unique une autorisation.',
    in: ['idf-2019/annexe-2-moyens.md'],
  },
];

/** Column labels of the seed tables, compared without case or accents (the guide writes them in capitals). */
function loose(s: string): string {
  return norm(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/-/g, '').toLowerCase();
}

/** Header cells of every pipe table whose first cell is `first`, joined by a space. */
function headerRows(path: string, first: string): string[] {
  return template(path)
    .split('\n')
    .map((l) => l.split('|').slice(1, -1).map((c) => c.trim()))
    .filter((cells) => cells.length > 0 && norm(cells[0]!) === norm(first))
    .map((cells) => cells.filter((c) => c !== '<' && c !== '^').join(' '));
}

describe('IDF — citations des sources', () => {
  it.each(QUOTES.flatMap((q) => q.in.map((doc) => ({ ...q, doc }))))('$doc cite $seed ligne $line', ({ doc, text }) => {
    expect(norm(template(doc))).toContain(norm(text));
  });

  // Each quote is marked {# verbatim : <seed>, ligne N #} in the template: the tool checks it
  // against the seed (src/provenance, test/provenance); here, that both models carry it.
  it('the engagement table has the columns of the guide’s format-cadre (004 L.165-179)', () => {
    const seed = loose(seedWindow(GUIDE, 165, 15));
    const [row] = headerRows('idf-2021/annexe-1-engagements.md', 'N° engagement');
    expect(row).toBeDefined();
    // "N° Engage-ment" is hyphenated by the PDF layout: loose() drops hyphens.
    expect(seed).toContain(loose(row!));
  });

  it('the indicator definition table has the columns of the guide (004 L.237-240)', () => {
    const [row] = headerRows('idf-2021/annexe-1-engagements.md', 'Indicateurs de suivi');
    expect(loose(seedWindow(GUIDE, 237, 4))).toBe(loose(row!));
  });

  it('the RC tables have the columns of the 2019 sheet (003 L.24 and L.69-79)', () => {
    const rows = headerRows('idf-commun/_reconnaissances.md', 'N° RC');
    expect(rows).toHaveLength(2);
    expect(loose(seedWindow(V2, 24, 1))).toBe(loose(rows[0]!));
    // The year sub-headers (N+1 … N+5) follow on the seed's next line; the template computes them.
    expect(loose(seedWindow(V2, 69, 11))).toContain(loose(rows[1]!));
  });

  it('the ARHGOS engagement table has the columns of the 2019 sheet (000 L.82-96)', () => {
    const [, eng] = headerRows('idf-commun/_autorisations.md', 'N° ARHGOS');
    expect(loose(seedWindow(V1, 82, 15))).toContain(loose(eng!));
  });
});
