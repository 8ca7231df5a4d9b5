// Files of a DocumentSet: one per document and a combined one, in each requested format.
import { combinedFileName, documentFileName } from '../io/names.ts';
import type { DocumentSet } from '../ir/types.ts';
import { writeDocx } from '../writers/docx/index.ts';

export type Format = 'docx' | 'pdf';

export interface OutFile {
  readonly name: string;
  readonly data: Uint8Array;
}

export async function renderSet(set: DocumentSet, stem: string, formats: readonly Format[]): Promise<OutFile[]> {
  // The PDF stack is heavy: loaded only when a PDF is asked for.
  const pdf = formats.includes('pdf') ? (await import('../writers/pdf/index.ts')).writePdf : undefined;
  const files: OutFile[] = [];
  for (const f of formats) {
    const write = async (docs?: readonly string[]) => (f === 'docx' ? writeDocx(set, docs ? { documents: docs } : {}) : pdf!(set, docs ? { documents: docs } : {}));
    if (set.documents.length > 1) {
      for (const [i, d] of set.documents.entries()) files.push({ name: documentFileName(i, d.id, f), data: await write([d.id]) });
    }
    files.push({ name: combinedFileName(stem, f), data: await write() });
  }
  return files;
}
