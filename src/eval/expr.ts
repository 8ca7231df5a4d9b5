// Expression evaluation. Runtime problems (a value that is absent, a date that is not a date)
// become diagnostics naming the template span and the data path; the build then fails as a
// whole, so a contract is never rendered with a hole in it.
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import type { Expr, FilterCall } from '../dsl/expr/ast.ts';
import { pathText } from '../dsl/expr/ast.ts';
import { member } from '../dsl/own.ts';
import { callFilter, callFunction, MISSING } from './builtins.ts';
import { type Binding, type Env, isMissing, itemPath, joinPath, truthy } from './env.ts';

export class Evaluator {
  readonly diags: Diagnostic[] = [];
  /**
   * Concrete data paths whose *value* reached a document: printed by `{{ … }}`, summed by
   * `somme`, or compared / tested as a boolean in a condition that chose the text. Presence
   * tests and counts (`existe`, `vide`, `nombre`, `distincts`, `longueur`) do not print the
   * value, so they do not count. Read by src/templates/unprinted.ts.
   */
  readonly used = new Set<string>();
  /**
   * The printed or summed part of `used` that lies outside every passage marked occultable:
   * what a non-public holder's communicable version still shows (src/amend/communicable.ts).
   */
  readonly shown = new Set<string>();
  /** The printed or summed part of `used` inside passages marked occultable. */
  readonly hidden = new Set<string>();
  /** Depth of marked passages being evaluated (set by BlockEvaluator). */
  withheld = 0;

  error(message: string, span: Span, dataPath?: string): void {
    this.diags.push({ severity: 'erreur', code: 'RENDU', message, span, ...(dataPath ? { dataPath } : {}) });
  }

  /** Evaluates to a binding (value + data path). */
  eval(e: Expr, env: Env): Binding {
    switch (e.kind) {
      case 'literal':
        return { value: e.value, path: '' };
      case 'path':
        return this.path(e, env);
      case 'unary':
        return { value: !this.test(e.operand, env), path: '' };
      case 'call': {
        const args = e.args.map((a) => this.eval(a, env));
        if (e.name === 'somme') this.noteSum(args);
        // mission(n) prints the label of mission n: n itself is what the document shows.
        if (e.name === 'mission' && args[0]) this.note(args[0], true);
        const r = callFunction(e.name, args, env.runtime);
        if (typeof r === 'object' && r !== null && 'erreur' in r) {
          this.error(String(r.erreur), e.span);
          return { value: undefined, path: '' };
        }
        return { value: r, path: '' };
      }
      case 'where': {
        const list = this.eval(e.list, env);
        if (isMissing(list.value)) return list;
        if (!Array.isArray(list.value)) {
          this.error(`« où » filtre une liste ; ${pathOf(e.list)} n’en est pas une`, e.list.span, list.path);
          return { value: [], path: list.path };
        }
        const kept: unknown[] = [];
        const paths: string[] = [];
        list.value.forEach((item, k) => {
          const scope = new Map<string, Binding>();
          const at = itemPath(list, k);
          if (item && typeof item === 'object' && !Array.isArray(item)) {
            for (const [name, v] of Object.entries(item)) scope.set(name, { value: v, path: joinPath(at, name) });
          }
          if (this.test(e.cond, env.child(scope, at))) {
            kept.push(item);
            paths.push(at);
          }
        });
        return { value: kept, path: list.path, itemPaths: paths };
      }
      case 'binary':
        return { value: this.binary(e, env), path: '' };
    }
  }

  /** A condition's truth; a boolean field tested as such shaped the text, so it counts as used. */
  test(e: Expr, env: Env): boolean {
    const b = this.eval(e, env);
    if (e.kind === 'path' && typeof b.value === 'boolean') this.note(b);
    return truthy(b.value);
  }

  private note(b: Binding, printed = false): void {
    if (!b.path || isMissing(b.value)) return;
    this.used.add(b.path);
    if (printed) (this.withheld === 0 ? this.shown : this.hidden).add(b.path);
  }

  /** somme(liste, "champ"): every element's field went into the printed total. */
  private noteSum(args: readonly Binding[]): void {
    const [list, field] = args;
    if (!list || !Array.isArray(list.value) || typeof field?.value !== 'string') return;
    for (let k = 0; k < list.value.length; k++) {
      const item: unknown = list.value[k];
      if (item && typeof item === 'object' && !isMissing((item as Record<string, unknown>)[field.value])) {
        const path = joinPath(itemPath(list, k), field.value);
        this.used.add(path);
        (this.withheld === 0 ? this.shown : this.hidden).add(path);
      }
    }
  }

  private binary(e: Extract<Expr, { kind: 'binary' }>, env: Env): boolean {
    if (e.op === 'et') return this.test(e.left, env) && this.test(e.right, env);
    if (e.op === 'ou') return this.test(e.left, env) || this.test(e.right, env);
    const lb = this.eval(e.left, env);
    const rb = this.eval(e.right, env);
    // A compared value chose the wording (statut, annexe of an engagement…): it is used.
    this.note(lb);
    this.note(rb);
    const l = lb.value;
    const r = rb.value;
    switch (e.op) {
      case 'dans':
        if (Array.isArray(r)) return r.includes(l);
        if (typeof r === 'string' && typeof l === 'string') return r.includes(l);
        return false;
      case '=':
        return (isMissing(l) && isMissing(r)) || l === r;
      case '!=':
        return !((isMissing(l) && isMissing(r)) || l === r);
      default: {
        if (isMissing(l) || isMissing(r)) return false;
        const a = l as number | string;
        const b = r as number | string;
        if (e.op === '<') return a < b;
        if (e.op === '<=') return a <= b;
        if (e.op === '>') return a > b;
        return a >= b;
      }
    }
  }

  private path(p: Extract<Expr, { kind: 'path' }>, env: Env): Binding {
    const root = env.lookup(p.root);
    if (!root) {
      // The checker guarantees every root exists; reaching here is a bug in scoping.
      throw new Error(`unbound variable ${p.root} at ${p.span.file}:${p.span.start.line}`);
    }
    let value = root.value;
    let path = root.path;
    for (const seg of p.segments) {
      const key = seg.kind === 'field' ? seg.name : this.eval(seg.index, env).value;
      if (isMissing(value)) return { value: undefined, path: joinPath(path, typeof key === 'number' ? key : String(key)) };
      // Own members only: a name the checker missed (or a key chosen by the data) never
      // reaches a prototype (« constructor », « __proto__ », a list's « length »).
      path = joinPath(path, Array.isArray(value) && typeof key === 'number' ? key : String(key));
      value = member(value, key);
    }
    return { value, path };
  }

  /** `{{ expr | filtres }}` → text, or undefined after reporting an error. */
  text(expr: Expr, filters: readonly FilterCall[], env: Env, span: Span): string | undefined {
    const b = this.eval(expr, env);
    if (expr.kind === 'path') this.note(b, true);
    let v: unknown = isMissing(b.value) ? MISSING : b.value;
    for (const f of filters) {
      const args = f.args.map((a) => this.eval(a, env).value);
      const r = callFilter(f.name, v, args);
      if (typeof r === 'object' && r !== null && 'erreur' in r) {
        this.error(String(r.erreur), f.span, b.path || undefined);
        return undefined;
      }
      v = r;
    }
    if (v === MISSING) {
      this.error(
        `valeur absente pour ${pathOf(expr)} : renseignez-la dans les données, ou acceptez son absence dans le gabarit avec | defaut("…")`,
        span,
        b.path || undefined,
      );
      return undefined;
    }
    if (typeof v === 'string') return v;
    if (typeof v === 'number' || typeof v === 'boolean') return typeof v === 'boolean' ? (v ? 'oui' : 'non') : String(v);
    this.error(`valeur composée pour ${pathOf(expr)} : choisissez un champ ou un filtre`, span, b.path || undefined);
    return undefined;
  }
}

function pathOf(e: Expr): string {
  return e.kind === 'path' ? pathText(e) : e.kind === 'call' ? `${e.name}(…)` : 'l’expression';
}
