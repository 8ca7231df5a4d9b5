// The contract as an avenant's own pages show it, and as the avenant's approvals are checked:
// the amended contract, signed at the avenant's place and date, with the avenant's opinions.
import type { Avenant } from '../../model/avenant.ts';
import type { Contract } from '../../model/contract.ts';

export function avenantView(after: Contract, a: Avenant): Contract {
  // Keys stay present (undefined): the evaluator binds the contract's own keys as variables.
  return {
    ...after,
    contrat_precedent: undefined,
    avis: a.avis,
    dates: { ...after.dates, signature: a.signature },
  };
}
