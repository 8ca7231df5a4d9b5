// Financing operations: dotations addressed by nature + libellé, or the whole financing annex
// replaced (an "avenant tarifaire", IDF L490-499; OCC Annexe 5 revisions).
import type { Dotation } from '../../model/contract.ts';
import type { OperationOf } from '../../model/avenant.ts';
import type { z } from 'zod';
import { keyOf } from '../keys.ts';
import { findOne, sameData, type OpEnv } from './env.ts';

type Dot = z.output<typeof Dotation>;
const label = (d: { nature: string; libelle: string }) => `${d.nature} « ${d.libelle} »`;

function findDotation(env: OpEnv, nature: string, libelle: string): number | undefined {
  const list = env.state.financements.dotations;
  return findOne(
    env,
    list,
    (d) => d.nature === nature && d.libelle === libelle,
    `la dotation ${nature} « ${libelle} »`,
    ['libelle'],
    () => list.map(label),
    `${nature} « ${libelle} »`,
  );
}

export function ajouterDotation(env: OpEnv, op: OperationOf<'ajouter_dotation'>): void {
  const d = op.dotation;
  const list = env.state.financements.dotations;
  if (list.some((x) => x.nature === d.nature && x.libelle === d.libelle)) {
    env.error(`la dotation ${label(d)} existe déjà ; pour la changer, utilisez « modifier_dotation »`, ['dotation', 'libelle'], 'AVENANT-DOUBLON');
    return;
  }
  list.push(structuredClone(d));
  env.record(keyOf.dotation(d.nature, d.libelle), 'ajout');
}

export function modifierDotation(env: OpEnv, op: OperationOf<'modifier_dotation'>): void {
  const i = findDotation(env, op.nature, op.libelle);
  if (i === undefined) return;
  const list = env.state.financements.dotations;
  list[i] = { ...list[i]!, ...structuredClone(op.modifications) } as Dot;
  env.record(keyOf.dotation(op.nature, op.libelle), 'modification');
}

export function supprimerDotation(env: OpEnv, op: OperationOf<'supprimer_dotation'>): void {
  const i = findDotation(env, op.nature, op.libelle);
  if (i === undefined) return;
  env.state.financements.dotations.splice(i, 1);
  env.record(keyOf.dotation(op.nature, op.libelle), 'suppression');
}

export function remplacerFinancement(env: OpEnv, op: OperationOf<'remplacer_financement'>): void {
  const old = env.state.financements.dotations;
  const fresh = structuredClone(op.financements);
  const seen = new Set<string>();
  fresh.dotations.forEach((d, j) => {
    const k = `${d.nature}\u0000${d.libelle}`;
    if (seen.has(k)) env.error(`la dotation ${label(d)} figure deux fois`, ['financements', 'dotations', j, 'libelle'], 'AVENANT-DOUBLON');
    seen.add(k);
  });
  env.state.financements = fresh;
  env.record(keyOf.financements(), 'modification');
  for (const o of old) {
    if (!fresh.dotations.some((f) => f.nature === o.nature && f.libelle === o.libelle)) {
      env.record(keyOf.dotation(o.nature, o.libelle), 'suppression');
    }
  }
  for (const f of fresh.dotations) {
    const o = old.find((x) => x.nature === f.nature && x.libelle === f.libelle);
    if (!o) env.record(keyOf.dotation(f.nature, f.libelle), 'ajout');
    else if (!sameData(o, f)) env.record(keyOf.dotation(f.nature, f.libelle), 'modification');
  }
}
