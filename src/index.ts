// Public API of the engine. The CLI, the campaign runner and the avenants use only this.
export type { Diagnostic, Result, Span } from './diagnostics/diagnostic.ts';
export { formatDiagnostic, formatDiagnostics } from './diagnostics/format.ts';
export type { Contract } from './model/contract.ts';
export { ContractSchema } from './model/contract.ts';
export { loadContractFile, parseContract, validateContract } from './model/load.ts';
export type { LoadOptions, Model } from './templates/load.ts';
export { loadModel, listModelIds, TEMPLATES_ROOT } from './templates/load.ts';
export { ENGINE_LIBRARY, listModels, locateModel, resolveLibraries, type ModelEntry, type ModelLibrary } from './templates/library.ts';
export { scaffoldModel } from './templates/scaffold.ts';
export { checkContract } from './templates/rules.ts';
export { applicableDocuments, buildDocumentSet } from './eval/build.ts';
export type { DocumentSet } from './ir/types.ts';
export { writeDocx } from './writers/docx/index.ts';
export { renderContract, type RenderedContract, type RenderedFile, type Format } from './pipeline.ts';

/** PDF writer, loaded on first use (fontkit and the fonts are heavy). */
export async function writePdf(set: import('./ir/types.ts').DocumentSet, options?: { documents?: readonly string[] }): Promise<Uint8Array> {
  const m = await import('./writers/pdf/index.ts');
  return m.writePdf(set, options);
}
export { combinedFileName, contractStem, documentFileName } from './io/names.ts';
export * from './amend/index.ts';
