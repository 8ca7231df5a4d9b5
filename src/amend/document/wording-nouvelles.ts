// Articles for the lists amended as a whole (coopérations, orientations, commitments outside the
// CPOM) and the replacement of any annex document. An annex the model renders is replaced by the
// annex attached to the avenant; otherwise the article states the new content itself, from its
// template (templates/_avenant/cooperations.md, orientations.md, engagements-hors-cpom.md).
import type { OperationOf } from '../../model/avenant.ts';
import { annexName } from './annexes.ts';
import type { Article, WordingContext } from './context.ts';

/** « L’annexe X est remplacée par l’annexe jointe », when the model renders this part in an annex. */
export function replacedBy(ctx: WordingContext, re: RegExp): Article | undefined {
  const doc = ctx.documentMatching(re);
  if (!doc) return undefined;
  return { blocks: ctx.render('remplacement-annexe', { annexe: annexName(doc.name) }), attach: [{ id: doc.id }] };
}

export function articleCooperations(op: OperationOf<'remplacer_cooperations'>, ctx: WordingContext): Article {
  return replacedBy(ctx, /cooperations/) ?? { blocks: ctx.render('cooperations', { op }) };
}

export function articleOrientations(op: OperationOf<'remplacer_orientations'>, ctx: WordingContext): Article {
  return replacedBy(ctx, /^annexe-orientations/) ?? { blocks: ctx.render('orientations', { op }) };
}

export function articleHorsCpom(op: OperationOf<'remplacer_engagements_hors_cpom'>, ctx: WordingContext): Article {
  return replacedBy(ctx, /hors-cpom/) ?? { blocks: ctx.render('engagements-hors-cpom', { op }) };
}

export function articleDocument(op: OperationOf<'remplacer_document'>, ctx: WordingContext): Article {
  // The document exists: buildAvenantSet refuses the avenant otherwise (documentDiagnostics).
  return replacedBy(ctx, new RegExp(`^${op.document.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))!;
}
