// Reading a campaign folder: every YAML/JSON contract file under it (sorted, recursively),
// each merged with `campagne.yaml`, the shared part (modele, ars, dates…). The contract's own
// values win over the shared ones.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { describeFsError } from '../io/fs-errors.ts';
import { loadYamlFile, type YamlSource } from '../model/yaml.ts';
import { yamlLocator } from './locate.ts';
import { isPlainObject, mergeShared } from './merge.ts';
import { compareText } from './sort.ts';
import { toRecord } from './validate.ts';
import type { CampaignEntry, CampaignInput, IssueRecord, LoadedEntry } from './types.ts';

export const SHARED_FILES = ['campagne.yaml', 'campagne.yml', 'campagne.json'];
const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

type Parsed = { ok: true; yaml: YamlSource; data: unknown } | { ok: false; errors: IssueRecord[] };

/** `path` read with the engine's YAML reader; its problems placed at `label:line:col`. */
function parseFile(path: string, label: string): Parsed {
  const r = loadYamlFile(path, 'le fichier', label);
  if (r.ok) return { ok: true, yaml: r.value.source, data: r.value.data };
  return { ok: false, errors: r.diagnostics.map((d) => ({ ...toRecord(d, () => undefined), ...(d.span ? {} : { emplacement: label }) })) };
}

/** Contract files under `dir`, sorted; a folder that cannot be listed is reported, not thrown. */
function listFiles(dir: string, exclude: ReadonlySet<string>, label: (p: string) => string, issues: IssueRecord[]): string[] {
  const out: string[] = [];
  let names: string[];
  try {
    names = readdirSync(dir).sort(compareText);
  } catch (e) {
    issues.push({ niveau: 'erreur', code: 'FICHIER', message: `dossier illisible : ${describeFsError(e)}`, emplacement: label(dir) || '.' });
    return out;
  }
  for (const name of names) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    let isDir: boolean;
    try {
      isDir = statSync(full).isDirectory();
    } catch (e) {
      issues.push({ niveau: 'erreur', code: 'FICHIER', message: `fichier illisible : ${describeFsError(e)}`, emplacement: label(full) });
      continue;
    }
    if (isDir) {
      if (!exclude.has(resolve(full))) out.push(...listFiles(full, exclude, label, issues));
    }
    else if (EXTENSIONS.has(extname(name).toLowerCase())) out.push(full);
  }
  return out;
}

/** The contract's own data and the campaign's shared part, merged (the contract wins). */
function loadEntry(file: string, source: string, shared: Parsed | undefined, extra: readonly IssueRecord[]): LoadedEntry {
  const parsed = parseFile(file, source);
  if (!parsed.ok) return { erreurs: [...parsed.errors, ...extra], avertissements: [], locate: () => source };
  const sharedData = shared?.ok && isPlainObject(shared.data) ? shared.data : {};
  return {
    data: isPlainObject(parsed.data) ? mergeShared(sharedData, parsed.data) : parsed.data,
    erreurs: extra,
    avertissements: [],
    locate: yamlLocator(parsed.yaml, shared?.ok ? shared.yaml : undefined),
  };
}

/**
 * Lists the contracts of a folder. Each file is parsed once here for its FINESS (the campaign
 * order and the tranches follow it) and again when its turn comes: parsed files are never all
 * held at once.
 */
export function readFolder(dir: string, exclude: readonly string[] = []): CampaignInput {
  const issues: IssueRecord[] = [];
  const label = (p: string) => relative(dir, p).split(sep).join('/');
  let shared: Parsed | undefined;
  const sharedName = SHARED_FILES.find((f) => existsSync(join(dir, f)));
  if (sharedName) {
    shared = parseFile(join(dir, sharedName), sharedName);
    if (!shared.ok) issues.push(...shared.errors);
    else if (!isPlainObject(shared.data)) {
      issues.push({ niveau: 'erreur', code: 'CAMPAGNE-FORMAT', message: 'la partie commune doit être un objet (modele, ars, dates…)', emplacement: sharedName });
    }
  }
  const entries: CampaignEntry[] = [];
  const seen = new Map<string, string>();
  const taken = new Set<string>();
  // The output folder may sit inside the input folder: its manifest is not a contract.
  for (const file of listFiles(dir, new Set(exclude.map((e) => resolve(e))), label, issues)) {
    const source = label(file);
    if (sharedName && source === sharedName) continue;
    const stem = basename(file, extname(file));
    const parsed = parseFile(file, source);
    const own = parsed.ok ? parsed.data : undefined;
    const titulaire = isPlainObject(own) && isPlainObject(own.titulaire) ? own.titulaire : {};
    const finess = typeof titulaire.finess_ej === 'string' || typeof titulaire.finess_ej === 'number' ? String(titulaire.finess_ej) : '';
    const id = /^[0-9AB]{9}$/.test(finess) ? finess : stem;
    const extra: IssueRecord[] = [];
    const other = seen.get(id);
    let entryId = id;
    if (other !== undefined) {
      const what = id === finess ? `FINESS EJ « ${id} »` : `nom de fichier « ${id} » (sans FINESS EJ valide)`;
      extra.push({ niveau: 'erreur', code: 'CAMPAGNE-TITULAIRE-DOUBLE', message: `${what} déjà utilisé par ${other}`, ...(id === finess ? { chemin: 'titulaire.finess_ej' } : {}), emplacement: source });
      // The duplicate still needs an id of its own (output folder, tranche, manifest line).
      entryId = `${id}~${stem}`;
      for (let k = 2; taken.has(entryId); k++) entryId = `${id}~${stem}-${k}`;
    } else seen.set(id, source);
    taken.add(entryId);
    entries.push({
      id: entryId,
      source,
      ...(typeof titulaire.raison_sociale === 'string' ? { raisonSociale: titulaire.raison_sociale } : {}),
      load: () => loadEntry(file, source, shared, extra),
    });
  }
  if (entries.length === 0) {
    issues.push({ niveau: 'erreur', code: 'CAMPAGNE-VIDE', message: 'aucun fichier de contrat (.yaml, .yml, .json) dans le dossier', emplacement: dir });
  }
  return { kind: 'dossier', entries, issues };
}
