// The engine's identity, recorded in manifest.json and compared by --reprendre: package name and
// version plus a fingerprint of everything that decides the output bytes: the engine's sources,
// the base DOCX parts, the dependency versions (package.json's dependencies, and package-lock.json
// when installed from the repository), and the zlib bundled with Node (DOCX and PDF streams are
// deflated by it: another zlib may give other, equally valid, bytes). An engine changed without
// a version bump then renders every contract again instead of keeping files the old code wrote,
// and tranches run on machines with different zlib builds are not merged as one campaign.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Folders and files whose content shapes the output (templates are fingerprinted per model). */
const INPUTS = ['src', join('templates', '_base-docx'), 'package-lock.json'];

function files(path: string): string[] {
  if (!existsSync(path)) return [];
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path).flatMap((name) => files(join(path, name)));
}

/** `name@version+fingerprint` of the engine installed at `root`. */
export function engineFingerprint(root: string): string {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string; dependencies?: Record<string, string> };
  // Of package.json, only what is installed with the engine (not scripts or dev tools).
  const h = createHash('sha256').update(`zlib ${process.versions.zlib}\0`).update(`${JSON.stringify(pkg.dependencies ?? {})}\0`);
  const all = INPUTS.flatMap((p) => files(join(root, p)))
    .map((f) => [relative(root, f).split(sep).join('/'), f] as const)
    .sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  for (const [name, f] of all) h.update(name).update('\0').update(readFileSync(f)).update('\0');
  return `${pkg.name}@${pkg.version}+${h.digest('hex').slice(0, 12)}`;
}

let memo: string | undefined;

/** This engine's identity, computed once per process. */
export function engineVersion(): string {
  memo ??= engineFingerprint(ROOT);
  return memo;
}
