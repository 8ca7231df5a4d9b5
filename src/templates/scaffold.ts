// `cpom modeles nouveau`: starts an agency's library from an existing model. The copy holds what
// the model needs to verify on its own: its folder, the shared fragments it includes from its
// library (« idf-commun/ »), the legal source texts it cites (`_sources/`) and, for a model of an
// agency's library, that library's `_mentions.yaml` and `_avenant/` (the engine's are found by
// fallback); plus the source model's example contracts in `_exemples/`, renamed to the new model,
// so that the atelier can preview it at once. Its manifest gets the new id, family and
// version 1; the documents' provenance stays as it was (the text is the same), but a legal
// validation recorded for the source model does not carry over to a new model.
// Written in a hidden sibling folder, checked by loading it, then renamed into place: the target
// folder appears complete or not at all, and an existing folder is never touched.
import { existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve, sep } from 'node:path';
import { isMap, parseDocument } from 'yaml';
import type { Diagnostic, Result } from '../diagnostics/diagnostic.ts';
import { fail, ok } from '../diagnostics/diagnostic.ts';
import { isInside } from '../io/confine.ts';
import { AVENANT_DIR } from './avenant-wording.ts';
import { ENGINE_LIBRARY, type ModelLibrary } from './library.ts';
import { loadContractFile } from '../model/load.ts';
import { loadModel, type Model } from './load.ts';
import { MENTIONS_FILE } from './mentions.ts';
import { checkContract } from './rules.ts';
import { derivedExamples, replaceValues } from './scaffold-files.ts';

export const SOURCES_DIR = '_sources';

/** Largest file copied (a source text may be bigger than a model file, not without bound). */
const MAX_COPIED_BYTES = 8 * 1024 * 1024;

/** Same shape as the manifest's `id` and `famille` (src/templates/manifest.ts). */
const SLUG = /^[a-z][a-z0-9-]*$/;

export interface ScaffoldRequest {
  /** Model id or folder to start from. */
  readonly source: string;
  /** The new library folder (must not exist). */
  readonly target: string;
  readonly id: string;
  readonly famille: string;
  /** Region's name, written into the description: « Bretagne ». */
  readonly region?: string;
  readonly libraries?: readonly ModelLibrary[];
  /** Example contracts to take the source model's from (the engine's demo contracts). */
  readonly examples?: readonly string[];
}

export interface Scaffolded {
  readonly library: string;
  readonly modelDir: string;
  /** Files written, relative to the library, sorted. */
  readonly files: readonly string[];
}

const error = (message: string): Diagnostic => ({ severity: 'erreur', code: 'MODELES-NOUVEAU', message });

export function scaffoldModel(req: ScaffoldRequest): Result<Scaffolded> {
  const diags: Diagnostic[] = [];
  if (!SLUG.test(req.id) || req.id.length > 60) diags.push(error(`--id « ${req.id} » : identifiant en minuscules-et-tirets attendu (ex. ars-bretagne-2026)`));
  if (!SLUG.test(req.famille) || req.famille.length > 40) diags.push(error(`--famille « ${req.famille} » : identifiant en minuscules-et-tirets attendu (ex. bretagne)`));
  const target = resolve(req.target);
  if (existsSync(target)) diags.push(error(`le dossier « ${req.target} » existe déjà : rien n’est écrit (choisissez un dossier qui n’existe pas)`));
  if (diags.length) return fail(diags);
  const loaded = loadModel(req.source, { libraries: req.libraries ?? [ENGINE_LIBRARY] });
  if (!loaded.ok) return fail([error(`le modèle source « ${req.source} » n’est pas valide : corrigez-le avant de le copier`), ...loaded.diagnostics]);
  const m = loaded.value;
  const files = filesToCopy(m);
  if (!files.ok) return files;

  const manifestText = rewriteManifest(readFileSync(join(m.dir, 'modele.yaml'), 'utf8'), req, m);
  const temp = join(dirname(target), `.${basename(target)}.cpom-nouveau-${process.pid}`);
  rmSync(temp, { recursive: true, force: true });
  const written: string[] = [];
  try {
    for (const f of files.value) {
      const dest = join(temp, f.to);
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, f.isManifest ? manifestText : readFileSync(f.from));
      written.push(f.to.split(sep).join('/'));
    }
    // The copy must verify on its own, as the user will run it.
    const check = loadModel(join(temp, req.id), { libraries: [{ root: temp, origin: 'option' }, ENGINE_LIBRARY] });
    if (!check.ok) {
      rmSync(temp, { recursive: true, force: true });
      return fail([error('la copie ne se vérifie pas seule (un fichier partagé lui manque ?) : rien n’est écrit'), ...check.diagnostics]);
    }
    // The source model's examples, for the new model: each must pass its rules (else the
    // atelier's first preview would be an error the author did not make).
    for (const ex of derivedExamples(m.id, m.library.root, req.examples ?? [], req)) {
      const dest = join(temp, ex.to);
      mkdirSync(dirname(dest), { recursive: true });
      writeFileSync(dest, ex.text);
      written.push(ex.to.split(sep).join('/'));
      const c = loadContractFile(dest);
      const problems = c.ok ? checkContract(check.value, c.value).filter((d) => d.severity === 'erreur') : c.diagnostics;
      if (problems.length) {
        rmSync(temp, { recursive: true, force: true });
        return fail([error(`l’exemple « ${ex.to} » repris du modèle source ne se vérifie pas avec le nouveau modèle : rien n’est écrit`), ...problems]);
      }
    }
    mkdirSync(dirname(target), { recursive: true });
    renameSync(temp, target);
  } catch (e) {
    rmSync(temp, { recursive: true, force: true });
    throw e;
  }
  return ok({ library: target, modelDir: join(target, req.id), files: written.sort() });

  /** Every file of the new library: the model's folder (renamed to the new id), then the rest. */
  function filesToCopy(model: Model): Result<{ from: string; to: string; isManifest: boolean }[]> {
    const out: { from: string; to: string; isManifest: boolean }[] = [];
    const walk = (d: string): string | undefined => {
      for (const name of readdirSync(d).sort()) {
        const p = join(d, name);
        const st = lstatSync(p);
        // A link is refused (as the loader would); so is a file too big to be part of a model.
        if (st.isSymbolicLink()) return p;
        if (st.size > MAX_COPIED_BYTES) return p;
        if (st.isDirectory()) {
          const bad = walk(p);
          if (bad) return bad;
        } else if (st.isFile()) out.push({ from: p, to: join(req.id, relative(model.dir, p)), isManifest: p === join(model.dir, 'modele.yaml') });
      }
      return undefined;
    };
    const link = walk(model.dir);
    if (link) return fail([error(`« ${link} » est un lien symbolique ou un fichier de plus de 8 Mio : la copie est refusée`)]);
    const lib = model.library.root;
    for (const f of model.shared) {
      if (!isInside(lib, f)) continue; // the engine's shared files, for a model of another library.
      // The engine's shared mentions and avenant wording are found by fallback: a copy would be
      // a frozen default that engine corrections never reach (and would override nothing).
      if (model.library.origin === 'moteur' && (relative(lib, f) === MENTIONS_FILE || relative(lib, f).startsWith(AVENANT_DIR + sep))) continue;
      out.push({ from: f, to: relative(lib, f), isManifest: false });
    }
    for (const name of citedSources(model)) {
      const f = join(lib, SOURCES_DIR, name);
      if (/^[\w.-]+$/.test(name) && existsSync(f) && lstatSync(f).isFile() && lstatSync(f).size <= MAX_COPIED_BYTES) out.push({ from: f, to: join(SOURCES_DIR, name), isManifest: false });
    }
    return ok(out);
  }
}

/** File names of `_sources/` the manifest cites (rules, duration, avenant requirements, provenance). */
export function citedSources(m: Model): string[] {
  const man = m.manifest;
  const names = new Set<string>();
  for (const r of man.regles) names.add(r.source.fichier);
  if (man.duree) names.add(man.duree.source.fichier);
  for (const r of man.avenants.requis) names.add(r.source.fichier);
  const free = [man.avenants.prorogation?.source ?? '', ...man.documents.map((d) => d.provenance_detail ?? '')].join(' ');
  for (const x of free.matchAll(/[\w-]+\.txt/g)) names.add(x[0]);
  return [...names].sort();
}

/**
 * The source manifest with the new identity. Top-level values are replaced in the text itself, so
 * comments and line breaks of the rest stay as the legal staff wrote them; a recorded legal
 * validation (rare) is removed through the YAML document.
 */
function rewriteManifest(text: string, req: ScaffoldRequest, m: Model): string {
  const derived = `dérivé du modèle « ${m.manifest.id} » (version ${m.manifest.version})`;
  const values: Record<string, string | number> = {
    id: req.id,
    famille: req.famille,
    version: 1,
    description: req.region ? `Modèle de CPOM de l’ARS ${req.region}, ${derived}.` : `Modèle ${derived}.`,
  };
  const doc = parseDocument(text);
  const validations = [...m.manifest.documents.map((_, i) => ['documents', i, 'validation_juridique']), ['avenants', 'validation_juridique']].filter((p) => doc.hasIn(p));
  for (const p of validations) doc.deleteIn(p);
  const source = validations.length ? doc.toString({ lineWidth: 0 }) : text;
  const edited = replaceValues(source, Object.entries(values).map(([k, v]) => [[k], v] as const));
  if (edited.missing.length === 0) return edited.text;
  const top = parseDocument(source);
  if (!isMap(top.contents)) return source;
  for (const [key, value] of Object.entries(values)) top.set(key, value);
  return top.toString({ lineWidth: 0 });
}
