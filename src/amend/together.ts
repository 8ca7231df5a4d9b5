// An avenant takes effect as a whole: its articles are signed together, and the order in which
// they are written carries no meaning. Operations whose targets overlap are refused beforehand
// (conflicts.ts); the others commute except for where additions land in a list, so they are
// applied in one canonical order (by the identity of what they touch), and every rule that
// relates several elements (an RC still cited, a duration renegotiated while a public-service
// mission remains) is checked once on the result, never on an intermediate state.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { Contract } from '../model/contract.ts';
import type { Operation } from '../model/avenant.ts';
import { avenantDiag } from './diag.ts';
import type { Key } from './keys.ts';
import { stableJson, quoteList } from './ops/env.ts';
import { DUREE_MSP } from './ops/duree.ts';
import { touches } from './operations/index.ts';
import type { SourcedAvenant } from './types.ts';

const NUM = /^\d+$/;

/** Segment by segment; numbers as numbers (engagement 9 before 10), text by code point. */
function compareKeys(a: Key, b: Key): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a[i]!;
    const y = b[i]!;
    if (x === y) continue;
    if (NUM.test(x) && NUM.test(y)) return Number(x) - Number(y);
    return x < y ? -1 : 1;
  }
  return a.length - b.length;
}

function compareKeyLists(a: readonly Key[], b: readonly Key[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareKeys(a[i]!, b[i]!);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

/**
 * Indexes of the operations in the order they are applied: by the identities they touch, then
 * by their content. It depends on the set of operations only, not on the order of writing.
 */
export function canonicalOrder(ops: readonly Operation[], before: Contract): number[] {
  const keys = ops.map((op) => touches(op, before));
  const text = ops.map((op) => stableJson(op));
  return ops
    .map((_, i) => i)
    .sort((i, j) => compareKeyLists(keys[i]!, keys[j]!) || (text[i]! < text[j]! ? -1 : text[i]! > text[j]! ? 1 : 0) || i - j);
}

/**
 * Rules between elements, checked on the contract once every operation has taken effect, and
 * held against the operation that asked for the change: a removed RC or authorisation must no
 * longer be cited by any engagement, a renegotiated duration needs every mission gone.
 */
export function checkTogether(src: SourcedAvenant, after: Contract): Diagnostic[] {
  const out: Diagnostic[] = [];
  const citing = (has: (e: Contract['engagements'][number]) => boolean) => after.engagements.filter(has).map((e) => e.numero);
  /** @message What still cites an element, in a refusal message. */
  const still = (nums: number[]) =>
    `${nums.length > 1 ? 'les engagements' : 'l’engagement'} ${quoteList(nums)} : modifiez ou supprimez ${nums.length > 1 ? 'ces engagements' : 'cet engagement'} dans le même avenant`;
  src.avenant.operations.forEach((op, i) => {
    if (op.type === 'supprimer_reconnaissance') {
      const nums = citing((e) => e.reconnaissances?.includes(op.numero) === true);
      if (nums.length > 0) {
        out.push(
          avenantDiag(src, `la reconnaissance contractuelle n° ${op.numero} est encore citée par ${still(nums)}`, {
            op: i,
            rel: ['numero'],
            code: 'AVENANT-REFERENCE-PENDANTE',
          }),
        );
      }
    } else if (op.type === 'supprimer_autorisation') {
      const nums = citing((e) => e.autorisations?.includes(op.arhgos) === true);
      if (nums.length > 0) {
        out.push(
          avenantDiag(src, `l’autorisation n° ARHGOS « ${op.arhgos} » est encore citée par ${still(nums)}`, {
            op: i,
            rel: ['arhgos'],
            code: 'AVENANT-REFERENCE-PENDANTE',
          }),
        );
      }
    } else if (op.type === 'retirer_mission_service_public' && op.duree_ans !== undefined) {
      const left = after.missions_service_public.length;
      if (left > 0) {
        out.push(
          avenantDiag(
            src,
            `la durée ne peut être renégociée tant que le contrat comporte des missions de service public (encore ${left} après cet avenant) : elle reste de ${DUREE_MSP} ans`,
            { op: i, rel: ['duree_ans'], code: 'AVENANT-DUREE' },
          ),
        );
      }
    }
  });
  return out;
}
