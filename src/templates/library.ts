// Model libraries: the folders models are found in. The engine ships one (templates/); an agency
// keeps its own models in its own folder or repository and names it with --modeles DIR
// (repeatable) or CPOM_MODELES (folders separated by « : », like PATH). A library is a folder of
// model folders (each with its modele.yaml), optionally `_sources/` (the legal texts its models
// cite), `_mentions.yaml` (else the engine's), `_avenant/` (avenant wording for all its models,
// else the engine's), `_exemples/` (example contracts the atelier previews its models with) and
// shared fragment folders (« idf-commun/ »).
// A model reads only inside its own library. Two libraries defining one model id is an error
// naming both folders: a contract's `modele: …` must never silently change meaning because a
// folder was added to the search list.
import { existsSync, lstatSync, readdirSync, statSync } from 'node:fs';
import { delimiter, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic, Result } from '../diagnostics/diagnostic.ts';
import { fail, ok } from '../diagnostics/diagnostic.ts';
import { isInside } from '../io/confine.ts';

/** templates/ at the root of the repository: the engine's own library. */
export const TEMPLATES_ROOT = fileURLToPath(new URL('../../templates/', import.meta.url));

export const MODELES_ENV = 'CPOM_MODELES';

export interface ModelLibrary {
  /** Absolute folder. */
  readonly root: string;
  /** Where it was named: the engine's own, --modeles, or CPOM_MODELES. */
  readonly origin: 'moteur' | 'option' | 'environnement';
}

export const ENGINE_LIBRARY: ModelLibrary = { root: resolve(TEMPLATES_ROOT), origin: 'moteur' };

export interface ModelEntry {
  readonly id: string;
  readonly dir: string;
  readonly library: ModelLibrary;
}

const ORIGIN_LABEL: Record<ModelLibrary['origin'], string> = { moteur: 'bibliothèque du moteur', option: '--modeles', environnement: MODELES_ENV };

/**
 * The libraries to search, in order: --modeles folders, then CPOM_MODELES folders, then the
 * engine's. Order only decides the listing: a model id defined twice is refused, never shadowed.
 * A folder named twice (or naming the engine's templates/) counts once.
 */
export function resolveLibraries(cliDirs: readonly string[] = [], env: string | undefined = process.env[MODELES_ENV]): Result<ModelLibrary[]> {
  const named: ModelLibrary[] = [
    ...cliDirs.map((d) => ({ root: d, origin: 'option' as const })),
    ...(env ?? '').split(delimiter).filter((d) => d.trim() !== '').map((d) => ({ root: d, origin: 'environnement' as const })),
  ];
  const diags: Diagnostic[] = [];
  const libraries: ModelLibrary[] = [];
  for (const l of [...named, ENGINE_LIBRARY]) {
    const root = resolve(l.root);
    if (!existsSync(root) || !statSync(root).isDirectory()) {
      diags.push({ severity: 'erreur', code: 'MODELES-BIBLIOTHEQUE', message: `bibliothèque de modèles introuvable « ${l.root} » (${ORIGIN_LABEL[l.origin]}) : un dossier contenant des dossiers de modèles (chacun avec son modele.yaml) est attendu` });
      continue;
    }
    if (libraries.some((x) => x.root === root)) continue;
    libraries.push({ root, origin: l.origin });
  }
  const listed = listModels(libraries);
  if (!listed.ok) diags.push(...listed.diagnostics);
  return diags.length ? fail(diags) : ok(libraries);
}

/** A library's example contracts folder (the engine's examples are in fixtures/<famille>/). */
export const EXAMPLES_DIR = '_exemples';

/** The example contracts of a library (<root>/_exemples/*.yaml|yml|json), sorted, absolute. */
export function libraryExamples(root: string): string[] {
  const dir = join(root, EXAMPLES_DIR);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  // Regular files only: a link could lead out of the library.
  return readdirSync(dir)
    .filter((f) => /\.(ya?ml|json)$/.test(f) && !f.startsWith('.') && lstatSync(join(dir, f)).isFile())
    .sort()
    .map((f) => join(dir, f));
}

/** The model folders directly below a library (those holding a modele.yaml). */
function modelIdsOf(root: string): string[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((d) => !d.startsWith('.') && existsSync(join(root, d, 'modele.yaml')))
    .sort();
}

/** Every model of the libraries, sorted by id; a duplicate id is an error naming both folders. */
export function listModels(libraries: readonly ModelLibrary[] = [ENGINE_LIBRARY]): Result<ModelEntry[]> {
  const byId = new Map<string, ModelEntry>();
  const diags: Diagnostic[] = [];
  for (const library of libraries) {
    for (const id of modelIdsOf(library.root)) {
      const dir = join(library.root, id);
      const first = byId.get(id);
      if (first) {
        diags.push({
          severity: 'erreur',
          code: 'MODELES-DOUBLON',
          message: `le modèle « ${id} » est défini deux fois : dans ${first.library.root} (${ORIGIN_LABEL[first.library.origin]}) et dans ${library.root} (${ORIGIN_LABEL[library.origin]}) ; renommez l’un des deux (id et dossier) ou retirez une des bibliothèques`,
        });
        continue;
      }
      byId.set(id, { id, dir, library });
    }
  }
  if (diags.length) return fail(diags);
  return ok([...byId.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)));
}

/** Is this a folder path rather than a model id? (« ./x », « a/b », « .. »). */
export function isModelPath(idOrDir: string): boolean {
  return idOrDir.includes('/') || idOrDir.includes('\\') || idOrDir.startsWith('.');
}

/**
 * Where a model is and which library it reads in. An id is looked up in the libraries. A folder
 * path belongs to the configured library holding it, else to its parent folder: a model copied
 * with its neighbours (« ../idf-commun/_visas.md ») keeps reading them, and nothing above.
 */
export function locateModel(idOrDir: string, libraries: readonly ModelLibrary[] = [ENGINE_LIBRARY]): { dir: string; library: ModelLibrary } | undefined {
  if (isModelPath(idOrDir)) {
    const dir = resolve(idOrDir);
    const known = libraries.find((l) => isInside(l.root, dir) && dir !== l.root);
    return { dir, library: known ?? { root: dirname(dir), origin: 'option' } };
  }
  for (const library of libraries) {
    const dir = join(library.root, idOrDir);
    if (existsSync(join(dir, 'modele.yaml'))) return { dir, library };
  }
  return undefined;
}
