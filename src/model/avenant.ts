// The avenant (amendment) data model: a file of its own, written in YAML like the contract, that
// names the contract it amends (its `reference`) and lists typed operations on that contract's
// data. Operations address elements by stable identifiers (engagement number, indicator label,
// RC number, ARHGOS number, dotation nature + label…), never by position, so an avenant keeps
// its meaning whatever the order of the lists in the contract file.
import { z } from 'zod';
import {
  Adresse,
  Autorisation,
  Avis,
  Cooperation,
  Dotation,
  Engagement,
  EngagementHorsCpom,
  Finess,
  Financements,
  Indicateur,
  IsoDate,
  LignePds,
  MissionServicePublic,
  NatureDotation,
  Personne,
  Reconnaissance,
  Site,
  Valeur,
  YEAR_KEYS,
} from './contract.ts';
import { boundedArray, boundedString, LIST_ITEMS } from './limits.ts';

const Text = boundedString({ error: 'texte attendu' }).min(1, { error: 'texte vide' });
const Numero = z
  .number({ error: 'numéro entier attendu' })
  .int({ error: 'numéro entier attendu' })
  .positive({ error: 'numéro positif attendu' });

export const AnneeCible = z.enum(YEAR_KEYS, {
  error: (iss) => `année « N+1 » à « N+5 » attendue, reçu « ${String(iss.input)} »`,
});

/**
 * A "modifications" object: every field of `shape` optional, without defaults. zod's
 * `.partial()` keeps inner defaults, which would silently reset lists (indicateurs: []) that
 * the avenant did not mention.
 */
function modifications<T extends object, K extends keyof T>(
  schema: z.ZodObject<z.core.$ZodLooseShape>,
  omit: readonly K[],
): z.ZodType<Partial<Omit<T, K>>> {
  const shape: Record<string, z.ZodType> = {};
  for (const [k, s] of Object.entries(schema.shape as Record<string, z.ZodType>)) {
    if ((omit as readonly string[]).includes(k)) continue;
    const inner = s instanceof z.ZodDefault ? (s.unwrap() as z.ZodType) : s;
    shape[k] = inner instanceof z.ZodOptional ? inner : inner.optional();
  }
  return z
    .strictObject(shape)
    .refine((m) => Object.keys(m).length > 0, { error: 'au moins une modification attendue' }) as unknown as z.ZodType<
    Partial<Omit<T, K>>
  >;
}

type Out<S extends z.ZodType> = z.output<S>;
const EngagementModifs = modifications<Out<typeof Engagement>, 'numero'>(Engagement, ['numero']);
const ReconnaissanceModifs = modifications<Out<typeof Reconnaissance>, 'numero'>(Reconnaissance, ['numero']);
const AutorisationModifs = modifications<Out<typeof Autorisation>, 'arhgos'>(Autorisation, ['arhgos']);
const DotationModifs = modifications<Out<typeof Dotation>, 'nature' | 'libelle'>(Dotation, ['nature', 'libelle']);

/** An engagement of a replaced annex: `annexe` may be left out (it is the annex's code). */
export const EngagementAnnexe = Engagement.extend({ annexe: Text.optional() });

const op = <T extends string, S extends z.core.$ZodLooseShape>(type: T, shape: S) =>
  z.strictObject({ type: z.literal(type), ...shape });

const Echeance = {
  engagement: Numero.meta({ description: 'Numéro de l’engagement.' }),
  indicateur: Text.meta({ description: 'Libellé de l’indicateur dans cet engagement.' }),
  de: AnneeCible.meta({ description: 'Année où la cible est fixée aujourd’hui.' }),
  a: AnneeCible.meta({ description: 'Année où la cible est désormais attendue.' }),
};

export const Operation = z.discriminatedUnion(
  'type',
  [
    op('ajouter_engagement', { engagement: Engagement }),
    op('modifier_engagement', { numero: Numero, modifications: EngagementModifs }),
    op('supprimer_engagement', { numero: Numero }),
    op('modifier_cible', {
      engagement: Numero,
      indicateur: Text,
      annee: AnneeCible,
      valeur: Valeur.nullable().meta({ description: 'Nouvelle valeur cible ; null supprime la cible.' }),
    }),
    op('reporter_echeance', Echeance),
    op('avancer_echeance', Echeance),
    op('ajouter_reconnaissance', { reconnaissance: Reconnaissance }),
    op('modifier_reconnaissance', { numero: Numero, modifications: ReconnaissanceModifs }),
    op('supprimer_reconnaissance', { numero: Numero }),
    op('ajouter_autorisation', { autorisation: Autorisation }),
    op('modifier_autorisation', { arhgos: Text, modifications: AutorisationModifs }),
    op('supprimer_autorisation', { arhgos: Text }),
    op('ajouter_dotation', { dotation: Dotation }),
    op('modifier_dotation', { nature: NatureDotation, libelle: Text, modifications: DotationModifs }),
    op('supprimer_dotation', { nature: NatureDotation, libelle: Text }),
    op('remplacer_financement', { financements: Financements }),
    op('modifier_permanence_soins', {
      lignes: boundedArray(LignePds, 'lignes de permanence des soins').meta({ description: 'Liste complète des lignes de permanence des soins.' }),
    }),
    op('ajouter_mission_service_public', { mission: MissionServicePublic }),
    op('retirer_mission_service_public', {
      numero: z.number().int().min(1).max(14),
      duree_ans: z
        .number({ error: 'nombre entier d’années attendu' })
        .int({ error: 'nombre entier d’années attendu' })
        .min(1)
        .optional()
        .meta({ description: 'Durée totale renégociée (BR-DUR-4), possible quand aucune mission ne demeure.' }),
    }),
    op('proroger', {
      duree_ans: z
        .number({ error: 'nombre entier d’années attendu' })
        .int({ error: 'nombre entier d’années attendu' })
        .min(1)
        .optional()
        .meta({ description: 'Nouvelle durée totale du contrat, en années, à compter de la date d’effet.' }),
      prorogation_mois: z
        .number({ error: 'nombre entier de mois attendu' })
        .int({ error: 'nombre entier de mois attendu' })
        .min(1)
        .max(60)
        .optional()
        .meta({ description: 'Nouvelle prorogation totale, en mois, au-delà de la durée en années (si le modèle la prévoit).' }),
      prs_adoption: IsoDate.optional().meta({ description: 'Date d’adoption du PRS qui borne la prorogation en mois ; par défaut `ars.prs_adoption`.' }),
    }).refine((o) => (o.duree_ans === undefined) !== (o.prorogation_mois === undefined), {
      error: 'une prorogation donne soit « duree_ans » (en années), soit « prorogation_mois » (en mois), pas les deux ni aucun',
    }),
    op('changer_signataire', {
      partie: z.enum(['ars', 'titulaire'], { error: 'partie « ars » ou « titulaire » attendue' }),
      personne: Personne,
      delegation: Text.optional().meta({ description: 'Signature par délégation (ARS seulement) : nom et qualité du délégataire.' }),
      decret_nomination: Text.optional().meta({ description: 'Décret de nomination du nouveau directeur général (ARS), repris en visa.' }),
    }),
    op('remplacer_annexe', {
      annexe: Text.meta({ description: 'Code de l’annexe (valeur de `engagements[].annexe`).' }),
      engagements: boundedArray(EngagementAnnexe, 'engagements', LIST_ITEMS.engagements).meta({ description: 'Liste complète des engagements de l’annexe.' }),
    }),
    // Sites, holder, lists without stable identifiers (replaced whole), penalties, any annex.
    op('ajouter_site', { site: Site }),
    op('fermer_site', { finess_et: Finess.meta({ description: 'FINESS ET du site fermé.' }) }),
    op('modifier_titulaire', {
      modifications: z
        .strictObject({ raison_sociale: Text.optional(), adresse: Adresse.optional() })
        .refine((m) => Object.keys(m).length > 0, { error: 'au moins une modification attendue' })
        .meta({ description: 'Nouvelle raison sociale et / ou nouvelle adresse du titulaire.' }),
    }),
    op('remplacer_cooperations', {
      cooperations: boundedArray(Cooperation, 'coopérations').meta({ description: 'Liste complète des coopérations.' }),
    }),
    op('remplacer_orientations', {
      orientations: boundedArray(Text, 'orientations', LIST_ITEMS.orientations).meta({ description: 'Liste complète des orientations.' }),
    }),
    op('remplacer_engagements_hors_cpom', {
      engagements_hors_cpom: boundedArray(EngagementHorsCpom, 'engagements hors CPOM').meta({
        description: 'Liste complète des engagements contractuels hors CPOM (DGOS, annexe 11).',
      }),
    }),
    op('modifier_penalites', {
      penalites: Text.nullable().meta({ description: 'Nouveau régime des pénalités ; null le supprime.' }),
    }),
    op('remplacer_document', {
      document: Text.meta({ description: 'Identifiant d’une annexe du modèle (voir `cpom modeles`), jointe dans sa version modifiée.' }),
    }),
  ],
  {
    error: (iss) =>
      iss.code === 'invalid_union' && 'note' in iss
        ? `type d’opération inconnu « ${String((iss.input as { type?: unknown } | undefined)?.type)} » ; types possibles : ${OPERATION_TYPES.join(', ')}`
        : undefined,
  },
);

export const OPERATION_TYPES = [
  'ajouter_engagement',
  'modifier_engagement',
  'supprimer_engagement',
  'modifier_cible',
  'reporter_echeance',
  'avancer_echeance',
  'ajouter_reconnaissance',
  'modifier_reconnaissance',
  'supprimer_reconnaissance',
  'ajouter_autorisation',
  'modifier_autorisation',
  'supprimer_autorisation',
  'ajouter_dotation',
  'modifier_dotation',
  'supprimer_dotation',
  'remplacer_financement',
  'modifier_permanence_soins',
  'ajouter_mission_service_public',
  'retirer_mission_service_public',
  'proroger',
  'changer_signataire',
  'remplacer_annexe',
  'ajouter_site',
  'fermer_site',
  'modifier_titulaire',
  'remplacer_cooperations',
  'remplacer_orientations',
  'remplacer_engagements_hors_cpom',
  'modifier_penalites',
  'remplacer_document',
] as const;

export const AvenantSchema = z
  .strictObject({
    numero: Numero.meta({ description: 'Numéro de l’avenant : 1, 2, 3… sans trou.' }),
    reference: Text.meta({ description: 'Référence du contrat modifié (son champ `reference`).' }),
    date: IsoDate.meta({ description: 'Date de l’avenant (signature).' }),
    effet: IsoDate.meta({ description: 'Date d’effet de l’avenant.' }),
    objet: Text.meta({ description: 'Objet de l’avenant, repris dans l’historique des versions.' }),
    avis: Avis.default({}),
    echange_contradictoire: IsoDate.optional().meta({
      description: 'Date de l’échange contradictoire préalable (Occitanie, article 6 du socle).',
    }),
    signature: z
      .strictObject({
        lieu: Text,
        date: IsoDate,
        ars: Personne.optional().meta({ description: 'Qui signe cet avenant pour l’agence, s’il n’est pas le signataire du contrat.' }),
        delegation: Text.optional().meta({ description: 'Signature de cet avenant par délégation : nom et qualité du délégataire.' }),
        titulaire: Personne.optional().meta({ description: 'Qui signe cet avenant pour le titulaire, s’il n’est pas son représentant au contrat.' }),
      })
      .optional()
      .meta({ description: 'Lieu, date et signataires de cet avenant (ne modifie pas les signataires du contrat).' }),
    operations: boundedArray(Operation, 'opérations').min(1, { error: 'au moins une opération attendue' }),
  })
  .meta({ title: 'Avenant au CPOM', description: 'Modifications apportées à un contrat par avenant.' });

export type Avenant = z.output<typeof AvenantSchema>;
export type AvenantInput = z.input<typeof AvenantSchema>;
export type Operation = z.output<typeof Operation>;
export type OperationType = Operation['type'];
export type OperationOf<T extends OperationType> = Extract<Operation, { type: T }>;
export type AnneeCible = z.output<typeof AnneeCible>;
export type IndicateurData = z.output<typeof Indicateur>;

/** The member of the operations' union for `type` (its own schema, e.g. to type a template's `op`). */
export function operationSchema<T extends OperationType>(type: T): z.ZodType<OperationOf<T>> & (typeof Operation.options)[number] {
  const s = Operation.options.find((o) => o.shape.type.value === type);
  if (!s) throw new Error(`no schema for operation ${type}`);
  return s as unknown as z.ZodType<OperationOf<T>> & (typeof Operation.options)[number];
}
