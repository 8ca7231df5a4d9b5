// The DGOS « modèle-type de CPOM » 2012-2017, beyond word-for-word fidelity (checked by the tool:
// src/provenance, test/provenance): the socle keeps all the articles of the model in order, and
// its key sentences, none of them dropped.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { splitCells } from '../../src/dsl/table.ts';
import { seedPath } from '../helpers/seeds.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SEED = seedPath('001_31e1b23b00324c09.txt');
const MODEL_DIR = join(ROOT, 'templates', 'dgos-2012');
/** The model in the seed: « ANNEXE 1 Proposition de modèle-type de CPOM » up to Annexe 11. */
const MODEL_LINES = { from: 4289, to: 5068 } as const;
const SOCLE_LINES = { from: 4296, to: 4424 } as const;
function normalise(s: string): string {
  return s
    .replace(/[\u00A0\u202F]/g, ' ')
    .replace(/[’‘`]/g, "'")
    .replace(/[«»“”]/g, '"')
    .replace(/\s+/g, ' ')
    .trim();
}

function seedText(lines: string[], range: { from: number; to: number }): string {
  const text = lines.slice(range.from - 1, range.to).join('\n');
  // The PDF extraction wrapped « n-1 » as « n-\n1 »: a line break, i.e. whitespace.
  return normalise(text.replace(/-[ \t]*\n\s*(?=\d)/g, '-'));
}

interface Unit {
  readonly line: number;
  readonly text: string;
}

/**
 * The literal texts of a template, in reading order: headings (numbered `#` motifs expanded,
 * `{% ref %}` resolved), paragraphs, list items and table cells. Comments, block tags, style
 * fences and `::: note` blocks (the model's drafting instructions, laid out by us) are skipped.
 */
function literalUnits(src: string): Unit[] {
  const lines = src.split('\n');
  const anchors = new Map<string, number>();
  const counters = new Map<string, number>();
  const headings: string[] = [];
  for (const l of lines) {
    // `Article #3-`: the model's own number (fixed), else the next one.
    const m = /^#{1,4}\s+(\p{L}+)\s+#(\d*)(?=[\s.:–—-])(.*?)(?:\s*\{#([\w-]+)\})?\s*$/u.exec(l);
    if (!m) continue;
    const n = m[2] ? Number(m[2]) : (counters.get(m[1]!) ?? 0) + 1;
    counters.set(m[1]!, n);
    headings.push(`${m[1]} ${n}${m[3]}`);
    if (m[4]) anchors.set(m[4], n);
  }
  const resolveRefs = (t: string) => t.replace(/\{%\s*ref\s+([\w-]+)\s*%\}/g, (_, a: string) => String(anchors.get(a) ?? `?${a}`));
  const units: Unit[] = [];
  let para: { line: number; parts: string[] } | undefined;
  const flush = () => {
    if (para) units.push({ line: para.line, text: resolveRefs(para.parts.join(' ')) });
    para = undefined;
  };
  let inNote = false;
  let headingIndex = 0;
  lines.forEach((raw, i) => {
    const l = raw.trim();
    const line = i + 1;
    if (l === '' || /^\{#.*#\}$/.test(l) || /^\{%.*%\}$/.test(l) || /^\|[\s:|-]+\|$/.test(l)) return flush();
    if (l.startsWith(':::')) {
      flush();
      inNote = l.replace(/^:::\s*/, '').split(/\s+/).includes('note');
      return;
    }
    if (inNote) return;
    if (/^\{%\s*(signataire|mention)\s*%\}/.test(l)) return flush();
    if (l.startsWith('#')) {
      flush();
      const numbered = /^#{1,4}\s+\p{L}+\s+#\d*(?=[\s.:–—-])/u.test(l);
      const text = numbered ? headings[headingIndex++]! : l.replace(/^#{1,4}\s+/, '').replace(/\s*\{#[\w-]+\}\s*$/, '');
      units.push({ line, text });
      return;
    }
    if (l.startsWith('|')) {
      flush();
      for (const c of splitCells(l).map((x) => x.text.trim())) if (c !== '<' && c !== '^' && c !== '') units.push({ line, text: resolveRefs(c) });
      return;
    }
    if (/^([-*]|\d+\.)\s+/.test(l)) {
      flush();
      para = { line, parts: [l.replace(/^([-*]|\d+\.)\s+/, '')] };
      return;
    }
    if (!para) para = { line, parts: [] };
    para.parts.push(l.replace(/\\$/, ''));
  });
  flush();
  return units;
}

const seedLines = readFileSync(SEED, 'utf8').split('\n');

describe('modèle DGOS 2012-2017 : fidélité au texte de la circulaire', () => {
  const model = seedText(seedLines, MODEL_LINES);
  const socleSrc = readFileSync(join(MODEL_DIR, 'socle.md'), 'utf8');

  it('le socle garde les deux titres et les sept articles du modèle, dans l’ordre', () => {
    const inSeed = seedLines
      .slice(SOCLE_LINES.from - 1, SOCLE_LINES.to)
      .map((l) => normalise(l))
      .filter((l) => /^(Titre \d+\.|Article \d+-) /.test(l));
    const inSocle = literalUnits(socleSrc)
      .map((u) => normalise(u.text))
      .filter((t) => /^(Titre \d+\.|Article \d+-) /.test(t));
    expect(inSeed).toHaveLength(9);
    expect(inSocle).toEqual(inSeed);
  });

  it('les phrases clés du modèle sont présentes dans le socle (rien n’a été retranché)', () => {
    const socle = normalise(literalUnits(socleSrc).map((u) => u.text).join(' '));
    const key = [
      'Contrat pluriannuels d’objectifs et de moyens',
      'Vu les articles L.6114-1 à L.6114-5 du code de la Sante Publique ;',
      'Vu les articles D. 6114-1 à D. 6114-8 du code de la Sante Publique ;',
      'Vu les articles R.6114-9 et R.6114-10 du code de la Sante Publique ;',
      'Vu l’avis du conseil de surveillance en date du',
      'Il a été expressément convenu ce qui suit,',
      'Ces annexes sont opposables dans les conditions définies à l’article 6.',
      'l’examen contradictoire du bilan annuel de réalisation des actions prévues au contrat à l’année n-1 ;',
      'L’établissement dispose d’un mois pour présenter ses éventuelles observations.',
      'pour modifier la liste des missions de service public confiées à l’établissement.',
      'Le constat de l’inexécution est réalisé sur la base des échanges et conclusions de la revue annuelle visée à l’article 3.',
      'à l’exception de l’annexe relative aux indicateurs de pilotage de l’activité.',
      'Le contrat est conclu pour une durée de',
      'Il prendra effet à compter du',
      'Représentant légal de l’établissement',
    ].map(normalise);
    for (const k of key) expect(model, `absente de la graine : ${k}`).toContain(k);
    expect(key.filter((k) => !socle.includes(k))).toEqual([]);
  });
});
