// Content fingerprints for the manifest and for --reprendre: sha256 of bytes, and of data in a
// canonical JSON form (sorted keys, no whitespace) so that reordering keys in a YAML file or a
// workbook column does not count as a change.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export function sha256(data: Uint8Array | string): string {
  return createHash('sha256').update(data).digest('hex');
}

/** JSON with object keys sorted at every level; undefined members dropped as JSON does. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(sortKeys(value));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const v = (value as Record<string, unknown>)[key];
      if (v !== undefined) out[key] = sortKeys(v);
    }
    return out;
  }
  return value;
}

export function hashData(value: unknown): string {
  return sha256(canonicalJson(value));
}

/** sha256 of a file, streamed (outputs can be large); undefined when the file is missing. */
export function sha256File(path: string): Promise<string | undefined> {
  return new Promise((resolve) => {
    const h = createHash('sha256');
    const s = createReadStream(path);
    s.on('data', (chunk) => h.update(chunk));
    s.on('error', () => resolve(undefined));
    s.on('end', () => resolve(h.digest('hex')));
  });
}
