// The contract as an avenant's own pages show it, and as the avenant's approvals are checked:
// the amended contract, signed at the avenant's place and date, with the avenant's opinions.
import type { Avenant } from '../../model/avenant.ts';
import type { Contract } from '../../model/contract.ts';

export function avenantView(after: Contract, a: Avenant): Contract {
  const s = a.signature;
  // The avenant's own signatories (signature.ars / delegation / titulaire) sign it; the
  // contract's stay unchanged: only a « changer_signataire » operation changes them.
  const ars = s?.ars || s?.delegation ? { ...after.ars, signataire: s.ars ?? after.ars.signataire, delegation: s.delegation } : after.ars;
  const titulaire = s?.titulaire ? { ...after.titulaire, representant: s.titulaire } : after.titulaire;
  // Keys stay present (undefined): the evaluator binds the contract's own keys as variables.
  return {
    ...after,
    ars,
    titulaire,
    contrat_precedent: undefined,
    avis: a.avis,
    dates: { ...after.dates, signature: s ? { lieu: s.lieu, date: s.date } : undefined },
  };
}
