// Base .docx loading, docxtemplater fill and deterministic zip packaging.
//
// Why the base is a folder of XML parts (templates/_base-docx/) zipped at runtime rather than a
// committed .docx: styles, settings and content types are reviewed as text diffs in git, no
// binary goes stale against a rebuild script, and zipping here is needed anyway to control
// entry order and timestamps for byte-identical output.

import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import Docxtemplater from 'docxtemplater';
import PizZip from 'pizzip';

const BASE_DIR = fileURLToPath(new URL('../../../templates/_base-docx/', import.meta.url));

let baseCache: ReadonlyMap<string, Uint8Array> | undefined;

function walk(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)],
  );
}

/** Base parts keyed by zip path ("word/styles.xml"), read once per process. */
export function loadBase(): ReadonlyMap<string, Uint8Array> {
  if (!baseCache) {
    const files = walk(BASE_DIR).map((f) => [relative(BASE_DIR, f).split(sep).join('/'), f] as const);
    baseCache = new Map(files.map(([name, f]) => [name, new Uint8Array(readFileSync(f))]));
  }
  return baseCache;
}

/**
 * Fill the base main part with the generated body. The parser and nullGetter throw: the only
 * tag is {@body}, and a missing value must never come out as the word "undefined".
 */
export function fillMainPart(base: ReadonlyMap<string, Uint8Array>, data: Readonly<Record<string, string>>): string {
  const zip = new PizZip();
  for (const [name, bytes] of base) zip.file(name, bytes);
  const doc = new Docxtemplater(zip, {
    paragraphLoop: true,
    errorLogging: false,
    parser: (tag: string) => ({
      get: (scope: unknown) => {
        if (typeof scope !== 'object' || scope === null || !Object.hasOwn(scope, tag)) {
          throw new Error(`docxtemplater tag {${tag}} has no value`);
        }
        return (scope as Record<string, unknown>)[tag];
      },
    }),
    nullGetter: (part) => {
      throw new Error(`docxtemplater tag {${part.value}} has no value`);
    },
  });
  try {
    doc.render(data);
  } catch (err) {
    throw new Error(`Filling the base DOCX failed: ${templaterMessages(err).join('; ')}`, { cause: err });
  }
  const main = doc.getZip().file('word/document.xml');
  if (!main) throw new Error('Base DOCX has no word/document.xml');
  return main.asText();
}

/** docxtemplater throws a "Multi error" whose useful messages sit in nested properties. */
function templaterMessages(err: unknown): string[] {
  type E = { message?: string; properties?: { errors?: E[]; rootError?: { message?: string }; explanation?: string } };
  const e = err as E;
  const nested = e.properties?.errors ?? [];
  if (nested.length === 0) return [e.properties?.rootError?.message ?? e.properties?.explanation ?? e.message ?? String(err)];
  return nested.flatMap(templaterMessages);
}

/** Insert generated entries before the closing tag of a base part, checking the anchor exists once. */
export function insertBefore(xml: string, closing: string, entries: string): string {
  const at = xml.lastIndexOf(closing);
  if (at < 0 || xml.indexOf(closing) !== at) throw new Error(`Base part lacks a single ${closing}`);
  return xml.slice(0, at) + entries + xml.slice(at);
}

/**
 * Zip entries in sorted path order ([Content_Types].xml sorts first), every entry stamped with
 * the same date. The Date is built from local components because PizZip reads local
 * hours/minutes when writing DOS timestamps: the bytes then do not depend on the time zone.
 */
export function zipDeterministic(
  entries: ReadonlyMap<string, Uint8Array | string>,
  date: { year: number; month: number; day: number },
): Uint8Array {
  const y = Math.min(Math.max(date.year, 1980), 2107); // DOS date range
  const stamp = y === date.year ? new Date(y, date.month - 1, date.day, 0, 0, 0) : new Date(y, 0, 1, 0, 0, 0);
  const names = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const zip = new PizZip();
  for (const name of names) {
    const data = entries.get(name);
    if (data === undefined) continue;
    zip.file(name, data, { date: stamp, createFolders: false, binary: typeof data !== 'string' });
  }
  return zip.generate({
    type: 'uint8array',
    compression: 'DEFLATE',
    // Level 1: pako (pure JS) deflate was the largest single cost of a campaign; XML still
    // compresses well at this level and the output stays byte-identical run to run.
    compressionOptions: { level: 1 },
    platform: 'DOS',
    fileOrder: () => names,
  });
}
