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
import { packEntry, zipEntries, type PackedEntry } from './zip.ts';

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
 * The base main part as filled by docxtemplater, cut at its tags. docxtemplater renders the
 * base once per process with a marker for each tag (a raw-XML tag such as {@body} replaces its
 * whole paragraph with the marker); every package then splices its generated XML at the
 * markers. Same bytes as rendering each package through docxtemplater, without re-parsing the
 * base parts and re-scanning a ~100 KB body seven times per contract (measured: 18 ms per
 * contract in campaign threads).
 */
interface FilledMain {
  /** Text around the tags: pieces[i] precedes tags[i]; one more piece than tags. */
  readonly pieces: readonly string[];
  /** Tag names in document order. */
  readonly tags: readonly string[];
}

const filledCache = new WeakMap<ReadonlyMap<string, Uint8Array>, FilledMain>();

/** A marker no generated part can contain where docxtemplater puts it: a comment with the tag name. */
const marker = (tag: string): string => `<!--cpom-balise:${tag}-->`;

function renderMarkers(base: ReadonlyMap<string, Uint8Array>): FilledMain {
  const zip = new PizZip();
  for (const [name, bytes] of base) zip.file(name, bytes);
  const seen: string[] = [];
  const doc = new Docxtemplater(zip, {
    paragraphLoop: true,
    errorLogging: false,
    parser: (tag: string) => ({
      get: () => {
        if (!seen.includes(tag)) seen.push(tag);
        return marker(tag);
      },
    }),
    nullGetter: (part) => {
      throw new Error(`docxtemplater tag {${part.value}} has no value`);
    },
  });
  try {
    doc.render({});
  } catch (err) {
    throw new Error(`Filling the base DOCX failed: ${templaterMessages(err).join('; ')}`, { cause: err });
  }
  const main = doc.getZip().file('word/document.xml');
  if (!main) throw new Error('Base DOCX has no word/document.xml');
  const xml = main.asText();
  const at = seen.map((tag) => {
    const i = xml.indexOf(marker(tag));
    if (i < 0 || xml.indexOf(marker(tag), i + 1) >= 0) throw new Error(`Base DOCX: tag {${tag}} must occur exactly once in word/document.xml`);
    return { tag, i };
  });
  at.sort((a, b) => a.i - b.i);
  const pieces: string[] = [];
  let from = 0;
  for (const { tag, i } of at) {
    pieces.push(xml.slice(from, i));
    from = i + marker(tag).length;
  }
  pieces.push(xml.slice(from));
  return { pieces, tags: at.map((a) => a.tag) };
}

/**
 * The base main part with each tag replaced by its value (generated OOXML). A tag without a
 * value throws: a missing value must never come out as the word "undefined".
 */
export function fillMainPart(base: ReadonlyMap<string, Uint8Array>, data: Readonly<Record<string, string>>): string {
  let filled = filledCache.get(base);
  if (!filled) {
    filled = renderMarkers(base);
    filledCache.set(base, filled);
  }
  let out = filled.pieces[0]!;
  filled.tags.forEach((tag, i) => {
    if (!Object.hasOwn(data, tag) || typeof data[tag] !== 'string') throw new Error(`docxtemplater tag {${tag}} has no value`);
    out += data[tag] + filled.pieces[i + 1]!;
  });
  return out;
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

/** Base parts are the same bytes in every package: deflated once per process (by identity). */
const packedBase = new WeakMap<Uint8Array, PackedEntry>();

function packCached(data: Uint8Array): PackedEntry {
  let p = packedBase.get(data);
  if (!p) {
    p = packEntry(data);
    packedBase.set(data, p);
  }
  return p;
}

/**
 * Zip entries in sorted path order ([Content_Types].xml sorts first), every entry stamped with
 * the same date, so that the bytes depend on the contract only. Byte arrays are treated as
 * immutable base parts (deflated once per process); strings are the generated parts.
 */
export function zipDeterministic(
  entries: ReadonlyMap<string, Uint8Array | string>,
  date: { year: number; month: number; day: number },
): Uint8Array {
  const names = [...entries.keys()].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return zipEntries(
    names.map((name) => {
      const data = entries.get(name)!;
      return [name, typeof data === 'string' ? data : packCached(data)] as const;
    }),
    date,
  );
}
