// --reprendre: a contract is skipped when its input and its model are unchanged since the
// recorded run, it succeeded, it was rendered to the same formats, and every recorded file is
// still on disk with the recorded sha256 (a file deleted or altered since is rendered again).
import { join } from 'node:path';
import { sha256File } from './hash.ts';
import type { Format, ManifestEntry, ModelFingerprint } from './types.ts';

export interface Wanted {
  readonly empreinte_donnees: string;
  readonly modele: ModelFingerprint;
  readonly formats: readonly Format[];
}

export async function canReuse(prev: ManifestEntry | undefined, want: Wanted, racine: string): Promise<boolean> {
  if (!prev || prev.statut === 'erreur') return false;
  if (prev.empreinte_donnees !== want.empreinte_donnees) return false;
  if (!prev.modele || prev.modele.empreinte !== want.modele.empreinte || prev.modele.version !== want.modele.version) return false;
  if (prev.formats.join(',') !== want.formats.join(',')) return false;
  if (prev.fichiers.length === 0) return false;
  for (const f of prev.fichiers) {
    if ((await sha256File(join(racine, f.chemin))) !== f.sha256) return false;
  }
  return true;
}
