// Articles for the means of the contract when the model renders no annex for them: the financing
// and the permanence des soins (templates/_avenant/financements.md, permanence-soins.md).
// Otherwise the annex attached to the avenant replaces the contract's.
import type { OperationOf } from '../../model/avenant.ts';
import { siteOf } from '../operations/module.ts';
import { replacedBy } from './wording-nouvelles.ts';
import type { Article, WordingContext } from './context.ts';

export function remplacerFinancement(op: OperationOf<'remplacer_financement'>, ctx: WordingContext): Article {
  return replacedBy(ctx, /financ/) ?? { blocks: ctx.render('financements', { op }) };
}

export function modifierPermanenceSoins(op: OperationOf<'modifier_permanence_soins'>, ctx: WordingContext): Article {
  // Each line with its site as the amended contract names it.
  const lignes = op.lignes.map((l) => ({ ...l, site: siteOf(ctx.after, l.finess_et) }));
  return replacedBy(ctx, /permanence/) ?? { blocks: ctx.render('permanence-soins', { op, lignes }) };
}
