// cpom verifier <modele|dossier> [--donnees <contrat.yaml>] | cpom verifier --campagne <dossier|classeur>
import { formatDiagnostics } from '../../diagnostics/format.ts';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { loadContractFile } from '../../model/load.ts';
import { loadModel } from '../../templates/load.ts';
import { checkContract } from '../../templates/rules.ts';
import { CODE_NON_IMPRIME, unprintedWarnings } from '../../templates/unprinted.ts';
import { buildDocumentSet } from '../../eval/build.ts';
import { EXIT_INVALID, EXIT_OK, parse, UsageError, wantsHelp } from '../args.ts';

export const HELP_VERIFIER = `Usage :
  cpom verifier <modele|dossier-du-modele>          vérifie un jeu de gabarits, sans données
  cpom verifier [<modele>] --donnees <contrat.yaml>  vérifie un contrat contre les règles de son modèle
  cpom verifier --campagne <dossier|classeur.xlsx>   pré-contrôle d’une campagne (annexes et règles par contrat)

La vérification des gabarits contrôle chaque champ, type, filtre et bloc par rapport au schéma
des données : les erreurs indiquent fichier:ligne:colonne avec un extrait et un curseur.
La vérification d’un contrat applique les règles du modèle (erreurs et avertissements, avec
leur source) et construit le document sans l’écrire, pour détecter toute valeur manquante et
toute donnée remplie qu’aucun document du modèle n’imprime (avertissement avec son chemin).

Options :
  --donnees <f>    fichier de contrat (YAML ou JSON)
  --campagne <d>   dossier de campagne ou classeur XLSX
  --csv            (avec --campagne) sortie CSV
  -h, --aide       cette aide

Codes de sortie : 0 aucune erreur (des avertissements peuvent être affichés), 1 erreurs, 2 usage.`;

type Runner = (argv: readonly string[], out: (s: string) => void, err: (s: string) => void) => Promise<number>;

export async function runVerifier(argv: readonly string[], out: (s: string) => void, err: (s: string) => void, preflight?: Runner): Promise<number> {
  const p = parse(argv, { donnees: { type: 'string', short: 'd' }, campagne: { type: 'string' }, csv: { type: 'boolean' } });
  if (wantsHelp(p)) {
    out(HELP_VERIFIER);
    return EXIT_OK;
  }
  if (p.values.campagne !== undefined) {
    if (!preflight) throw new UsageError('le pré-contrôle de campagne n’est pas disponible');
    return preflight(argv, out, err);
  }
  const dataFile = p.values.donnees as string | undefined;
  if (dataFile) return verifyData(dataFile, p.positionals[0], out, err);
  const target = p.positionals[0];
  if (!target) throw new UsageError('indiquez un modèle (ex. dgos-2012) ou le dossier d’un jeu de gabarits');
  const model = loadModel(target);
  const diags: readonly Diagnostic[] = model.ok ? model.warnings : model.diagnostics;
  if (diags.length) err(formatDiagnostics(diags));
  if (!model.ok) {
    err(`${target} : ${diags.filter((d) => d.severity === 'erreur').length} erreur(s).`);
    return EXIT_INVALID;
  }
  const m = model.value;
  out(`${m.id} : modèle valide — ${m.documents.length} documents, ${m.rules.length} règles.`);
  return EXIT_OK;
}

async function verifyData(file: string, modelArg: string | undefined, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const contract = loadContractFile(file);
  if (!contract.ok) {
    err(formatDiagnostics(contract.diagnostics));
    err(`${file} : données invalides.`);
    return EXIT_INVALID;
  }
  const model = loadModel(modelArg ?? contract.value.modele);
  if (!model.ok) {
    err(formatDiagnostics(model.diagnostics));
    return EXIT_INVALID;
  }
  const diags = [...contract.warnings, ...checkContract(model.value, contract.value)];
  // Build the IR too: a value the templates need but the data lacks is an error found now,
  // and a value the data fills but no document prints is a warning.
  if (!hasErrors(diags)) {
    const used = new Set<string>();
    const built = buildDocumentSet(model.value, contract.value, { used });
    if (!built.ok) diags.push(...built.diagnostics);
    else diags.push(...unprintedWarnings(model.value, contract.value, used));
  }
  if (diags.length) err(formatDiagnostics(diags));
  const errors = diags.filter((d) => d.severity === 'erreur').length;
  const warnings = diags.length - errors;
  if (errors) {
    err(`${file} : ${errors} erreur(s), ${warnings} avertissement(s) — le contrat ne peut pas être produit.`);
    return EXIT_INVALID;
  }
  const unprinted = diags.filter((d) => d.code === CODE_NON_IMPRIME).length;
  const detail = unprinted ? `, dont ${unprinted} donnée(s) non imprimée(s)` : '';
  out(`${file} : conforme au modèle ${model.value.id}${warnings ? ` (${warnings} avertissement(s)${detail})` : ''}.`);
  return EXIT_OK;
}
