// Which model the contract was produced under, for `consolider` and `comparer`: the manifest
// given by --signe-sous (the one kept with the signed original), else the manifest.json that
// `cpom generer` wrote in the contract's output folder. When its fingerprint is not today's
// model's, the command warns loudly and every document it writes carries the mention
// (src/amend/document/model-change.ts).
import { join } from 'node:path';
import type { ModelFingerprint } from '../../batch/types.ts';
import { changedModel, SHORT } from '../../amend/document/model-change.ts';
import type { Session } from '../../amend/session.ts';
import { MANIFEST_FILE, modelFingerprint, readContractManifest, readManifestFile } from '../../io/contract-manifest.ts';
import { frenchSpaces } from '../../ir/resolve/typography.ts';
import type { Model } from '../../templates/load.ts';

export interface SignedModel {
  /** The recorded model when it differs from today's: the documents must say so. */
  readonly changed?: ModelFingerprint;
  /** Why nothing may be written (French), when --signe-sous is unusable. */
  readonly refus?: string;
}

/**
 * Reads the record and compares it with today's model. `explicit` is --signe-sous; without it a
 * missing or unusable folder manifest only means the check could not be made (said on `err`).
 */
export function signedModel(s: Session, contractFile: string, contractDir: string, explicit: string | undefined, err: (m: string) => void): SignedModel {
  const where = explicit ?? join(contractDir, MANIFEST_FILE);
  const read = explicit !== undefined ? readManifestFile(explicit) : readContractManifest(contractDir);
  const sameContract = read.kind === 'ok' && read.manifest.contrat.finess_ej === s.contract.titulaire.finess_ej && read.manifest.modele.id === s.model.manifest.id;
  if (explicit !== undefined) {
    if (read.kind === 'absent') return { refus: `--signe-sous « ${explicit} » : fichier introuvable` };
    if (read.kind === 'invalide') return { refus: `--signe-sous « ${explicit} » : ${read.raison}` };
    if (!sameContract) {
      const m = read.manifest.contrat;
      return { refus: `--signe-sous « ${explicit} » : ce manifeste est celui d’un autre contrat (FINESS EJ ${m.finess_ej}, modèle ${read.manifest.modele.id}) ; attendu FINESS EJ ${s.contract.titulaire.finess_ej}, modèle ${s.model.manifest.id}` };
    }
  } else if (!sameContract) {
    err(`${contractFile} : pas de ${MANIFEST_FILE} de « cpom generer » pour ce contrat dans ${contractDir}/ : impossible de vérifier que le modèle n’a pas changé depuis la production du contrat signé (indiquez --signe-sous <manifest.json>).`);
    return {};
  }
  if (read.kind !== 'ok') return {};
  const changed = changedModel(s.model, read.manifest.modele);
  if (changed) err(`${contractFile} : ${modelChangeWarning(s.model, changed)} (d’après ${where}).`);
  return changed ? { changed } : {};
}

/**
 * The warning on the command's error output: a CLI message like the others here, not legal
 * wording (the documents carry the mention of templates/_mentions.yaml, modele_modifie).
 */
function modelChangeWarning(model: Model, signed: ModelFingerprint): string {
  const now = modelFingerprint(model);
  return frenchSpaces(
    `ATTENTION : le modèle « ${signed.id} » a changé depuis la production du contrat signé (version ${signed.version}, empreinte ${signed.empreinte.slice(0, SHORT)} ; aujourd’hui version ${now.version}, empreinte ${now.empreinte.slice(0, SHORT)}) : le texte produit ici avec le modèle actuel peut différer du texte signé`,
  );
}
