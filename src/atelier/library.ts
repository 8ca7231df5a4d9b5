// The model library the atelier edits, and the glue to the engine's model loader. Kept in one
// small place on purpose: model libraries outside templates/ (--modeles, CPOM_MODELES) are
// being added elsewhere; at merge, only libraryModel() and listLibraryModels() need rewiring.
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from '../diagnostics/diagnostic.ts';
import { loadModel, TEMPLATES_ROOT, type Model } from '../templates/load.ts';

/** The only files the atelier shows and writes: template documents and manifests. */
export const EDITABLE_EXTENSIONS = new Set(['.md', '.yaml']);

/** fixtures/ of the engine: the library's example contracts. */
export const FIXTURES_ROOT = fileURLToPath(new URL('../../fixtures/', import.meta.url));

/** The library folder, as a real path (default: the engine's templates/). */
export function openLibrary(dir: string | undefined): string {
  return realpathSync(resolve(dir ?? TEMPLATES_ROOT));
}

/** Model ids of a library: its folders holding a modele.yaml. */
export function listLibraryModels(root: string): string[] {
  return readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(root, e.name, 'modele.yaml')))
    .map((e) => e.name)
    .sort();
}

/** Loads one model of the library (a full load: manifest, every document, static checks). */
export function libraryModel(root: string, id: string): Result<Model> {
  return loadModel(join(root, id));
}

/** Editable files of a folder of the library, as library-relative paths with « / ». */
export function editableFiles(root: string, folder: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && EDITABLE_EXTENSIONS.has(extname(e.name))) out.push(toRel(root, p));
    }
  };
  walk(join(root, folder));
  return out;
}

export function toRel(root: string, abs: string): string {
  return relative(root, abs).split(sep).join('/');
}

/** Example contracts: every YAML of fixtures/ (not the broken ones) naming a model, by model id. */
export function exampleContracts(): string[] {
  const out: string[] = [];
  const walk = (d: string, depth: number) => {
    if (depth > 3 || !existsSync(d)) return;
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, e.name);
      if (e.isDirectory()) {
        if (!['bad', 'bad-templates', 'avenants', 'campagnes'].includes(e.name)) walk(p, depth + 1);
      } else if (e.name.endsWith('.yaml') && statSync(p).size < 1024 * 1024) out.push(p);
    }
  };
  walk(FIXTURES_ROOT, 0);
  return out;
}
