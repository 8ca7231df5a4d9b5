// The model library the atelier edits, and the glue to the engine's model loader. Kept in one
// small place on purpose: model libraries outside templates/ (--modeles, CPOM_MODELES) are
// being added elsewhere; at merge, only libraryModel() and listLibraryModels() need rewiring.
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { demoContracts, FIXTURES_ROOT } from '../cli/commands/demo.ts';
import { extname, join, relative, resolve, sep } from 'node:path';
import type { Result } from '../diagnostics/diagnostic.ts';
import { isInside } from '../io/confine.ts';
import { EXAMPLES_DIR, libraryExamples } from '../templates/library.ts';
import { loadModel, TEMPLATES_ROOT, type Model } from '../templates/load.ts';

/** The only files the atelier shows and writes: template documents and manifests. */
export const EDITABLE_EXTENSIONS = new Set(['.md', '.yaml']);

export { FIXTURES_ROOT };

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

/**
 * Example contracts: the library's own (<root>/_exemples/, written by `cpom modeles nouveau`),
 * then those `cpom demo` generates (fixtures/<famille>/). Absolute paths.
 */
export function exampleContracts(root: string): string[] {
  return [...libraryExamples(root), ...demoContracts()];
}

/**
 * The name the page shows and sends back for a contract: « _exemples/x.yaml » for the library's,
 * relative to fixtures/ for the engine's (« occitanie/chu.yaml »), and a path typed by the author
 * read from fixtures/ as before.
 */
export function exampleName(root: string, abs: string): string {
  return isInside(join(root, EXAMPLES_DIR), abs) ? toRel(root, abs) : toRel(FIXTURES_ROOT, abs);
}

export function examplePath(root: string, name: string): string {
  return name.startsWith(`${EXAMPLES_DIR}/`) ? resolve(root, name) : resolve(FIXTURES_ROOT, name);
}
