// Recompiling one document of a warm model: the same parse and static checks as the full model
// load (src/templates/load.ts), for one file. Used after a save (only the changed document is
// re-parsed) and to check an unsaved buffer while the author types (the buffer overlays the
// file on disk; nothing is written).
import { resolve } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { Checker, collectAnchors } from '../dsl/check.ts';
import { checkFixedNumbers } from '../dsl/fixed-numbers.ts';
import { parseTemplate } from '../dsl/parser.ts';
import { readConfined, type Refusal } from '../io/confine.ts';
import { parseYamlWith } from '../model/load.ts';
import { rootScope, type CompiledDocument, type Model } from '../templates/load.ts';
import { ManifestSchema } from '../templates/manifest.ts';

/** Absolute path → text that replaces the file's content on disk (unsaved buffers). */
export type Overlay = ReadonlyMap<string, string>;

function reader(model: Model, overlay: Overlay): (p: string) => string | undefined | Refusal {
  const library = model.library.root;
  return (p) => {
    const o = overlay.get(resolve(p));
    if (o !== undefined) return o;
    const r = readConfined(p, library);
    return r.ok ? r.text : r.refusal.kind === 'absent' ? undefined : r.refusal;
  };
}

/** The model's document at `index`, re-read (through `overlay`) and checked. */
export function compileDocument(model: Model, index: number, overlay: Overlay = new Map()): { doc?: CompiledDocument; diags: Diagnostic[] } {
  const old = model.documents[index]!;
  const file = resolve(model.dir, old.entry.fichier);
  const read = reader(model, overlay);
  const text = read(file);
  if (typeof text !== 'string') return { diags: [{ severity: 'erreur', code: 'MODELE-FICHIER', message: `document illisible « ${old.entry.fichier} »` }] };
  const t = parseTemplate(file, text, { readFile: read, root: model.library.root });
  const checker = new Checker();
  checker.blocks(t.doc.body, rootScope(), collectAnchors(t.doc.body));
  const diags = [...t.diagnostics, ...checker.diags, ...checkFixedNumbers(t.doc.body)];
  if (diags.some((d) => d.severity === 'erreur')) return { diags };
  return { doc: { ...old, template: t.doc }, diags };
}

/** Indices of the model's documents whose own file is `abs`. */
export function documentsOfFile(model: Model, abs: string): number[] {
  return model.documents.flatMap((d, i) => (resolve(model.dir, d.entry.fichier) === resolve(abs) ? [i] : []));
}

/**
 * Diagnostics of an unsaved buffer for `abs`: a document is recompiled alone; a fragment is
 * checked through every document of the model (it is only meaningful where it is included);
 * a manifest is checked for syntax and schema (its cross-checks come with the save).
 * Only the diagnostics located in `abs` or without a file are returned.
 */
export function checkBuffer(model: Model, abs: string, text: string): Diagnostic[] {
  const file = resolve(abs);
  if (file.endsWith('.yaml')) {
    const y = parseYamlWith(file, text, ManifestSchema, 'MODELE-MANIFESTE');
    return y.ok ? [...y.warnings] : [...y.diagnostics];
  }
  const overlay = new Map([[file, text]]);
  const own = documentsOfFile(model, file);
  const indices = own.length ? own : model.documents.map((_, i) => i);
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const i of indices) {
    for (const d of compileDocument(model, i, overlay).diags) {
      if (d.span && resolve(d.span.file) !== file) continue;
      const key = `${d.code}|${d.span?.start.offset}|${d.message}`;
      if (seen.has(key)) continue;
      seen.add(key);
      out.push(d);
    }
  }
  return out;
}
