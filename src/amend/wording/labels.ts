// What each label of the consolidated version (templates/_avenant/version-consolidee.yaml) may
// read: the contract as amended, plus the few values the engine gives that label. The labels are
// one-line templates (like templates/_mentions.yaml) because the engine places them itself: in
// a table cell, in the document's metadata, or inside the data a model's tables print (the marks
// « [modifié par l’avenant n° 2] »). A leaf module: the template loader checks each label against
// these scopes. A label's name is its path in the YAML file, dots between levels.
import { z } from 'zod';
import { fieldsOfSchema, type Field } from '../../dsl/types.ts';

/** The labels' file, in templates/_avenant (shared default) and in a model's _avenant/ (overrides). */
export const LABELS_FILE = 'version-consolidee.yaml';

export interface LabelSpec {
  /** Values the engine gives this label, beyond the contract's fields. */
  readonly vars?: z.ZodObject;
  /** What the label is for, listed by `cpom modeles --provenance`. */
  readonly doc: string;
}

/** A mark: how the element was last changed (a removed element is not printed) and by which avenant. */
const Mark = z.object({ nature: z.enum(['ajout', 'modification']), avenant: z.number() });
const Engagement = z.object({ engagement: z.number() });
/** An annex (or a volet of it) named by its title in the model (src/amend/document/annexes.ts). */
const Nom = z.object({ numero: z.string().optional(), titre: z.string(), volet_numero: z.string().optional(), volet_titre: z.string().optional() });

/**
 * Every label of the consolidated version, by name. A mark follows an element's text where the
 * model prints it; an element's name starts lower-case (the engine capitalises a table cell).
 */
export const LABEL_SPECS = {
  mention: {
    vars: z.object({ consolidation: z.object({ avenants: z.number() }) }),
    doc: 'mention sous le titre du socle ; aussi, sans sa majuscule initiale, à la suite du titre dans les métadonnées (consolidation.avenants : nombre d’avenants intégrés)',
  },
  note: { doc: 'note qui explique les marques entre crochets' },
  'historique.titre': { doc: 'titre du tableau des avenants intégrés' },
  'historique.colonne_avenant': { doc: 'en-tête de la colonne du numéro de l’avenant' },
  'historique.colonne_date': { doc: 'en-tête de la colonne de la date de l’avenant' },
  'historique.colonne_effet': { doc: 'en-tête de la colonne de la date de prise d’effet' },
  'historique.colonne_objet': { doc: 'en-tête de la colonne de l’objet de l’avenant' },
  'elements_modifies.titre': { doc: 'titre du tableau des éléments modifiés' },
  'elements_modifies.colonne_element': { doc: 'en-tête de la colonne de l’élément' },
  'elements_modifies.colonne_avenant': { doc: 'en-tête de la colonne du dernier avenant' },
  'elements_modifies.colonne_nature': { doc: 'en-tête de la colonne de la nature de la modification' },
  'elements_modifies.element': {
    vars: z.object({ element: z.string(), precedent: z.boolean() }),
    doc: 'cellule de l’élément (element : son nom, avec une majuscule initiale ; precedent : vrai pour un élément supprimé dont un avenant suivant a repris le numéro)',
  },
  'elements_modifies.avenant': { vars: z.object({ avenant: z.number() }), doc: 'cellule du dernier avenant' },
  'elements_modifies.ajout': { doc: 'cellule de la nature : ajout' },
  'elements_modifies.modification': { doc: 'cellule de la nature : modification' },
  'elements_modifies.suppression': { doc: 'cellule de la nature : suppression' },
  'marques.engagement': { vars: Mark, doc: 'marque après l’objectif opérationnel d’un engagement' },
  'marques.cible': {
    vars: z.object({ valeur: z.string(), avenant: z.number() }),
    doc: 'valeur cible ajoutée ou modifiée, avec sa marque, dans le tableau des indicateurs (valeur : la valeur imprimée)',
  },
  'marques.reconnaissance': { vars: Mark, doc: 'marque après l’activité d’une reconnaissance contractuelle' },
  'marques.autorisation': { vars: Mark, doc: 'marque après l’activité d’une autorisation' },
  'marques.dotation': { vars: Mark, doc: 'marque après le libellé d’une dotation' },
  'marques.ligne_pds': { vars: Mark, doc: 'marque après la spécialité d’une ligne de permanence des soins' },
  'marques.mission': { vars: Mark, doc: 'marque après le périmètre d’une mission de service public ajoutée' },
  'elements.engagement': { vars: Engagement, doc: 'nom d’un engagement' },
  'elements.cible': { vars: Engagement.extend({ indicateur: z.string(), annee: z.string() }), doc: 'nom d’une valeur cible' },
  'elements.annexe': { vars: z.object({ annexe: z.string(), nom: Nom.optional() }), doc: 'nom d’une annexe d’engagements ou d’un volet (nom : son titre dans le modèle ; annexe : son code, à défaut)' },
  'elements.document': { vars: z.object({ document: z.string(), nom: Nom.optional() }), doc: 'nom d’un document remplacé (nom : son titre dans le modèle ; document : son identifiant, à défaut)' },
  'elements.reconnaissance': { vars: z.object({ reconnaissance: z.number() }), doc: 'nom d’une reconnaissance contractuelle' },
  'elements.autorisation': { vars: z.object({ arhgos: z.string() }), doc: 'nom d’une autorisation' },
  'elements.financement': { doc: 'nom de l’ensemble du financement' },
  'elements.dotation': { vars: z.object({ nature: z.string(), libelle: z.string() }), doc: 'nom d’une dotation' },
  'elements.permanence_soins': { doc: 'nom de l’ensemble de la permanence des soins' },
  'elements.ligne_pds': {
    vars: z.object({ site: z.string(), specialite: z.string(), type_ligne: z.enum(['garde', 'astreinte', 'demi_garde_demi_astreinte']) }),
    doc: 'nom d’une ligne de permanence des soins',
  },
  'elements.mission': { vars: z.object({ mission: z.number() }), doc: 'nom d’une mission de service public' },
  'elements.duree': { doc: 'nom de la durée du contrat' },
  'elements.prorogation_mois': { doc: 'nom de la prorogation en mois' },
  'elements.signataire_ars': { doc: 'nom du signataire pour l’agence' },
  'elements.representant': { doc: 'nom du représentant légal du titulaire' },
  'elements.raison_sociale': { doc: 'nom de la raison sociale du titulaire' },
  'elements.adresse': { doc: 'nom de l’adresse du titulaire' },
  'elements.site': { vars: z.object({ finess_et: z.string() }), doc: 'nom d’un site' },
  'elements.cooperations': { doc: 'nom des coopérations' },
  'elements.orientations': { doc: 'nom des orientations stratégiques' },
  'elements.engagements_hors_cpom': { doc: 'nom des engagements hors CPOM' },
  'elements.penalites': { doc: 'nom du régime des pénalités' },
} as const satisfies Readonly<Record<string, LabelSpec>>;

export type LabelName = keyof typeof LABEL_SPECS;

/** The variables a label sees besides the contract's (as amended). */
export function labelFields(name: LabelName): Readonly<Record<string, Field>> {
  const spec: LabelSpec = LABEL_SPECS[name];
  return spec.vars ? fieldsOfSchema(spec.vars) : {};
}
