// Reading the files of a model library without trusting them: a model names files (documents,
// fragments) and could name anything — « ../../etc/passwd », a symbolic link placed in its
// folder, a device, a file of several gigabytes. Only regular files inside the library root,
// reached without any symbolic link, and of bounded size are read.
import type { Hash } from 'node:crypto';
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';

/** 1 Mio: thirty times the largest file of the shipped models (a manifest of 29 Kio). */
export const MAX_MODEL_FILE_BYTES = 1024 * 1024;

export type Refusal =
  | { readonly kind: 'absent' }
  | { readonly kind: 'dehors'; readonly root: string }
  | { readonly kind: 'lien'; readonly link: string }
  | { readonly kind: 'pas-un-fichier' }
  | { readonly kind: 'trop-gros'; readonly size: number };

export type ConfinedRead = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly refusal: Refusal };

/** Is `path` the root or below it (lexically)? */
export function isInside(root: string, path: string): boolean {
  const rel = relative(resolve(root), resolve(path));
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/**
 * Why `path` may not be read as a file of the library at `root`, or undefined when it may.
 * Symbolic links are refused wherever they are below the root, even towards a file of the
 * library: a link can be retargeted after the check, and « never through a link » is a rule
 * one can verify by looking at the folder. The root itself may be reached through links.
 */
export function confinementRefusal(path: string, root: string): Refusal | undefined {
  const abs = resolve(path);
  if (!isInside(root, abs)) return { kind: 'dehors', root: resolve(root) };
  let at = resolve(root);
  for (const part of relative(at, abs).split(sep).filter(Boolean)) {
    at = join(at, part);
    let st;
    try {
      st = lstatSync(at);
    } catch {
      return { kind: 'absent' };
    }
    if (st.isSymbolicLink()) return { kind: 'lien', link: at };
  }
  // No link below the root: the real path is the root's real path plus the same names. Checked
  // anyway, so that a rule above cannot be weakened without this line failing.
  if (!isInside(realpathSync(root), realpathSync(abs))) return { kind: 'dehors', root: resolve(root) };
  return undefined;
}

/** Reads a text file of the library at `root` (UTF-8), or says why not. */
export function readConfined(path: string, root: string, maxBytes = MAX_MODEL_FILE_BYTES): ConfinedRead {
  const refusal = confinementRefusal(path, root);
  if (refusal) return { ok: false, refusal };
  let fd: number;
  try {
    // O_NOFOLLOW: a link swapped in after the check is not followed either. O_NONBLOCK: a
    // FIFO does not hang the open; fstat then refuses it.
    fd = openSync(resolve(path), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    return { ok: false, refusal: code === 'ELOOP' ? { kind: 'lien', link: resolve(path) } : code === 'ENOENT' ? { kind: 'absent' } : { kind: 'pas-un-fichier' } };
  }
  try {
    const st = fstatSync(fd);
    if (!st.isFile()) return { ok: false, refusal: { kind: 'pas-un-fichier' } };
    if (st.size > maxBytes) return { ok: false, refusal: { kind: 'trop-gros', size: st.size } };
    // Read at most maxBytes + 1: a file growing after fstat is still caught.
    // allocUnsafe: only the n bytes read are ever used, and zero-filling megabytes per file
    // dominated a verifier run (every template and source of a model is read).
    const buf = Buffer.allocUnsafe(maxBytes + 1);
    let n = 0;
    for (let r; n < buf.length && (r = readSync(fd, buf, n, buf.length - n, null)) > 0; ) n += r;
    if (n > maxBytes) return { ok: false, refusal: { kind: 'trop-gros', size: n } };
    return { ok: true, text: buf.toString('utf8', 0, n) };
  } finally {
    closeSync(fd);
  }
}

const mio = (bytes: number): string => `${(bytes / (1024 * 1024)).toFixed(1).replace('.', ',')}\u00A0Mio`;

/** French wording of a refusal, for a file shown as `name` (as the model wrote it). */
export function describeRefusal(name: string, r: Refusal): string {
  switch (r.kind) {
    case 'absent':
      return `« ${name} » introuvable`;
    case 'dehors':
      return `« ${name} » sort de la bibliothèque de modèles (${r.root})`;
    case 'lien':
      return `« ${name} » passe par un lien symbolique (${r.link}) : un modèle ne lit jamais à travers un lien`;
    case 'pas-un-fichier':
      return `« ${name} » n’est pas un fichier ordinaire`;
    case 'trop-gros':
      return `« ${name} » fait ${mio(r.size)} : un fichier de modèle est limité à ${mio(MAX_MODEL_FILE_BYTES)}`;
  }
}

/**
 * Adds a file of a model folder to a fingerprint without following links or reading without
 * bound: a regular file's bytes (streamed: same digest as hashing the whole content), a link's
 * target text, or only the kind of anything else (a FIFO is never opened).
 */
export function hashEntry(h: Hash, path: string): void {
  const st = lstatSync(path);
  if (st.isSymbolicLink()) {
    h.update(`\0lien\0${readlinkSync(path)}`);
    return;
  }
  if (!st.isFile()) {
    h.update('\0special\0');
    return;
  }
  const fd = openSync(path, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0) | (constants.O_NONBLOCK ?? 0));
  try {
    const buf = Buffer.alloc(64 * 1024);
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; ) h.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
}
