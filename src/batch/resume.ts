// --reprendre: a contract is skipped when its input and its model are unchanged since the
// recorded run, it succeeded, it was rendered to the same formats, and every recorded file is
// still on disk with the recorded sha256 (a file deleted or altered since is rendered again),
// with the same e-signature options (the model's, or the same --signature-electronique).
import { join } from 'node:path';
import { sha256File } from './hash.ts';
import type { ESignatureOverride } from '../templates/esignature.ts';
import type { Format, ManifestEntry, ModelFingerprint } from './types.ts';

export interface Wanted {
  readonly empreinte_donnees: string;
  readonly modele: ModelFingerprint;
  readonly formats: readonly Format[];
  readonly esignature?: ESignatureOverride;
}

/** The recorded PDFs were made with the options wanted now (the model's own are in its hash). */
function sameESignature(prev: ManifestEntry, want: Wanted): boolean {
  if (!want.formats.includes('pdf')) return true;
  const had = prev.signature_electronique;
  // No record: a run from before e-signature options, or a stand-in renderer: the model's choice.
  if (!want.esignature) return !had || had.choix === 'modele';
  if (!had) return false;
  return had.choix === 'commande' && had.ancres.join(',') === want.esignature.anchors.join(',') && had.champs === want.esignature.fields;
}

export async function canReuse(prev: ManifestEntry | undefined, want: Wanted, racine: string): Promise<boolean> {
  if (!prev || prev.statut === 'erreur') return false;
  if (prev.empreinte_donnees !== want.empreinte_donnees) return false;
  if (!prev.modele || prev.modele.empreinte !== want.modele.empreinte || prev.modele.version !== want.modele.version) return false;
  if (prev.formats.join(',') !== want.formats.join(',')) return false;
  if (prev.fichiers.length === 0) return false;
  if (!sameESignature(prev, want)) return false;
  for (const f of prev.fichiers) {
    if ((await sha256File(join(racine, f.chemin))) !== f.sha256) return false;
  }
  return true;
}
