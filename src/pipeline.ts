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
import { NO_ESIGNATURE, type ESignatureOptions } from './templates/esignature.ts';
import type { ESignatureRecord } from './writers/pdf/esignature.ts';

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
  /** Signature zones of every PDF file (when PDFs were asked for): manifest.json records them. */
  readonly esignature?: ESignatureRecord;
}

export interface RenderOptions {
  /** The version that may be communicated to a third party (see src/ir/communicable.ts). */
  readonly communicable?: boolean;
  /** Anchors and empty signature fields in the PDFs (none when absent). */
  readonly esignature?: ESignatureOptions;
}

/** Checks the model's rules, builds the IR and every file: one per document plus the combined one. */
export async function renderContract(model: Model, contract: Contract, stem: string, formats: readonly Format[], options: RenderOptions = {}): Promise<Result<RenderedContract>> {
  const esign = options.esignature ?? NO_ESIGNATURE;
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
  let esignature: ESignatureRecord | undefined;
  const warnings: Diagnostic[] = [...ruleDiags, ...built.warnings, ...unprintedWarnings(model, contract, used)];
  for (const format of formats) {
    if (format === 'docx') {
      for (const [i, d] of set.documents.entries()) files.push({ name: documentFileName(i, d.id, 'docx'), data: writeDocx(set, { documents: [d.id] }) });
      files.push({ name: combinedFileName(stem, 'docx'), data: writeDocx(set) });
    } else {
      // The PDF stack (fontkit, fonts) is loaded only when a PDF is asked for; one layout
      // serves the per-document files and the combined dossier.
      const { renderPdfFiles } = await import('./writers/pdf/index.ts');
      const { esignatureRecord } = await import('./writers/pdf/esignature.ts');
      const pdf = await renderPdfFiles(set, esign);
      const layouts = set.documents.map((d, i) => ({ name: documentFileName(i, d.id, 'pdf'), ...pdf.layouts.perDocument[i]! }));
      set.documents.forEach((d, i) => files.push({ name: layouts[i]!.name, data: pdf.perDocument[i]! }));
      files.push({ name: combinedFileName(stem, 'pdf'), data: pdf.combined });
      warnings.push(...pdf.warnings);
      const r = esignatureRecord(esign, [...layouts, { name: combinedFileName(stem, 'pdf'), ...pdf.layouts.combined }]);
      esignature = r.record;
      warnings.push(...r.warnings);
    }
  }
  return ok({ set, files, warnings, ...(esignature ? { esignature } : {}) });
}
