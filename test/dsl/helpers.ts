// Small helpers to parse, check and evaluate template snippets in tests.
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { Checker, collectAnchors } from '../../src/dsl/check.ts';
import { parseTemplate } from '../../src/dsl/parser.ts';
import { BlockEvaluator } from '../../src/eval/blocks.ts';
import { rootEnv } from '../../src/eval/build.ts';
import { Evaluator } from '../../src/eval/expr.ts';
import type { Block } from '../../src/ir/types.ts';
import type { Contract } from '../../src/model/contract.ts';
import { validateContract } from '../../src/model/load.ts';
import { loadModel, rootScope, type Model } from '../../src/templates/load.ts';

export const FILE = '/modeles/test/doc.md';

export function parse(text: string) {
  return parseTemplate(FILE, text, { readFile: () => undefined, root: '/modeles' });
}

export function check(text: string): Diagnostic[] {
  const p = parse(text);
  const c = new Checker();
  c.blocks(p.doc.body, rootScope(), collectAnchors(p.doc.body));
  return [...p.diagnostics, ...c.diags];
}

/** A minimal valid contract; override what a test needs. */
export function contract(overrides: Record<string, unknown> = {}): Contract {
  const base = {
    modele: 'dgos-2012',
    ars: { nom: 'Agence Régionale de Santé Occitanie', signataire: { civilite: 'Madame', prenom: 'Claire', nom: 'Martin', qualite: 'Directrice générale' } },
    titulaire: {
      raison_sociale: 'Centre hospitalier de Val-d’Orb',
      finess_ej: '340000017',
      statut: 'public',
      forme: 'etablissement_sante',
      categorie: 'pluriactivite',
      activites: ['medecine', 'chirurgie'],
      adresse: { voie: '2 avenue de la Gare', code_postal: '34600', commune: 'Bédarieux' },
      representant: { civilite: 'Monsieur', prenom: 'Paul', nom: 'Durand', qualite: 'Directeur' },
    },
    dates: { effet: '2019-01-01', duree_ans: 5 },
    ...overrides,
  };
  const r = validateContract(base);
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 2));
  return r.value;
}

let model: Model | undefined;
export function dgos(): Model {
  if (!model) {
    const m = loadModel('dgos-2012');
    if (!m.ok) throw new Error(JSON.stringify(m.diagnostics.slice(0, 3), null, 2));
    model = m.value;
  }
  return model;
}

/** Evaluates a snippet against a contract: IR blocks and runtime diagnostics. */
export function render(text: string, c: Contract = contract()): { blocks: Block[]; diags: Diagnostic[] } {
  const parsed = parse(text);
  if (parsed.diagnostics.length) throw new Error(JSON.stringify(parsed.diagnostics, null, 2));
  const ev = new Evaluator();
  const blocks = new BlockEvaluator(ev).blocks(parsed.doc.body, rootEnv(dgos(), c));
  return { blocks, diags: ev.diags };
}

export function textOf(blocks: readonly Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.type === 'paragraph' || b.type === 'heading') out.push(b.content.map((i) => (i.type === 'text' ? i.text : '')).join(''));
    if (b.type === 'list') for (const it of b.items) out.push(it.content.map((i) => (i.type === 'text' ? i.text : '')).join(''));
  }
  return out.join('\n');
}
