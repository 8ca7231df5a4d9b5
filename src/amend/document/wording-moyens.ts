// Articles for the means of the contract still written here: the financing and the permanence des
// soins as tables (the reconnaissances', autorisations' and dotations' are in templates/_avenant).
import { formatAmount, formatDate } from '../../ir/resolve/french.ts';
import type { Contract } from '../../model/contract.ts';
import type { OperationOf } from '../../model/avenant.ts';
import { replacedBy } from './wording-nouvelles.ts';
import type { Article, WordingContext } from './context.ts';
import { grid, para } from './ir.ts';

type Ligne = Contract['permanence_soins'][number];

const site = (c: Contract, finess: string) => {
  const s = c.sites.find((x) => x.finess_et === finess);
  return s ? `${s.raison_sociale} (FINESS ET ${finess})` : `FINESS ET ${finess}`;
};
const INDICATIF = 'Ce montant est indiqué à titre purement indicatif ; seul l’arrêté de versement délègue les crédits.';

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
