// Rules on the avenant itself, beyond the contract it produces: its approvals (the opinions of
// the instances on the avenant, checked by the model's own rules on opinions — "warnings as for
// contracts" — and what the model requires of every avenant, `avenants.requis`), its signing
// date (an ended contract cannot be amended) and the --date of a consolidation.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { parseDataPath } from '../diagnostics/path.ts';
import { endOfPeriod, formatDate } from '../ir/resolve/french.ts';
import type { Contract } from '../model/contract.ts';
import { checkContract } from '../templates/rules.ts';
import type { Model } from '../templates/load.ts';
import { avenantDiag } from './diag.ts';
import { avenantView } from './document/view.ts';
import type { SourcedAvenant } from './types.ts';
import type { Versions } from './versions.ts';

const fin = (c: Contract) => endOfPeriod(c.dates.effet, c.dates.duree_ans);

/** An avenant signed after the end of the contract it amends (as it stands before it) is refused. */
export function signedAfterEnd(before: Contract, src: SourcedAvenant): Diagnostic[] {
  const a = src.avenant;
  const end = fin(before);
  const late = [
    { date: a.date, rel: ['date'] },
    { date: a.signature?.date, rel: ['signature', 'date'] },
  ].find((d) => d.date !== undefined && d.date > end);
  if (!late) return [];
  return [
    avenantDiag(src, `signé le ${formatDate(late.date!)}, après la fin du contrat (${formatDate(end)}) : un contrat échu ne peut plus être modifié par avenant`, {
      rel: late.rel,
      code: 'AVENANT-DATE',
    }),
  ];
}

/** Warnings on the approvals of each avenant of a sequence. */
export function avenantApprovals(model: Model, v: Versions): Diagnostic[] {
  const out: Diagnostic[] = [];
  v.avenants.forEach((src, i) => {
    const a = src.avenant;
    const view = avenantView(v.versions[i + 1]!.contract, a);
    // The model's rules on opinions, run on the avenant's opinions.
    const onAvis = checkContract(model, view).filter((d) => d.dataPath?.startsWith('avis.'));
    const seen = new Set(onAvis.map((d) => d.dataPath));
    for (const d of onAvis) {
      out.push({ ...avenantDiag(src, d.message, { rel: parseDataPath(d.dataPath!), code: d.code, severity: d.severity }), ...(d.source ? { source: d.source } : {}) });
    }
    for (const r of model.manifest.avenants.requis) {
      const path = parseDataPath(r.donnee);
      const value = path.reduce<unknown>((x, k) => (x && typeof x === 'object' ? (x as Record<string, unknown>)[k] : undefined), a);
      if (value !== undefined || seen.has(r.donnee)) continue;
      out.push({
        ...avenantDiag(src, `règle « ${r.regle} » non respectée : aucune date « ${r.donnee} » dans l’avenant`, { rel: path, code: 'AVENANT-INSTANCE', severity: 'avertissement' }),
        source: r.source,
      });
    }
  });
  return out;
}

/** A warning when a --date falls outside the contract's period: the version shown was not (or no longer) in force. */
export function dateOutsidePeriod(v: Versions, date: string): Diagnostic | undefined {
  const base = v.versions[0]!.contract;
  const last = v.versions[v.versions.length - 1]!.contract;
  const warn = (message: string): Diagnostic => ({ severity: 'avertissement', code: 'AVENANT-SELECTION', message });
  if (date < base.dates.effet) {
    return warn(`--date ${formatDate(date)} : avant la prise d’effet du contrat (${formatDate(base.dates.effet)}) ; la version produite est le contrat initial, qui n’était pas encore en vigueur à cette date`);
  }
  if (date > fin(last)) {
    return warn(`--date ${formatDate(date)} : après la fin du contrat (${formatDate(fin(last))}, avenants compris) ; la version produite est la dernière, qui n’est plus en vigueur à cette date`);
  }
  return undefined;
}
