// One contract, end to end in memory: model rules, IR, every requested file. Callers write
// the files (atomically) only once everything has succeeded, so a failure leaves nothing behind.
import type { Diagnostic, Result } from './diagnostics/diagnostic.ts';
import { fail, hasErrors, ok } from './diagnostics/diagnostic.ts';
import { buildDocumentSet } from './eval/build.ts';
import { communicableVersion } from './eval/communicable.ts';
import { combinedFileName, documentFileName } from './io/names.ts';
import type { DocumentSet } from './ir/types.ts';
import type { Contract } from './model/contract.ts';
import type { Model } from './templates/load.ts';
import { checkContract } from './templates/rules.ts';
import { unprintedWarnings } from './templates/unprinted.ts';
import { writeDocx } from './writers/docx/index.ts';

export type Format = 'docx' | 'pdf';

export interface RenderedFile {
  /** Path relative to the contract's output folder. */
  readonly name: string;
  readonly data: Uint8Array;
}

export interface RenderedContract {
  readonly set: DocumentSet;
  readonly files: readonly RenderedFile[];
  readonly warnings: readonly Diagnostic[];
}

export interface RenderOptions {
  /** The version that may be communicated to a third party (see src/ir/communicable.ts). */
  readonly communicable?: boolean;
}

/** Checks the model's rules, builds the IR and every file: one per document plus the combined one. */
export async function renderContract(model: Model, contract: Contract, stem: string, formats: readonly Format[], options: RenderOptions = {}): Promise<Result<RenderedContract>> {
  const ruleDiags = checkContract(model, contract);
  if (hasErrors(ruleDiags)) return fail(ruleDiags);
  const used = new Set<string>();
  const built = buildDocumentSet(model, contract, { used });
  if (!built.ok) return built;
  let set = built.value;
  if (options.communicable) {
    const c = communicableVersion(model, contract, built.value);
    if (!c.ok) return c;
    set = c.value;
  }
  const files: RenderedFile[] = [];
  const warnings: Diagnostic[] = [...ruleDiags, ...built.warnings, ...unprintedWarnings(model, contract, used)];
  for (const format of formats) {
    if (format === 'docx') {
      for (const [i, d] of set.documents.entries()) files.push({ name: documentFileName(i, d.id, 'docx'), data: writeDocx(set, { documents: [d.id] }) });
      files.push({ name: combinedFileName(stem, 'docx'), data: writeDocx(set) });
    } else {
      // The PDF stack (fontkit, fonts) is loaded only when a PDF is asked for; one layout
      // serves the per-document files and the combined dossier.
      const { renderPdfFiles } = await import('./writers/pdf/index.ts');
      const pdf = await renderPdfFiles(set);
      set.documents.forEach((d, i) => files.push({ name: documentFileName(i, d.id, 'pdf'), data: pdf.perDocument[i]! }));
      files.push({ name: combinedFileName(stem, 'pdf'), data: pdf.combined });
      warnings.push(...pdf.warnings);
    }
  }
  return ok({ set, files, warnings });
}
