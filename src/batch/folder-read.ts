// Reading a campaign folder: every YAML/JSON contract file under it (sorted, recursively),
// each merged with `campagne.yaml`, the shared part (modele, ars, dates…). The contract's own
// values win over the shared ones.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, extname, join, relative, resolve, sep } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { fileTooLarge, LIMITS } from '../model/limits.ts';
import { type ParsedYaml, yamlLocator } from './locate.ts';
import { isPlainObject, mergeShared } from './merge.ts';
import { compareText } from './sort.ts';
import type { CampaignEntry, CampaignInput, IssueRecord, LoadedEntry } from './types.ts';

export const SHARED_FILES = ['campagne.yaml', 'campagne.yml', 'campagne.json'];
const EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

type Parsed = { ok: true; yaml: ParsedYaml; data: unknown } | { ok: false; errors: IssueRecord[] };

function parseFile(path: string, label: string): Parsed {
  const tooLarge = fileTooLarge(path, LIMITS.dataFileBytes);
  if (tooLarge) return { ok: false, errors: [{ niveau: 'erreur', code: 'FICHIER-VOLUME', message: tooLarge, emplacement: label }] };
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    return { ok: false, errors: [{ niveau: 'erreur', code: 'FICHIER-ILLISIBLE', message: `fichier illisible (${(e as Error).message})`, emplacement: label }] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, prettyErrors: false });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      errors: doc.errors.map((err) => {
        const pos = lines.linePos(err.pos[0]);
        return { niveau: 'erreur', code: 'YAML-SYNTAXE', message: `syntaxe YAML invalide : ${err.message.split('\n')[0]}`, emplacement: `${label}:${pos.line}:${pos.col}` };
      }),
    };
  }
  return { ok: true, yaml: { file: label, doc, lines }, data: doc.toJS() };
}

function listFiles(dir: string, exclude: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort(compareText)) {
    if (name.startsWith('.')) continue;
    const full = join(dir, name);
    if (statSync(full).isDirectory()) {
      if (!exclude.has(resolve(full))) out.push(...listFiles(full, exclude));
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
  for (const file of listFiles(dir, new Set(exclude.map((e) => resolve(e))))) {
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
