// Documented limits on what a contract may hold (README « Limites »). They bound the work of
// every later stage (evaluation, layout, DOCX/PDF writing, campaign workers) on any input, and
// each is far above what a real contract needs:
//
// - text: the sources' longest paragraph is 1,849 characters (002_…txt); the IDF model caps its
//   longest fields at 450 (templates/idf-2021/modele.yaml, rules IDF-*-450). 10,000 characters
//   (about three pages) leaves room for a whole article of legal text in one field.
// - lists: the models' contracts have tens of engagements and a handful of indicators each
//   (the fixtures: at most 12 and 4); the caps are tens of times that.
// - years: the CPOMs of the sources run from 2012 on; 1900–2100 admits any real date (a 1950
//   authorisation, a 2095 end) and keeps "N+5" and French date formatting within four digits.
// - files: a fixture contract is ~10 KB and the 371-contract demo workbook ~300 KB.
import { statSync } from 'node:fs';
import { z } from 'zod';
import { formatNumber } from '../ir/resolve/french.ts';

export const LIMITS = {
  /** Characters in one text field. */
  textChars: 10_000,
  /** Elements of a list, unless `LIST_ITEMS` says otherwise. */
  listItems: 500,
  yearMin: 1900,
  yearMax: 2100,
  /** Bytes of a YAML or JSON contract or avenant file. */
  dataFileBytes: 5 * 1024 * 1024,
  /** Bytes of a campaign workbook (.xlsx, compressed). */
  workbookBytes: 50 * 1024 * 1024,
  /** Parts of a workbook archive, uncompressed bytes of one part and of all parts together. */
  workbookParts: 10_000,
  workbookPartBytes: 100 * 1024 * 1024,
  workbookTotalBytes: 200 * 1024 * 1024,
  /** Cells read from a workbook (all sheets). */
  workbookCells: 5_000_000,
  /** Seconds allowed for reading a workbook. */
  workbookSeconds: 120,
  /**
   * Seconds one contract may take to render in a campaign worker. The layout being linear, a
   * contract with 2 MB of text renders to PDF in about 5 s here: a generous margin above that.
   */
  renderSeconds: 600,
  /**
   * Magnitude of a number: amounts in the sources reach tens of millions of euros; 10^12 keeps
   * every value printable in plain digits (JavaScript writes 10^21 and above as « 1e+21 »).
   */
  numberMax: 1e12,
  /** Smallest non-zero magnitude: below it a value prints as « 0 » or in exponent notation. */
  numberMinAbs: 1e-6,
} as const;

/** Per-list caps where the general one would be absurd for the data. */
export const LIST_ITEMS = {
  engagements: 1_000,
  indicateurs: 100,
  sites: 200,
  orientations: 100,
} as const;

/** Any string of the model: at most LIMITS.textChars characters. */
export function boundedString(params?: Parameters<typeof z.string>[0]) {
  return z.string(params).max(LIMITS.textChars, {
    error: (iss) => {
      const n = typeof iss.input === 'string' ? iss.input.length : 0;
      return `texte trop long : ${formatNumber(n)} caractères, ${formatNumber(LIMITS.textChars)} au plus par champ`;
    },
  });
}

/** Can `n` be printed in plain French digits (no « 1e+23 », no « -0,00 »)? */
export function isPrintableNumber(n: number): boolean {
  const a = Math.abs(n);
  return Number.isFinite(n) && a <= LIMITS.numberMax && (a === 0 || a >= LIMITS.numberMinAbs);
}

/** A number of the contract, bounded so that it prints as written. */
export function boundedNumber() {
  return z.number().refine(isPrintableNumber, {
    error: (iss) => `nombre hors des bornes, reçu ${String(iss.input)} : 0 ou une valeur absolue entre 0,000001 et ${formatNumber(LIMITS.numberMax)}`,
  });
}

/** A list of at most `max` elements, with a French message naming what it holds. */
export function boundedArray<T extends z.ZodType>(item: T, what: string, max: number = LIMITS.listItems) {
  return z.array(item).max(max, {
    error: (iss) => {
      const n = Array.isArray(iss.input) ? iss.input.length : 0;
      return `liste trop longue : ${formatNumber(n)} ${what}, ${formatNumber(max)} au plus`;
    },
  });
}

/** "5 Mo", "6,2 Mo". */
export function formatMegabytes(bytes: number): string {
  const mb = bytes / (1024 * 1024);
  return `${formatNumber(Math.round(mb * 10) / 10)}\u00A0Mo`;
}

/**
 * French message when the file at `path` is larger than `max` bytes, checked before reading it;
 * undefined when it fits or cannot be examined (the reader then reports why it cannot read it).
 */
export function fileTooLarge(path: string, max: number): string | undefined {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    return undefined;
  }
  return size > max ? `fichier trop volumineux : ${formatNumber(size)} octets, ${formatMegabytes(max)} au plus` : undefined;
}
