// The model manifest (templates/<id>/modele.yaml): what a template set is made of.
// Legal staff edit it; the engine reads it. Every expression in it (applicability, rules) is
// written in the template DSL and checked statically like the documents themselves.
import { z } from 'zod';
import { endOfPeriod } from '../ir/resolve/french.ts';
import { IsoDate, type Contract } from '../model/contract.ts';
import { ESignatureSchema } from './esignature.ts';

const Text = z.string().min(1);

export const RuleSourceSchema = z.strictObject({
  fichier: Text.meta({ description: 'Fichier source (seed) : « 004_ec60fe0b7b5a9c75.txt »' }),
  ligne: z.number().int().positive(),
  citation: Text.optional(),
});

export const RuleSchema = z.strictObject({
  id: Text.regex(/^[A-Z0-9][A-Z0-9-]*$/, 'identifiant en MAJUSCULES-ET-TIRETS attendu'),
  niveau: z.enum(['erreur', 'avertissement']),
  /** Short statement of the rule, quoted in messages: « 3 à 10 engagements par contrat ». */
  regle: Text,
  /**
   * Iterate over a list (dotted path: "engagements", "engagements.indicateurs",
   * "financements.dotations"). Either the element's fields are in scope, or, written
   * "e dans engagements", the element is named `e` and the contract's fields stay visible.
   */
  pour_chaque: Text.optional(),
  /** Only check when this holds (DSL expression). */
  si: Text.optional(),
  /** What must hold (DSL expression); inside pour_chaque, the element's fields are in scope. */
  verifie: Text,
  /** Data path of the offending value, relative to the element: "objectif_operationnel". */
  chemin: Text.optional(),
  /** Message (DSL inline template: may use {{ … }}). */
  message: Text,
  source: RuleSourceSchema,
});

/**
 * How long a contract of this model runs, and what avenants may do to that duration
 * (src/amend/ops/duree.ts). Data, not code: a model family is not tied to a region.
 */
export const DureeSchema = z.strictObject({
  /** Maximum duration in years; the duration itself when `fixe`. */
  ans: z.number().int().positive(),
  /**
   * The model fixes the contract's period (Occitanie: 2019-2023): no avenant shortens it (not
   * even on withdrawing a public-service mission) nor prolongs it.
   */
  fixe: z.boolean(),
  /**
   * Where the maximum counts from: the signature of the initial contract (DGOS « cinq ans à
   * compter de sa signature ») or its date of effect. The end of the contract, computed from its
   * date of effect, may not go past it (computed variable `contrat.fin_maximale`).
   */
  depart: z.enum(['effet', 'signature']),
  source: RuleSourceSchema,
});

/**
 * A model that says nothing of its duration: art. L. 6114-1 CSP alone, « durée maximale de cinq
 * ans » from the date of effect, shortened or prolonged by avenant.
 */
export const DUREE_LEGALE: z.output<typeof DureeSchema> = {
  ans: 5,
  fixe: false,
  depart: 'effet',
  source: { fichier: '001_31e1b23b00324c09.txt', ligne: 914, citation: 'Le CPOM est conclu pour une durée maximale de cinq ans' },
};

/**
 * Last day a contract of this model may run: `ans` years from the initial signature (or from
 * the date of effect when the model counts from it, or when the contract is not signed yet).
 */
export function latestEnd(duree: z.output<typeof DureeSchema> = DUREE_LEGALE, dates: Contract['dates']): string {
  const from = duree.depart === 'signature' ? (dates.signature?.date ?? dates.effet) : dates.effet;
  return endOfPeriod(from, duree.ans);
}

/**
 * The legal validation of a reconstituted text: until the manifest records it, every page of the
 * document carries the « texte reconstitué » mention; once recorded, the mention goes and the
 * validation is written into the files' metadata instead.
 */
export const LegalValidationSchema = z.strictObject({
  /** Who validated: « Direction des affaires juridiques de l’ARS Île-de-France ». */
  par: Text,
  date: IsoDate,
  /** Reference of the validation (note, visa, ticket): « DAJ-2026-114 ». */
  reference: Text,
});

/**
 * What prorogation by avenant the model allows beyond the prorogation in whole years (total
 * duration 5 years at most): a prorogation in months, bounded by the adoption of the PRS.
 */
export const ProrogationSchema = z.strictObject({
  /** Prorogation in months allowed. */
  mois: z.boolean(),
  /** The prorogued contract ends at the latest this many months after the PRS's adoption. */
  apres_prs_mois: z.number().int().positive().optional(),
  /** Where the model says so (source file and lines). */
  source: Text.optional(),
});
export type Prorogation = z.output<typeof ProrogationSchema>;

export const DocumentEntrySchema = z.strictObject({
  /** Stable id, used in file names: "socle", "annexe-01-orientations". */
  id: Text.regex(/^[a-z0-9][a-z0-9-]*$/, 'identifiant en minuscules-et-tirets attendu'),
  /** Name in running headers and lists (DSL inline template). */
  nom: Text,
  fichier: Text,
  provenance: z.enum(['verbatim', 'reconstitue']),
  /** Why the provenance is what it is (seed file and lines, or what was reconstructed). */
  provenance_detail: Text.optional(),
  /** Legal validation of a reconstituted document (meaningless for a verbatim one). */
  validation_juridique: LegalValidationSchema.optional(),
  /** Applicability expression (DSL); absent = always. */
  applicable: Text.optional(),
  orientation: z.enum(['portrait', 'paysage']).default('portrait'),
  /** Parties whose paraphe box appears on every page of this document. */
  paraphe: z.array(Text).default([]),
  /** Engagement annex codes rendered by this document (engagements[].annexe values). */
  annexes_engagements: z.array(Text).default([]),
  /**
   * When this document renders several codes as volets: the heading of each volet as printed
   * ({ positionnement_territorial: "Volet 2 : positionnement territorial" }), so an avenant names
   * (and replaces) a volet by its title.
   */
  volets: z.record(z.string(), Text).default({}),
}).refine((d) => !(d.validation_juridique && d.provenance === 'verbatim'), {
  // A validation recorded on a verbatim text would be silently ignored: say so instead.
  message: 'validation_juridique ne concerne qu’un texte reconstitué (provenance: reconstitue)',
  path: ['validation_juridique'],
});

export const ManifestSchema = z.strictObject({
  id: Text.regex(/^[a-z0-9][a-z0-9-]*$/),
  version: z.number().int().positive(),
  titre: Text,
  /**
   * The model's family (region or lineage: « dgos », « idf », « bretagne »): a free identifier a
   * region's model declares. The engine has no behaviour per family: everything a family
   * decides is a field of this manifest (annees, signature, duree, avenants…).
   */
  famille: Text.max(40).regex(/^[a-z][a-z0-9-]*$/, 'identifiant en minuscules-et-tirets attendu (ex. « bretagne »)'),
  description: Text.optional(),
  /** Running header title (DSL inline template), e.g. "CPOM {{ contrat.periode }} — modèle-type DGOS". */
  en_tete: Text,
  annees: z.strictObject({
    /** Which year is N: the year of the date d'effet (OCC, IDF) or the reference year (DGOS). */
    convention: z.enum(['effet', 'reference']),
    /** How year columns are labelled: "N+1", "2020", or "N+1 (2020)". */
    libelle: z.enum(['relatif', 'absolu', 'mixte']).default('relatif'),
  }),
  signature: z.strictObject({
    /** Signing order, party ids: ["titulaire", "ars"]. */
    ordre: z.array(Text).min(1),
    /** Number of originals (null: not stated by the model). */
    originaux: z.number().int().positive().nullable(),
    cachet: z.boolean().default(false),
    /** Each annex signed separately (own signature block). */
    annexes_signees_separement: z.boolean().default(false),
    /** Label of each party's paraphe box: { titulaire: "Paraphe du titulaire", ars: "Paraphe de l’ARS" }. */
    paraphes: z.record(z.string(), Text).default({}),
  }),
  /** E-signature PDFs (anchors, empty signature fields): src/templates/esignature.ts. */
  signature_electronique: ESignatureSchema.optional(),
  documents: z.array(DocumentEntrySchema).min(1),
  /**
   * Avenant documents written on this model: their articles are drafted by the engine
   * (reconstituted text) until a legal validation is recorded here.
   */
  avenants: z
    .strictObject({
      validation_juridique: LegalValidationSchema.optional(),
      /** Absent: prorogation in whole years only. */
      prorogation: ProrogationSchema.optional(),
      /**
       * What every avenant of this model records beyond the contract's own rules (which are
       * also run on the avenant's opinions): a warning names the rule and its source if absent.
       */
      requis: z
        .array(
          z.strictObject({
            donnee: z.enum(['echange_contradictoire', 'avis.conseil_surveillance', 'avis.cme', 'avis.cte', 'avis.conference_medicale', 'avis.deliberation_ag']),
            regle: Text,
            source: RuleSourceSchema,
          }),
        )
        .default([]),
    })
    .default({ requis: [] }),
  /** Absent: the law alone (DUREE_LEGALE). */
  duree: DureeSchema.optional(),
  regles: z.array(RuleSchema).default([]),
  /**
   * Data this model has no place for, and why. A contract that fills one still gets the
   * « donnée non imprimée » warning (src/templates/unprinted.ts); the reason is shown with it.
   */
  donnees_non_imprimees: z
    .array(
      z.strictObject({
        /** Data path with list indices collapsed: "autorisations", "engagements[].numero". */
        chemin: Text,
        raison: Text,
      }),
    )
    .default([]),
  /**
   * Data a non-public holder's communicable version withholds even where no template of the
   * contract prints them (an avenant's article may): src/amend/communicable.ts refuses an
   * avenant that would print them outside a passage marked occultable.
   */
  donnees_occultables: z
    .array(
      z.strictObject({
        /** Data path with list indices collapsed: "cooperations", "engagements[].actions". */
        chemin: Text,
        raison: Text,
      }),
    )
    .default([]),
});

export type Manifest = z.output<typeof ManifestSchema>;
export type DocumentEntry = z.output<typeof DocumentEntrySchema>;
export type Rule = z.output<typeof RuleSchema>;
export type LegalValidation = z.output<typeof LegalValidationSchema>;
export type Duree = z.output<typeof DureeSchema>;
