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
