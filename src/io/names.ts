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
