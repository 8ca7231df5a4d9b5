// Where a template reads data, without any data: each read of a variable as a path with list
// indexes collapsed (`op.orientations[]`, `engagements[].objectif_operationnel`), whether its
// value is printed or only decides the wording (condition, loop), and whether it lies inside a
// passage the model marks occultable. The avenant's communicable version relies on it to refuse
// a wording template that would show, outside such a passage, what the contract withholds.
import type { Span } from '../diagnostics/diagnostic.ts';
import { REDACTION_CLASSES, type BlockNode, type InlineNode } from './ast.ts';
import type { Expr, FilterCall } from './expr/ast.ts';

export interface TemplateRead {
  /** Collapsed path from a root variable: loop variables are replaced by what they iterate. */
  readonly path: string;
  /** The root variable of `path` (`op`, `avant`, `orientations`…). */
  readonly root: string;
  /** Printed by `{{ … }}` (false: read by a condition or a loop only). */
  readonly printed: boolean;
  /** Inside a `::: occultable-…` passage. */
  readonly withheld: boolean;
  readonly span: Span;
}

/** Loop variables → the collapsed path of what they iterate (`o` → `op.orientations[]`). */
type Loops = ReadonlyMap<string, string>;

const isMarked = (classes: readonly string[]) => classes.some((c) => Object.hasOwn(REDACTION_CLASSES, c));

class Walker {
  readonly reads: TemplateRead[] = [];

  private path(e: Extract<Expr, { kind: 'path' }>, loops: Loops): string | undefined {
    // `rang` (a loop's counter) is no data.
    if (e.root === 'rang' && e.segments.length === 0) return undefined;
    let p = loops.get(e.root) ?? e.root;
    for (const s of e.segments) p += s.kind === 'field' ? `.${s.name}` : '[]';
    return p;
  }

  /** Every path an expression reads (a function's arguments, a filtered list, an index). */
  expr(e: Expr, loops: Loops, printed: boolean, withheld: boolean): void {
    switch (e.kind) {
      case 'literal':
        return;
      case 'path': {
        const p = this.path(e, loops);
        if (p !== undefined) this.reads.push({ path: p, root: p.split(/[.[]/)[0]!, printed, withheld, span: e.span });
        for (const s of e.segments) if (s.kind === 'index') this.expr(s.index, loops, false, withheld);
        return;
      }
      case 'call':
        for (const a of e.args) this.expr(a, loops, printed, withheld);
        return;
      case 'unary':
        this.expr(e.operand, loops, printed, withheld);
        return;
      case 'binary':
        this.expr(e.left, loops, printed, withheld);
        this.expr(e.right, loops, printed, withheld);
        return;
      case 'where':
        this.expr(e.list, loops, printed, withheld);
        // The condition reads the elements' fields by their bare names; it prints nothing, and
        // the list it filters is a read of its own above.
        this.expr(e.cond, loops, false, withheld);
        return;
    }
  }

  private filters(fs: readonly FilterCall[], loops: Loops, withheld: boolean): void {
    for (const f of fs) for (const a of f.args) this.expr(a, loops, true, withheld);
  }

  /** The collapsed path a loop variable stands for. */
  private iterated(e: Expr, loops: Loops): string {
    if (e.kind === 'path') return `${this.path(e, loops) ?? e.root}[]`;
    if (e.kind === 'where') return this.iterated(e.list, loops);
    return '…[]';
  }

  inlines(nodes: readonly InlineNode[], loops: Loops, withheld: boolean): void {
    for (const n of nodes) {
      if (n.kind === 'value') {
        this.expr(n.expr, loops, true, withheld);
        this.filters(n.filters, loops, withheld);
      } else if (n.kind === 'inlineIf') {
        for (const b of n.branches) {
          this.expr(b.cond, loops, false, withheld);
          this.inlines(b.body, loops, withheld);
        }
        if (n.otherwise) this.inlines(n.otherwise, loops, withheld);
      }
    }
  }

  blocks(nodes: readonly BlockNode[], loops: Loops, withheld: boolean): void {
    for (const n of nodes) {
      switch (n.kind) {
        case 'heading':
        case 'paragraph':
        case 'listItem':
          this.inlines(n.content, loops, withheld);
          break;
        case 'row':
          for (const c of n.cells) this.inlines(c.content, loops, withheld);
          break;
        case 'table':
          this.blocks(n.header, loops, withheld);
          this.blocks(n.body, loops, withheld);
          break;
        case 'div':
          this.blocks(n.body, loops, withheld || isMarked(n.classes));
          break;
        case 'pageBreak':
          break;
        case 'if':
          for (const b of n.branches) {
            this.expr(b.cond, loops, false, withheld);
            this.blocks(b.body, loops, withheld);
          }
          if (n.otherwise) this.blocks(n.otherwise, loops, withheld);
          break;
        case 'for': {
          this.expr(n.iterable, loops, false, withheld);
          this.blocks(n.body, new Map(loops).set(n.variable, this.iterated(n.iterable, loops)), withheld);
          if (n.empty) this.blocks(n.empty, loops, withheld);
          break;
        }
        case 'signatures':
          this.blocks(n.leadIn, loops, withheld);
          for (const p of n.parties) {
            let inner = loops;
            if (p.repeat) {
              this.expr(p.repeat.iterable, loops, false, withheld);
              inner = new Map(loops).set(p.repeat.variable, this.iterated(p.repeat.iterable, loops));
            }
            for (const l of p.lines) this.inlines(l, inner, withheld);
            for (const m of p.mentions) this.inlines(m, inner, withheld);
            if (p.signatory) this.inlines(p.signatory, inner, withheld);
          }
          break;
        default: {
          const never: never = n;
          throw new Error(`unknown block ${(never as BlockNode).kind}`);
        }
      }
    }
  }
}

/** Every read of a template body, in source order. */
export function templateReads(body: readonly BlockNode[]): TemplateRead[] {
  const w = new Walker();
  w.blocks(body, new Map(), false);
  return w.reads;
}
