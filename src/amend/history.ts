// Provenance across versions: who last changed each element, keyed by element identity. An
// identifier names one element only for as long as it lives: when an element is removed, what
// was recorded about its parts goes with it (a target of a removed engagement is not an element
// of the contract any more), and when a later avenant gives the same identifier to a new
// element, the old element's removal is kept apart (Retired) and the reuse is warned, so the
// new element inherits nothing from the old one (no "[modifié par l'avenant n° 1]" on a
// target the new engagement only just received).
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { avenantDiag } from './diag.ts';
import { keyString, overlaps, parseKeyString, type Key } from './keys.ts';
import type { AmendedContract, Nature, Retired, SourcedAvenant, Trace } from './types.ts';

/** A provenance record made while applying one operation (0-based index in the avenant). */
export interface Recorded {
  readonly key: Key;
  readonly nature: Nature;
  readonly op: number;
}

export interface NextHistory {
  readonly provenance: Record<string, Trace>;
  readonly retired: Retired[];
  readonly warnings: Diagnostic[];
}

/** Drops what is recorded about the parts of `k` (not `k` itself), keeping only what `keep` says. */
function dropParts(p: Record<string, Trace>, k: Key, keep: (t: Trace) => boolean): void {
  for (const s of Object.keys(p)) {
    const sk = parseKeyString(s);
    if (sk.length > k.length && overlaps(sk, k) && !keep(p[s]!)) delete p[s];
  }
}

export function nextHistory(prev: AmendedContract, src: SourcedAvenant, records: readonly Recorded[]): NextHistory {
  const n = src.avenant.numero;
  const provenance: Record<string, Trace> = { ...prev.provenance };
  const retired: Retired[] = [...prev.retired];
  const warnings: Diagnostic[] = [];
  for (const r of records) {
    const ks = keyString(r.key);
    if (r.nature === 'suppression') {
      dropParts(provenance, r.key, () => false);
    } else if (r.nature === 'ajout') {
      const old = provenance[ks];
      if (old && old.nature === 'suppression' && old.avenant < n) {
        retired.push({ key: ks, trace: old });
        delete provenance[ks];
        if (r.key[0] === 'engagements' && r.key.length === 2) {
          const message = `le numéro ${r.key[1]} était celui de l’engagement supprimé par l’avenant n° ${old.avenant} : le nouvel engagement n° ${r.key[1]} est un autre engagement, son historique commence à cet avenant (préférez un numéro encore jamais utilisé)`;
          warnings.push(avenantDiag(src, message, { op: r.op, rel: numeroPath(src, r.op, r.key[1]!), code: 'AVENANT-NUMERO-REUTILISE', severity: 'avertissement' }));
        }
      }
      // Anything recorded before under this identifier belonged to another element.
      dropParts(provenance, r.key, (t) => t.avenant === n);
    }
    provenance[ks] = { avenant: n, nature: r.nature };
  }
  return { provenance, retired, warnings };
}

/** Where the reused number is written in the operation that adds the engagement. */
function numeroPath(src: SourcedAvenant, op: number, numero: string): (string | number)[] {
  const o = src.avenant.operations[op];
  if (o?.type === 'remplacer_annexe') {
    const j = o.engagements.findIndex((e) => String(e.numero) === numero);
    return j < 0 ? [] : ['engagements', j, 'numero'];
  }
  return o?.type === 'ajouter_engagement' ? ['engagement', 'numero'] : [];
}
