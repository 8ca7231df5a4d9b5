// Articles for the operations on sites, the holder, the lists amended as a whole (coopérations,
// orientations, commitments outside the CPOM), the penalties clause and the replacement of any
// annex document. Same style as the other articles: an annex the model renders is replaced by
// the annex attached to the avenant; otherwise the article states the new content itself.
import { formatDate } from '../../ir/resolve/french.ts';
import type { Block } from '../../ir/types.ts';
import type { Contract } from '../../model/contract.ts';
import type { OperationOf } from '../../model/avenant.ts';
import { annexName } from './annexes.ts';
import { q, type Article, type WordingContext } from './context.ts';
import { grid, para } from './ir.ts';

const adresse = (a: Contract['titulaire']['adresse']) => `${a.voie}, ${a.code_postal} ${a.commune}`;

/** « L’annexe X est remplacée par l’annexe jointe », when the model renders this part in an annex. */
export function replacedBy(ctx: WordingContext, re: RegExp): Article | undefined {
  const doc = ctx.documentMatching(re);
  if (!doc) return undefined;
  return { blocks: ctx.render('remplacement-annexe', { annexe: annexName(doc.name) }), attach: [{ id: doc.id }] };
}

export function articleCooperations(op: OperationOf<'remplacer_cooperations'>, ctx: WordingContext): Article {
  const annexe = replacedBy(ctx, /cooperations/);
  if (annexe) return annexe;
  const rows = op.cooperations.map((c) => [c.objectif_operationnel, c.partenaires.join(', '), c.outil, c.calendrier, c.indicateur]);
  return {
    titre: 'Coopérations',
    blocks: rows.length
      ? [para('Les coopérations de l’établissement sont désormais les suivantes :', 'body', true), grid([28, 22, 16, 14, 20], ['Objectif opérationnel', 'Partenaires', 'Outil', 'Calendrier', 'Indicateur'], rows)]
      : [para('Le contrat ne comporte plus d’action de coopération.')],
  };
}

export function articleOrientations(op: OperationOf<'remplacer_orientations'>, ctx: WordingContext): Article {
  return replacedBy(ctx, /^annexe-orientations/) ?? { blocks: ctx.render('orientations', { op }) };
}

export function articleHorsCpom(op: OperationOf<'remplacer_engagements_hors_cpom'>, ctx: WordingContext): Article {
  const annexe = replacedBy(ctx, /hors-cpom/);
  if (annexe) return annexe;
  const rows = op.engagements_hors_cpom.map((e) => [e.type, e.date ? formatDate(e.date) : '', e.parties ?? '', e.duree ?? '']);
  return {
    titre: 'Engagements contractuels hors CPOM',
    blocks: rows.length
      ? [para('Les engagements contractuels de l’établissement hors CPOM, rappelés pour information, sont désormais les suivants :', 'body', true), grid([40, 16, 28, 16], ['Contrat ou engagement', 'Date', 'Parties', 'Durée'], rows)]
      : [para('Le contrat ne rappelle plus d’engagement contractuel hors CPOM.')],
  };
}

export function articleDocument(op: OperationOf<'remplacer_document'>, ctx: WordingContext): Article {
  // The document exists: buildAvenantSet refuses the avenant otherwise (documentDiagnostics).
  return replacedBy(ctx, new RegExp(`^${op.document.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`))!;
}
