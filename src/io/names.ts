// Deterministic output file names, shared by the CLI, the campaign runner and the avenants.
import { basename, extname } from 'node:path';

/** "fixtures/dgos/chu-public.yaml" → "chu-public". */
export function contractStem(file: string): string {
  return basename(file, extname(file));
}

/** One file per document, numbered in contract order: "01-socle.docx", "02-annexe-01.docx". */
export function documentFileName(index: number, documentId: string, ext: 'docx' | 'pdf'): string {
  return `${String(index + 1).padStart(2, '0')}-${documentId}.${ext}`;
}

/** The combined file of a contract: every document, in order ("dossier de signature"). */
export function combinedFileName(stem: string, ext: 'docx' | 'pdf'): string {
  return `${stem}-dossier-complet.${ext}`;
}

/** A file name cpom writes in a contract folder (documents, combined file, manifest). */
export function isGeneratedFileName(name: string): boolean {
  return /^\d{2,}-[^/\\]+\.(docx|pdf)$/.test(name) || /^[^/\\.][^/\\]*-dossier-complet\.(docx|pdf)$/.test(name) || name === 'manifest.json';
}

/** Folders the avenant commands write inside a contract's folder. */
export const avenantFolder = (k: number): string => `avenant-${k}`;
export const consolidatedFolder = (k: number): string => `version-consolidee-${k}`;
export const comparisonFolder = (i: number, j: number): string => `comparaison-${i}-${j}`;

/** Is `name` one of the folders above (outputs nested in a contract's folder)? */
export function isNestedOutputName(name: string): boolean {
  return /^((avenant|version-consolidee)-\d+(-communicable)?|comparaison-\d+-\d+)$/.test(name);
}
