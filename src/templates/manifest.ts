// The model manifest (templates/<id>/modele.yaml): what a template set is made of.
// Legal staff edit it; the engine reads it. Every expression in it (applicability, rules) is
// written in the template DSL and checked statically like the documents themselves.
import { z } from 'zod';
import { IsoDate } from '../model/contract.ts';

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
  famille: z.enum(['dgos', 'occitanie', 'idf']),
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
  documents: z.array(DocumentEntrySchema).min(1),
  /**
   * Avenant documents written on this model: their articles are drafted by the engine
   * (reconstituted text) until a legal validation is recorded here.
   */
  avenants: z
    .strictObject({
      validation_juridique: LegalValidationSchema.optional(),
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
});

export type Manifest = z.output<typeof ManifestSchema>;
export type DocumentEntry = z.output<typeof DocumentEntrySchema>;
export type Rule = z.output<typeof RuleSchema>;
export type LegalValidation = z.output<typeof LegalValidationSchema>;
