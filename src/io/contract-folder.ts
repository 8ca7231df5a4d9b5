// One contract's output folder: it holds exactly the files of its last run and a manifest.json
// listing them (src/io/contract-manifest.ts), replaced as a whole (src/io/swap.ts). Before
// replacing, two refusals keep outputs from mixing: a folder holding something cpom did not
// write (it would be deleted), and a folder holding another contract's documents (same file
// name, other FINESS EJ or model). `verifyFolder` re-checks a folder against its manifest.
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { sha256File } from '../batch/hash.ts';
import { isGeneratedFileName, isNestedOutputName } from './names.ts';
import { MANIFEST_FILE, manifestText, readContractManifest, type ContractIdentity, type ContractManifest } from './contract-manifest.ts';
import { LEFTOVER, leftovers, recoverFolder, replaceFolder, type SwapOptions } from './swap.ts';

const none = (): boolean => false;

/** Temp files of the per-file atomic writes of earlier versions (`.01-socle.docx.123.0.tmp`). */
const isOldTemp = (name: string): boolean => /^\..+\.tmp$/.test(name);

/**
 * Why `dir` may not be replaced because it holds something cpom did not write, or undefined.
 * Nested outputs (`keep`) are checked one level down.
 */
export function foreignContent(dir: string, keep: (name: string) => boolean = none): string | undefined {
  if (!existsSync(dir) && !isSymlink(dir)) return undefined;
  if (!lstatSync(dir).isDirectory()) return `« ${dir} » existe et n’est pas un dossier`;
  for (const name of readdirSync(dir).sort()) {
    const st = lstatSync(join(dir, name));
    if (st.isFile() && (isGeneratedFileName(name) || isOldTemp(name))) continue;
    if (st.isDirectory() && keep(name)) {
      const inner = foreignContent(join(dir, name));
      if (inner) return inner;
      continue;
    }
    return `${dir}/ contient « ${name} », qui ne vient pas de cpom`;
  }
  return undefined;
}

function isPlainFile(path: string): boolean {
  try {
    return lstatSync(path).isFile();
  } catch {
    return false;
  }
}

function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The manifest in `dir` or in a nested output folder that names another contract, if any. */
export function otherContract(dir: string, id: ContractIdentity, keep: (name: string) => boolean = none): ContractManifest | undefined {
  if (!existsSync(dir) || !lstatSync(dir).isDirectory()) return undefined;
  const folders = [dir, ...readdirSync(dir).filter(keep).sort().map((n) => join(dir, n))];
  for (const f of folders) {
    const m = readContractManifest(f);
    if (m.kind === 'ok' && (m.manifest.contrat.finess_ej !== id.finess_ej || m.manifest.modele.id !== id.modele)) return m.manifest;
  }
  return undefined;
}

/** French sentence naming the contract a folder already holds. */
export function describeOther(dir: string, m: ContractManifest): string {
  return `${dir}/ contient déjà les documents d’un autre contrat (FINESS EJ ${m.contrat.finess_ej}, modèle ${m.modele.id}, produit depuis « ${m.contrat.source} »)`;
}

export interface Claim {
  /** What was done about a killed earlier run (French). */
  readonly notes: readonly string[];
  /** Why nothing may be written here (French), if so. */
  readonly refus?: string;
}

/**
 * Gets `dir` ready to be written for contract `id`: finishes or undoes a killed earlier run,
 * then refuses another contract's folder and, when the folder is to be replaced as a whole
 * (`whole`), anything cpom did not write. `keep` names the nested outputs.
 */
export function claimFolder(dir: string, id: ContractIdentity, keep: (name: string) => boolean = none, whole = true): Claim {
  const notes = recoverFolder(dir, keep);
  // A nested output (an avenant folder) killed mid-swap: finish or undo it too, so that its
  // leftovers are neither dropped with an old version of `dir` nor taken for foreign content.
  if (existsSync(dir) && lstatSync(dir).isDirectory()) {
    const nested = new Set(readdirSync(dir).map((n) => LEFTOVER.exec(n)?.[1]).filter((n): n is string => n !== undefined && keep(n)));
    for (const n of [...nested].sort()) notes.push(...recoverFolder(join(dir, n)));
  }
  const foreign = whole ? foreignContent(dir, keep) : undefined;
  if (foreign) return { notes, refus: foreign };
  const other = otherContract(dir, id, keep);
  return other ? { notes, refus: describeOther(dir, other) } : { notes };
}

/** Replaces `dir` by the files and their manifest; returns recovery notes of a killed run. */
export function writeContractFolder(dir: string, files: ReadonlyArray<{ readonly name: string; readonly data: Uint8Array }>, manifest: ContractManifest, opts: SwapOptions = {}): string[] {
  return replaceFolder(dir, [...files, { name: MANIFEST_FILE, data: manifestText(manifest) }], opts);
}

/**
 * Problems found checking `dir` against its manifest (empty: the folder is exactly what was
 * produced): missing, altered or extra files, leftovers of a killed run. Nested output folders
 * are checked the same way.
 */
export async function verifyFolder(dir: string, keep: (name: string) => boolean, top = true, parent?: ContractManifest): Promise<string[]> {
  const problems: string[] = [];
  // Leftovers beside a nested folder are reported by the loop below, as entries of `dir`.
  if (top) for (const l of Object.values(leftovers(dir)).flat()) problems.push(interrupted(l));
  const m = readContractManifest(dir);
  if (m.kind === 'absent') return [...problems, `${dir}/ : pas de ${MANIFEST_FILE}, ce dossier n’est pas un dossier de contrat produit par cpom`];
  if (m.kind === 'invalide') return [...problems, `${dir}/ : ${m.raison}`];
  // Avenant outputs made from other contract data than the contract folder around them: stale.
  if (parent && m.manifest.contrat.empreinte_donnees !== parent.contrat.empreinte_donnees) {
    problems.push(`${dir}/ : produit depuis d’autres données du contrat que les documents du dossier parent (à régénérer)`);
  }
  const listed = new Map(m.manifest.fichiers.map((f) => [f.chemin, f]));
  for (const f of m.manifest.fichiers) {
    // A listed name that is now a link or a folder is not the file that was produced.
    const got = isPlainFile(join(dir, f.chemin)) ? await sha256File(join(dir, f.chemin)) : undefined;
    if (got === undefined) problems.push(`${dir}/${f.chemin} : fichier manquant`);
    else if (got !== f.sha256) problems.push(`${dir}/${f.chemin} : contenu modifié depuis la production (sha256 différent)`);
  }
  for (const name of readdirSync(dir).sort()) {
    if (name === MANIFEST_FILE || listed.has(name)) continue;
    const st = lstatSync(join(dir, name));
    if (LEFTOVER.test(name)) problems.push(interrupted(join(dir, name)));
    else if (st.isDirectory() && keep(name)) problems.push(...(await verifyFolder(join(dir, name), none, false, m.manifest.commande === 'generer' ? m.manifest : undefined)));
    else problems.push(`${dir}/${name} : ${st.isDirectory() ? 'dossier' : 'fichier'} absent du manifeste`);
  }
  return problems;
}

/**
 * Checks every contract folder at or below `root` (a contract folder, or an output folder
 * holding several, as `cpom demo` writes them). Folders without a manifest are only walked
 * through: what they hold besides contract folders is not judged.
 */
export async function verifyTree(root: string, depth = 3, top = true): Promise<{ readonly dossiers: number; readonly problems: string[] }> {
  if (readContractManifest(root).kind !== 'absent') return { dossiers: 1, problems: await verifyFolder(root, isNestedOutputName, top) };
  let dossiers = 0;
  const problems: string[] = [];
  if (depth === 0) return { dossiers, problems };
  for (const name of readdirSync(root).sort()) {
    const p = join(root, name);
    if (LEFTOVER.test(name)) problems.push(interrupted(p));
    if (name.startsWith('.') || !lstatSync(p).isDirectory()) continue;
    const sub = await verifyTree(p, depth - 1, false);
    dossiers += sub.dossiers;
    problems.push(...sub.problems);
  }
  return { dossiers, problems };
}

function interrupted(path: string): string {
  return `${path} : reste d’une exécution interrompue (la prochaine écriture de ce dossier le traitera)`;
}
