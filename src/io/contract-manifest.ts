// manifest.json of one contract folder (generer, avenant, consolider, comparer): what was
// produced from what — the input's data fingerprint, the model, the engine, every file with its
// sha256 — so the folder can be checked later (`cpom verifier --sortie`). Same vocabulary and
// fingerprints as a campaign's manifest (src/batch/manifest.ts); sorted keys and files, no
// timestamp, no machine path: two runs on the same input give the same bytes.
import { lstatSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { engineVersion } from '../batch/engine-id.ts';
import { hashData, sha256 } from '../batch/hash.ts';
import { compareText } from '../batch/sort.ts';
import type { FileRecord, Format, ModelFingerprint } from '../batch/types.ts';
import type { Contract } from '../model/contract.ts';
import type { Model } from '../templates/load.ts';
import type { ESignatureRecord } from '../writers/pdf/esignature.ts';

export const MANIFEST_FILE = 'manifest.json';
export const CONTRACT_MANIFEST_FORMAT = 'cpom-contrat/1';
/** A manifest is a few kilobytes; anything far bigger is not ours. */
const MAX_MANIFEST_BYTES = 1 << 20;

export type Commande = 'generer' | 'avenant' | 'consolider' | 'comparer';

/** Which contract a folder belongs to: two contracts never share a folder. */
export interface ContractIdentity {
  readonly finess_ej: string;
  readonly modele: string;
}

export interface InputRecord {
  /** The input file's name only (no machine path). */
  readonly source: string;
  readonly empreinte_donnees: string;
}

export interface ContractManifest {
  readonly format: typeof CONTRACT_MANIFEST_FORMAT;
  readonly commande: Commande;
  readonly moteur: string;
  readonly contrat: InputRecord & { readonly finess_ej: string; readonly raison_sociale: string; readonly reference?: string };
  /** The avenants the output depends on (1..k), for the avenant commands. */
  readonly avenants?: ReadonlyArray<InputRecord & { readonly numero: number }>;
  readonly modele: ModelFingerprint;
  readonly formats: readonly Format[];
  /** Present for the communicable version (cpom generer --communicable), not the one to sign. */
  readonly version?: 'communicable';
  readonly fichiers: readonly FileRecord[];
  /** Per PDF file: page and rectangle of every signature area and paraphe box, anchors, fields. */
  readonly signature_electronique?: ESignatureRecord;
}

export function modelFingerprint(m: Model): ModelFingerprint {
  return { id: m.manifest.id, version: m.manifest.version, empreinte: m.hash };
}

/** File records as manifests list them: `prefix/name`, sorted by path. */
export function fileRecords(files: ReadonlyArray<{ readonly name: string; readonly data: Uint8Array }>, prefix = ''): FileRecord[] {
  return files
    .map((f) => ({ chemin: prefix ? `${prefix}/${f.name}` : f.name, sha256: sha256(f.data), octets: f.data.byteLength }))
    .sort((a, b) => compareText(a.chemin, b.chemin));
}

export interface ManifestInput {
  readonly commande: Commande;
  readonly contractFile: string;
  readonly contract: Contract;
  readonly avenants?: ReadonlyArray<{ readonly numero: number; readonly file?: string; readonly data: unknown }>;
  readonly model: Model;
  readonly formats: readonly Format[];
  readonly files: ReadonlyArray<{ readonly name: string; readonly data: Uint8Array }>;
  readonly communicable?: boolean;
  readonly esignature?: ESignatureRecord;
}

export function buildContractManifest(i: ManifestInput): ContractManifest {
  const c = i.contract;
  return {
    format: CONTRACT_MANIFEST_FORMAT,
    commande: i.commande,
    moteur: engineVersion(),
    contrat: {
      finess_ej: c.titulaire.finess_ej,
      raison_sociale: c.titulaire.raison_sociale,
      ...(c.reference ? { reference: c.reference } : {}),
      source: basename(i.contractFile),
      empreinte_donnees: hashData(c),
    },
    ...(i.avenants ? { avenants: i.avenants.map((a) => ({ numero: a.numero, source: a.file ? basename(a.file) : `avenant n° ${a.numero}`, empreinte_donnees: hashData(a.data) })) } : {}),
    modele: modelFingerprint(i.model),
    formats: [...i.formats],
    ...(i.communicable ? { version: 'communicable' as const } : {}),
    fichiers: fileRecords(i.files),
    ...(i.esignature ? { signature_electronique: i.esignature } : {}),
  };
}

export function manifestText(m: ContractManifest): string {
  return `${JSON.stringify(m, null, 2)}\n`;
}

/** The model as the manifest records it (its id, even when the data named it by its folder). */
export function identityOf(c: Contract, m: Model): ContractIdentity {
  return { finess_ej: c.titulaire.finess_ej, modele: m.manifest.id };
}

const Sha = z.string().regex(/^[0-9a-f]{64}$/);
const Input = z.object({ source: z.string(), empreinte_donnees: Sha });
const ManifestSchema = z.object({
  format: z.literal(CONTRACT_MANIFEST_FORMAT),
  commande: z.enum(['generer', 'avenant', 'consolider', 'comparer']),
  moteur: z.string(),
  contrat: Input.extend({ finess_ej: z.string(), raison_sociale: z.string(), reference: z.string().optional() }),
  avenants: z.array(Input.extend({ numero: z.number().int() })).optional(),
  modele: z.object({ id: z.string(), version: z.number(), empreinte: z.string() }),
  formats: z.array(z.enum(['docx', 'pdf'])),
  version: z.literal('communicable').optional(),
  // A listed file is a plain name in this very folder: nothing outside it can be reached.
  fichiers: z.array(z.object({ chemin: z.string().regex(/^[^/\\.][^/\\]*$/), sha256: Sha, octets: z.number().int().nonnegative() })),
});

export type ReadManifest = { readonly kind: 'absent' } | { readonly kind: 'invalide'; readonly raison: string } | { readonly kind: 'ok'; readonly manifest: ContractManifest };

/** The manifest of a folder, checked: bounded size, a plain file, the expected shape. */
export function readContractManifest(dir: string): ReadManifest {
  return readManifestFile(join(dir, MANIFEST_FILE));
}

/** A manifest file given by its path (`--signe-sous`), checked the same way. */
export function readManifestFile(path: string): ReadManifest {
  let st;
  try {
    st = lstatSync(path);
  } catch {
    return { kind: 'absent' };
  }
  if (!st.isFile()) return { kind: 'invalide', raison: `${basename(path)} n’est pas un fichier` };
  if (st.size > MAX_MANIFEST_BYTES) return { kind: 'invalide', raison: `${basename(path)} est trop gros (${st.size} octets)` };
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return { kind: 'invalide', raison: `${basename(path)} n’est pas du JSON lisible` };
  }
  const r = ManifestSchema.safeParse(data);
  if (!r.success) return { kind: 'invalide', raison: `${basename(path)} n’a pas la forme attendue (${CONTRACT_MANIFEST_FORMAT})` };
  return { kind: 'ok', manifest: r.data as ContractManifest };
}
