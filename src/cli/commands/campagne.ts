// cpom campagne <dossier|classeur.xlsx> --sortie <dossier> [...] | cpom campagne modele-classeur <f.xlsx>
// | cpom campagne fusionner <dossier de sortie>
// | cpom verifier --campagne <dossier|classeur> [--csv] (pré-contrôle, via runPreflight).
import { availableParallelism } from 'node:os';
import { writeFileAtomic } from '../../io/atomic.ts';
import { preflight, preflightCsv, preflightText } from '../../batch/preflight.ts';
import { mergeTranches } from '../../batch/merge-tranches.ts';
import { createProgress, lineProgress } from '../../batch/progress.ts';
import { runCampaign } from '../../batch/runner.ts';
import { parseTranche, type Tranche } from '../../batch/tranche.ts';
import { ALL_FORMATS, type Format } from '../../batch/types.ts';
import { blankWorkbook, workbookBytes } from '../../batch/workbook-write.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError, parse, wantsHelp } from '../args.ts';
import { checkOutputDir, checkOutputFile } from '../output.ts';
import { librariesOf, MODELES_OPTION } from '../libraries.ts';
import type { ESignatureOverride } from '../../templates/esignature.ts';
import { esignatureOverride } from './generer.ts';

type Out = (s: string) => void;
const stdout: Out = (s) => process.stdout.write(`${s}\n`);
const stderr: Out = (s) => process.stderr.write(`${s}\n`);

export const HELP_CAMPAGNE = `cpom campagne — génère tous les contrats d’une campagne

Usage :
  cpom campagne <dossier|classeur.xlsx> --sortie <dossier> [options]
  cpom campagne modele-classeur <fichier.xlsx>
  cpom campagne fusionner <dossier de sortie>

Entrée :
  un dossier de contrats YAML/JSON avec un fichier campagne.yaml (partie commune : modele,
  ars, dates…), ou un classeur XLSX (feuilles « campagne », « titulaires », « sites »,
  « engagements », « indicateurs »…). Les valeurs propres à chaque contrat l’emportent sur la
  partie commune.

Options :
  --sortie <d>       dossier de sortie : un sous-dossier par titulaire (FINESS EJ),
                     manifest.json, rapport.csv et rapport.html
  --format <f>       docx, pdf ou tout (défaut : tout)
  --jobs <n>         nombre de processus de rendu en parallèle (défaut : nombre de cœurs)
  --reprendre        ne régénère pas les contrats inchangés dont les fichiers sont intacts
                     (après une interruption, termine le travail)
  --tranche <k/n>    ne traite que la k-ième des n parts de la campagne (plusieurs machines)
  --modeles <d>      bibliothèque de modèles de l’agence (répétable ; aussi CPOM_MODELES)
  --signature-electronique <liste>
                     ancres iparapheur, yousign, docusign et/ou champs de signature vides
                     dans les PDF (« aucune » : rien), au lieu du choix du modèle ; les zones
                     de signature de chaque PDF sont dans manifest.json
  --aide             cette aide

Code de sortie : 0 si tous les contrats sont générés, 1 si au moins un est en erreur,
2 en cas d’usage incorrect.`;

export const HELP_FUSIONNER = `cpom campagne fusionner — réunit les tranches d’une campagne

Usage : cpom campagne fusionner <dossier de sortie>

Après « cpom campagne … --tranche k/n » lancé pour chaque k (sur une ou plusieurs machines, dans
le même dossier de sortie), écrit manifest.json, rapport.csv et rapport.html pour la campagne
entière : les mêmes fichiers qu’une exécution sans tranches. Rien n’est écrit s’il manque une
tranche ou si les tranches viennent de moteurs, d’entrées ou de formats différents.

Code de sortie : 0 si tous les contrats sont générés, 1 si au moins un est en erreur ou si la
fusion est impossible, 2 en cas d’usage incorrect.`;

export const HELP_MODELE_CLASSEUR = `cpom campagne modele-classeur — écrit un classeur de campagne vide

Usage : cpom campagne modele-classeur <fichier.xlsx>

Le classeur contient une feuille par liste du contrat, avec les en-têtes attendus (chemins
pointés : representant.nom, reference.valeur, cibles.N+3…) et une note d’aide sur chacun.`;

function formatsOf(v: unknown): readonly Format[] {
  if (v === undefined || v === 'tout') return ALL_FORMATS;
  if (v === 'docx' || v === 'pdf') return [v];
  throw new UsageError(`format inconnu « ${String(v)} » : docx, pdf ou tout`);
}

function withESignature(o: ESignatureOverride | undefined): { esignature?: ESignatureOverride } {
  return o ? { esignature: o } : {};
}

function jobsOf(v: unknown): number {
  if (v === undefined) return availableParallelism();
  const n = Number(v);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--jobs attend un nombre entier positif, reçu « ${String(v)} »`);
  return n;
}

export async function runCampagne(argv: readonly string[], out: Out = stdout, err: Out = stderr): Promise<number> {
  if (argv[0] === 'modele-classeur') return runModeleClasseur(argv.slice(1), out, err);
  if (argv[0] === 'fusionner') return runFusionner(argv.slice(1), out, err);
  const p = parse(argv, {
    sortie: { type: 'string', short: 'o' },
    format: { type: 'string' },
    jobs: { type: 'string', short: 'j' },
    reprendre: { type: 'boolean' },
    tranche: { type: 'string' },
    ...MODELES_OPTION,
    'signature-electronique': { type: 'string' },
  });
  if (wantsHelp(p)) {
    out(HELP_CAMPAGNE);
    return EXIT_OK;
  }
  const [entree, ...rest] = p.positionals;
  if (!entree) throw new UsageError('dossier ou classeur de campagne manquant');
  if (rest.length) throw new UsageError(`argument en trop « ${rest[0]} »`);
  if (typeof p.values.sortie !== 'string') throw new UsageError('option --sortie manquante');
  let tranche: Tranche | undefined;
  if (typeof p.values.tranche === 'string') {
    const t = parseTranche(p.values.tranche);
    if (typeof t === 'string') throw new UsageError(t);
    tranche = t;
  }
  const libraries = librariesOf(p, err);
  if (typeof libraries === 'number') return libraries;
  const r = await runCampaign({
    entree,
    libraries,
    sortie: checkOutputDir(p.values.sortie),
    formats: formatsOf(p.values.format),
    ...withESignature(esignatureOverride(p.values['signature-electronique'])),
    jobs: jobsOf(p.values.jobs),
    reprendre: p.values.reprendre === true,
    ...(tranche ? { tranche } : {}),
    // A bar on a terminal; otherwise plain lines through `err` (CI logs, tests).
    progress: process.stderr.isTTY ? createProgress(process.stderr) : lineProgress(err),
  });
  const b = r.manifest.bilan;
  for (const i of r.manifest.problemes_campagne) err(`${i.niveau} [${i.code}] ${i.emplacement ?? ''} : ${i.message}`);
  for (const c of r.manifest.contrats.filter((x) => x.statut === 'erreur')) {
    err(`${c.finess_ej} (${c.source}) : en erreur`);
    for (const i of c.erreurs.slice(0, 5)) err(`  ${i.emplacement ?? i.chemin ?? ''} : ${i.message}`);
    if (c.erreurs.length > 5) err(`  … et ${c.erreurs.length - 5} autre(s), voir le rapport`);
  }
  out(
    `${b.contrats} contrat(s) : ${b.ok} généré(s), ${b.avertissements} avec avertissements, ${b.erreurs} en erreur` +
      (r.repris ? ` (${r.repris} repris sans régénération)` : ''),
  );
  out(`manifeste : ${r.manifestPath}`);
  out(`rapports : ${r.rapports.csv}, ${r.rapports.html}`);
  return r.exitCode === 0 ? EXIT_OK : EXIT_INVALID;
}

export async function runFusionner(argv: readonly string[], out: Out = stdout, err: Out = stderr): Promise<number> {
  const p = parse(argv, {});
  if (wantsHelp(p)) {
    out(HELP_FUSIONNER);
    return EXIT_OK;
  }
  const [dir, ...rest] = p.positionals;
  if (!dir || rest.length) throw new UsageError('un (seul) dossier de sortie de campagne est attendu');
  const r = mergeTranches(dir);
  if (!r.ok) {
    for (const problem of r.problems) err(`erreur : ${problem}`);
    err('fusion impossible : aucun fichier écrit');
    return EXIT_INVALID;
  }
  const b = r.manifest.bilan;
  out(`${r.tranches} tranche(s) réunie(s) : ${b.contrats} contrat(s), ${b.ok} généré(s), ${b.avertissements} avec avertissements, ${b.erreurs} en erreur`);
  out(`manifeste : ${r.manifestPath}`);
  out(`rapports : ${r.rapports.csv}, ${r.rapports.html}`);
  const failed = b.erreurs > 0 || r.manifest.problemes_campagne.some((i) => i.niveau === 'erreur');
  return failed ? EXIT_INVALID : EXIT_OK;
}

export async function runModeleClasseur(argv: readonly string[], out: Out = stdout, _err: Out = stderr): Promise<number> {
  const p = parse(argv, {});
  if (wantsHelp(p)) {
    out(HELP_MODELE_CLASSEUR);
    return EXIT_OK;
  }
  const [file, ...rest] = p.positionals;
  if (!file || rest.length) throw new UsageError('un (seul) fichier .xlsx à écrire est attendu');
  if (!file.toLowerCase().endsWith('.xlsx')) throw new UsageError(`le fichier doit porter l’extension .xlsx, reçu « ${file} »`);
  checkOutputFile(file);
  writeFileAtomic(file, await workbookBytes(blankWorkbook()));
  out(`classeur de campagne vide écrit : ${file}`);
  return EXIT_OK;
}

export const HELP_PREFLIGHT = `cpom verifier --campagne — pré-contrôle d’une campagne, sans rendu

Usage : cpom verifier --campagne <dossier|classeur.xlsx> [--csv]

Pour chaque contrat : les documents (socle, annexes) qu’il reçoit et les règles du modèle en
erreur ou en avertissement ; puis les documents, clauses conditionnelles et règles qu’aucun
contrat ne déclenche. --csv : même tableau au format CSV (séparateur « ; »).`;

export async function runPreflight(argv: readonly string[], out: Out = stdout, err: Out = stderr): Promise<number> {
  const p = parse(argv, { campagne: { type: 'string' }, csv: { type: 'boolean' }, donnees: { type: 'string', short: 'd' }, ...MODELES_OPTION });
  if (wantsHelp(p)) {
    out(HELP_PREFLIGHT);
    return EXIT_OK;
  }
  if (typeof p.values.campagne !== 'string') throw new UsageError('option --campagne manquante');
  const libraries = librariesOf(p, err);
  if (typeof libraries === 'number') return libraries;
  const report = await preflight(p.values.campagne, { libraries });
  out(p.values.csv === true ? preflightCsv(report) : preflightText(report));
  return report.failed ? EXIT_INVALID : EXIT_OK;
}

/** For main.ts / extra.ts: the `campagne` command entry. */
export const campagneCommand = {
  summary: 'génère tous les contrats d’une campagne (dossier ou classeur XLSX)',
  help: HELP_CAMPAGNE,
  run: runCampagne,
};

void EXIT_USAGE;
