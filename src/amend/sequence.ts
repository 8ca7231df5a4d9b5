// Checks on a sequence of avenants before any is applied (they name the contract, are numbered
// 1..k without gaps or duplicates, and come in date order after the contract's effect), and the
// selection of the prefix to consolidate (--jusqu-a k or --date).
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { formatDate } from '../ir/resolve/french.ts';
import { IsoDate } from '../model/contract.ts';
import { avenantDiag } from './diag.ts';
import type { AmendedContract, ApplyOptions, SourcedAvenant } from './types.ts';

const byNumero = (a: SourcedAvenant, b: SourcedAvenant) => a.avenant.numero - b.avenant.numero;

/** Sorted avenants and the errors of the sequence. Input order does not matter: numbers do. */
export function checkSequence(
  start: AmendedContract,
  avenants: readonly SourcedAvenant[],
): { sorted: SourcedAvenant[]; diagnostics: Diagnostic[] } {
  const c = start.contract;
  const diags: Diagnostic[] = [];
  const sorted = [...avenants].sort(byNumero);
  const first = start.history.length + 1;

  for (const s of sorted) {
    const a = s.avenant;
    if (c.reference === undefined) {
      diags.push(
        avenantDiag(s, `le contrat n’a pas de référence (champ « reference ») : un avenant désigne le contrat qu’il modifie par sa référence, ici « ${a.reference} »`, {
          rel: ['reference'],
          code: 'AVENANT-REFERENCE',
        }),
      );
    } else if (a.reference !== c.reference) {
      diags.push(
        avenantDiag(s, `la référence « ${a.reference} » n’est pas celle du contrat « ${c.reference} »`, {
          rel: ['reference'],
          code: 'AVENANT-REFERENCE',
        }),
      );
    }
    if (a.effet < c.dates.effet) {
      diags.push(
        avenantDiag(s, `la date d’effet (${formatDate(a.effet)}) précède celle du contrat (${formatDate(c.dates.effet)})`, {
          rel: ['effet'],
          code: 'AVENANT-DATE',
        }),
      );
    }
    const signe = c.dates.signature?.date;
    if (signe !== undefined && a.date < signe) {
      diags.push(
        avenantDiag(s, `la date de l’avenant (${formatDate(a.date)}) précède la signature du contrat (${formatDate(signe)})`, {
          rel: ['date'],
          code: 'AVENANT-DATE',
        }),
      );
    }
    if (a.numero < first) {
      diags.push(
        avenantDiag(s, `l’avenant n° ${a.numero} est déjà intégré au contrat consolidé (avenants 1 à ${first - 1})`, {
          rel: ['numero'],
          code: 'AVENANT-NUMERO-ORDRE',
        }),
      );
    }
  }

  let expected = first;
  for (let i = 0; i < sorted.length; i++) {
    const s = sorted[i]!;
    const n = s.avenant.numero;
    if (n < first) continue;
    const prev = i > 0 ? sorted[i - 1] : undefined;
    if (prev && prev.avenant.numero === n) {
      diags.push(
        avenantDiag(s, `deux avenants portent le n° ${n}${prev.file ? ` (l’autre : ${prev.file})` : ''}`, {
          rel: ['numero'],
          code: 'AVENANT-NUMERO-DOUBLE',
        }),
      );
      continue;
    }
    if (n !== expected) {
      /** @message the numbers missing, in the refusal below. */
      const missing = expected === n - 1 ? `l’avenant n° ${expected} manque` : `les avenants n° ${expected} à ${n - 1} manquent`;
      diags.push(
        avenantDiag(s, `${missing} : les avenants sont numérotés de 1 à k sans interruption (reçus : ${sorted.map((x) => x.avenant.numero).join(', ')})`, {
          rel: ['numero'],
          code: 'AVENANT-NUMERO-ORDRE',
        }),
      );
    }
    expected = n + 1;
    // Dates must follow the numbering: a later avenant cannot be signed or take effect earlier.
    if (prev && prev.avenant.numero < n) {
      const p = prev.avenant;
      if (s.avenant.effet < p.effet) {
        diags.push(
          avenantDiag(s, `la date d’effet (${formatDate(s.avenant.effet)}) précède celle de l’avenant n° ${p.numero} (${formatDate(p.effet)})`, {
            rel: ['effet'],
            code: 'AVENANT-DATE-ORDRE',
          }),
        );
      }
      if (s.avenant.date < p.date) {
        diags.push(
          avenantDiag(s, `la date de l’avenant (${formatDate(s.avenant.date)}) précède celle de l’avenant n° ${p.numero} (${formatDate(p.date)})`, {
            rel: ['date'],
            code: 'AVENANT-DATE-ORDRE',
          }),
        );
      }
    }
  }
  const last = start.history[start.history.length - 1];
  const firstNew = sorted.find((s) => s.avenant.numero >= first);
  if (last && firstNew && firstNew.avenant.effet < last.effet) {
    diags.push(
      avenantDiag(firstNew, `la date d’effet (${formatDate(firstNew.avenant.effet)}) précède celle de l’avenant n° ${last.numero} déjà intégré (${formatDate(last.effet)})`, {
        rel: ['effet'],
        code: 'AVENANT-DATE-ORDRE',
      }),
    );
  }
  return { sorted, diagnostics: diags };
}

/** The avenants to apply, per --jusqu-a / --date. */
export function selectAvenants(
  start: AmendedContract,
  sorted: readonly SourcedAvenant[],
  opts: ApplyOptions,
): { selected: SourcedAvenant[]; diagnostics: Diagnostic[] } {
  const diag = (message: string): Diagnostic => ({ severity: 'erreur', code: 'AVENANT-SELECTION', message });
  if (opts.jusqua !== undefined && opts.date !== undefined) {
    return { selected: [], diagnostics: [diag('indiquez soit un numéro d’avenant (jusqu’à), soit une date, pas les deux')] };
  }
  if (opts.jusqua !== undefined) {
    const k = opts.jusqua;
    const lo = start.history.length;
    const hi = sorted.length > 0 ? sorted[sorted.length - 1]!.avenant.numero : lo;
    if (!Number.isInteger(k) || k < lo || k > hi) {
      const range = lo === hi ? `${lo}` : `${lo} à ${hi}`;
      return { selected: [], diagnostics: [diag(`version demandée « ${k} » indisponible : numéros possibles ${range}`)] };
    }
    return { selected: sorted.filter((s) => s.avenant.numero <= k), diagnostics: [] };
  }
  if (opts.date !== undefined) {
    const d = opts.date;
    if (!IsoDate.safeParse(d).success) {
      return { selected: [], diagnostics: [diag(`date attendue au format AAAA-MM-JJ, reçu « ${d} »`)] };
    }
    return { selected: sorted.filter((s) => s.avenant.effet <= d), diagnostics: [] };
  }
  return { selected: [...sorted], diagnostics: [] };
}
