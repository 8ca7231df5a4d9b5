// Template AST: what a template document means, independent of any data. Built by the
// parser with spans, checked statically against the data schema, evaluated into the IR.
import type { Span } from '../diagnostics/diagnostic.ts';
import type { Expr, FilterCall } from './expr/ast.ts';

export type InlineNode = TextNode | ValueNode | RefNode | BreakNode | InlineIf;

export interface Emphasis {
  readonly bold?: boolean;
  readonly italic?: boolean;
}

export interface TextNode extends Emphasis {
  readonly kind: 'text';
  readonly text: string;
  /** The inline run this text comes from (paragraph, cell, heading…): where to point if it is refused. */
  readonly span: Span;
}

export interface ValueNode extends Emphasis {
  readonly kind: 'value';
  readonly expr: Expr;
  readonly filters: readonly FilterCall[];
  readonly span: Span;
}

export interface RefNode {
  readonly kind: 'ref';
  readonly target: string;
  readonly span: Span;
}

export interface BreakNode {
  readonly kind: 'break';
}

export interface InlineIf {
  readonly kind: 'inlineIf';
  readonly branches: readonly { readonly cond: Expr; readonly body: readonly InlineNode[] }[];
  readonly otherwise?: readonly InlineNode[];
  readonly span: Span;
}

export type BlockNode =
  | HeadingNode
  | ParagraphNode
  | ListItemNode
  | TableNode
  | RowNode
  | IfNode
  | ForNode
  | DivNode
  | PageBreakNode
  | SignaturesNode;

export interface HeadingNode {
  readonly kind: 'heading';
  readonly level: 1 | 2 | 3 | 4;
  readonly numbering?: string;
  readonly separator?: string;
  /** `Article #2`: the number the model gives this heading, kept whatever precedes it. */
  readonly fixed?: number;
  readonly anchor?: string;
  readonly content: readonly InlineNode[];
  readonly span: Span;
}

export interface ParagraphNode {
  readonly kind: 'paragraph';
  readonly content: readonly InlineNode[];
  readonly span: Span;
}

export interface ListItemNode {
  readonly kind: 'listItem';
  readonly ordered: boolean;
  readonly bullet: string;
  readonly content: readonly InlineNode[];
  readonly span: Span;
}

export interface CellNode {
  /** 'left' / 'up' mark a cell merged into its neighbour (`<` / `^`). */
  readonly merge?: 'left' | 'up';
  readonly content: readonly InlineNode[];
  readonly span: Span;
}

export interface RowNode {
  readonly kind: 'row';
  readonly cells: readonly CellNode[];
  readonly span: Span;
}

export interface TableNode {
  readonly kind: 'table';
  readonly widths: readonly number[];
  readonly align: readonly ('left' | 'center' | 'right')[];
  readonly header: readonly RowNode[];
  /** Rows, possibly wrapped in `si` / `pour` blocks. */
  readonly body: readonly BlockNode[];
  readonly span: Span;
}

export interface IfNode {
  readonly kind: 'if';
  readonly branches: readonly { readonly cond: Expr; readonly body: readonly BlockNode[] }[];
  readonly otherwise?: readonly BlockNode[];
  readonly span: Span;
}

export interface ForNode {
  readonly kind: 'for';
  readonly variable: string;
  readonly iterable: Expr;
  readonly body: readonly BlockNode[];
  readonly empty?: readonly BlockNode[];
  readonly span: Span;
}

export interface DivNode {
  readonly kind: 'div';
  readonly classes: readonly string[];
  readonly body: readonly BlockNode[];
  readonly span: Span;
}

export interface PageBreakNode {
  readonly kind: 'pageBreak';
  readonly span: Span;
}

export interface SignaturePartyNode {
  readonly id: string;
  /**
   * `{% partie id pour x dans liste %}`: one party per element of the list (one signature box per
   * co-holder of a single CPOM), `x` and `rang` bound as in `pour`; none when the list is empty.
   */
  readonly repeat?: { readonly variable: string; readonly iterable: Expr };
  readonly lines: readonly (readonly InlineNode[])[];
  readonly signatory?: readonly InlineNode[];
  readonly mentions: readonly (readonly InlineNode[])[];
  readonly span: Span;
}

export interface SignaturesNode {
  readonly kind: 'signatures';
  readonly leadIn: readonly BlockNode[];
  readonly parties: readonly SignaturePartyNode[];
  readonly span: Span;
}

/** A parsed template document (includes already inlined). */
export interface TemplateDoc {
  readonly file: string;
  readonly body: readonly BlockNode[];
}

export const PARAGRAPH_CLASSES = ['titre', 'sous-titre', 'centre', 'visa', 'note'] as const;
export const TABLE_CLASSES = ['petit', 'formulaire', 'sans-bordure'] as const;
/** Passages left out of a non-public holder's communicable version, by reason (CRPA L. 311-6). */
export const REDACTION_CLASSES = {
  'occultable-secret-affaires': 'secret_affaires',
  'occultable-hors-service-public': 'hors_service_public',
} as const;
