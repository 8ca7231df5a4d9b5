// Messages between the campaign's main thread and its workers.
import type { RenderJob, RenderOutcome } from './types.ts';

export interface WorkerData {
  /** URL of a module exporting `render: RenderFn`. */
  readonly renderModule: string;
}

export interface WorkerRequest {
  readonly seq: number;
  readonly job: RenderJob;
}

export interface WorkerReply {
  readonly seq: number;
  readonly outcome: RenderOutcome;
  readonly rss: number;
}

/** An exception escaping a render is a bug: report it on the contract and carry on. */
export function bugOutcome(e: unknown): RenderOutcome {
  // The message only: a stack names machine paths, and the manifest must not vary by machine.
  const why = e instanceof Error ? e.message : String(e);
  return {
    statut: 'erreur',
    fichiers: [],
    avertissements: [],
    erreurs: [{ niveau: 'erreur', code: 'ERREUR-INTERNE', message: `erreur interne du moteur (à signaler) : ${why}` }],
  };
}

/** How a worker thread was lost while it rendered a contract. */
export type WorkerLoss =
  | { readonly kind: 'memoire'; readonly heapMb: number }
  | { readonly kind: 'delai'; readonly seconds: number }
  | { readonly kind: 'exception'; readonly message: string }
  | { readonly kind: 'sortie'; readonly code: number }
  | { readonly kind: 'demarrage'; readonly message: string };

/**
 * The contract's error when its worker is lost. Memory and time are limits the contract hit
 * (too big for the engine: the user can act on it); the others are failures of the engine, to be
 * reported, and --reprendre renders the contract again either way.
 */
export function lossOutcome(loss: WorkerLoss): RenderOutcome {
  const [code, message] = lossMessage(loss);
  return { statut: 'erreur', fichiers: [], avertissements: [], erreurs: [{ niveau: 'erreur', code, message }] };
}

function lossMessage(loss: WorkerLoss): [string, string] {
  switch (loss.kind) {
    case 'memoire':
      return ['RENDU-MEMOIRE', `mémoire épuisée pendant le rendu de ce contrat (${loss.heapMb}\u00A0Mo au plus par processus de rendu) : contrat trop volumineux, réduisez ses listes ou ses textes (voir « Limites » dans le README) ; les autres contrats ne sont pas touchés`];
    case 'delai':
      return ['RENDU-DELAI', `rendu de ce contrat interrompu au bout de ${loss.seconds}\u00A0s : contrat trop volumineux ou défaut du moteur (à signaler) ; les autres contrats ne sont pas touchés`];
    case 'exception':
      return ['RENDU-INTERROMPU', `le processus de rendu de ce contrat s’est arrêté sur une exception (à signaler) : ${loss.message}`];
    case 'sortie':
      return ['RENDU-INTERROMPU', `le processus de rendu de ce contrat s’est arrêté (code de sortie ${loss.code}) ; à signaler`];
    case 'demarrage':
      return ['RENDU-DEMARRAGE', `les processus de rendu ne démarrent pas (à signaler) : ${loss.message}`];
  }
}
