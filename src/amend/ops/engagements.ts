// Engagement operations: add, modify, remove one engagement, or replace a whole annex (the
// complete new list of the engagements it carries, BR-AV-3).
import { YEAR_KEYS, type Engagement } from '../../model/contract.ts';
import type { OperationOf } from '../../model/avenant.ts';
import { keyOf } from '../keys.ts';
import { findOne, sameData, type OpEnv } from './env.ts';

/**
 * Records the targets an engagement-level change altered (indicators replaced wholesale), so
 * the consolidated version marks each changed cell with the avenant that last set it.
 */
export function recordTargetChanges(env: OpEnv, before: Engagement | undefined, after: Engagement): void {
  for (const ind of after.indicateurs) {
    const old = before?.indicateurs.find((i) => i.libelle === ind.libelle);
    for (const y of YEAR_KEYS) {
      const a = old?.cibles[y];
      const b = ind.cibles[y];
      if (a === b || b === undefined) continue;
      env.record(keyOf.cible(after.numero, ind.libelle, y), a === undefined ? 'ajout' : 'modification');
    }
  }
}

export function findEngagement(env: OpEnv, numero: number, rel: readonly (string | number)[]): number | undefined {
  return findOne(
    env,
    env.state.engagements,
    (e) => e.numero === numero,
    `l’engagement n° ${numero}`,
    rel,
    () => env.state.engagements.map((e) => e.numero),
  );
}

export function ajouterEngagement(env: OpEnv, op: OperationOf<'ajouter_engagement'>): void {
  const n = op.engagement.numero;
  if (env.state.engagements.some((e) => e.numero === n)) {
    env.error(`l’engagement n° ${n} existe déjà ; pour le changer, utilisez « modifier_engagement »`, ['engagement', 'numero'], 'AVENANT-DOUBLON');
    return;
  }
  env.state.engagements.push(structuredClone(op.engagement));
  env.record(keyOf.engagement(n), 'ajout');
}

export function modifierEngagement(env: OpEnv, op: OperationOf<'modifier_engagement'>): void {
  const i = findEngagement(env, op.numero, ['numero']);
  if (i === undefined) return;
  const before = env.state.engagements[i]!;
  const after = { ...before, ...structuredClone(op.modifications) } as Engagement;
  env.state.engagements[i] = after;
  env.record(keyOf.engagement(op.numero), 'modification');
  if (op.modifications.indicateurs) recordTargetChanges(env, before, after);
}

export function supprimerEngagement(env: OpEnv, op: OperationOf<'supprimer_engagement'>): void {
  const i = findEngagement(env, op.numero, ['numero']);
  if (i === undefined) return;
  env.state.engagements.splice(i, 1);
  env.record(keyOf.engagement(op.numero), 'suppression');
}

/**
 * Replaces the engagements of one annex. The new ones take the place of the first old one (or
 * go last when the annex was empty), so the other annexes keep their order. Provenance marks
 * only what actually changed: an engagement copied over unchanged keeps its earlier history.
 */
export function remplacerAnnexe(env: OpEnv, op: OperationOf<'remplacer_annexe'>): void {
  const code = op.annexe;
  const list = env.state.engagements;
  let ok = true;
  const seen = new Set<number>();
  op.engagements.forEach((e, j) => {
    if (e.annexe !== undefined && e.annexe !== code) {
      env.error(`l’engagement n° ${e.numero} porte l’annexe « ${e.annexe} » alors que l’annexe remplacée est « ${code} »`, ['engagements', j, 'annexe'], 'AVENANT-ANNEXE');
      ok = false;
    }
    if (seen.has(e.numero)) {
      env.error(`le numéro d’engagement ${e.numero} figure deux fois dans l’annexe de remplacement`, ['engagements', j, 'numero'], 'AVENANT-DOUBLON');
      ok = false;
    }
    seen.add(e.numero);
    const other = list.find((x) => x.numero === e.numero && x.annexe !== code);
    if (other) {
      env.error(`le numéro ${e.numero} est déjà celui d’un engagement de l’annexe « ${other.annexe} »`, ['engagements', j, 'numero'], 'AVENANT-DOUBLON');
      ok = false;
    }
  });
  if (!ok) return;
  const old = list.filter((e) => e.annexe === code);
  const fresh: Engagement[] = op.engagements.map((e) => ({ ...structuredClone(e), annexe: code }) as Engagement);
  const first = list.findIndex((e) => e.annexe === code);
  const kept = list.filter((e) => e.annexe !== code);
  const at = first < 0 ? kept.length : list.slice(0, first).filter((e) => e.annexe !== code).length;
  env.state.engagements = [...kept.slice(0, at), ...fresh, ...kept.slice(at)];
  env.record(keyOf.annexe(code), 'modification');
  for (const o of old) {
    if (!fresh.some((f) => f.numero === o.numero)) env.record(keyOf.engagement(o.numero), 'suppression');
  }
  for (const f of fresh) {
    const o = old.find((x) => x.numero === f.numero);
    if (!o) env.record(keyOf.engagement(f.numero), 'ajout');
    else if (!sameData(o, f)) {
      env.record(keyOf.engagement(f.numero), 'modification');
      recordTargetChanges(env, o, f);
    }
  }
}
