// Every version of a contract: version 0 is the base, version k the base with avenants 1..k.
// Built one avenant at a time (which the property tests prove equal to applying 1..k at once),
// so documents for several versions cost one application per avenant.
import { fail, ok, type Diagnostic, type Result } from '../diagnostics/diagnostic.ts';
import type { Contract } from '../model/contract.ts';
import { applyAvenants, version0 } from './apply.ts';
import { checkSequence } from './sequence.ts';
import { toSourced, type AmendedContract, type ApplyOptions, type AvenantEntry, type SourcedAvenant } from './types.ts';

export interface Versions {
  /** versions[k]: after avenants 1..k. */
  readonly versions: readonly AmendedContract[];
  /** The avenants, sorted by number: avenants[k - 1] is avenant n° k. */
  readonly avenants: readonly SourcedAvenant[];
  readonly warnings: readonly Diagnostic[];
}

export function allVersions(base: Contract, entries: readonly AvenantEntry[], opts: Pick<ApplyOptions, 'verifier' | 'duree' | 'prorogation' | 'nommer'> = {}): Result<Versions> {
  const start = version0(base);
  const seq = checkSequence(start, entries.map(toSourced));
  if (seq.diagnostics.length > 0) return fail(seq.diagnostics);
  const first = applyAvenants(base, [], opts);
  if (!first.ok) return first;
  const versions: AmendedContract[] = [first.value];
  const warnings: Diagnostic[] = [...first.warnings];
  for (const a of seq.sorted) {
    const r = applyAvenants(versions[versions.length - 1]!, [a], opts);
    if (!r.ok) return r;
    warnings.push(...r.warnings);
    versions.push(r.value);
  }
  return ok({ versions, avenants: seq.sorted, warnings }, warnings);
}
