// The contract data model: the public interface users write (see shared/spec/contract-data.md).
// Keys are French because the people who write them are French administrators. Objects are
// strict: a misspelt key is an error, not silently ignored data.
import { z } from 'zod';
import { finessFormatIssue } from './finess.ts';
import { boundedArray, boundedNumber, boundedString, LIMITS, LIST_ITEMS } from './limits.ts';
import { describeInput } from './messages.ts';

const DATE_RE = /^\d{4}-\d{2}-\d{2}$/;

/** Type error message that says "missing" when nothing was given. */
function expected(what: string) {
  return (iss: { input?: unknown }) =>
    iss.input === undefined ? `champ obligatoire manquant (${what} attendu)` : `${what} attendu, reçu ${describeInput(iss.input)}`;
}

/**
 * ISO date AAAA-MM-JJ that is also a real calendar day, in the years LIMITS allows (a year
 * 9999 date made period ends overflow to five-digit years, which nothing downstream can read).
 */
export const IsoDate = z
  .string({ error: expected('date au format AAAA-MM-JJ') })
  .regex(DATE_RE, { error: (iss) => `date attendue au format AAAA-MM-JJ, reçu « ${String(iss.input)} »`, abort: true })
  .superRefine((s, ctx) => {
    const year = Number(s.slice(0, 4));
    if (year < LIMITS.yearMin || year > LIMITS.yearMax) {
      ctx.addIssue({ code: 'custom', message: `date hors des années ${LIMITS.yearMin} à ${LIMITS.yearMax}, reçu « ${s} »` });
      return;
    }
    const d = new Date(`${s}T00:00:00Z`);
    if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s) ctx.addIssue({ code: 'custom', message: `date inexistante « ${s} »` });
  })
  .meta({ format: 'date' });

const Text = boundedString({ error: expected('texte') }).min(1, { error: 'texte vide' });

export const Finess = z
  .string({ error: expected('numéro FINESS (9 caractères, entre guillemets dans le YAML)') })
  .superRefine((s, ctx) => {
    const issue = finessFormatIssue(s);
    if (issue) ctx.addIssue({ code: 'custom', message: issue });
  })
  .meta({ description: 'Numéro FINESS : 9 caractères, département (01-95, 2A, 2B, 97, 98) puis chiffres.' });

export const Personne = z.strictObject({
  civilite: z.enum(['Madame', 'Monsieur']),
  prenom: Text,
  nom: Text,
  qualite: Text.meta({ description: 'Qualité : « Directrice générale », « Directeur »…' }),
});

export const Statut = z.enum(['public', 'espic', 'prive_lucratif']);
export const Forme = z.enum([
  'etablissement_sante',
  'gcs',
  'gie',
  'cabinet_radiologie',
  'centre_radiotherapie',
  'laboratoire',
  'autre',
]);
export const Categorie = z.enum(['monoactivite', 'pluriactivite', 'eml_amp_dpn']);
export const Typologie = z.enum(['chu_clcc', 'specialise', 'proximite', 'eml_amp_dpn']);
export const Activite = z.enum([
  'medecine',
  'chirurgie',
  'obstetrique',
  'ssr',
  'psychiatrie',
  'had',
  'usld',
  'urgences',
  'cancerologie',
  'imagerie',
  'radiotherapie',
  'amp_dpn',
  'dialyse',
  'reanimation',
]);

export const Adresse = z.strictObject({
  voie: Text,
  code_postal: z.string().regex(/^\d{5}$/, { error: 'code postal à 5 chiffres attendu' }),
  commune: Text,
});

export const Ars = z.strictObject({
  nom: Text.meta({ description: "Nom de l'agence : « Agence Régionale de Santé Occitanie »" }),
  region: Text.optional().meta({ description: 'Nom de la région : « Occitanie ». Déduit du nom par défaut.' }),
  adresse: Text.optional(),
  signataire: Personne,
  delegation: Text.optional().meta({ description: 'Signature par délégation : qualité du délégataire.' }),
  prs_adoption: IsoDate.optional().meta({ description: 'Date d’adoption du projet régional de santé (visa).' }),
  sros_adoption: IsoDate.optional().meta({ description: 'Date d’arrêté du SROS (visa DGOS).' }),
  decret_nomination: Text.optional().meta({ description: 'Visa du décret de nomination du directeur général.' }),
  prs: z
    .strictObject({
      arrete: Text,
      date: IsoDate,
      raa: Text,
      publication: IsoDate,
    })
    .optional()
    .meta({ description: 'Arrêté portant adoption du PRS (visa Occitanie).' }),
});

const Montant = boundedNumber().nonnegative().multipleOf(0.01, { error: 'montant en euros à deux décimales au plus' });

export const Titulaire = z.strictObject({
  raison_sociale: Text,
  finess_ej: Finess,
  statut: Statut,
  forme: Forme,
  categorie: Categorie,
  typologie: Typologie.optional(),
  activites: boundedArray(Activite, 'activités').default([]),
  adresse: Adresse,
  representant: Personne,
  sph: z.boolean().optional().meta({ description: 'Habilité au service public hospitalier.' }),
  regime: z
    .enum(['dotation', 'oqn'])
    .optional()
    .meta({ description: 'Régime de financement : « oqn » pour les cliniques SSR / psychiatrie sous OQN.' }),
  lien_entites: Text.optional().meta({
    description: 'Lien entre l’entité juridique et ses établissements (visa du CPOM unique, IDF).',
  }),
  produits_assurance_maladie: z
    .strictObject({ exercice: z.number().int({ error: 'année entière attendue' }).min(1990).max(2100), montant: Montant })
    .optional()
    .meta({ description: 'Produits reçus des régimes obligatoires d’assurance maladie au titre du dernier exercice clos (plafond des pénalités : 5 %).' }),
});

/**
 * A further legal entity of a single CPOM concluded for several entities of one GHT (IDF guide,
 * 004_ec60fe0b7b5a9c75.txt L.85 and L.91). The lead entity stays `titulaire`, so every template
 * that knows one holder keeps working; models whose sources do not provide for it refuse these.
 */
export const Cotitulaire = z.strictObject({
  raison_sociale: Text,
  finess_ej: Finess,
  adresse: Adresse,
  representant: Personne,
});

export const Site = z.strictObject({
  finess_et: Finess,
  raison_sociale: Text,
  adresse: Text.optional(),
  finess_ej: Finess.optional().meta({
    description: 'FINESS EJ de l’entité qui exploite le site : obligatoire quand le contrat a des cotitulaires.',
  }),
});

export const Dates = z.strictObject({
  effet: IsoDate,
  duree_ans: z.number().int({ error: 'nombre entier d’années attendu' }).min(1).max(5),
  prorogation_mois: z
    .number()
    .int({ error: 'nombre entier de mois attendu' })
    .min(1)
    .max(60)
    .optional()
    .meta({ description: 'Prorogation par avenant, en mois, au-delà de la durée en années (si le modèle la prévoit).' }),
  signature: z.strictObject({ lieu: Text, date: IsoDate }).optional(),
  annexes_au_plus_tard: IsoDate.optional().meta({ description: 'Date limite d’effet des annexes (Occitanie).' }),
});

const AvisDate = IsoDate.nullable().optional();
export const Avis = z.strictObject({
  conseil_surveillance: AvisDate,
  cme: AvisDate,
  cte: AvisDate,
  conference_medicale: AvisDate,
  deliberation_ag: AvisDate,
  comite_strategique: AvisDate.meta({ description: 'Concertation du comité stratégique du GHT (CPOM unique, IDF).' }),
  commission_medicale_groupement: AvisDate.meta({
    description: 'Consultation de la commission médicale de groupement du GHT (CPOM unique, IDF).',
  }),
  avis_president_cmg: AvisDate.meta({
    description: 'Avis motivé du président de la commission médicale de groupement (CPOM unique, IDF).',
  }),
});

export const YEAR_KEYS = ['N+1', 'N+2', 'N+3', 'N+4', 'N+5'] as const;
export type YearKey = (typeof YEAR_KEYS)[number];

/** A target / reference value: number, percentage ("70 %"), "oui"/"non", or free text if declared. */
export const Valeur = z.union([boundedNumber(), boundedString()], {
  error: 'nombre, pourcentage ou « oui »/« non » attendu',
});

const Annees = z.strictObject({
  'N+1': Valeur.optional(),
  'N+2': Valeur.optional(),
  'N+3': Valeur.optional(),
  'N+4': Valeur.optional(),
  'N+5': Valeur.optional(),
});

export const Indicateur = z.strictObject({
  libelle: Text,
  mode_calcul: Text.optional(),
  unite: Text.optional(),
  source: Text.optional(),
  type_valeur: z
    .enum(['nombre', 'pourcentage', 'oui_non', 'texte'])
    .optional()
    .meta({ description: 'Type des valeurs ; « texte » autorise des cibles rédigées.' }),
  reference: z.strictObject({ valeur: Valeur, annee: z.number().int().min(1990).max(LIMITS.yearMax) }).optional(),
  cible_nationale: Valeur.optional(),
  cible_regionale: Valeur.optional(),
  cibles: Annees.default({}),
  resultats: Annees.optional(),
});

export const Engagement = z.strictObject({
  numero: z.number().int().positive(),
  annexe: Text.meta({ description: 'Code de l’annexe (et du volet) qui porte l’engagement ; voir `cpom modeles`.' }),
  finess: Finess.optional().meta({ description: 'FINESS EJ ou ET de rattachement.' }),
  objectif_strategique: Text.optional(),
  objectif_operationnel: Text,
  actions: Text.optional(),
  calendrier: Text.optional(),
  autorisations: boundedArray(Text, 'autorisations').optional().meta({ description: 'N° ARHGOS des autorisations liées.' }),
  reconnaissances: boundedArray(z.number().int(), 'reconnaissances').optional().meta({ description: 'N° des RC liées.' }),
  indicateurs: boundedArray(Indicateur, 'indicateurs', LIST_ITEMS.indicateurs).default([]),
});

export const Autorisation = z.strictObject({
  arhgos: Text,
  activite: Text,
  modalite: Text.optional(),
  forme: Text.optional(),
  finess_et: Finess,
  date_autorisation: IsoDate.optional(),
  date_echeance: IsoDate.optional(),
});

export const Reconnaissance = z.strictObject({
  numero: z.number().int().positive(),
  activite: Text,
  modalite: Text.optional(),
  forme: Text.optional(),
  capacite: z.number().int().nonnegative().nullable().optional(),
  finess_et: Finess,
  date_effet: IsoDate.optional(),
  caracteristiques: Text.optional(),
});

export const NatureDotation = z.enum(['MIG', 'AC', 'MIGAC', 'DAF', 'FIR', 'FMESPP', 'FIQCS']);
export const Dotation = z.strictObject({
  nature: NatureDotation,
  libelle: Text,
  montant: Montant,
  activite: z.enum(['MCO', 'SSR', 'psychiatrie', 'USLD', 'HAD']).optional(),
  debut: IsoDate.optional(),
  fin: IsoDate.optional(),
});

export const TarifOqn = z.strictObject({
  discipline: Text,
  prestation: Text,
  tarif: boundedNumber().nonnegative(),
});

export const Financements = z.strictObject({
  date_base: IsoDate.optional().meta({ description: 'Date de la base reconductible.' }),
  date_tarifs: IsoDate.optional(),
  dotations: boundedArray(Dotation, 'dotations').default([]),
  tarifs_oqn: boundedArray(TarifOqn, 'tarifs').default([]),
});

export const LignePds = z.strictObject({
  specialite: Text,
  type_ligne: z.enum(['garde', 'astreinte', 'demi_garde_demi_astreinte']),
  organisation: z.enum(['propre', 'mutualisee', 'alternee']),
  nombre: z.number().int().positive().optional(),
  finess_et: Finess,
  partenaires: boundedArray(Text, 'partenaires').optional(),
});

export const Cooperation = z.strictObject({
  objectif_operationnel: Text,
  calendrier: Text,
  partenaires: boundedArray(Text, 'partenaires').min(1, { error: 'au moins un partenaire attendu' }),
  contribution: Text.optional(),
  outil: Text,
  indicateur: Text,
});

export const MissionServicePublic = z.strictObject({
  numero: z.number().int().min(1).max(14),
  perimetre: Text.optional(),
});

export const EngagementHorsCpom = z.strictObject({
  type: Text,
  date: IsoDate.optional(),
  parties: Text.optional(),
  duree: Text.optional(),
});

// ── Per-annex data (issue 11) ─────────────────────────────────────────────────────────────
// Keyed by the model's document id (`cpom modeles`). An annex signed on its own (Occitanie,
// socle article 10: 002_31a56b3083e7fdc0.txt, l. 1704-1708) has its own place and date; left
// out, the annex prints blanks to fill by hand. Checked against the model in
// src/templates/annex-signatures.ts (unknown id, date after `dates.annexes_au_plus_tard`).
export const SignatureAnnexe = z
  .strictObject({
    lieu: Text.optional().meta({ description: 'Lieu de signature de l’annexe (« Fait à … »).' }),
    date: IsoDate.optional().meta({ description: 'Date de signature de l’annexe : sa date d’effet.' }),
  })
  .meta({ description: 'Signature propre à l’annexe ; un champ absent est imprimé en blanc à remplir à la main.' });
const ANNEX_ID_ERROR = 'identifiant de document du modèle attendu (minuscules-et-tirets, voir `cpom modeles`)';
export const Annexes = z
  .intersection(
    z
      .record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/, { error: ANNEX_ID_ERROR }), z.strictObject({ signature: SignatureAnnexe.optional() }))
      .refine((o) => Object.keys(o).length <= 100, { error: 'au plus 100 annexes' }),
    // zod's record skips a « __proto__ » key without a word: refuse it here, never drop data.
    z.custom((v) => !(v !== null && typeof v === 'object' && Object.hasOwn(v, '__proto__')), { error: `clé « __proto__ » refusée : ${ANNEX_ID_ERROR}` }),
  )
  .meta({ description: 'Données propres à chaque annexe, par identifiant de document du modèle (`cpom modeles`) : { annexe-financements: { signature: { lieu, date } } }.' });

export const ContractSchema = z
  .strictObject({
    modele: Text.meta({ description: 'Identifiant du modèle (jeu de gabarits) : voir `cpom modeles`.' }),
    reference: Text.optional(),
    ars: Ars,
    titulaire: Titulaire,
    ght: Text.optional().meta({ description: 'Nom du groupement hospitalier de territoire, sans le sigle : « Marne-Forêt-Brie » (CPOM unique avec cotitulaires, IDF).' }),
    cotitulaires: boundedArray(Cotitulaire, 'cotitulaires').default([]).meta({
      description:
        'Autres entités juridiques du même GHT, parties au CPOM unique (modèles IDF seulement) : raison sociale, FINESS EJ, adresse, représentant légal.',
    }),
    sites: boundedArray(Site, 'sites', LIST_ITEMS.sites).default([]),
    dates: Dates,
    avis: Avis.default({}),
    contrat_precedent: Text.optional().meta({
      description: 'Intitulé du CPOM précédent (visa), ex. « contrat pluriannuel d’objectifs et de moyens 2013-2018 ».',
    }),
    orientations: boundedArray(Text, 'orientations', LIST_ITEMS.orientations).default([]),
    penalites: Text.optional().meta({ description: 'Régime des pénalités (DGOS, article 6).' }),
    penalites_montant_max: Montant.optional().meta({
      description: 'Montant annuel maximal des pénalités prévu par le régime (euros), contrôlé contre 5 % des produits d’assurance maladie.',
    }),
    engagements: boundedArray(Engagement, 'engagements', LIST_ITEMS.engagements).default([]),
    autorisations: boundedArray(Autorisation, 'autorisations').default([]),
    reconnaissances: boundedArray(Reconnaissance, 'reconnaissances').default([]),
    financements: Financements.default({ dotations: [], tarifs_oqn: [] }),
    permanence_soins: boundedArray(LignePds, 'lignes de permanence des soins').default([]),
    cooperations: boundedArray(Cooperation, 'coopérations').default([]),
    missions_service_public: boundedArray(MissionServicePublic, 'missions de service public').default([]),
    engagements_hors_cpom: boundedArray(EngagementHorsCpom, 'engagements hors CPOM').default([]),
    annexes: Annexes.optional(),
  })
  .meta({ title: 'Contrat CPOM', description: 'Données d’un contrat pluriannuel d’objectifs et de moyens.' });

export type Contract = z.output<typeof ContractSchema>;
export type ContractInput = z.input<typeof ContractSchema>;
export type Engagement = z.output<typeof Engagement>;
export type Indicateur = z.output<typeof Indicateur>;
