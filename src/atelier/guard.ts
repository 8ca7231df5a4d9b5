// The atelier's refusals, by construction: loopback only, requests from its own page only
// (Host and Origin checked against the loopback origin: a DNS-rebinding page gets nothing),
// writes only to existing template files inside the library, reached without links.
import { lstatSync } from 'node:fs';
import { extname, join } from 'node:path';
import { confinementRefusal, describeRefusal } from '../io/confine.ts';
import { EDITABLE_EXTENSIONS } from './library.ts';

export const LOOPBACK = '127.0.0.1';
/** A request body: a template file (1 Mio, the loader's bound) plus its JSON envelope. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

/** Host header values that name this server. */
export function allowedHosts(port: number): Set<string> {
  return new Set([`${LOOPBACK}:${port}`, `localhost:${port}`]);
}

/** Why a request may not be served (French), or undefined. */
export function requestRefusal(port: number, method: string, host: string | undefined, origin: string | undefined, fetchSite: string | undefined): string | undefined {
  const hosts = allowedHosts(port);
  if (!host || !hosts.has(host.toLowerCase())) return `hôte refusé « ${host ?? ''} » : l’atelier ne répond qu’à http://${LOOPBACK}:${port}`;
  if (origin !== undefined && !(origin.startsWith('http://') && hosts.has(origin.slice('http://'.length).toLowerCase()))) return `origine refusée « ${origin} »`;
  if (fetchSite !== undefined && fetchSite !== 'same-origin' && fetchSite !== 'none') return `requête d’un autre site refusée (${fetchSite})`;
  // A write must say where it comes from: a form posted by another page cannot forge Origin.
  if (method !== 'GET' && method !== 'HEAD' && origin === undefined) return 'requête sans en-tête Origin refusée';
  return undefined;
}

export type PathCheck = { readonly ok: true; readonly abs: string } | { readonly ok: false; readonly message: string };

/** A library-relative path the page names, checked before any read or write. */
export function libraryFile(root: string, rel: unknown): PathCheck {
  if (typeof rel !== 'string' || rel.length === 0 || rel.length > 512) return { ok: false, message: 'chemin de fichier attendu' };
  if (rel.includes('\0') || rel.includes('\\') || rel.startsWith('/') || /^[A-Za-z]:/.test(rel)) return { ok: false, message: `chemin refusé « ${rel} » : relatif à la bibliothèque, avec des « / »` };
  if (rel.split('/').some((p) => p === '..' || p === '.' || p === '')) return { ok: false, message: `chemin refusé « ${rel} » : ni « .. » ni « . »` };
  if (!EDITABLE_EXTENSIONS.has(extname(rel))) return { ok: false, message: `« ${rel} » n’est pas un fichier de modèle (.md ou .yaml)` };
  const abs = join(root, rel);
  const refusal = confinementRefusal(abs, root);
  if (refusal) return { ok: false, message: describeRefusal(rel, refusal) };
  if (!lstatSync(abs).isFile()) return { ok: false, message: `« ${rel} » n’est pas un fichier ordinaire` };
  return { ok: true, abs };
}
