// One article per operation, dispatched on the operation type.
import { assertNever } from '../../ir/types.ts';
import type { Operation } from '../../model/avenant.ts';
import type { Contract } from '../../model/contract.ts';
import type { Article, WordingContext } from './context.ts';
import * as E from './wording-engagements.ts';
import * as M from './wording-moyens.ts';
import { contractEnd, endOfPeriod } from '../../ir/resolve/french.ts';
import { articleNouvelle } from './wording-nouvelles.ts';

const siteOf = (c: Contract, finess: string) => c.sites.find((x) => x.finess_et === finess);

export function articleFor(op: Operation, ctx: WordingContext): Article {
  switch (op.type) {
    case 'ajouter_engagement':
      return E.ajouterEngagement(op, ctx);
    case 'modifier_engagement':
      return E.modifierEngagement(op, ctx);
    case 'supprimer_engagement': {
      const e = ctx.before.engagements.find((x) => x.numero === op.numero)!;
      return { blocks: ctx.render('engagement-suppression', { op, engagement: e, annexe: ctx.annex(e.annexe)?.nom ?? { titre: e.annexe } }) };
    }
    case 'modifier_cible':
      return E.modifierCible(op, ctx);
    case 'reporter_echeance':
    case 'avancer_echeance':
      return E.deplacerEcheance(op, ctx);
    case 'remplacer_annexe':
      return E.remplacerAnnexe(op, ctx);
    case 'ajouter_reconnaissance':
      return { blocks: ctx.render('reconnaissance-ajout', { op, site: siteOf(ctx.after, op.reconnaissance.finess_et) }) };
    case 'modifier_reconnaissance':
      return M.modifierReconnaissance(op, ctx);
    case 'supprimer_reconnaissance': {
      const r = ctx.before.reconnaissances.find((x) => x.numero === op.numero)!;
      return { blocks: ctx.render('reconnaissance-suppression', { op, reconnaissance: r, site: siteOf(ctx.before, r.finess_et) }) };
    }
    case 'ajouter_autorisation':
      return { blocks: ctx.render('autorisation-ajout', { op, site: siteOf(ctx.after, op.autorisation.finess_et) }) };
    case 'modifier_autorisation':
      return M.modifierAutorisation(op, ctx);
    case 'supprimer_autorisation':
      return { blocks: ctx.render('autorisation-suppression', { op, autorisation: ctx.before.autorisations.find((x) => x.arhgos === op.arhgos)! }) };
    case 'ajouter_dotation':
      return { blocks: ctx.render('dotation-ajout', { op }) };
    case 'modifier_dotation':
      return M.modifierDotation(op, ctx);
    case 'supprimer_dotation':
      return { blocks: ctx.render('dotation-suppression', { op }) };
    case 'remplacer_financement':
      return M.remplacerFinancement(op, ctx);
    case 'modifier_permanence_soins':
      return M.modifierPermanenceSoins(op, ctx);
    case 'ajouter_mission_service_public':
      return { blocks: ctx.render('mission-ajout', { op, fin: endOfPeriod(ctx.after.dates.effet, ctx.after.dates.duree_ans) }) };
    case 'retirer_mission_service_public':
      return { blocks: ctx.render('mission-retrait', { op, fin: endOfPeriod(ctx.after.dates.effet, ctx.after.dates.duree_ans) }) };
    case 'proroger':
      return { blocks: ctx.render('prorogation', { op, fin: op.prorogation_mois === undefined ? endOfPeriod(ctx.after.dates.effet, ctx.after.dates.duree_ans) : contractEnd(ctx.after.dates) }) };
    case 'changer_signataire':
      return { blocks: ctx.render('signataire', { op }) };
    case 'ajouter_site':
      return { blocks: ctx.render('site-ajout', { op }) };
    case 'fermer_site':
      return { blocks: ctx.render('site-fermeture', { op, site: ctx.before.sites.find((x) => x.finess_et === op.finess_et)! }) };
    case 'modifier_penalites':
      return { blocks: ctx.render('penalites', { op }) };
    case 'modifier_titulaire':
      return { blocks: ctx.render('titulaire', { op }) };
    case 'remplacer_cooperations':
    case 'remplacer_orientations':
    case 'remplacer_engagements_hors_cpom':
    case 'remplacer_document':
      return articleNouvelle(op, ctx);
    default:
      return assertNever(op, 'opération');
  }
}
