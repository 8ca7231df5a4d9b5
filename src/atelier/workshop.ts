// The atelier's warm state: models kept compiled in the server process, re-parsed only where a
// file changed, and the preview of one contract rendered in-process with the engine's own
// pipeline (rules, IR, layout, PDF writer; fonts stay loaded between renders).
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { hasErrors } from '../diagnostics/diagnostic.ts';
import { buildDocumentSet } from '../eval/build.ts';
import type { Contract } from '../model/contract.ts';
import { loadContractFile } from '../model/load.ts';
import type { Model } from '../templates/load.ts';
import { checkContract } from '../templates/rules.ts';
import { unprintedWarnings } from '../templates/unprinted.ts';
import { compileDocument, documentsOfFile } from './compile.ts';
import { libraryModel, listLibraryModels } from './library.ts';

interface ModelState {
  /** The last model that compiled (kept to preview while the author fixes an error). */
  good?: Model;
  /** Errors of the current files, empty when they compile. */
  errors: Diagnostic[];
  warnings: Diagnostic[];
  /** The document file whose incremental recompile failed: the next save of it is incremental too. */
  brokenFile?: string;
}

export interface PreviewDocument {
  readonly id: string;
  readonly nom: string;
  readonly fichier: string;
  /** 1-based first page of the document in the whole contract's PDF. */
  readonly premiere_page: number;
  readonly pages: number;
}

export interface Preview {
  readonly pdf?: Uint8Array;
  readonly sha256?: string;
  readonly pages: number;
  readonly documents: readonly PreviewDocument[];
  readonly errors: readonly Diagnostic[];
  readonly warnings: readonly Diagnostic[];
  /** Milliseconds per stage, for the page's status line and the benchmark. */
  readonly timings: Readonly<Record<string, number>>;
}

export class Workshop {
  private readonly models = new Map<string, ModelState>();
  private readonly contracts = new Map<string, { stamp: string; result: ReturnType<typeof loadContractFile> }>();

  /** Time spent recompiling since the last render (shown with the preview's stages). */
  private recompileMs = 0;

  constructor(readonly root: string) {}

  modelIds(): string[] {
    return listLibraryModels(this.root);
  }

  state(id: string): ModelState {
    let s = this.models.get(id);
    if (!s) {
      s = this.fullLoad(id, undefined);
      this.models.set(id, s);
    }
    return s;
  }

  private fullLoad(id: string, previous: Model | undefined): ModelState {
    const r = libraryModel(this.root, id);
    if (r.ok) return { good: r.value, errors: [], warnings: [...r.warnings] };
    return { ...(previous ? { good: previous } : {}), errors: [...r.diagnostics], warnings: [] };
  }

  /**
   * A file of the library changed on disk (`abs`). A document of a healthy model is recompiled
   * alone; anything else (manifest, fragment, shared folder) reloads the models concerned.
   */
  fileChanged(abs: string): void {
    const t0 = performance.now();
    this.update(abs);
    this.recompileMs += performance.now() - t0;
  }

  private update(abs: string): void {
    for (const [id, s] of this.models) {
      const dir = join(this.root, id);
      const inModel = resolve(abs).startsWith(dir + '/');
      const incremental = s.good && (s.errors.length === 0 || s.brokenFile === resolve(abs)) ? documentsOfFile(s.good, abs) : [];
      if (incremental.length) {
        let model = s.good!;
        const errors: Diagnostic[] = [];
        for (const i of incremental) {
          const c = compileDocument(model, i);
          if (c.doc) model = { ...model, documents: model.documents.map((d, k) => (k === i ? c.doc! : d)) };
          else errors.push(...c.diags);
        }
        this.models.set(id, errors.length ? { good: s.good!, errors, warnings: s.warnings, brokenFile: resolve(abs) } : { good: model, errors: [], warnings: s.warnings });
      } else if (inModel || !this.modelIds().includes(resolve(abs).slice(this.root.length + 1).split('/')[0]!)) {
        this.models.set(id, this.fullLoad(id, s.good));
      }
    }
  }

  contract(path: string): ReturnType<typeof loadContractFile> {
    const abs = resolve(path);
    let stamp: string;
    try {
      const st = statSync(abs);
      stamp = `${st.mtimeMs}:${st.size}`;
    } catch {
      return { ok: false, diagnostics: [{ severity: 'erreur', code: 'ATELIER-CONTRAT', message: `contrat introuvable « ${path} »` }] };
    }
    const c = this.contracts.get(abs);
    if (c && c.stamp === stamp) return c.result;
    const result = loadContractFile(abs);
    this.contracts.set(abs, { stamp, result });
    return result;
  }

  /** The whole contract's PDF with the model as it is now (or the last good one, with its errors). */
  async render(modelId: string, contractPath: string): Promise<Preview> {
    const t0 = performance.now();
    const s = this.state(modelId);
    const t1 = performance.now();
    const recompile = this.recompileMs;
    this.recompileMs = 0;
    const c = this.contract(contractPath);
    if (!c.ok) return { pages: 0, documents: [], errors: [...s.errors, ...c.diagnostics], warnings: [], timings: {} };
    const model = s.good;
    if (!model) return { pages: 0, documents: [], errors: s.errors, warnings: [], timings: {} };
    return this.draw(model, c.value, s, [...c.warnings], { recompilation: recompile + t1 - t0 }, t1);
  }

  private async draw(model: Model, contract: Contract, s: ModelState, warnings: Diagnostic[], timings: Record<string, number>, t1: number): Promise<Preview> {
    if (contract.modele !== model.id) {
      return { pages: 0, documents: [], errors: [...s.errors, { severity: 'erreur', code: 'ATELIER-CONTRAT', message: `ce contrat relève du modèle « ${contract.modele} », pas de « ${model.id} »` }], warnings, timings };
    }
    const rules = checkContract(model, contract);
    if (hasErrors(rules)) return { pages: 0, documents: [], errors: [...s.errors, ...rules], warnings, timings };
    const used = new Set<string>();
    const built = buildDocumentSet(model, contract, { used });
    if (!built.ok) return { pages: 0, documents: [], errors: [...s.errors, ...built.diagnostics], warnings, timings };
    const t2 = performance.now();
    const { layoutDocumentSet, sharedFontBook } = await import('../layout/index.ts');
    const { drawPdf } = await import('../writers/pdf/index.ts');
    const fonts = sharedFontBook();
    const laid = layoutDocumentSet(built.value, fonts);
    const t3 = performance.now();
    const pdf = await drawPdf(built.value, laid, fonts);
    const t4 = performance.now();
    let page = 1;
    const documents = laid.documents.map((d, i) => {
      const entry = model.documents.find((m) => m.entry.id === d.id)!.entry;
      const out = { id: d.id, nom: built.value.documents[i]!.name, fichier: `${model.id}/${entry.fichier}`, premiere_page: page, pages: d.pages.length };
      page += d.pages.length;
      return out;
    });
    return {
      pdf,
      sha256: createHash('sha256').update(pdf).digest('hex'),
      pages: page - 1,
      documents,
      errors: s.errors,
      warnings: [...s.warnings, ...warnings, ...rules, ...built.warnings, ...unprintedWarnings(model, contract, used), ...laid.warnings],
      timings: { ...timings, ir: t2 - t1, mise_en_page: t3 - t2, pdf: t4 - t3 },
    };
  }
}
