// Verifies a ZIP archive (an .xlsx) completely before any library parses it: structure, sizes,
// and the CRC of every part. exceljs' streaming reader never settles its promise on some damaged
// archives (one altered byte in a compressed part left `cpom campagne` waiting forever), and it
// trusts the sizes a file declares (a "zip bomb" would fill the memory). After this check the
// reader only ever sees an intact archive whose parts fit the limits.
//
// Parts are inflated one at a time with a hard output cap, so memory stays bounded by the
// largest allowed part. ZIP64, encryption and multi-disk archives are refused: an .xlsx within
// our size limits never needs them.
import { crc32, inflateRawSync } from 'node:zlib';
import { formatNumber } from '../ir/resolve/french.ts';

export interface ZipLimits {
  readonly maxEntries: number;
  /** Uncompressed bytes of one part. */
  readonly maxEntryBytes: number;
  /** Uncompressed bytes of all parts together. */
  readonly maxTotalBytes: number;
}

/** Why the archive is refused (French, for the user), or undefined when it is intact. */
export function zipProblem(buf: Uint8Array, limits: ZipLimits): string | undefined {
  try {
    return check(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength), limits);
  } catch (e) {
    // Reads past the end of the buffer (RangeError) mean a truncated or garbled structure.
    if (e instanceof RangeError) return 'structure ZIP tronquée ou incohérente';
    throw e;
  }
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const DESCRIPTOR = 0x08074b50;

interface Entry {
  readonly name: string;
  readonly flags: number;
  readonly method: number;
  readonly crc: number;
  readonly csize: number;
  readonly usize: number;
  readonly offset: number;
}

function check(b: Buffer, limits: ZipLimits): string | undefined {
  const eocd = findEocd(b);
  if (eocd < 0) return 'fin d’archive ZIP introuvable (fichier tronqué ou qui n’est pas un classeur .xlsx)';
  const count = b.readUInt16LE(eocd + 10);
  const cdSize = b.readUInt32LE(eocd + 12);
  const cdOffset = b.readUInt32LE(eocd + 16);
  if (b.readUInt16LE(eocd + 4) !== 0 || b.readUInt16LE(eocd + 6) !== 0 || b.readUInt16LE(eocd + 8) !== count) return 'archive ZIP en plusieurs volumes, non prise en charge';
  if (count === 0xffff || cdOffset === 0xffffffff) return 'archive ZIP64, non prise en charge';
  if (count > limits.maxEntries) return `archive de ${count} parties, ${limits.maxEntries} au plus`;
  if (cdOffset + cdSize !== eocd) return 'répertoire central de l’archive ZIP incohérent';

  const entries: Entry[] = [];
  let p = cdOffset;
  for (let k = 0; k < count; k++) {
    if (b.readUInt32LE(p) !== CENTRAL) return 'répertoire central de l’archive ZIP endommagé';
    const nameLen = b.readUInt16LE(p + 28);
    entries.push({
      flags: b.readUInt16LE(p + 8),
      method: b.readUInt16LE(p + 10),
      crc: b.readUInt32LE(p + 16),
      csize: b.readUInt32LE(p + 20),
      usize: b.readUInt32LE(p + 24),
      offset: b.readUInt32LE(p + 42),
      name: b.toString('utf8', p + 46, p + 46 + nameLen),
    });
    p += 46 + nameLen + b.readUInt16LE(p + 30) + b.readUInt16LE(p + 32);
  }
  if (p !== eocd) return 'répertoire central de l’archive ZIP incohérent';

  // Parts must follow each other from the first byte to the central directory: a streaming
  // reader walks the local headers in that order and must meet exactly the parts checked here.
  entries.sort((x, y) => x.offset - y.offset);
  let expected = 0;
  let total = 0;
  for (const e of entries) {
    const where = `partie « ${e.name} »`;
    if (e.offset !== expected || b.readUInt32LE(e.offset) !== LOCAL) return `${where} : en-tête local introuvable`;
    if (e.flags & 0x1) return `${where} : partie chiffrée, non prise en charge`;
    if (e.method !== 0 && e.method !== 8) return `${where} : méthode de compression ${e.method} non prise en charge`;
    const localName = b.toString('utf8', e.offset + 30, e.offset + 30 + b.readUInt16LE(e.offset + 26));
    if (localName !== e.name || !sameLocalHeader(b, e)) return `${where} : en-tête local différent du répertoire central`;
    if (e.usize > limits.maxEntryBytes) return `${where} : ${formatNumber(e.usize)} octets une fois décompressée, ${formatNumber(limits.maxEntryBytes)} au plus`;
    total += e.usize;
    if (total > limits.maxTotalBytes) return `contenu décompressé de plus de ${formatNumber(limits.maxTotalBytes)} octets`;
    const start = e.offset + 30 + b.readUInt16LE(e.offset + 26) + b.readUInt16LE(e.offset + 28);
    const end = start + e.csize;
    if (end > cdOffset) return `${where} : données tronquées`;
    const data = inflate(b.subarray(start, end), e);
    if (data === undefined || data.length !== e.usize || crc32(data) >>> 0 !== e.crc) return `${where} : données endommagées (somme de contrôle incorrecte)`;
    expected = end + descriptorLength(b, end, e);
  }
  if (expected !== cdOffset) return 'données inattendues entre les parties de l’archive ZIP';
  return undefined;
}

/**
 * The local header agrees with the central directory. A streaming reader knows only the local
 * one: its sizes decide where it looks for the next part (unless a data descriptor follows).
 */
function sameLocalHeader(b: Buffer, e: Entry): boolean {
  const o = e.offset;
  if (b.readUInt16LE(o + 6) !== e.flags || b.readUInt16LE(o + 8) !== e.method) return false;
  if (e.flags & 0x8) return true;
  return b.readUInt32LE(o + 14) === e.crc && b.readUInt32LE(o + 18) === e.csize && b.readUInt32LE(o + 22) === e.usize;
}

function inflate(raw: Buffer, e: Entry): Buffer | undefined {
  if (e.method === 0) return raw;
  try {
    // One byte more than declared: a part that inflates beyond its size is caught, not obeyed.
    return inflateRawSync(raw, { maxOutputLength: e.usize + 1 });
  } catch {
    return undefined;
  }
}

/** Length of the data descriptor after a part (bit 3 of its flags), with or without signature. */
function descriptorLength(b: Buffer, at: number, e: Entry): number {
  if (!(e.flags & 0x8)) return 0;
  return at + 4 <= b.length && b.readUInt32LE(at) === DESCRIPTOR ? 16 : 12;
}

function findEocd(b: Buffer): number {
  const min = Math.max(0, b.length - 22 - 0xffff);
  for (let p = b.length - 22; p >= min; p--) {
    if (b.readUInt32LE(p) === EOCD && p + 22 + b.readUInt16LE(p + 20) === b.length) return p;
  }
  return -1;
}
