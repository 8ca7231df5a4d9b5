// Replacing an output folder as a whole: the new set is written to a hidden sibling
// (`.<nom>.cpom-nouveau-<pid>`), the old folder is renamed to another hidden sibling
// (`.<nom>.cpom-ancien-<pid>`), the new one is renamed into place, then the old one is removed.
// Renames within one parent are atomic, so a kill at any point leaves under the final name
// either the old complete set or the new complete set, never a mix; the next run finishes or
// undoes what the killed one left (recoverFolder) before doing anything else. Leftovers are
// hidden and marked `cpom-`, so nothing reads them as output.
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The steps of a swap, in order; a test seam (beforeStep) sees each one before it runs. */
export type SwapStep = 'ecriture' | 'sauvegarde' | 'installation' | 'report' | 'nettoyage';

export interface SwapOptions {
  /**
   * Entries of the old folder that belong to other outputs nested in it (the avenant folders
   * inside a contract's folder): they are carried over into the new folder, not dropped.
   */
  readonly keep?: (name: string) => boolean;
  /** Test seam: called before each step, so a test can fail or kill the process there. */
  readonly beforeStep?: (step: SwapStep) => void;
}

export interface SwapFile {
  /** A plain file name: the folder holds no sub-folder of its own. */
  readonly name: string;
  readonly data: Uint8Array | string;
}

const NEW = 'cpom-nouveau-';
const OLD = 'cpom-ancien-';
/** The name of a leftover of a killed swap; group 1 is the folder it belongs to. */
export const LEFTOVER = /^\.(.+)\.cpom-(?:nouveau|ancien)-\d+$/;

function sibling(dir: string, kind: string): string {
  return join(dirname(dir), `.${basename(dir)}.${kind}${process.pid}`);
}

/** Hidden siblings a killed swap of `dir` may have left, by kind. */
export function leftovers(dir: string): { readonly nouveaux: string[]; readonly anciens: string[] } {
  const parent = dirname(dir);
  const prefix = `.${basename(dir)}.`;
  const found = existsSync(parent) ? readdirSync(parent).filter((n) => n.startsWith(prefix)).sort() : [];
  return {
    nouveaux: found.filter((n) => n.startsWith(prefix + NEW)).map((n) => join(parent, n)),
    anciens: found.filter((n) => n.startsWith(prefix + OLD)).map((n) => join(parent, n)),
  };
}

/**
 * Finishes or undoes an interrupted swap of `dir`, and says what it did (French, for the user).
 * An old folder whose replacement never got into place is put back; once the new folder is in
 * place, the old one only still holds the nested outputs to carry over, then it goes. A new
 * folder that never got into place is incomplete or unconfirmed: it is removed.
 */
export function recoverFolder(dir: string, keep: (name: string) => boolean = () => false): string[] {
  const notes: string[] = [];
  const { nouveaux, anciens } = leftovers(dir);
  for (const old of anciens) {
    if (!existsSync(dir)) {
      renameSync(old, dir);
      notes.push(`${dir}/ remis dans son état d’avant l’exécution interrompue`);
      continue;
    }
    carry(old, dir, keep);
    rmSync(old, { recursive: true, force: true });
    notes.push(`${dir}/ : fin du remplacement interrompu (ancienne version supprimée)`);
  }
  for (const n of nouveaux) {
    rmSync(n, { recursive: true, force: true });
    notes.push(`${dir}/ : copie inachevée d’une exécution interrompue supprimée`);
  }
  return notes;
}

function carry(from: string, to: string, keep: (name: string) => boolean): void {
  for (const name of readdirSync(from).sort()) {
    if (keep(name) && !existsSync(join(to, name))) renameSync(join(from, name), join(to, name));
  }
}

/**
 * Makes `dir` hold exactly `files` (plus the nested outputs `keep` names), all or nothing.
 * Returns the recovery notes of an earlier interrupted run, if any. Errors are thrown after
 * the folder was brought back to a complete state (old or new).
 */
export function replaceFolder(dir: string, files: readonly SwapFile[], opts: SwapOptions = {}): string[] {
  const keep = opts.keep ?? (() => false);
  const step = opts.beforeStep ?? (() => {});
  for (const f of files) {
    if (!/^[^/\\.][^/\\]*$/.test(f.name)) throw new Error(`bug: output file name « ${f.name} » is not a plain name`);
  }
  const notes = recoverFolder(dir, keep);
  const fresh = sibling(dir, NEW);
  const old = sibling(dir, OLD);
  try {
    step('ecriture');
    mkdirSync(fresh, { recursive: true });
    for (const f of files) writeFileSync(join(fresh, f.name), f.data, { flag: 'wx' });
    const had = existsSync(dir);
    step('sauvegarde');
    if (had) renameSync(dir, old);
    step('installation');
    renameSync(fresh, dir);
    step('report');
    if (had) carry(old, dir, keep);
    step('nettoyage');
    if (had) rmSync(old, { recursive: true, force: true });
  } catch (e) {
    // Same repair as the next run would do: the folder ends complete, old or new.
    recoverFolder(dir, keep);
    throw e;
  }
  return notes;
}
