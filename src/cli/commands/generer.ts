// cpom generer <contrat.yaml…> [--format docx|pdf|tout] [--sortie output/] [--communicable]
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { formatDiagnostics } from '../../diagnostics/format.ts';
import { describeFsError } from '../../io/fs-errors.ts';
import { checkOutputDir } from '../output.ts';
import { claimFolder, writeContractFolder, type Claim } from '../../io/contract-folder.ts';
import { buildContractManifest, identityOf } from '../../io/contract-manifest.ts';
import { contractStem, isNestedOutputName } from '../../io/names.ts';
import { loadContractFile } from '../../model/load.ts';
import { renderContract, type Format } from '../../pipeline.ts';
import type { ModelLibrary } from '../../templates/library.ts';
import { loadModel } from '../../templates/load.ts';
import { esignatureFor, NO_ESIGNATURE, parseESignature, type ESignatureOverride } from '../../templates/esignature.ts';
import { EXIT_INVALID, EXIT_OK, parse, UsageError, wantsHelp } from '../args.ts';
import { HELP_MODELES_OPTION, librariesOf, MODELES_OPTION } from '../libraries.ts';

/** Help text of --signature-electronique, shared by generer, avenant and campagne. */
export const SIGNATURE_ELECTRONIQUE = `  --signature-electronique <liste>
                  PDF prêts pour la signature électronique, remplace le choix du modèle
                  (signature_electronique dans modele.yaml) : ancres invisibles iparapheur,
                  yousign, docusign, et/ou champs (champs de signature vides) ; « aucune »
                  pour rien. L’emplacement des signatures et paraphes est toujours écrit dans
                  manifest.json.
`;

export const HELP_GENERER = `Usage : cpom generer <contrat.yaml…> [--format docx|pdf|tout] [--sortie <dossier>] [--signature-electronique <liste>] [--communicable] [--modeles <d>]

Produit, pour chaque contrat, un fichier par document (socle, chaque annexe applicable), un
dossier complet réunissant tous les documents et un manifest.json (empreintes des données, du
modèle et de chaque fichier), dans <dossier>/<nom-du-fichier-de-contrat>/. Ce dossier est
remplacé en entier : il ne contient que les fichiers de la dernière exécution (les dossiers
d’avenants qu’il contient sont conservés). Deux contrats qui iraient dans le même dossier sont
refusés avant toute écriture.

Options :
  --format <f>    docx, pdf ou tout (défaut : docx)
  --sortie <d>    dossier de sortie (défaut : output)
  --communicable  la version communicable à un tiers (code des relations entre le public et
                  l’administration, livre III) : intégrale pour un titulaire public ; pour un
                  ESPIC ou un établissement privé, les passages que le modèle marque
                  « occultable » sont retirés. Dossier <nom>-communicable/, une mention sur
                  chaque page ; ce n’est pas la version à signer.
${SIGNATURE_ELECTRONIQUE}${HELP_MODELES_OPTION}
  -h, --aide      cette aide

Codes de sortie : 0 succès, 1 données ou modèle invalides ou dossier de sortie refusé (rien
n’est écrit pour ce contrat), 2 usage.`;

/** The --signature-electronique value, checked before any file is read (usage error). */
export function esignatureOverride(v: unknown): ESignatureOverride | undefined {
  if (v === undefined) return undefined;
  const r = parseESignature(String(v));
  if (r.error !== undefined) throw new UsageError(r.error);
  return r.override;
}

export function parseFormats(v: string | undefined): Format[] {
  switch (v ?? 'docx') {
    case 'docx':
      return ['docx'];
    case 'pdf':
      return ['pdf'];
    case 'tout':
      return ['docx', 'pdf'];
    default:
      throw new UsageError(`format inconnu « ${v} » : docx, pdf ou tout`);
  }
}

export async function runGenerer(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const p = parse(argv, { format: { type: 'string', short: 'f' }, sortie: { type: 'string', short: 'o' }, communicable: { type: 'boolean' }, 'signature-electronique': { type: 'string' }, ...MODELES_OPTION });
  if (wantsHelp(p)) {
    out(HELP_GENERER);
    return EXIT_OK;
  }
  if (p.positionals.length === 0) throw new UsageError('indiquez au moins un fichier de contrat (YAML ou JSON)');
  const libraries = librariesOf(p, err);
  if (typeof libraries === 'number') return libraries;
  const formats = parseFormats(p.values.format as string | undefined);
  const esign = esignatureOverride(p.values['signature-electronique']);
  const outDir = outputRoot(p.values.sortie);
  const communicable = p.values.communicable === true;
  distinctFolders(p.positionals.map((file) => ({ file, outDir, communicable })));
  let failed = false;
  for (const file of p.positionals) {
    const r = await generateOne(file, formats, outDir, out, err, { libraries, communicable, ...(esign ? { esignature: esign } : {}) });
    failed ||= !r;
  }
  return failed ? EXIT_INVALID : EXIT_OK;
}

/** The --sortie folder (default output/); an existing file there is a usage error. */
export function outputRoot(v: unknown): string {
  return checkOutputDir(v === undefined ? 'output' : String(v));
}

/** Refuses, before anything is written, two contracts of one command bound for one folder. */
export function distinctFolders(inputs: ReadonlyArray<{ readonly file: string; readonly outDir: string; readonly communicable?: boolean }>): void {
  const seen = new Map<string, string>();
  for (const { file, outDir, communicable } of inputs) {
    const stem = outputStem(file, communicable);
    // « ...yaml » would name the output folder « .. »: the folder above --sortie.
    if (/^\.*$/.test(stem)) throw new UsageError(`« ${file} » : ce nom de fichier ne peut pas nommer un dossier de sortie ; renommez-le`);
    const dir = join(outDir, stem);
    // Case and Unicode form folded: macOS and Windows disks treat « CHU » and « chu » as one.
    const key = resolve(dir).normalize('NFC').toLowerCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw new UsageError(`« ${first} » et « ${file} » iraient dans le même dossier ${dir}/ : rien n’est écrit ; renommez l’un des deux fichiers ou produisez-les avec des --sortie différentes`);
    }
    seen.set(key, file);
  }
}

/** The output folder's (and combined file's) name: the communicable version never replaces the one to sign. */
function outputStem(file: string, communicable = false): string {
  const stem = contractStem(file);
  return communicable && !/^\.*$/.test(stem) ? `${stem}-communicable` : stem;
}

/** Renders one contract; writes its files only when every one of them was produced. */
export async function generateOne(
  file: string,
  formats: readonly Format[],
  outDir: string,
  out: (s: string) => void,
  err: (s: string) => void,
  options: { readonly libraries?: readonly ModelLibrary[]; readonly communicable?: boolean; readonly esignature?: ESignatureOverride } = {},
): Promise<boolean> {
  const communicable = options.communicable === true;
  const contract = loadContractFile(file);
  if (!contract.ok) {
    err(`${file} : contrat invalide, aucun fichier écrit.\n${formatDiagnostics(contract.diagnostics)}`);
    return false;
  }
  const model = loadModel(contract.value.modele, options);
  if (!model.ok) {
    err(`${file} : modèle « ${contract.value.modele} » inutilisable, aucun fichier écrit.\n${formatDiagnostics(model.diagnostics)}`);
    return false;
  }
  const stem = outputStem(file, communicable);
  // The communicable version is not signed: no anchors, no fields (its zones are still recorded).
  const esignature = communicable ? NO_ESIGNATURE : esignatureFor(model.value.manifest, options.esignature);
  const r = await renderContract(model.value, contract.value, stem, formats, { communicable, esignature });
  if (!r.ok) {
    err(`${file} : le contrat ne respecte pas le modèle ${model.value.id}, aucun fichier écrit.\n${formatDiagnostics(r.diagnostics)}`);
    return false;
  }
  const warnings = [...contract.warnings, ...r.value.warnings];
  if (warnings.length) err(`${file} : ${warnings.length} avertissement(s)\n${formatDiagnostics(warnings)}`);
  const dir = join(outDir, stem);
  if (!mayWrite(err, file, dir, () => claimFolder(dir, identityOf(contract.value, model.value), isNestedOutputName))) return false;
  const manifest = buildContractManifest({
    commande: 'generer',
    contractFile: file,
    contract: contract.value,
    model: model.value,
    formats,
    files: r.value.files,
    communicable,
    ...(r.value.esignature ? { esignature: r.value.esignature } : {}),
  });
  if (!attempt(err, file, dir, () => writeContractFolder(dir, r.value.files, manifest, { keep: isNestedOutputName }))) return false;
  out(`${file} → ${dir}/ (${r.value.set.documents.length} documents, ${r.value.files.length} fichiers)`);
  return true;
}

/**
 * Runs a step on an output folder; a system error (disk full, no permission) becomes a French
 * message and undefined. The folder swap leaves a complete version in place whatever happens.
 */
export function attempt<T>(err: (s: string) => void, file: string, dir: string, step: () => T): T | undefined {
  try {
    return step();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (!code) throw e;
    err(`${file} : écriture impossible dans ${dir}/ (${describeFsError(e)}) ; ce dossier garde une version complète, l’ancienne ou la nouvelle (cpom verifier --sortie ${dir} pour le contrôler).`);
    return undefined;
  }
}

/** Claims an output folder: says what a killed run left, and whether the folder may be written. */
export function mayWrite(err: (s: string) => void, file: string, dir: string, claim: () => Claim): boolean {
  const c = attempt(err, file, dir, claim);
  if (!c) return false;
  for (const n of c.notes) err(`${file} : ${n}`);
  if (c.refus) err(`${file} : ${c.refus} ; aucun fichier écrit (choisissez une autre --sortie, ou videz ce dossier).`);
  return c.refus === undefined;
}
