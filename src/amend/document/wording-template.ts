// Renders an avenant wording template (templates/_avenant, or the model's override) into IR
// blocks: the contract as amended is the root scope, plus `avant`, `avenant`, `op` and the
// values the operation computes (src/amend/wording/specs.ts says which).
import { rootEnv } from '../../eval/build.ts';
import { BlockEvaluator } from '../../eval/blocks.ts';
import type { Binding } from '../../eval/env.ts';
import { Evaluator } from '../../eval/expr.ts';
import type { Block } from '../../ir/types.ts';
import { inlineText } from '../../ir/types.ts';
import type { Avenant } from '../../model/avenant.ts';
import type { Contract } from '../../model/contract.ts';
import type { Model } from '../../templates/load.ts';
import type { WordingName } from '../wording/specs.ts';

export class WordingRenderer {
  readonly ev = new Evaluator();
  private readonly blocks = new BlockEvaluator(this.ev);

  constructor(
    private readonly model: Model,
    private readonly before: Contract,
    private readonly after: Contract,
    private readonly avenant: Pick<Avenant, 'numero' | 'date' | 'effet' | 'objet'>,
  ) {}

  render(name: WordingName, vars: Readonly<Record<string, unknown>> = {}): Block[] {
    const all: Record<string, unknown> = {
      avant: this.before,
      avenant: { numero: this.avenant.numero, date: this.avenant.date, effet: this.avenant.effet, objet: this.avenant.objet },
      ...vars,
    };
    const bound = new Map<string, Binding>(Object.entries(all).map(([k, value]) => [k, { value, path: k }]));
    const env = rootEnv(this.model, this.after).child(bound);
    return keepLeadIns(this.blocks.blocks(this.model.avenant[name].template.body, env));
  }
}

/** A paragraph announcing what follows (« … ainsi rédigé : ») stays on the page of what it announces. */
function keepLeadIns(blocks: Block[]): Block[] {
  return blocks.map((b, i) =>
    b.type === 'paragraph' && i < blocks.length - 1 && /:\s*$/.test(inlineText(b.content)) ? { ...b, keepWithNext: true } : b,
  );
}
