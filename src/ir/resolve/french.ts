// French formatting, computed once for every back end: dates, amounts, numbers, target values
// and typographic spaces. No locale is read from the environment (Intl output varies with the
// ICU build): everything is spelled out here so the same input always gives the same text.

/** U+00A0 no-break space: before « : » and inside « guillemets », before the euro sign. */
export const NBSP = '\u00A0';
/** U+202F narrow no-break space: before ; ! ? and as thousands separator. */
export const NNBSP = '\u202F';

const MONTHS = [
  'janvier', 'février', 'mars', 'avril', 'mai', 'juin',
  'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre',
];

function parseIso(iso: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) throw new Error(`not an ISO date: ${iso}`);
  return { y: Number(m[1]), m: Number(m[2]), d: Number(m[3]) };
}

/** "1er janvier 2019", "3 août 2018". */
export function formatDate(iso: string): string {
  const { y, m, d } = parseIso(iso);
  return `${d === 1 ? '1er' : String(d)}${NBSP}${MONTHS[m - 1]}${NBSP}${y}`;
}

/** "01/01/2019". */
export function formatDateShort(iso: string): string {
  const { y, m, d } = parseIso(iso);
  return `${String(d).padStart(2, '0')}/${String(m).padStart(2, '0')}/${y}`;
}

export function yearOf(iso: string): number {
  return parseIso(iso).y;
}

/** Adds whole months to an ISO date; a day the target month lacks becomes its last day. */
export function addMonths(iso: string, months: number): string {
  const { y, m, d } = parseIso(iso);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/**
 * Last day of a contract: `duree_ans` years from its date of effect, then any prorogation in
 * months running from the day after that (DGOS transition: « jusqu’à six mois après la date
 * d’adoption du PRS », seed 001 l. 751).
 */
export function contractEnd(d: { readonly effet: string; readonly duree_ans: number; readonly prorogation_mois?: number | undefined }): string {
  const end = endOfPeriod(d.effet, d.duree_ans);
  if (!d.prorogation_mois) return end;
  const next = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  return new Date(Date.parse(`${addMonths(next, d.prorogation_mois)}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
}

/** Adds whole years to an ISO date and steps back one day: the last day of a period. */
export function endOfPeriod(startIso: string, years: number): string {
  const { y, m, d } = parseIso(startIso);
  const end = new Date(Date.UTC(y + years, m - 1, d) - 86_400_000);
  return end.toISOString().slice(0, 10);
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
}

/** "1 200", "3,5", "-12,25": French decimal comma, narrow no-break thousands separator. */
export function formatNumber(n: number, decimals?: number): string {
  const neg = n < 0;
  const abs = Math.abs(n);
  let s = decimals === undefined ? String(abs) : abs.toFixed(decimals);
  if (/e/i.test(s)) s = abs.toFixed(decimals ?? 2);
  const [i, f] = s.split('.');
  return `${neg ? '-' : ''}${groupThousands(i ?? '0')}${f ? `,${f}` : ''}`;
}

/** "180 000,00 €". */
export function formatAmount(n: number): string {
  return `${formatNumber(Math.round(n * 100) / 100, 2)}${NBSP}€`;
}

/** A target or reference value: number, percentage, oui/non, or text, as printed in tables. */
export function formatValue(v: number | string): string {
  if (typeof v === 'number') return formatNumber(v);
  const pct = /^\s*(-?\d+(?:[.,]\d+)?)\s*%\s*$/.exec(v);
  if (pct) return `${formatNumber(Number(pct[1]!.replace(',', '.')))}${NNBSP}%`;
  return v;
}

/** Is `v` a valid non-text target value (number, percentage, oui/non)? */
export function isStructuredValue(v: number | string): boolean {
  if (typeof v === 'number') return Number.isFinite(v);
  return /^\s*-?\d+(?:[.,]\d+)?\s*%\s*$/.test(v) || /^(oui|non)$/i.test(v.trim());
}

/** "a", "a et b", "a, b et c". */
export function formatList(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} et ${items[items.length - 1]}`;
}
