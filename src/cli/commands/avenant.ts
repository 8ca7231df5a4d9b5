// cpom avenant / consolider / comparer: the avenant documents, the consolidated version after
// avenant k (or at a date), and the redline between two versions. Nothing is written unless
// every file of the command was produced.
import { join } from 'node:path';
import type { Diagnostic, Result } from '../../diagnostics/diagnostic.ts';
import { communicableVersion } from '../../eval/communicable.ts';
import { formatDiagnostics } from '../../diagnostics/format.ts';
import { claimFolder, writeContractFolder } from '../../io/contract-folder.ts';
import { buildContractManifest, identityOf, type Commande } from '../../io/contract-manifest.ts';
import { avenantFolder, comparisonFolder, consolidatedFolder, contractStem, isNestedOutputName } from '../../io/names.ts';
import type { DocumentSet } from '../../ir/types.ts';
import { IsoDate } from '../../model/contract.ts';
import { communicableAvenantRefusals } from '../../amend/communicable.ts';
import { buildAvenantSet } from '../../amend/document/avenant.ts';
import { buildConsolidatedSet } from '../../amend/document/consolidated.ts';
import { buildRedlineSet } from '../../amend/document/redline.ts';
import { renderSetFiles, type Format, type OutFile } from '../../amend/render.ts';
import { dateOutsidePeriod } from '../../amend/rules.ts';
import { openSession, versionAt, type Session } from '../../amend/session.ts';
import { EXIT_INVALID, EXIT_OK, parse, UsageError, wantsHelp, type Options, type Parsed } from '../args.ts';
import { attempt, distinctFolders, esignatureOverride, mayWrite, outputRoot, parseFormats, SIGNATURE_ELECTRONIQUE } from './generer.ts';
import { esignatureFor, NO_ESIGNATURE, type ESignatureOverride } from '../../templates/esignature.ts';
import type { ESignatureRecord } from '../../writers/pdf/esignature.ts';
import { withModelChange } from '../../amend/document/model-change.ts';
import { signedModel } from './signed-model.ts';
import { HELP_MODELES_OPTION, librariesOf, MODELES_OPTION } from '../libraries.ts';

type Out = (s: string) => void;

const SIGNE_SOUS = `  --signe-sous <manifest.json>
                  manifeste de « cpom generer » conservé avec le contrat signé (défaut :
                  <sortie>/<contrat>/manifest.json) : si le modèle a changé depuis, la commande
                  le signale et chaque document produit porte la mention du changement
`;

const COMMON = `  --format <f>    docx, pdf ou tout (défaut : docx)
  --sortie <d>    dossier de sortie (défaut : output)
${HELP_MODELES_OPTION}
  -h, --aide      cette aide

Chaque dossier produit est remplacé en entier (il ne contient que les fichiers de la dernière
exécution et un manifest.json) ; un dossier <contrat>/ qui contient déjà les documents d’un
autre contrat (autre FINESS EJ ou autre modèle) est refusé, rien n’est écrit.

Les avenants sont des fichiers YAML ou JSON (voir fixtures/avenants/) ; leur ordre sur la ligne
de commande est indifférent : leurs numéros font foi (1, 2, 3… sans interruption).
Codes de sortie : 0 succès, 1 données invalides ou dossier de sortie refusé (rien n’est écrit),
2 usage.`;

export const HELP_AVENANT = `Usage : cpom avenant <contrat.yaml> <avenant.yaml…> [--numero k] [--communicable] [--format …] [--sortie …] [--signature-electronique …]

Produit le document de chaque avenant, sur le modèle du contrat : parties, visas (dont le contrat
et les avenants précédents), un article par modification, signatures, et les annexes remplacées
jointes. Fichiers écrits dans <sortie>/<contrat>/avenant-<k>/.

Options :
  --numero <k>    ne produire que l’avenant n° k
  --communicable  la version communicable à un tiers (comme cpom generer --communicable),
                  dans <sortie>/<contrat>/avenant-<k>-communicable/
${SIGNATURE_ELECTRONIQUE}${COMMON}`;

export const HELP_CONSOLIDER = `Usage : cpom consolider <contrat.yaml> <avenant.yaml…> [--jusqu-a k | --date AAAA-MM-JJ] [--communicable] [--format …] [--sortie …]

Produit la version consolidée du contrat : le contrat et ses annexes avec les avenants intégrés,
la mention « Version consolidée intégrant les avenants n° 1 à k », l’historique des avenants et,
pour chaque élément modifié, l’avenant qui l’a modifié en dernier lieu.
Fichiers écrits dans <sortie>/<contrat>/version-consolidee-<k>/.

Options :
  --jusqu-a <k>   intégrer les avenants 1 à k (défaut : tous)
  --date <d>      intégrer les avenants en vigueur à cette date (date d’effet ≤ d)
  --communicable  la version communicable à un tiers (comme cpom generer --communicable),
                  dans <sortie>/<contrat>/version-consolidee-<k>-communicable/
${SIGNE_SOUS}${COMMON}`;

export const HELP_COMPARER = `Usage : cpom comparer <contrat.yaml> <avenant.yaml…> --de i --a j [--format …] [--sortie …]

Compare deux versions du contrat (0 = le contrat initial, k = la version intégrant les avenants
1 à k) : la version j dont chaque différence avec la version i est une modification suivie
(insertion ou suppression, au nom de l’agence, datée de l’avenant qui l’a faite), à accepter ou
refuser dans Word ou LibreOffice. Une ligne de tableau supprimée ou ajoutée l’est en entier. Fichiers écrits dans <sortie>/<contrat>/comparaison-<i>-<j>/.

Options :
  --de <i>        version de départ
  --a <j>         version d’arrivée (j > i)
${SIGNE_SOUS}${COMMON}`;

const OUTPUT: Options = { format: { type: 'string', short: 'f' }, sortie: { type: 'string', short: 'o' }, ...MODELES_OPTION };
const SIGNED: Options = { 'signe-sous': { type: 'string' } };

/**
 * The build of a consolidated version or a comparison, with the model-change mention when the
 * contract was produced under another model; undefined (after saying why) when --signe-sous is
 * unusable.
 */
function checkedBuild(s: Session, contractFile: string, outDir: string, explicit: unknown, what: 'consolidation' | 'comparaison', build: () => Result<DocumentSet>, err: Out): (() => Result<DocumentSet>) | undefined {
  const signed = signedModel(s, contractFile, join(outDir, contractStem(contractFile)), explicit === undefined ? undefined : String(explicit), err);
  if (signed.refus) {
    err(`${contractFile} : ${signed.refus} ; aucun fichier écrit.`);
    return undefined;
  }
  const changed = signed.changed;
  if (!changed) return build;
  return () => {
    const r = build();
    return r.ok ? withModelChange(r.value, s.model, s.contract, changed, what) : r;
  };
}

/** The same --format values as `cpom generer`. */
function formats(v: unknown): Format[] {
  return parseFormats(v === undefined ? undefined : String(v));
}

function integer(v: unknown, option: string): number | undefined {
  if (v === undefined) return undefined;
  const s = String(v);
  if (!/^\d+$/.test(s)) throw new UsageError(`${option} attend un numéro (0, 1, 2…), reçu « ${s} »`);
  return Number(s);
}

function files(positionals: readonly string[]): { contract: string; avenants: string[] } {
  const [contract, ...avenants] = positionals;
  if (!contract) throw new UsageError('indiquez le fichier du contrat puis ceux des avenants');
  if (avenants.length === 0) throw new UsageError('indiquez au moins un fichier d’avenant');
  return { contract, avenants };
}

function report(err: Out, what: string, diags: readonly Diagnostic[]): number {
  err(`${what}, aucun fichier écrit.\n${formatDiagnostics(diags)}`);
  return EXIT_INVALID;
}

interface Job {
  readonly folder: string;
  readonly stem: string;
  /** The output depends on avenants 1..upTo: the manifest records them. */
  readonly upTo: number;
  readonly build: () => Result<DocumentSet>;
  /** The communicable version (cpom avenant --communicable). */
  readonly communicable?: boolean;
}

/**
 * Builds every set and renders every file in memory; then checks every target folder; then
 * replaces each folder as a whole. Nothing is written unless every file was produced and every
 * folder may be written.
 */
async function produce(s: Session, commande: Commande, contractFile: string, jobs: readonly Job[], fmt: readonly Format[], outDir: string, out: Out, err: Out, esign?: ESignatureOverride): Promise<number> {
  const rendered: Array<{ job: Job; files: OutFile[]; esignature?: ESignatureRecord }> = [];
  const warnings: Diagnostic[] = [];
  for (const j of jobs) {
    const set = j.build();
    if (!set.ok) return report(err, `${contractFile} : ${j.folder} impossible à produire`, set.diagnostics);
    warnings.push(...set.warnings);
    // Only avenants are signed: consolidated versions and comparisons get no anchors nor fields
    // (their zones are still recorded).
    // Only an avenant to sign gets anchors and fields: not a consolidated version, a comparison
    // or a communicable version.
    const signable = commande === 'avenant' && j.communicable !== true;
    const r = await renderSetFiles(set.value, j.stem, fmt, signable ? esignatureFor(s.model.manifest, esign) : NO_ESIGNATURE);
    warnings.push(...r.warnings);
    rendered.push({ job: j, files: r.files, ...(r.esignature ? { esignature: r.esignature } : {}) });
  }
  if (warnings.length > 0) err(`${contractFile} : ${warnings.length} avertissement(s)\n${formatDiagnostics(warnings)}`);
  const contractDir = join(outDir, contractStem(contractFile));
  const id = identityOf(s.contract, s.model);
  // The contract's folder is not replaced here (only the folders inside it), but it must be
  // this contract's: another contract's avenants would mix with these.
  const claims = [{ dir: contractDir, keep: isNestedOutputName, whole: false }, ...jobs.map((j) => ({ dir: join(contractDir, j.folder), keep: undefined, whole: true }))];
  for (const c of claims) if (!mayWrite(err, contractFile, c.dir, () => claimFolder(c.dir, id, c.keep, c.whole))) return EXIT_INVALID;
  for (const { job, files, esignature } of rendered) {
    const dir = join(contractDir, job.folder);
    const avenants = s.versions.avenants.slice(0, job.upTo).map((a, i) => ({ numero: i + 1, file: a.file, data: a.avenant }));
    const manifest = buildContractManifest({ commande, contractFile, contract: s.contract, avenants, model: s.model, formats: fmt, files, communicable: job.communicable === true, ...(esignature ? { esignature } : {}) });
    if (!attempt(err, contractFile, dir, () => writeContractFolder(dir, files, manifest))) return EXIT_INVALID;
    out(`${contractFile} → ${dir}/`);
  }
  return EXIT_OK;
}

function session(contract: string, avenants: readonly string[], p: Parsed, err: Out): Session | number {
  const libraries = librariesOf(p, err);
  if (typeof libraries === 'number') return libraries;
  const s = openSession(contract, avenants, { libraries });
  if (!s.ok) return report(err, `${contract} : contrat ou avenants invalides`, s.diagnostics);
  if (s.warnings.length > 0) err(`${contract} : ${s.warnings.length} avertissement(s)\n${formatDiagnostics(s.warnings)}`);
  return s.value;
}

export async function runAvenant(argv: readonly string[], out: Out, err: Out): Promise<number> {
  const p = parse(argv, { ...OUTPUT, numero: { type: 'string', short: 'n' }, communicable: { type: 'boolean' }, 'signature-electronique': { type: 'string' } });
  if (wantsHelp(p)) {
    out(HELP_AVENANT);
    return EXIT_OK;
  }
  const f = files(p.positionals);
  const fmt = formats(p.values.format);
  const outDir = outputRoot(p.values.sortie);
  distinctFolders([{ file: f.contract, outDir }]);
  const only = integer(p.values.numero, '--numero');
  const esign = esignatureOverride(p.values['signature-electronique']);
  const s = session(f.contract, f.avenants, p, err);
  if (typeof s === 'number') return s;
  const n = s.versions.avenants.length;
  if (only !== undefined && (only < 1 || only > n)) throw new UsageError(`--numero ${only} : les avenants fournis vont de 1 à ${n}`);
  const ks = only !== undefined ? [only] : Array.from({ length: n }, (_, i) => i + 1);
  const stem = contractStem(f.contract);
  const communicable = p.values.communicable === true;
  // For a holder whose passages may be withheld, an avenant whose articles would print, outside
  // a marked passage, what the contract's communicable version withholds is refused, not leaked.
  if (communicable && s.contract.titulaire.statut !== 'public') {
    for (const k of ks) {
      const refusals = communicableAvenantRefusals(s.model, s.versions, k);
      if (refusals.length > 0) return report(err, `${f.contract} : version communicable de l’avenant n° ${k} refusée (titulaire ${s.contract.titulaire.statut})`, refusals);
    }
  }
  const suffix = communicable ? '-communicable' : '';
  const jobs = ks.map((k) => ({
    folder: `${avenantFolder(k)}${suffix}`,
    stem: `${stem}-${avenantFolder(k)}${suffix}`,
    upTo: k,
    communicable,
    build: (): Result<DocumentSet> => {
      const set = buildAvenantSet(s.model, s.versions, k);
      return communicable && set.ok ? communicableVersion(s.model, s.contract, set.value) : set;
    },
  }));
  return produce(s, 'avenant', f.contract, jobs, fmt, outDir, out, err, esign);
}

export async function runConsolider(argv: readonly string[], out: Out, err: Out): Promise<number> {
  const p = parse(argv, { ...OUTPUT, ...SIGNED, 'jusqu-a': { type: 'string', short: 'k' }, date: { type: 'string', short: 'd' }, communicable: { type: 'boolean' } });
  if (wantsHelp(p)) {
    out(HELP_CONSOLIDER);
    return EXIT_OK;
  }
  const f = files(p.positionals);
  const fmt = formats(p.values.format);
  const outDir = outputRoot(p.values.sortie);
  distinctFolders([{ file: f.contract, outDir }]);
  const upTo = integer(p.values['jusqu-a'], '--jusqu-a');
  const date = p.values.date as string | undefined;
  if (upTo !== undefined && date !== undefined) throw new UsageError('indiquez soit --jusqu-a, soit --date, pas les deux');
  if (date !== undefined && !IsoDate.safeParse(date).success) throw new UsageError(`--date attend une date AAAA-MM-JJ, reçu « ${date} »`);
  const s = session(f.contract, f.avenants, p, err);
  if (typeof s === 'number') return s;
  const n = s.versions.avenants.length;
  if (upTo !== undefined && upTo > n) throw new UsageError(`--jusqu-a ${upTo} : les avenants fournis vont de 1 à ${n}`);
  const k = upTo ?? (date !== undefined ? versionAt(s.versions, date) : n);
  const outside = date !== undefined ? dateOutsidePeriod(s.versions, date) : undefined;
  if (outside) err(`${f.contract} : 1 avertissement(s)\n${formatDiagnostics([outside])}`);
  const stem = contractStem(f.contract);
  const build = checkedBuild(s, f.contract, outDir, p.values['signe-sous'], 'consolidation', () => buildConsolidatedSet(s.model, s.versions, k), err);
  if (!build) return EXIT_INVALID;
  // The consolidated version is the contract rendered by its model from the amended data, marks
  // included, plus the history (dates, objects, names of the changed elements): the contract's
  // communicable pass applies to it as it is.
  const communicable = p.values.communicable === true;
  const folder = `${consolidatedFolder(k)}${communicable ? '-communicable' : ''}`;
  const amended = s.versions.versions[k]!.contract;
  const job = {
    folder,
    stem: `${stem}-${folder}`,
    upTo: k,
    communicable,
    build: (): Result<DocumentSet> => {
      const set = build();
      return communicable && set.ok ? communicableVersion(s.model, amended, set.value) : set;
    },
  };
  return produce(s, 'consolider', f.contract, [job], fmt, outDir, out, err);
}

export async function runComparer(argv: readonly string[], out: Out, err: Out): Promise<number> {
  const p = parse(argv, { ...OUTPUT, ...SIGNED, de: { type: 'string' }, a: { type: 'string' } });
  if (wantsHelp(p)) {
    out(HELP_COMPARER);
    return EXIT_OK;
  }
  const f = files(p.positionals);
  const fmt = formats(p.values.format);
  const outDir = outputRoot(p.values.sortie);
  distinctFolders([{ file: f.contract, outDir }]);
  const i = integer(p.values.de, '--de');
  const j = integer(p.values.a, '--a');
  if (i === undefined || j === undefined) throw new UsageError('indiquez les deux versions à comparer : --de i --a j');
  if (i >= j) throw new UsageError(`--de ${i} --a ${j} : la version d’arrivée doit suivre la version de départ`);
  const s = session(f.contract, f.avenants, p, err);
  if (typeof s === 'number') return s;
  if (j > s.versions.avenants.length) throw new UsageError(`--a ${j} : les avenants fournis vont de 1 à ${s.versions.avenants.length}`);
  const stem = contractStem(f.contract);
  const build = checkedBuild(s, f.contract, outDir, p.values['signe-sous'], 'comparaison', () => buildRedlineSet(s.model, s.versions, i, j), err);
  if (!build) return EXIT_INVALID;
  const job = { folder: comparisonFolder(i, j), stem: `${stem}-${comparisonFolder(i, j)}`, upTo: j, build };
  return produce(s, 'comparer', f.contract, [job], fmt, outDir, out, err);
}

/** Ready to register in the CLI's command table (src/cli/commands/extra.ts). */
export const AVENANT_COMMANDS = {
  avenant: { summary: 'produit les documents d’avenant d’un contrat', help: HELP_AVENANT, run: runAvenant },
  consolider: { summary: 'produit la version consolidée d’un contrat après ses avenants', help: HELP_CONSOLIDER, run: runConsolider },
  comparer: { summary: 'compare deux versions d’un contrat (modifications suivies)', help: HELP_COMPARER, run: runComparer },
};
