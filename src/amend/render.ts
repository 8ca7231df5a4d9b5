// Files of a DocumentSet: one per document and a combined one, in each requested format.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { combinedFileName, documentFileName } from '../io/names.ts';
import type { DocumentSet } from '../ir/types.ts';
import { NO_ESIGNATURE, type ESignatureOptions } from '../templates/esignature.ts';
import { writeDocx } from '../writers/docx/index.ts';
import type { ESignatureRecord, PlacedZone } from '../writers/pdf/esignature.ts';

export type Format = 'docx' | 'pdf';

export interface OutFile {
  readonly name: string;
  readonly data: Uint8Array;
}

export async function renderSet(set: DocumentSet, stem: string, formats: readonly Format[]): Promise<OutFile[]> {
  return (await renderSetFiles(set, stem, formats)).files;
}

/** The files, and for PDFs the signature zones of each file (manifest.json) and their warnings. */
export async function renderSetFiles(
  set: DocumentSet,
  stem: string,
  formats: readonly Format[],
  esign: ESignatureOptions = NO_ESIGNATURE,
): Promise<{ files: OutFile[]; esignature?: ESignatureRecord; warnings: Diagnostic[] }> {
  // The PDF stack is heavy: loaded only when a PDF is asked for.
  const pdf = formats.includes('pdf') ? await import('../writers/pdf/index.ts') : undefined;
  const files: OutFile[] = [];
  const layouts: Array<{ name: string; pages: number; zones: readonly PlacedZone[] }> = [];
  for (const f of formats) {
    const write = async (name: string, docs?: readonly string[]): Promise<OutFile> => {
      if (f === 'docx') return { name, data: writeDocx(set, docs ? { documents: docs } : {}) };
      const r = await pdf!.renderPdf(set, { ...(docs ? { documents: docs } : {}), esignature: esign });
      layouts.push({ name, pages: r.pages, zones: r.zones });
      return { name, data: r.bytes };
    };
    if (set.documents.length > 1) {
      for (const [i, d] of set.documents.entries()) files.push(await write(documentFileName(i, d.id, f), [d.id]));
    }
    files.push(await write(combinedFileName(stem, f)));
  }
  if (!pdf) return { files, warnings: [] };
  const { esignatureRecord } = await import('../writers/pdf/esignature.ts');
  const r = esignatureRecord(esign, layouts);
  return { files, esignature: r.record, warnings: r.warnings };
}
