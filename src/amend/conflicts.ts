// Conflicting operations within one avenant: two operations on the same element (or on an
// element and one of its parts), e.g. modify and delete engagement 3, or change a dotation and
// replace the whole financing. Their combined effect would depend on the order of writing,
// which an avenant's articles do not convey: the avenant is refused and both are named.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Contract } from '../model/contract.ts';
import { avenantDiag } from './diag.ts';
import { keyLabel, overlaps, type Key } from './keys.ts';
import { touches } from './operations/index.ts';
import type { ApplyOptions, SourcedAvenant } from './types.ts';

export function findConflicts(src: SourcedAvenant, before: Contract, nommer?: ApplyOptions['nommer']): Diagnostic[] {
  const ops = src.avenant.operations;
  const keys: Key[][] = ops.map((op) => touches(op, before));
  const out: Diagnostic[] = [];
  for (let j = 1; j < ops.length; j++) {
    for (let i = 0; i < j; i++) {
      const hit = firstOverlap(keys[i]!, keys[j]!);
      if (!hit) continue;
      const [a, b] = hit;
      // Name the broader of the two elements: the engagement rather than one of its fields.
      const k = a.length <= b.length ? a : b;
      const what = nommer?.(k, before) ?? `l’élément « ${keyLabel(k)} »`;
      out.push(
        avenantDiag(src, `opérations contradictoires : l’opération ${i + 1} « ${ops[i]!.type} » et celle-ci portent toutes deux sur ${what} ; regroupez ces modifications en une seule opération`, {
          op: j,
          code: 'AVENANT-CONFLIT',
        }),
      );
      break;
    }
  }
  return out;
}

function firstOverlap(a: readonly Key[], b: readonly Key[]): [Key, Key] | undefined {
  for (const x of a) for (const y of b) if (overlaps(x, y)) return [x, y];
  return undefined;
}
