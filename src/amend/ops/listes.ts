// Parts of the contract without a stable identifier per item, amended as a whole (like the PDS
// lines): the coopérations, the strategic orientations, the contractual commitments outside the
// CPOM (DGOS, annexe 11); the penalties clause; and the replacement of any annex document of the
// model, attached to the avenant in its amended version. Each operation keeps its pieces
// together: application, then the elements it touches, then (for documents) the model check.
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { OperationOf } from '../../model/avenant.ts';
import type { Model } from '../../templates/load.ts';
import { avenantDiag } from '../diag.ts';
import { keyOf } from '../keys.ts';
import type { SourcedAvenant } from '../types.ts';
import { closest, quoteList, sameData, stableJson, type OpEnv } from './env.ts';

type Liste = 'cooperations' | 'orientations' | 'engagements_hors_cpom';

/**
 * Replaces a whole list; an item written twice is refused (it would print twice).
 * @message `what` names an item in that refusal.
 */
function remplacerListe<T>(env: OpEnv, champ: Liste, fresh: readonly T[], what: (x: T) => string): void {
  const seen = new Set<string>();
  let ok = true;
  fresh.forEach((x, j) => {
    const k = stableJson(x);
    if (seen.has(k)) {
      env.error(`${what(x)} figure deux fois`, [champ, j], 'AVENANT-DOUBLON');
      ok = false;
    }
    seen.add(k);
  });
  if (!ok) return;
  if (sameData(env.state[champ], fresh)) {
    env.error('la liste donnée est identique à celle du contrat : l’opération serait sans effet', [champ], 'AVENANT-SANS-EFFET');
    return;
  }
  (env.state as Record<Liste, unknown>)[champ] = structuredClone(fresh);
  env.record(keyOf.liste(champ), 'modification');
}

// remplacer_cooperations ---------------------------------------------------------------------

export function remplacerCooperations(env: OpEnv, op: OperationOf<'remplacer_cooperations'>): void {
  remplacerListe(env, 'cooperations', op.cooperations, (c) => `la coopération « ${c.objectif_operationnel} »`);
}

// remplacer_orientations ---------------------------------------------------------------------

export function remplacerOrientations(env: OpEnv, op: OperationOf<'remplacer_orientations'>): void {
  remplacerListe(env, 'orientations', op.orientations, (o) => `l’orientation « ${o} »`);
}

// remplacer_engagements_hors_cpom ------------------------------------------------------------

export function remplacerHorsCpom(env: OpEnv, op: OperationOf<'remplacer_engagements_hors_cpom'>): void {
  remplacerListe(env, 'engagements_hors_cpom', op.engagements_hors_cpom, (e) => `l’engagement hors CPOM « ${e.type} »`);
}

// modifier_penalites -------------------------------------------------------------------------

export function modifierPenalites(env: OpEnv, op: OperationOf<'modifier_penalites'>): void {
  const cur = env.state.penalites;
  if (op.penalites === null) {
    if (cur === undefined) {
      env.error('le contrat ne prévoit pas de régime de pénalités à supprimer', ['penalites'], 'AVENANT-CIBLE-INCONNUE');
      return;
    }
    delete env.state.penalites;
    env.record(keyOf.liste('penalites'), 'suppression');
    return;
  }
  if (op.penalites === cur) {
    env.error('le régime de pénalités donné est identique à celui du contrat : l’opération serait sans effet', ['penalites'], 'AVENANT-SANS-EFFET');
    return;
  }
  env.state.penalites = op.penalites;
  env.record(keyOf.liste('penalites'), cur === undefined ? 'ajout' : 'modification');
}

// remplacer_document -------------------------------------------------------------------------

/** The document changes in the avenant's pages only: its data is amended by other operations. */
export function remplacerDocument(env: OpEnv, op: OperationOf<'remplacer_document'>): void {
  env.record(keyOf.document(op.document), 'modification');
}

/** The annex documents of a model an avenant may replace: all but the socle, which its articles amend. */
export const replaceableDocuments = (model: Model): string[] => model.manifest.documents.slice(1).map((d) => d.id);

/**
 * Refuses a `remplacer_document` naming none of `ids`: the model's annexes (when the avenants
 * are read) or the annexes the amended contract actually has (when the avenant is written).
 */
export function documentDiagnostics(modelId: string, ids: readonly string[], avenants: readonly SourcedAvenant[]): Diagnostic[] {
  return avenants.flatMap((src) =>
    src.avenant.operations.flatMap((op, i) =>
      op.type === 'remplacer_document' && !ids.includes(op.document)
        ? [
            avenantDiag(src, `le contrat (modèle ${modelId}) n’a pas d’annexe « ${op.document} » (annexes : ${quoteList(ids)})`, {
              op: i,
              rel: ['document'],
              code: 'AVENANT-CIBLE-INCONNUE',
              hints: closest(op.document, ids),
            }),
          ]
        : [],
    ),
  );
}
