// Re-validation of an amended contract: the contract schema, cross-references between
// engagements and the authorisations / RC they cite, and the model's rules (checkContract,
// passed in by the caller). Diagnostics are compared by identity (code + element identity, not
// list positions, which shift when elements are added) so that only what an avenant introduces
// is held against it.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { ContractSchema, type Contract } from '../model/contract.ts';
import { formatDataPath, parseDataPath } from '../diagnostics/path.ts';
import { issueDiagnostics, safeParseFr } from '../model/messages.ts';
import { keyOfContractPath, keyString } from './keys.ts';

export type Verifier = (c: Contract) => readonly Diagnostic[];

/** Schema errors as diagnostics with contract data paths. */
export function schemaDiagnostics(c: Contract): { value?: Contract; diagnostics: Diagnostic[] } {
  const r = safeParseFr(ContractSchema, c);
  if (r.success) return { value: r.data, diagnostics: [] };
  return { diagnostics: r.error.issues.flatMap((iss) => issueDiagnostics(iss, { schema: ContractSchema, data: c, code: 'DONNEES-CONTRAT' })) };
}

/** Engagements citing an authorisation or an RC the contract does not hold. */
export function referenceDiagnostics(c: Contract): Diagnostic[] {
  const out: Diagnostic[] = [];
  const arhgos = new Set(c.autorisations.map((a) => a.arhgos));
  const rc = new Set(c.reconnaissances.map((r) => r.numero));
  c.engagements.forEach((e, i) => {
    e.autorisations?.forEach((a, j) => {
      if (!arhgos.has(a)) {
        out.push({
          severity: 'erreur',
          code: 'AVENANT-REFERENCE-PENDANTE',
          message: `l’engagement n° ${e.numero} cite l’autorisation n° ARHGOS « ${a} », absente du contrat`,
          dataPath: formatDataPath(['engagements', i, 'autorisations', j]),
        });
      }
    });
    e.reconnaissances?.forEach((n, j) => {
      if (!rc.has(n)) {
        out.push({
          severity: 'erreur',
          code: 'AVENANT-REFERENCE-PENDANTE',
          message: `l’engagement n° ${e.numero} cite la reconnaissance contractuelle n° ${n}, absente du contrat`,
          dataPath: formatDataPath(['engagements', i, 'reconnaissances', j]),
        });
      }
    });
  });
  return out;
}

/** Everything that is checked on a contract, schema first (rules assume a well-typed contract). */
export function checkAll(c: Contract, verifier?: Verifier): { value?: Contract; diagnostics: Diagnostic[] } {
  const s = schemaDiagnostics(c);
  if (!s.value) return s;
  return { value: s.value, diagnostics: [...referenceDiagnostics(s.value), ...(verifier ? verifier(s.value) : [])] };
}

/**
 * Identity of a diagnostic on a given contract: its code and the identity of the element it
 * points to. Messages are left out on purpose: "11 engagements" and "12 engagements" are the
 * same broken rule.
 */
export function identity(c: Contract, d: Diagnostic): string {
  const where = d.dataPath === undefined ? '' : keyString(keyOfContractPath(c, parseDataPath(d.dataPath)));
  return `${d.severity}\u0000${d.code}\u0000${where}`;
}

export function identities(c: Contract, diags: readonly Diagnostic[]): Set<string> {
  return new Set(diags.map((d) => identity(c, d)));
}
