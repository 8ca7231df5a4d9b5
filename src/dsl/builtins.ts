// Signatures of the built-in functions and filters, shared by the checker (types) and the
// evaluator (src/eval/builtins.ts implements them). Parameter kinds are the French words
// used in messages ("une liste", "un nombre"…).
import { T, type Ty } from './types.ts';

export interface FunctionSig {
  readonly params: readonly string[];
  /** How many trailing params may be omitted. */
  readonly optional?: number;
  readonly returns: Ty;
  readonly doc: string;
  /** The second argument names a field of the first argument's elements (checked statically). */
  readonly fieldOfList?: true;
}

export const FUNCTIONS: Readonly<Record<string, FunctionSig>> = {
  nombre: { params: ['une liste'], returns: T.number, doc: 'nombre d’éléments d’une liste' },
  vide: { params: ['n’importe quelle valeur'], returns: T.boolean, doc: 'vrai si la valeur est absente, nulle, ou une liste / un texte vide' },
  existe: { params: ['n’importe quelle valeur'], returns: T.boolean, doc: 'contraire de vide(x)' },
  longueur: { params: ['un texte ou une liste'], returns: T.number, doc: 'nombre de caractères d’un texte (chaque caractère compte, espaces compris)' },
  annee: { params: ['un nombre'], returns: T.string, doc: 'libellé de la colonne d’année N+k selon la convention du modèle' },
  mission: { params: ['un nombre'], returns: T.string, doc: 'libellé de la mission de service public n° k (article L. 6112-1 du CSP)' },
  somme: { params: ['une liste', 'un texte'], returns: T.number, doc: 'somme d’un champ numérique sur une liste : somme(financements.dotations, "montant") ; un champ liste compte ses éléments : somme(engagements, "indicateurs")', fieldOfList: true },
  distincts: { params: ['une liste', 'un texte'], returns: T.number, doc: 'nombre de valeurs distinctes d’un champ : distincts(engagements, "objectif_strategique")', fieldOfList: true },
  fin_apres: { params: ['un nombre'], returns: T.boolean, doc: 'vrai si l’année N+k tombe après la fin du contrat' },
  contient: { params: ['un texte', 'un texte'], returns: T.boolean, doc: 'vrai si un mot du texte commence par le motif, sans tenir compte des majuscules ni des accents : contient(activite, "lactarium")' },
  pourcentage: { params: ['un nombre', 'un nombre'], returns: T.number, doc: 'p % d’un montant : pourcentage(produits, 5)' },
};

export interface FilterSig {
  readonly arity: number;
  readonly input?: string;
  readonly output?: Ty;
  readonly doc: string;
}

export const FILTERS: Readonly<Record<string, FilterSig>> = {
  date: { arity: 0, input: 'une date', output: T.string, doc: '« 1er janvier 2019 »' },
  date_courte: { arity: 0, input: 'une date', output: T.string, doc: '« 01/01/2019 »' },
  annee: { arity: 0, input: 'une date', output: T.string, doc: 'année d’une date' },
  montant: { arity: 0, input: 'un nombre', output: T.string, doc: '« 180 000,00 € »' },
  nombre: { arity: 0, input: 'un nombre', output: T.string, doc: '« 1 200 »' },
  valeur: { arity: 0, input: 'une valeur', output: T.string, doc: 'valeur cible : « 70 % », « oui », « 1 200 »' },
  majuscules: { arity: 0, input: 'un texte', output: T.string, doc: 'en majuscules' },
  minuscules: { arity: 0, input: 'un texte', output: T.string, doc: 'en minuscules' },
  liste: { arity: 0, input: 'une liste de textes', output: T.string, doc: '« a, b et c »' },
  joindre: { arity: 1, input: 'une liste de textes ou de nombres', output: T.string, doc: 'éléments séparés par le texte donné : joindre(", n° ") → « 1, n° 3 »' },
  de: { arity: 0, input: 'un texte', output: T.string, doc: 'préposition et article devant un nom de région : « de Bretagne », « d’Occitanie », « du Centre-Val de Loire », « des Hauts-de-France », « de La Réunion »' },
  defaut: { arity: 1, output: T.string, doc: 'texte de remplacement quand la valeur est absente' },
};
