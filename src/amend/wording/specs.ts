// What each avenant wording template (templates/_avenant/<name>.md) may read: the contract as
// amended (every field and computed variable of the contract templates), the contract before the
// avenant (`avant`), the operation (`op`, typed from its zod schema) and the few values the
// engine computes for it (dates, labels). A leaf module: the template loader checks the wording
// against these scopes without importing the operations themselves.
import { z } from 'zod';
import { operationSchema, type OperationType } from '../../model/avenant.ts';
import { Autorisation, ContractSchema, Dotation, Engagement, LignePds, Reconnaissance, Site, YEAR_KEYS } from '../../model/contract.ts';
import { fieldsOfSchema, T, type Field } from '../../dsl/types.ts';

export interface WordingSpec {
  /** The operation whose data the template reads as `op` (none for the avenant's frame). */
  readonly op?: OperationType;
  /** Values computed by the engine for the wording, beyond the contract and the operation. */
  readonly vars?: z.ZodObject;
  /** What the template is for, listed by `cpom modeles --provenance` (an operation's: its article). */
  readonly doc?: string;
}

/** What a wording template is for (`cpom modeles --provenance`): its own description, or « article de l’opération « … » ». @message */
export function wordingDoc(name: WordingName): string {
  const spec: WordingSpec = WORDING_SPECS[name];
  return spec.doc ?? `article de l’opération « ${spec.op} »`;
}

const IsoDate = z.iso.date();
/** An annex named by its title: « Annexe 9 : Le financement » → numero 9, titre « Le financement ». */
const AnnexeNom = z.object({ numero: z.string().optional(), titre: z.string() });
/** An engagement annex, or a volet of it (« Volet 2 : positionnement territorial »). */
const AnnexeVolet = AnnexeNom.extend({ volet_numero: z.string().optional(), volet_titre: z.string().optional() });

/** A year of the contract: « N+3 » (or the millésime), and the millésime when the model counts relative years. */
const Annee = z.object({ libelle: z.string(), millesime: z.string().optional() });
/** The five years of the contract, by key (« N+1 » … « N+5 »), as table headers read them. */
const Annees = z.object(Object.fromEntries(YEAR_KEYS.map((k) => [k, Annee])) as Record<(typeof YEAR_KEYS)[number], typeof Annee>);
/** A target value in a sentence: its printed text, and whether it is quoted (a word, not a number). */
const Cite = z.object({ texte: z.string(), guillemets: z.boolean() });

/** Every wording template the engine knows, by file name (without « .md »). */
export const WORDING_SPECS = {
  prorogation: {
    op: 'proroger',
    vars: z.object({ fin: IsoDate }),
    doc: 'article de l’opération « proroger » (en années ou en mois)',
  },
  signataire: { op: 'changer_signataire' },
  'mission-ajout': {
    op: 'ajouter_mission_service_public',
    vars: z.object({ fin: IsoDate }),
  },
  'mission-retrait': {
    op: 'retirer_mission_service_public',
    vars: z.object({ fin: IsoDate }),
  },
  penalites: { op: 'modifier_penalites' },
  'site-ajout': { op: 'ajouter_site' },
  'site-fermeture': {
    op: 'fermer_site',
    vars: z.object({ site: z.object({ raison_sociale: z.string(), finess_et: z.string() }) }),
  },
  'remplacement-annexe': {
    vars: z.object({ annexe: AnnexeNom }),
    doc: 'article d’une opération qui remplace une annexe rendue par le modèle (remplacer_document, et remplacer_financement, modifier_permanence_soins, remplacer_cooperations, remplacer_orientations, remplacer_engagements_hors_cpom quand le modèle en fait une annexe)',
  },
  'dotation-ajout': { op: 'ajouter_dotation' },
  'dotation-suppression': { op: 'supprimer_dotation' },
  'reconnaissance-ajout': {
    op: 'ajouter_reconnaissance',
    vars: z.object({ site: Site.optional() }),
  },
  'reconnaissance-suppression': {
    op: 'supprimer_reconnaissance',
    vars: z.object({ reconnaissance: Reconnaissance, site: Site.optional() }),
  },
  'autorisation-ajout': {
    op: 'ajouter_autorisation',
    vars: z.object({ site: Site.optional() }),
  },
  'autorisation-suppression': {
    op: 'supprimer_autorisation',
    vars: z.object({ autorisation: Autorisation }),
  },
  'engagement-suppression': {
    op: 'supprimer_engagement',
    vars: z.object({ engagement: Engagement, annexe: AnnexeVolet }),
  },
  'reconnaissance-modification': {
    op: 'modifier_reconnaissance',
    vars: z.object({ reconnaissance: Reconnaissance, sans_capacite: z.boolean() }),
  },
  'autorisation-modification': {
    op: 'modifier_autorisation',
    vars: z.object({ autorisation: Autorisation }),
  },
  'dotation-modification': {
    op: 'modifier_dotation',
    vars: z.object({ dotation: Dotation }),
  },
  orientations: {
    op: 'remplacer_orientations',
    doc: 'article de l’opération « remplacer_orientations » quand le modèle n’en fait pas une annexe',
  },
  'cible-modification': {
    op: 'modifier_cible',
    vars: z.object({ annee: Annee, ancienne: Cite.optional(), nouvelle: Cite.optional() }),
  },
  'echeance-report': {
    op: 'reporter_echeance',
    vars: z.object({ de: Annee, a: Annee, valeur: Cite.optional() }),
  },
  'echeance-avancement': {
    op: 'avancer_echeance',
    vars: z.object({ de: Annee, a: Annee, valeur: Cite.optional() }),
  },
  titulaire: { op: 'modifier_titulaire' },
  financements: {
    op: 'remplacer_financement',
    doc: 'article de l’opération « remplacer_financement » quand le modèle n’en fait pas une annexe',
  },
  'permanence-soins': {
    op: 'modifier_permanence_soins',
    // Each line with the site it names in the amended contract (absent if the FINESS ET is none of its sites).
    vars: z.object({ lignes: z.array(LignePds.extend({ site: Site.optional() })) }),
    doc: 'article de l’opération « modifier_permanence_soins » quand le modèle n’en fait pas une annexe',
  },
  cooperations: {
    op: 'remplacer_cooperations',
    doc: 'article de l’opération « remplacer_cooperations » quand le modèle n’en fait pas une annexe',
  },
  'engagements-hors-cpom': {
    op: 'remplacer_engagements_hors_cpom',
    doc: 'article de l’opération « remplacer_engagements_hors_cpom » quand le modèle n’en fait pas une annexe',
  },
  'engagement-ajout': {
    op: 'ajouter_engagement',
    vars: z.object({ engagement: Engagement, annexe: AnnexeVolet, annees: Annees }),
  },
  'engagement-modification': {
    op: 'modifier_engagement',
    vars: z.object({
      engagement: Engagement,
      annexe: AnnexeVolet,
      // Every field an avenant may change: a new field of the schema is one the template must word.
      champs: z.array(Engagement.keyof().exclude(['numero'])),
      annees: Annees,
    }),
  },
  'engagements-remplacement': {
    op: 'remplacer_annexe',
    vars: z.object({ annexe: AnnexeVolet, jointe: z.boolean(), annees: Annees }),
  },
  avenant: {
    vars: z.object({
      partie: z.enum(['titre', 'objet', 'visas', 'convenu', 'sujet']),
      initial: z.object({ periode: z.string(), reference: z.string().optional(), signature: IsoDate.optional(), effet: IsoDate }),
      avis: z.array(z.object({ cle: z.enum(['conseil_surveillance', 'cme', 'cte', 'conference_medicale', 'deliberation_ag']), date: IsoDate })),
      precedents: z.array(z.object({ numero: z.number(), date: IsoDate })),
      echange_contradictoire: IsoDate.optional(),
      point_virgule: z.boolean(),
    }),
    doc: 'cadre de l’avenant : titre, objet, visas propres à l’avenant, formule d’introduction des articles, sujet (métadonnées)',
  },
  cloture: { doc: 'articles de clôture de l’avenant : dispositions inchangées, entrée en vigueur' },
} as const satisfies Readonly<Record<string, WordingSpec>>;

export type WordingName = keyof typeof WORDING_SPECS;

export const isWordingName = (n: string): n is WordingName => Object.hasOwn(WORDING_SPECS, n);

const req = (ty: Field['ty']): Field => ({ ty, optional: false });

/** The variables a wording template sees besides the contract's (as amended). */
export function wordingFields(name: WordingName): Record<string, Field> {
  const spec: WordingSpec = WORDING_SPECS[name];
  const out: Record<string, Field> = {
    avant: req(T.object(fieldsOfSchema(ContractSchema))),
    avenant: req(T.object({ numero: req(T.number), date: req(T.date), effet: req(T.date), objet: req(T.string) })),
  };
  if (spec.op) {
    out.op = req(T.object(fieldsOfSchema(operationSchema(spec.op))));
  }
  if (spec.vars) Object.assign(out, fieldsOfSchema(spec.vars));
  return out;
}
