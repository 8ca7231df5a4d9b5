// Deterministic ZIP writer for the DOCX package, on Node's native zlib.
//
// Why not PizZip's generate(): it deflates with pako (pure JS), which allocates a fresh
// ~300 KB state per entry. A campaign writes ~7 packages of ~20 entries per contract, and that
// garbage plus pako's own CPU was the largest single cost of a campaign thread (profile of
// issue 6). Native deflate allocates outside the V8 heap, and entries that never change (the
// base styles, settings, relationships) are deflated once per process and reused.
//
// Only what a DOCX needs: stored names in ASCII, deflate, no ZIP64 (a contract is far below
// 4 GB), every entry stamped with the same DOS date and midnight.

import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipDate {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

/** An entry ready to be stored: its deflated bytes and what the headers say about it. */
export interface PackedEntry {
  readonly crc: number;
  readonly size: number;
  readonly deflated: Uint8Array;
}

const LEVEL = 6;
const encoder = new TextEncoder();

export function packEntry(data: Uint8Array | string): PackedEntry {
  const bytes = typeof data === 'string' ? encoder.encode(data) : data;
  return { crc: crc32(bytes), size: bytes.length, deflated: deflateRawSync(bytes, { level: LEVEL }) };
}

/** DOS date (years 1980–2107; outside that range, 1 January of the nearest bound). */
function dosDate(date: ZipDate): number {
  if (date.year < 1980) return (0 << 9) | (1 << 5) | 1;
  if (date.year > 2107) return (127 << 9) | (1 << 5) | 1;
  return ((date.year - 1980) << 9) | (date.month << 5) | date.day;
}

function asciiName(name: string): Uint8Array {
  // Part names are ours (base folder, generated headers/footers): ASCII keeps the UTF-8 flag off.
  if (!/^[\x21-\x7e]+$/.test(name)) throw new Error(`Zip entry name must be printable ASCII: ${name}`);
  return encoder.encode(name);
}

/**
 * Zip `entries` in the given order. Strings and bytes are deflated here; PackedEntry values
 * (deflated once and cached by the caller) are stored as they are.
 */
export function zipEntries(entries: ReadonlyArray<readonly [string, Uint8Array | string | PackedEntry]>, date: ZipDate): Uint8Array {
  const day = dosDate(date);
  const packed = entries.map(([name, data]) => {
    const entry = typeof data === 'string' || data instanceof Uint8Array ? packEntry(data) : data;
    return { name: asciiName(name), entry };
  });
  let localSize = 0;
  let centralSize = 0;
  for (const p of packed) {
    localSize += 30 + p.name.length + p.entry.deflated.length;
    centralSize += 46 + p.name.length;
  }
  const out = new Uint8Array(localSize + centralSize + 22);
  const view = new DataView(out.buffer);
  let at = 0;
  const u16 = (v: number) => {
    view.setUint16(at, v, true);
    at += 2;
  };
  const u32 = (v: number) => {
    view.setUint32(at, v >>> 0, true);
    at += 4;
  };
  const bytes = (b: Uint8Array) => {
    out.set(b, at);
    at += b.length;
  };
  // Fields shared by the local header and the central record, from "version needed" on.
  const common = (p: (typeof packed)[number]) => {
    u16(20); // version needed: 2.0 (deflate)
    u16(0); // flags
    u16(8); // method: deflate
    u16(0); // time: 00:00:00
    u16(day);
    u32(p.entry.crc);
    u32(p.entry.deflated.length);
    u32(p.entry.size);
    u16(p.name.length);
    u16(0); // extra field length
  };

  const offsets: number[] = [];
  for (const p of packed) {
    offsets.push(at);
    u32(0x04034b50);
    common(p);
    bytes(p.name);
    bytes(p.entry.deflated);
  }
  const centralStart = at;
  packed.forEach((p, i) => {
    u32(0x02014b50);
    u16(20); // version made by: 2.0, MS-DOS attributes
    common(p);
    u16(0); // comment length
    u16(0); // disk number
    u16(0); // internal attributes
    u32(0); // external attributes
    u32(offsets[i]!);
    bytes(p.name);
  });
  const centralBytes = at - centralStart;
  u32(0x06054b50);
  u16(0); // this disk
  u16(0); // disk where the central directory starts
  u16(packed.length);
  u16(packed.length);
  u32(centralBytes);
  u32(centralStart);
  u16(0); // comment length
  return out;
}
