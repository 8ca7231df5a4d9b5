// Shapes shared by the avenant stages: where an avenant came from, and what applying avenants
// produces (the consolidated contract plus who changed what).
import type { Span } from '../diagnostics/diagnostic.ts';
import type { Contract } from '../model/contract.ts';
import type { Avenant } from '../model/avenant.ts';

/** Finds the source span of a data path inside the avenant file (YAML/JSON), if known. */
export type Locator = (path: readonly (string | number)[]) => Span | undefined;

/** An avenant with the file it was read from, so diagnostics can point into it. */
export interface SourcedAvenant {
  readonly avenant: Avenant;
  readonly file?: string;
  readonly locate?: Locator;
}

export type AvenantEntry = Avenant | SourcedAvenant;

export function toSourced(e: AvenantEntry): SourcedAvenant {
  return 'avenant' in e ? e : { avenant: e };
}

export type Nature = 'ajout' | 'modification' | 'suppression';

/** The last change made to an element: which avenant, and what it did. */
export interface Trace {
  readonly avenant: number;
  readonly nature: Nature;
}

export interface HistoryEntry {
  readonly numero: number;
  readonly date: string;
  readonly effet: string;
  readonly objet: string;
}

/**
 * The last change of an element that no longer exists and whose identifier a later avenant gave
 * to a new element (engagement n° 7 removed by avenant 2, another n° 7 added by avenant 3): two
 * elements, two histories.
 */
export interface Retired {
  readonly key: string;
  readonly trace: Trace;
}

/** A contract with avenants applied: the consolidated data and its provenance. */
export interface AmendedContract {
  readonly type: 'contratConsolide';
  readonly contract: Contract;
  /** Avenants applied, in order (1..k). */
  readonly history: readonly HistoryEntry[];
  /** keyString(element identity) → last change. Insertion order = order of application. */
  readonly provenance: Readonly<Record<string, Trace>>;
  /** Removed elements whose identifier was later reused, in order of reuse. */
  readonly retired: readonly Retired[];
}

export interface ApplyOptions {
  /** Apply avenants 1..k only (k = 0: the base contract). */
  readonly jusqua?: number;
  /** Apply the avenants whose date of effect is on or before this ISO date. */
  readonly date?: string;
  /**
   * The model's rules (checkContract bound to the model): run on the base and after every
   * avenant; an error that an avenant introduces refuses that avenant, naming the operation.
   */
  readonly verifier?: (c: Contract) => readonly import('../diagnostics/diagnostic.ts').Diagnostic[];
  /** The model's prorogation in months (modele.yaml `avenants.prorogation`); absent: years only. */
  readonly prorogation?: import('../templates/manifest.ts').Prorogation;
  /**
   * The model's duration (modele.yaml `duree`). Without it, only the law applies: five years at
   * most from the date of effect (art. L. 6114-1 CSP), shortened or prolonged by avenant.
   */
  readonly duree?: import('../templates/manifest.ts').Duree;
  /**
   * Names an element in refusal messages with the model's own labels (« l’engagement n° 3 »);
   * without a model, its identifiers are named (« engagements › 3 »).
   */
  readonly nommer?: (k: import('./keys.ts').Key, c: Contract) => string | undefined;
}
