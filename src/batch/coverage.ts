// Clause coverage for the campaign preflight: every conditional branch of a model's templates
// (`si` / `sinon si` / `sinon`, loops and their `sinon`), and which of them a contract's data
// would print. The walk mirrors the engine's evaluation (src/eval/blocks.ts) but only evaluates
// conditions and lists, never builds documents.
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import type { Span } from '../diagnostics/diagnostic.ts';
import type { BlockNode, InlineNode } from '../dsl/ast.ts';
import type { Expr } from '../dsl/expr/ast.ts';
import { rootEnv } from '../eval/build.ts';
import { type Binding, type Env, itemPath, truthy } from '../eval/env.ts';
import { Evaluator } from '../eval/expr.ts';
import type { Contract } from '../model/contract.ts';
import type { Model } from '../templates/load.ts';

export interface Clause {
  /** Stable key: `socle.md:120#2` (file relative to the model, line, branch). */
  readonly key: string;
  readonly document: string;
  /** `socle.md:120`. */
  readonly place: string;
  /** The template line that opens the branch, e.g. `{% si existe(contrat_precedent) %}`. */
  readonly text: string;
}

type Visit = (key: string, span: Span, branch: string) => void;

function walkBlocks(nodes: readonly BlockNode[], env: Env | undefined, ev: Evaluator, visit: Visit): void {
  for (const n of nodes) walkBlock(n, env, ev, visit);
}

/** With `env`, follows the data (branches taken); without, visits every branch (static list). */
function walkBlock(n: BlockNode, env: Env | undefined, ev: Evaluator, visit: Visit): void {
  switch (n.kind) {
    case 'heading':
    case 'paragraph':
    case 'listItem':
      walkInlines(n.content, env, ev, visit);
      return;
    case 'row':
      for (const c of n.cells) walkInlines(c.content, env, ev, visit);
      return;
    case 'table':
      for (const r of n.header) walkBlock(r, env, ev, visit);
      walkBlocks(n.body, env, ev, visit);
      return;
    case 'div':
      walkBlocks(n.body, env, ev, visit);
      return;
    case 'pageBreak':
      return;
    case 'signatures':
      walkBlocks(n.leadIn, env, ev, visit);
      for (const p of n.parties) {
        for (const l of [...p.lines, ...p.mentions, ...(p.signatory ? [p.signatory] : [])]) walkInlines(l, env, ev, visit);
      }
      return;
    case 'if':
      walkConditional(n, env, ev, visit, (body) => walkBlocks(body, env, ev, visit));
      return;
    case 'for': {
      if (!env) {
        visit('pour', n.span, 'pour');
        walkBlocks(n.body, undefined, ev, visit);
        if (n.empty) {
          visit('vide', n.span, 'pour … sinon');
          walkBlocks(n.empty, undefined, ev, visit);
        }
        return;
      }
      const list: Binding = ev.eval(n.iterable, env);
      const items = Array.isArray(list.value) ? list.value : [];
      if (items.length === 0) {
        if (n.empty) {
          visit('vide', n.span, 'pour … sinon');
          walkBlocks(n.empty, env, ev, visit);
        }
        return;
      }
      visit('pour', n.span, 'pour');
      items.forEach((item, k) => {
        const child = env.child(
          new Map<string, Binding>([
            [n.variable, { value: item, path: itemPath(list, k) }],
            ['rang', { value: k + 1, path: 'rang' }],
          ]),
        );
        walkBlocks(n.body, child, ev, visit);
      });
      return;
    }
  }
}

/**
 * A `si` block or inline: with `env`, the branch the data takes (the first true condition, else
 * `sinon`); without, every branch. `walk` goes on into a visited branch's body.
 */
function walkConditional<T>(
  n: { readonly branches: readonly { readonly cond: Expr; readonly body: readonly T[] }[]; readonly otherwise?: readonly T[]; readonly span: Span },
  env: Env | undefined,
  ev: Evaluator,
  visit: Visit,
  walk: (body: readonly T[]) => void,
): void {
  const taken = env ? n.branches.findIndex((b) => truthy(ev.eval(b.cond, env).value)) : -2;
  n.branches.forEach((b, i) => {
    if (taken === -2 || taken === i) {
      visit(`${i}`, b.cond.span, i === 0 ? 'si' : 'sinon si');
      walk(b.body);
    }
  });
  if (n.otherwise && (taken === -2 || taken === -1)) {
    visit('sinon', n.span, 'sinon');
    walk(n.otherwise);
  }
}

function walkInlines(nodes: readonly InlineNode[], env: Env | undefined, ev: Evaluator, visit: Visit): void {
  for (const n of nodes) {
    if (n.kind === 'inlineIf') walkConditional(n, env, ev, visit, (body) => walkInlines(body, env, ev, visit));
  }
}

const lineCache = new Map<string, string[]>();

function sourceLine(file: string, line: number): string {
  let lines = lineCache.get(file);
  if (!lines) {
    try {
      lines = readFileSync(file, 'utf8').split(/\r?\n/);
    } catch {
      lines = [];
    }
    lineCache.set(file, lines);
  }
  return (lines[line - 1] ?? '').trim();
}

function collector(model: Model, document: string, out: Map<string, Clause>): Visit {
  return (branch, span, label) => {
    const place = `${relative(model.dir, span.file).split('\\').join('/')}:${span.start.line}`;
    const key = `${place}#${branch}`;
    if (out.has(key)) return;
    const text = label === 'sinon' || label === 'pour … sinon' ? `${label} (bloc ouvert ligne ${span.start.line})` : sourceLine(span.file, span.start.line);
    out.set(key, { key, document, place, text });
  };
}

/** Every conditional branch of the model's documents. */
export function allClauses(model: Model): Map<string, Clause> {
  const out = new Map<string, Clause>();
  const ev = new Evaluator();
  for (const d of model.documents) walkBlocks(d.template.body, undefined, ev, collector(model, d.entry.id, out));
  return out;
}

/** The branches this contract's data would print, in the documents it gets. */
export function triggeredClauses(model: Model, c: Contract, documents: readonly string[]): Set<string> {
  const out = new Map<string, Clause>();
  const env = rootEnv(model, c);
  const ev = new Evaluator();
  for (const d of model.documents) {
    if (!documents.includes(d.entry.id)) continue;
    // As the engine does (src/eval/build.ts): shared fragments read `document.*`.
    const docEnv = env.child(new Map([['document', { value: { id: d.entry.id, annexes_engagements: d.entry.annexes_engagements }, path: 'document' }]]));
    walkBlocks(d.template.body, docEnv, ev, collector(model, d.entry.id, out));
  }
  return new Set(out.keys());
}
