// Expression AST: one small language for inline values, conditions, loops, applicability of
// annexes and model rules. Pure: it reads data, it cannot write, call out or run code.
import type { Span } from '../../diagnostics/diagnostic.ts';

export type Expr = Literal | Path | Call | Unary | Binary | Where;

export interface Literal {
  readonly kind: 'literal';
  readonly value: string | number | boolean | null;
  readonly span: Span;
}

export type Segment =
  | { readonly kind: 'field'; readonly name: string; readonly span: Span }
  | { readonly kind: 'index'; readonly index: Expr; readonly span: Span };

export interface Path {
  readonly kind: 'path';
  readonly root: string;
  readonly rootSpan: Span;
  readonly segments: readonly Segment[];
  readonly span: Span;
}

export interface Call {
  readonly kind: 'call';
  readonly name: string;
  readonly args: readonly Expr[];
  readonly span: Span;
}

export interface Unary {
  readonly kind: 'unary';
  readonly op: 'non';
  readonly operand: Expr;
  readonly span: Span;
}

export type BinaryOp = 'et' | 'ou' | '=' | '!=' | '<' | '<=' | '>' | '>=' | 'dans';

export interface Binary {
  readonly kind: 'binary';
  readonly op: BinaryOp;
  readonly left: Expr;
  readonly right: Expr;
  readonly span: Span;
}

/** `liste où condition`: the element's fields are in scope inside the condition. */
export interface Where {
  readonly kind: 'where';
  readonly list: Expr;
  readonly cond: Expr;
  readonly span: Span;
}

/** `{{ expr | filtre(args) }}` */
export interface FilterCall {
  readonly name: string;
  readonly args: readonly Expr[];
  readonly span: Span;
}

/** Dotted path text of a path expression, for messages: `titulaire.statut`, `i.cibles["N+1"]`. */
export function pathText(p: Path): string {
  let s = p.root;
  for (const seg of p.segments) {
    if (seg.kind === 'field') s += `.${seg.name}`;
    else s += seg.index.kind === 'literal' ? `[${JSON.stringify(seg.index.value)}]` : '[…]';
  }
  return s;
}
