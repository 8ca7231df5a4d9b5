// Types shared by the campaign stages: reading inputs, rendering in workers, the manifest and
// the report. Everything that crosses a worker boundary or lands in manifest.json is plain
// JSON data (no functions, no class instances), so structured clone and JSON agree.
import type { Severity } from '../diagnostics/diagnostic.ts';
import type { ModelLibrary } from '../templates/library.ts';
import type { ESignatureOverride } from '../templates/esignature.ts';
import type { ESignatureRecord } from '../writers/pdf/esignature.ts';

export type Format = 'docx' | 'pdf';
export const ALL_FORMATS: readonly Format[] = ['docx', 'pdf'];

/** A diagnostic as recorded for a campaign: where it is in the user's input, in A1 or file:line. */
export interface IssueRecord {
  readonly niveau: Severity;
  readonly code: string;
  readonly message: string;
  /** Data path in the contract: `engagements[2].indicateurs[0].cibles.N+3`. */
  readonly chemin?: string;
  /** Place in the input: `engagements!F12` (workbook) or `contrats/ch.yaml:12:5` (file). */
  readonly emplacement?: string;
}

/** One output file, path relative to the campaign output folder, always with `/`. */
export interface FileRecord {
  readonly chemin: string;
  readonly sha256: string;
  readonly octets: number;
}

export type Status = 'ok' | 'avertissements' | 'erreur';

export interface ModelFingerprint {
  readonly id: string;
  readonly version: number;
  /** sha256 over the model's template files (paths and contents). */
  readonly empreinte: string;
}

/** What the worker is asked to do for one contract. */
export interface RenderJob {
  readonly id: string;
  /** Validated contract data (zod output). */
  readonly contract: unknown;
  /** Absolute output folder of the campaign. */
  readonly racine: string;
  /** Sub-folder of this holder, relative to racine: the FINESS EJ. */
  readonly dossier: string;
  readonly formats: readonly Format[];
  /** Where the worker looks model ids up (plain data: sent to the worker thread). */
  readonly libraries?: readonly ModelLibrary[];
  /** --signature-electronique: replaces the model's e-signature options. */
  readonly esignature?: ESignatureOverride;
}

/** What the worker answers; files are already on disk (documents never cross threads). */
export interface RenderOutcome {
  readonly statut: Status;
  readonly fichiers: readonly FileRecord[];
  readonly avertissements: readonly IssueRecord[];
  readonly erreurs: readonly IssueRecord[];
  /** Signature zones of the PDF files (paths relative to the campaign folder). */
  readonly signature_electronique?: ESignatureRecord;
}

/** A render function: the seam that lets tests and the real engine plug into the runner. */
export type RenderFn = (job: RenderJob) => Promise<RenderOutcome>;

/** One contract of a campaign: known by its id up front, its data loaded when its turn comes. */
export interface CampaignEntry {
  /** FINESS EJ when readable, else a stable stand-in taken from the source. */
  readonly id: string;
  /** Where the contract comes from: `titulaires!5:5` or `ch-beziers.yaml`. */
  readonly source: string;
  readonly raisonSociale?: string;
  /**
   * The merged data and what reading it found. Called once, when the contract is processed, so
   * that a folder campaign never holds every parsed file at once (memory stays flat).
   */
  load(): LoadedEntry;
}

export interface LoadedEntry {
  /** Merged raw data (shared part + contract), or undefined when reading already failed. */
  readonly data?: unknown;
  /** Errors found while reading (bad cells, YAML syntax…): the contract fails without rendering. */
  readonly erreurs: readonly IssueRecord[];
  readonly avertissements: readonly IssueRecord[];
  /** Maps a data path to its place in the input (`engagements!F12`); main thread only. */
  readonly locate: (dataPath: string) => string | undefined;
}

export interface CampaignInput {
  readonly kind: 'dossier' | 'classeur';
  readonly entries: readonly CampaignEntry[];
  /** Problems not tied to one contract (orphan rows, unreadable files, unknown columns). */
  readonly issues: readonly IssueRecord[];
}

/** One line of manifest.json. */
export interface ManifestEntry {
  readonly finess_ej: string;
  readonly raison_sociale?: string;
  readonly source: string;
  readonly statut: Status;
  readonly empreinte_donnees?: string;
  readonly modele?: ModelFingerprint;
  readonly formats: readonly Format[];
  readonly fichiers: readonly FileRecord[];
  readonly avertissements: readonly IssueRecord[];
  readonly erreurs: readonly IssueRecord[];
  /** Per PDF file: page and rectangle of every signature area and paraphe box (see README). */
  readonly signature_electronique?: ESignatureRecord;
}
