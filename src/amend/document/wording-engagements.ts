// Articles for engagement, target and annex operations, in the agency's legal style:
// "L’engagement n° 3 est supprimé.", "La valeur cible … est portée à …", "L’annexe « … » est
// remplacée par l’annexe jointe au présent avenant."
import type { Block } from '../../ir/types.ts';
import { inlineText } from '../../ir/types.ts';
import type { Engagement } from '../../model/contract.ts';
import { YEAR_KEYS } from '../../model/contract.ts';
import type { OperationOf } from '../../model/avenant.ts';
import { a, cap, de } from './annexes.ts';
import { citeData, q, valeur, type Article, type WordingContext } from './context.ts';
import { grid, para } from './ir.ts';

const FIELDS: Record<string, string> = {
  objectif_strategique: 'L’objectif stratégique est ainsi rédigé',
  objectif_operationnel: 'L’objectif opérationnel est ainsi rédigé',
  actions: 'Les actions sont ainsi rédigées',
  calendrier: 'Le calendrier est ainsi rédigé',
  finess: 'Le numéro FINESS de rattachement est',
};

/** A value inside a sentence: numbers and percentages as such, words (« oui », « A ») quoted. */
const cited = (v: number | string) => {
  const c = citeData(v);
  return c.guillemets ? q(c.texte) : c.texte;
};

/** A year in a table header: « N+3 (2024) », or the millésime alone. */
const short = (ctx: WordingContext, k: string) => {
  const { libelle, millesime } = ctx.anneeData(k);
  return millesime === undefined ? libelle : `${libelle} (${millesime})`;
};

/** The annex (or volet) of a code, by its title; the code only for a model that lacks it. */
const annexOf = (ctx: WordingContext, code: string): string => ctx.annex(code)?.phrase ?? `l’annexe ${q(code)}`;

/** The content of an engagement: its texts, then its indicators and targets as a table. */
export function engagementBlocks(e: Engagement, ctx: WordingContext): Block[] {
  const out: Block[] = [];
  if (e.objectif_strategique) out.push(para(`Objectif stratégique : ${e.objectif_strategique}`));
  out.push(para(`Objectif opérationnel : ${e.objectif_operationnel}`));
  if (e.finess) out.push(para(`Rattachement : FINESS ${e.finess}`));
  if (e.actions) out.push(para(`Actions : ${e.actions}`));
  if (e.calendrier) out.push(para(`Calendrier : ${e.calendrier}`));
  if (e.autorisations?.length) out.push(para(`Autorisations liées (n° ARHGOS) : ${e.autorisations.join(', ')}`));
  if (e.reconnaissances?.length) out.push(para(`Reconnaissances contractuelles liées : n° ${e.reconnaissances.join(', n° ')}`));
  if (e.indicateurs.length > 0) {
    const rows = e.indicateurs.map((i) => [
      i.libelle,
      i.reference ? `${valeur(i.reference.valeur)} (${i.reference.annee})` : '',
      ...YEAR_KEYS.map((k) => (i.cibles[k] === undefined ? '' : valeur(i.cibles[k]!))),
    ]);
    out.push(grid([30, 14, 8, 8, 8, 8, 8], ['Indicateurs de suivi', 'Valeur et année de référence', ...YEAR_KEYS.map((k) => short(ctx, k))], rows, 8));
  }
  return out;
}

export function ajouterEngagement(op: OperationOf<'ajouter_engagement'>, ctx: WordingContext): Article {
  const e = op.engagement;
  return {
    titre: `Ajout de l’engagement n° ${e.numero}`,
    blocks: [para(`Il est ajouté ${a(annexOf(ctx, e.annexe))} un engagement n° ${e.numero} ainsi rédigé :`, 'body', true), ...engagementBlocks(e, ctx)],
  };
}

export function modifierEngagement(op: OperationOf<'modifier_engagement'>, ctx: WordingContext): Article {
  const after = ctx.after.engagements.find((e) => e.numero === op.numero)!;
  const items: Block[] = [];
  for (const [k, v] of Object.entries(op.modifications)) {
    if (k === 'indicateurs') continue;
    if (k === 'autorisations') items.push(para(`Les autorisations liées sont désormais : n° ARHGOS ${(v as string[]).join(', ') || 'aucune'}.`));
    else if (k === 'reconnaissances') {
      const l = v as number[];
      items.push(para(l.length ? `Les reconnaissances contractuelles liées sont désormais : n° ${l.join(', n° ')}.` : 'L’engagement n’est plus lié à aucune reconnaissance contractuelle.'));
    } else if (k === 'annexe') items.push(para(`L’engagement est désormais rattaché ${a(annexOf(ctx, String(v)))}.`));
    else items.push(para(`${FIELDS[k] ?? `Le champ ${q(k)} est ainsi rédigé`} : ${q(String(v))}.`));
  }
  if ('indicateurs' in op.modifications) {
    items.push(para('Les indicateurs de suivi et leurs valeurs cibles sont remplacés par les suivants :', 'body', true));
    items.push(...engagementBlocks({ ...after, objectif_strategique: undefined }, ctx).filter((b) => b.type === 'table'));
  }
  return {
    titre: `Modification de l’engagement n° ${op.numero}`,
    blocks: [para(`L’engagement n° ${op.numero} ${de(annexOf(ctx, after.annexe))} est modifié comme suit :`, 'body', true), ...items],
  };
}

export function remplacerAnnexe(op: OperationOf<'remplacer_annexe'>, ctx: WordingContext): Article {
  const ref = ctx.annex(op.annexe);
  const phrase = annexOf(ctx, op.annexe);
  const d = ref && ctx.document(ref.docId);
  const volet = ref?.volet !== undefined;
  // A volet is replaced by itself: only its section of the annex is attached.
  if (d && (!volet || d.blocks.some((b) => b.type === 'heading' && b.level === 2 && inlineText(b.content).replace(/[\u00a0\u202f]/g, ' ') === ref.volet))) {
    return {
      titre: `Remplacement ${de(phrase)}`,
      blocks: [para(`${cap(phrase)} est ${volet ? 'remplacé par le volet joint' : 'remplacée par l’annexe jointe'} au présent avenant.`)],
      attach: [{ id: d.id, ...(volet ? { volet: ref.volet } : {}) }],
    };
  }
  // The annex (or volet) is not rendered (no engagement left, or not applicable): the article says so.
  const list = ctx.after.engagements.filter((e) => e.annexe === op.annexe);
  return {
    titre: `Remplacement des engagements ${de(phrase)}`,
    blocks: list.length
      ? [para(`Les engagements ${de(phrase)} sont remplacés par les suivants :`, 'body', true), ...list.flatMap((e) => [para(`Engagement n° ${e.numero}`, 'body', true), ...engagementBlocks(e, ctx)])]
      : [para(`Les engagements ${de(phrase)} sont supprimés.`)],
  };
}
