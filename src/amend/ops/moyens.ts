// Reconnaissances contractuelles (by RC number) and autorisations (by ARHGOS number): add,
// modify, remove. An engagement still citing a removed item is refused on the avenant's result
// (together.ts), so that removing the engagement in the same avenant works in any order.
import type { Autorisation, Reconnaissance } from '../../model/contract.ts';
import type { OperationOf } from '../../model/avenant.ts';
import type { z } from 'zod';
import { keyOf } from '../keys.ts';
import { findOne, type OpEnv } from './env.ts';

type Rc = z.output<typeof Reconnaissance>;
type Aut = z.output<typeof Autorisation>;

function findRc(env: OpEnv, numero: number): number | undefined {
  return findOne(env, env.state.reconnaissances, (r) => r.numero === numero, `la reconnaissance contractuelle n° ${numero}`, ['numero'], () =>
    env.state.reconnaissances.map((r) => r.numero),
  );
}

function findAut(env: OpEnv, arhgos: string): number | undefined {
  return findOne(
    env,
    env.state.autorisations,
    (a) => a.arhgos === arhgos,
    `l’autorisation n° ARHGOS « ${arhgos} »`,
    ['arhgos'],
    () => env.state.autorisations.map((a) => a.arhgos),
    arhgos,
  );
}

export function ajouterReconnaissance(env: OpEnv, op: OperationOf<'ajouter_reconnaissance'>): void {
  const n = op.reconnaissance.numero;
  if (env.state.reconnaissances.some((r) => r.numero === n)) {
    env.error(`la reconnaissance contractuelle n° ${n} existe déjà ; pour la changer, utilisez « modifier_reconnaissance »`, ['reconnaissance', 'numero'], 'AVENANT-DOUBLON');
    return;
  }
  env.state.reconnaissances.push(structuredClone(op.reconnaissance));
  env.record(keyOf.reconnaissance(n), 'ajout');
}

export function modifierReconnaissance(env: OpEnv, op: OperationOf<'modifier_reconnaissance'>): void {
  const i = findRc(env, op.numero);
  if (i === undefined) return;
  env.state.reconnaissances[i] = { ...env.state.reconnaissances[i]!, ...structuredClone(op.modifications) } as Rc;
  env.record(keyOf.reconnaissance(op.numero), 'modification');
}

export function supprimerReconnaissance(env: OpEnv, op: OperationOf<'supprimer_reconnaissance'>): void {
  const i = findRc(env, op.numero);
  if (i === undefined) return;
  env.state.reconnaissances.splice(i, 1);
  env.record(keyOf.reconnaissance(op.numero), 'suppression');
}

export function ajouterAutorisation(env: OpEnv, op: OperationOf<'ajouter_autorisation'>): void {
  const a = op.autorisation.arhgos;
  if (env.state.autorisations.some((x) => x.arhgos === a)) {
    env.error(`l’autorisation n° ARHGOS « ${a} » existe déjà ; pour la changer, utilisez « modifier_autorisation »`, ['autorisation', 'arhgos'], 'AVENANT-DOUBLON');
    return;
  }
  env.state.autorisations.push(structuredClone(op.autorisation));
  env.record(keyOf.autorisation(a), 'ajout');
}

export function modifierAutorisation(env: OpEnv, op: OperationOf<'modifier_autorisation'>): void {
  const i = findAut(env, op.arhgos);
  if (i === undefined) return;
  env.state.autorisations[i] = { ...env.state.autorisations[i]!, ...structuredClone(op.modifications) } as Aut;
  env.record(keyOf.autorisation(op.arhgos), 'modification');
}

export function supprimerAutorisation(env: OpEnv, op: OperationOf<'supprimer_autorisation'>): void {
  const i = findAut(env, op.arhgos);
  if (i === undefined) return;
  env.state.autorisations.splice(i, 1);
  env.record(keyOf.autorisation(op.arhgos), 'suppression');
}
