// Articles for the means of the contract: reconnaissances, autorisations, financing, permanence
// des soins.
import { formatAmount, formatDate } from '../../ir/resolve/french.ts';
import type { Block } from '../../ir/types.ts';
import type { Contract } from '../../model/contract.ts';
import type { OperationOf } from '../../model/avenant.ts';
import { replacedBy } from './wording-nouvelles.ts';
import { q, type Article, type WordingContext } from './context.ts';
import { grid, para } from './ir.ts';

type Rc = Contract['reconnaissances'][number];
type Aut = Contract['autorisations'][number];
type Dot = Contract['financements']['dotations'][number];
type Ligne = Contract['permanence_soins'][number];

const site = (c: Contract, finess: string) => {
  const s = c.sites.find((x) => x.finess_et === finess);
  return s ? `${s.raison_sociale} (FINESS ET ${finess})` : `FINESS ET ${finess}`;
};
const rcLabel = (r: Rc) => `${q(r.activite)}${r.modalite ? `, ${r.modalite}` : ''}${r.forme ? `, ${r.forme}` : ''}`;
const autLabel = (a: Aut) => `${a.activite}${a.modalite ? `, ${a.modalite}` : ''}${a.forme ? `, ${a.forme}` : ''}`;
const dotLabel = (d: { nature: string; libelle: string }) => `la dotation ${d.nature} ${q(d.libelle)}`;
const INDICATIF = 'Ce montant est indiqué à titre purement indicatif ; seul l’arrêté de versement délègue les crédits.';

function changes(mods: Record<string, unknown>, labels: Record<string, (v: unknown) => string>): Block[] {
  return Object.entries(mods).map(([k, v]) => para(`– ${labels[k]?.(v) ?? `le champ ${q(k)} est ainsi rédigé : ${q(String(v))}`} ;`));
}

const RC_FIELDS: Record<string, (v: unknown) => string> = {
  activite: (v) => `l’activité est ainsi dénommée : ${q(String(v))}`,
  modalite: (v) => `la modalité est ainsi rédigée : ${q(String(v))}`,
  forme: (v) => `la forme est ainsi rédigée : ${q(String(v))}`,
  capacite: (v) => (v === null ? 'la capacité n’est plus précisée' : `la capacité est portée à ${String(v)}`),
  finess_et: (v) => `le site de rattachement est le FINESS ET ${String(v)}`,
  date_effet: (v) => `la date d’effet est fixée au ${formatDate(String(v))}`,
  caracteristiques: (v) => `les caractéristiques sont ainsi rédigées : ${q(String(v))}`,
};

export function modifierReconnaissance(op: OperationOf<'modifier_reconnaissance'>, ctx: WordingContext): Article {
  const r = ctx.before.reconnaissances.find((x) => x.numero === op.numero)!;
  return {
    titre: `Modification de la reconnaissance contractuelle n° ${op.numero}`,
    blocks: [para(`La reconnaissance contractuelle n° ${op.numero} (${rcLabel(r)}) est modifiée comme suit :`, 'body', true), ...changes(op.modifications, RC_FIELDS)],
  };
}

const AUT_FIELDS: Record<string, (v: unknown) => string> = {
  activite: (v) => `l’activité est ainsi dénommée : ${q(String(v))}`,
  modalite: (v) => `la modalité est ainsi rédigée : ${q(String(v))}`,
  forme: (v) => `la forme est ainsi rédigée : ${q(String(v))}`,
  finess_et: (v) => `le site d’implantation est le FINESS ET ${String(v)}`,
  date_autorisation: (v) => `la date d’autorisation est le ${formatDate(String(v))}`,
  date_echeance: (v) => `la date d’échéance est le ${formatDate(String(v))}`,
};

export function modifierAutorisation(op: OperationOf<'modifier_autorisation'>, ctx: WordingContext): Article {
  const a = ctx.before.autorisations.find((x) => x.arhgos === op.arhgos)!;
  return {
    titre: `Modification de l’autorisation n° ARHGOS ${op.arhgos}`,
    blocks: [para(`L’autorisation n° ARHGOS ${op.arhgos} (${autLabel(a)}) est modifiée comme suit :`, 'body', true), ...changes(op.modifications, AUT_FIELDS)],
  };
}

export function modifierDotation(op: OperationOf<'modifier_dotation'>, ctx: WordingContext): Article {
  const d = ctx.before.financements.dotations.find((x) => x.nature === op.nature && x.libelle === op.libelle)!;
  const m = op.modifications;
  const items: string[] = [];
  if (m.montant !== undefined) items.push(`son montant est porté de ${formatAmount(d.montant)} à ${formatAmount(m.montant)}`);
  if (m.activite !== undefined) items.push(`elle relève de l’activité ${m.activite}`);
  if (m.debut !== undefined) items.push(`elle est allouée à compter du ${formatDate(m.debut)}`);
  if (m.fin !== undefined) items.push(`elle prend fin le ${formatDate(m.fin)}`);
  return {
    titre: `Modification de ${dotLabel(d)}`,
    blocks: [para(`S’agissant de ${dotLabel(d)}, ${items.join(' ; ')}.${m.montant !== undefined ? ` ${INDICATIF}` : ''}`)],
  };
}

export function remplacerFinancement(op: OperationOf<'remplacer_financement'>, ctx: WordingContext): Article {
  const annexe = replacedBy(ctx, /financ/);
  if (annexe) return annexe;
  const f = op.financements;
  const rows = f.dotations.map((d) => [d.nature, d.libelle, formatAmount(d.montant), d.debut ? formatDate(d.debut) : '', d.fin ? formatDate(d.fin) : '']);
  return {
    titre: 'Financements',
    blocks: [
      para(`Les financements du contrat sont remplacés par les suivants${f.date_base ? `, sur la base reconductible au ${formatDate(f.date_base)}` : ''} :`, 'body', true),
      grid([10, 40, 18, 16, 16], ['Nature', 'Libellé', 'Montant', 'Début', 'Fin'], rows),
      para(INDICATIF, 'note'),
    ],
  };
}

const TYPE_LIGNE: Record<Ligne['type_ligne'], string> = { garde: 'Garde', astreinte: 'Astreinte', demi_garde_demi_astreinte: 'Demi-garde / demi-astreinte' };
const ORGA: Record<Ligne['organisation'], string> = { propre: 'Propre', mutualisee: 'Mutualisée', alternee: 'Alternée' };

export function modifierPermanenceSoins(op: OperationOf<'modifier_permanence_soins'>, ctx: WordingContext): Article {
  const annexe = replacedBy(ctx, /permanence/);
  if (annexe) return annexe;
  const rows = op.lignes.map((l) => [l.specialite, TYPE_LIGNE[l.type_ligne], ORGA[l.organisation], site(ctx.after, l.finess_et), (l.partenaires ?? []).join(', ')]);
  return {
    titre: 'Permanence des soins',
    blocks: op.lignes.length
      ? [para('Les lignes de permanence des soins de l’établissement sont désormais les suivantes :', 'body', true), grid([24, 16, 14, 26, 20], ['Spécialité', 'Type de ligne', 'Organisation', 'Site', 'Partenaires'], rows)]
      : [para('L’établissement ne participe plus à la permanence des soins en établissement.')],
  };
}
