// Applying avenants to a contract: pure and deterministic. Each avenant is applied to a private
// deep copy of the contract as it stands after the previous ones, all its operations together
// (in the canonical order of together.ts, so the order of writing does not matter); the result
// is re-validated once (rules between elements, schema, cross-references, the model's rules)
// and an error an avenant introduces refuses it, naming the operation that introduced it.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { fail, ok, type Result } from '../diagnostics/diagnostic.ts';
import { contractEnd, formatDate } from '../ir/resolve/french.ts';
import type { Contract } from '../model/contract.ts';
import { DUREE_LEGALE, type Duree, type Prorogation } from '../templates/manifest.ts';
import { findConflicts } from './conflicts.ts';
import { avenantDiag } from './diag.ts';
import type { Key } from './keys.ts';
import { nextHistory, type Recorded } from './history.ts';
import { applyOperation } from './operations/index.ts';
import type { OpEnv } from './ops/env.ts';
import { checkAll, identities, identity, type Verifier } from './revalidate.ts';
import { signedAfterEnd } from './rules.ts';
import { checkSequence, selectAvenants } from './sequence.ts';
import { canonicalOrder, checkTogether } from './together.ts';
import {
  toSourced,
  type AmendedContract,
  type ApplyOptions,
  type AvenantEntry,
  type Nature,
  type SourcedAvenant,
} from './types.ts';

export function isAmended(x: Contract | AmendedContract): x is AmendedContract {
  return (x as AmendedContract).type === 'contratConsolide';
}

/** The base contract seen as "version 0": no avenant applied. */
export function version0(c: Contract): AmendedContract {
  return { type: 'contratConsolide', contract: c, history: [], provenance: {}, retired: [] };
}

/**
 * Applies avenants in number order to a contract (or to an already consolidated contract, the
 * numbering then continuing from it). Options select a prefix: avenants 1..k, or those in effect
 * at a date. Every avenant given is checked for the sequence rules, even when not applied.
 */
export function applyAvenants(
  base: Contract | AmendedContract,
  avenants: readonly AvenantEntry[],
  opts: ApplyOptions = {},
): Result<AmendedContract> {
  const start = isAmended(base) ? base : version0(base);
  const seq = checkSequence(start, avenants.map(toSourced));
  if (seq.diagnostics.length > 0) return fail(seq.diagnostics);
  const sel = selectAvenants(start, seq.sorted, opts);
  if (sel.diagnostics.length > 0) return fail(sel.diagnostics);

  const baseCheck = checkAll(start.contract, opts.verifier);
  let known = identities(start.contract, baseCheck.diagnostics);
  let state = start;
  const warnings: Diagnostic[] = [];
  for (const src of sel.selected) {
    const step = applyOne(state, src, known, opts.verifier, opts.duree ?? DUREE_LEGALE, opts.prorogation, opts.nommer);
    if (!step.ok) return fail(step.diagnostics);
    warnings.push(...step.warnings);
    state = step.value.state;
    known = step.value.known;
  }
  return ok(state, warnings);
}

interface Step {
  readonly state: AmendedContract;
  readonly known: Set<string>;
}

/**
 * Runs the first `upTo` operations of `order` on a copy of `c`; diagnostics go to `onError`,
 * provenance to `onRecord` (with the operation's index as written in the file).
 */
function run(
  c: Contract,
  src: SourcedAvenant,
  order: readonly number[],
  upTo: number,
  onError: (d: Diagnostic) => void,
  onRecord: (k: Key, n: Nature, op: number) => void,
  duree: Duree,
  prorogation?: Prorogation,
): Contract {
  const draft = structuredClone(c);
  const ops = src.avenant.operations;
  for (const i of order.slice(0, upTo)) {
    const env: OpEnv = {
      state: draft,
      duree,
      error: (message, rel, code, hints) =>
        onError(avenantDiag(src, message, { op: i, rel: rel ?? [], code: code ?? 'AVENANT-OPERATION', hints: hints ?? [] })),
      record: (k, n) => onRecord(k, n, i),
      prorogation,
    };
    applyOperation(env, ops[i]!, src.avenant.effet);
  }
  return draft;
}

function applyOne(
  prev: AmendedContract,
  src: SourcedAvenant,
  known: Set<string>,
  verifier: Verifier | undefined,
  duree: Duree,
  prorogation: Prorogation | undefined,
  nommer: ApplyOptions['nommer'],
): Result<Step> {
  const a = src.avenant;
  const before = prev.contract;
  const fin = contractEnd(before.dates);
  if (a.effet > fin) {
    return fail([
      avenantDiag(src, `la date d’effet (${formatDate(a.effet)}) est postérieure à la fin du contrat (${formatDate(fin)})`, {
        rel: ['effet'],
        code: 'AVENANT-DATE',
      }),
    ]);
  }
  const late = signedAfterEnd(before, src);
  if (late.length > 0) return fail(late);
  const conflicts = findConflicts(src, before, nommer);
  if (conflicts.length > 0) return fail(conflicts);

  const errors: Diagnostic[] = [];
  const records: Recorded[] = [];
  const order = canonicalOrder(a.operations, before);
  const after = run(before, src, order, order.length, (d) => errors.push(d), (key, nature, op) => records.push({ key, nature, op }), duree, prorogation);
  if (errors.length > 0) return fail(errors.sort(byOperation));
  const together = checkTogether(src, after);
  if (together.length > 0) return fail(together);

  const check = checkAll(after, verifier);
  const fresh = check.diagnostics.filter((d) => !known.has(identity(after, d)));
  const freshErrors = fresh.filter((d) => d.severity === 'erreur');
  if (!check.value || freshErrors.length > 0) {
    const blame = check.value ? freshErrors : check.diagnostics.filter((d) => d.severity === 'erreur');
    return fail(attribute(before, src, order, blame, verifier, duree, prorogation));
  }
  const next = nextHistory(prev, src, records);
  const warnings = fresh.map((d) => ({ ...d, message: `${src.file ? `avenant n° ${a.numero} (${src.file})` : `avenant n° ${a.numero}`} : ${d.message}` }));
  return ok(
    {
      state: {
        type: 'contratConsolide',
        contract: check.value,
        history: [...prev.history, { numero: a.numero, date: a.date, effet: a.effet, objet: a.objet }],
        provenance: next.provenance,
        retired: next.retired,
      },
      known: identities(check.value, check.diagnostics),
    },
    [...next.warnings, ...warnings],
  );
}

/** Errors in the order of the file's operations, whatever the order they were applied in. */
function byOperation(x: Diagnostic, y: Diagnostic): number {
  const op = (d: Diagnostic) => Number(/^operations\[(\d+)\]/.exec(d.dataPath ?? '')?.[1] ?? -1);
  return op(x) - op(y);
}

/**
 * Names the operation that introduced each error: replays the avenant one operation at a time
 * (in the order it is applied) and blames the operation after which the error appears and
 * stays (an earlier, transient violation such as "add the 11th, then remove one" is not an
 * error of the avenant).
 */
function attribute(
  before: Contract,
  src: SourcedAvenant,
  order: readonly number[],
  errs: readonly Diagnostic[],
  verifier: Verifier | undefined,
  duree: Duree,
  prorogation: Prorogation | undefined,
): Diagnostic[] {
  const n = order.length;
  const present: Array<Set<string>> = [];
  for (let t = 1; t <= n; t++) {
    const s = run(before, src, order, t, () => {}, () => {}, duree, prorogation);
    const c = checkAll(s, verifier);
    present[t] = identities(s, c.diagnostics);
  }
  const final = run(before, src, order, n, () => {}, () => {}, duree, prorogation);
  return errs.map((d) => {
    const id = identity(final, d);
    let m = n;
    while (m > 1 && present[m - 1]!.has(id)) m--;
    /** @message the data path, in the message below. */
    const path = d.dataPath ? ` (donnée du contrat : ${d.dataPath})` : '';
    return avenantDiag(src, `le contrat modifié ne respecte plus la règle : ${d.message}${path}`, {
      op: order[m - 1]!,
      code: d.code,
      ...(d.hints ? { hints: d.hints } : {}),
    });
  });
}
