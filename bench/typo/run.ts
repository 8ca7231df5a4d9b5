// Rendering the demo documents three ways and reading them back with poppler.
import { spawnSync } from 'node:child_process';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { libreOfficeSeconds } from '../libreoffice.ts';
import type { Document } from '../../src/ir/types.ts';
import { parseBboxLayout, type Page } from './bbox.ts';

/** Pages of a PDF as `pdftotext -bbox-layout` lays them out. */
export function readPdf(file: string): Page[] {
  const r = spawnSync('pdftotext', ['-bbox-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  if (r.error || r.status !== 0) throw new Error(`pdftotext -bbox-layout a échoué sur ${file} : ${r.error?.message ?? r.stderr}`);
  return parseBboxLayout(r.stdout);
}

/** Page count as pdfinfo reads it. */
export function pdfPageCount(file: string): number {
  const r = spawnSync('pdfinfo', [file], { encoding: 'utf8' });
  const m = /^Pages:\s+(\d+)/m.exec(r.stdout ?? '');
  if (r.status !== 0 || !m) throw new Error(`pdfinfo a échoué sur ${file} : ${r.stderr}`);
  return Number(m[1]);
}

export interface RenderedDoc {
  /** "dgos/chu-public/socle". */
  readonly key: string;
  readonly doc: Document;
  readonly ours: string;
  readonly docx: string;
}

/**
 * LibreOffice's PDFs of every DOCX, one soffice call (see bench/libreoffice.ts), or undefined
 * without soffice. Returns the PDF path per DOCX and the seconds taken.
 */
export function libreOfficePdfs(docx: readonly string[], outDir: string): { files: string[]; seconds: number } | undefined {
  const seconds = libreOfficeSeconds(docx, outDir);
  if (seconds === undefined) return undefined;
  const files = docx.map((f) => join(outDir, f.replace(/^.*\//, '').replace(/\.docx$/, '.pdf')));
  const missing = files.filter((f) => !existsSync(f));
  if (missing.length) throw new Error(`LibreOffice n’a pas produit : ${missing.join(', ')}`);
  return { files, seconds };
}

export function writeFile(dir: string, name: string, data: Uint8Array): string {
  const file = join(dir, name);
  writeFileSync(file, data);
  return file;
}
