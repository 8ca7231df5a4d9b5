// Evaluating the engine's shared mentions (templates/_mentions.yaml) for one contract: the
// provenance notice and validation of each document, and what a consolidated version prints.
// Errors (a value missing from the data) are collected in the evaluator, like the documents'.
import type { InlineNode } from '../dsl/ast.ts';
import type { Inline } from '../ir/types.ts';
import { inlineText } from '../ir/types.ts';
import type { Contract } from '../model/contract.ts';
import type { Model } from '../templates/load.ts';
import type { LegalValidation } from '../templates/manifest.ts';
import { rootEnv } from './build.ts';
import { BlockEvaluator } from './blocks.ts';
import type { Binding } from './env.ts';
import { Evaluator } from './expr.ts';

/** What the reader of a document is told about where its text comes from. */
export interface ProvenanceMentions {
  /** Printed at the top of every page (unvalidated reconstituted text). */
  readonly notices?: readonly string[];
  /** Written into the metadata (validated reconstituted text). */
  readonly validation?: string;
}

export class MentionEvaluator {
  readonly ev: Evaluator;
  private readonly blocks: BlockEvaluator;

  constructor(
    private readonly model: Model,
    private readonly contract: Contract,
    ev?: Evaluator,
  ) {
    this.ev = ev ?? new Evaluator();
    this.blocks = new BlockEvaluator(this.ev);
  }

  /** A mention as IR inlines, with the extra variables it declares. */
  inlines(nodes: readonly InlineNode[], vars: Readonly<Record<string, unknown>> = {}): Inline[] {
    const bound = new Map<string, Binding>(Object.entries(vars).map(([k, value]) => [k, { value, path: k }]));
    return this.blocks.inlines(nodes, rootEnv(this.model, this.contract).child(bound));
  }

  text(nodes: readonly InlineNode[], vars: Readonly<Record<string, unknown>> = {}): string {
    return inlineText(this.inlines(nodes, vars));
  }

  /** The notice or the validation of a text of the given provenance. */
  provenance(provenance: 'verbatim' | 'reconstitue', validation: LegalValidation | undefined): ProvenanceMentions {
    if (provenance === 'verbatim') return {};
    const m = this.model.mentions.reconstitue;
    return validation ? { validation: this.text(m.validation, { validation }) } : { notices: [this.text(m.mention)] };
  }
}
