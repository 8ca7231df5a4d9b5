// Permanence des soins (the complete new list of lines: the PDS organisation is amended as a
// whole, OCC L791-793) and change of a signatory (ARS director or legal representative).
import type { OperationOf } from '../../model/avenant.ts';
import { keyOf } from '../keys.ts';
import { sameData, type OpEnv } from './env.ts';

type Ligne = OperationOf<'modifier_permanence_soins'>['lignes'][number];
const idOf = (l: Ligne) => keyOf.lignePds(l.finess_et, l.specialite, l.type_ligne);
const idStr = (l: Ligne) => idOf(l).join('\u0000');

export function modifierPermanenceSoins(env: OpEnv, op: OperationOf<'modifier_permanence_soins'>): void {
  const seen = new Set<string>();
  let ok = true;
  op.lignes.forEach((l, j) => {
    if (seen.has(idStr(l))) {
      env.error(`la ligne « ${l.specialite} » (${l.type_ligne}) du site ${l.finess_et} figure deux fois`, ['lignes', j], 'AVENANT-DOUBLON');
      ok = false;
    }
    seen.add(idStr(l));
  });
  if (!ok) return;
  const old = env.state.permanence_soins;
  const fresh = structuredClone(op.lignes);
  env.state.permanence_soins = fresh;
  env.record(keyOf.permanenceSoins(), 'modification');
  for (const o of old) if (!fresh.some((f) => idStr(f) === idStr(o))) env.record(idOf(o), 'suppression');
  for (const f of fresh) {
    const o = old.find((x) => idStr(x) === idStr(f));
    if (!o) env.record(idOf(f), 'ajout');
    else if (!sameData(o, f)) env.record(idOf(f), 'modification');
  }
}

export function changerSignataire(env: OpEnv, op: OperationOf<'changer_signataire'>): void {
  if (op.partie === 'titulaire') {
    if (op.delegation !== undefined) {
      env.error('la délégation de signature ne concerne que le signataire de l’agence (partie « ars »)', ['delegation'], 'AVENANT-SIGNATAIRE');
      return;
    }
    if (op.decret_nomination !== undefined) {
      env.error('le décret de nomination ne concerne que le directeur général de l’agence (partie « ars »)', ['decret_nomination'], 'AVENANT-SIGNATAIRE');
      return;
    }
    env.state.titulaire.representant = structuredClone(op.personne);
  } else {
    const old = env.state.ars.signataire;
    const same = old.prenom === op.personne.prenom && old.nom === op.personne.nom;
    env.state.ars.signataire = structuredClone(op.personne);
    // The visa of the nomination decree follows the director: a new one brings theirs (or none).
    if (op.decret_nomination !== undefined) env.state.ars.decret_nomination = op.decret_nomination;
    else if (!same) delete env.state.ars.decret_nomination;
    // A new signatory signs in their own capacity unless the avenant states a delegation.
    if (op.delegation === undefined) delete env.state.ars.delegation;
    else env.state.ars.delegation = op.delegation;
  }
  env.record(keyOf.signataire(op.partie), 'modification');
}
