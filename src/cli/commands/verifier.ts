// cpom verifier <modele|dossier> [--donnees <contrat.yaml>] | cpom verifier --campagne <dossier|classeur>
// | cpom verifier --sortie <dossier>
import { existsSync, statSync } from 'node:fs';
import { verifyCampaign } from '../../io/campaign-check.ts';
import { verifyTree } from '../../io/contract-folder.ts';
import { formatDiagnostics } from '../../diagnostics/format.ts';
import { hasErrors, type Diagnostic } from '../../diagnostics/diagnostic.ts';
import { loadContractFile } from '../../model/load.ts';
import { listModels, type ModelLibrary } from '../../templates/library.ts';
import { loadModel } from '../../templates/load.ts';
import { checkProvenance } from '../../provenance/index.ts';
import { checkContract } from '../../templates/rules.ts';
import { CODE_NON_IMPRIME, unprintedWarnings } from '../../templates/unprinted.ts';
import { buildDocumentSet } from '../../eval/build.ts';
import { EXIT_INVALID, EXIT_OK, parse, UsageError, wantsHelp } from '../args.ts';
import { HELP_MODELES_OPTION, librariesOf, MODELES_OPTION } from '../libraries.ts';

export const HELP_VERIFIER = `Usage :
  cpom verifier <modele|dossier-du-modele>          vérifie un jeu de gabarits, sans données
  cpom verifier --modeles <bibliotheque>            vérifie chaque modèle de la bibliothèque
  cpom verifier [<modele>] --donnees <contrat.yaml>  vérifie un contrat contre les règles de son modèle
  cpom verifier --campagne <dossier|classeur.xlsx>   pré-contrôle d’une campagne (annexes et règles par contrat)
  cpom verifier --sortie <dossier>                   contrôle des dossiers produits contre leur manifest.json

La vérification des gabarits contrôle chaque champ, type, filtre et bloc par rapport au schéma
des données : les erreurs indiquent fichier:ligne:colonne avec un extrait et un curseur. Elle
contrôle aussi la provenance : chaque document « verbatim » doit reprendre mot pour mot les
lignes de _sources/ que cite son provenance_detail, de même chaque extrait balisé
{# verbatim : <fichier>, ligne N #} … {# verbatim : fin #}, et chaque citation du manifeste
(règles, durée, avenants) doit se trouver à la ligne indiquée.
La vérification d’un contrat applique les règles du modèle (erreurs et avertissements, avec
leur source) et construit le document sans l’écrire, pour détecter toute valeur manquante et
toute donnée remplie qu’aucun document du modèle n’imprime (avertissement avec son chemin).
Le contrôle d’un dossier produit (par generer, avenant, consolider, comparer ou demo) vérifie,
pour chaque dossier de contrat qu’il contient, que chaque fichier du manifest.json est présent
et intact (sha256), qu’aucun autre fichier ne s’y trouve et qu’aucune exécution interrompue
n’a laissé de reste. Sur le dossier de sortie d’une campagne, il vérifie les fichiers de son
manifest.json et signale les documents qu’il ne liste pas.

Options :
  --donnees <f>    fichier de contrat (YAML ou JSON)
  --campagne <d>   dossier de campagne ou classeur XLSX
  --csv            (avec --campagne) sortie CSV
  --sortie <d>     dossier produit à contrôler
${HELP_MODELES_OPTION}
  -h, --aide       cette aide

Codes de sortie : 0 aucune erreur (des avertissements peuvent être affichés), 1 erreurs, 2 usage.`;

type Runner = (argv: readonly string[], out: (s: string) => void, err: (s: string) => void) => Promise<number>;

export async function runVerifier(argv: readonly string[], out: (s: string) => void, err: (s: string) => void, preflight?: Runner): Promise<number> {
  const p = parse(argv, { donnees: { type: 'string', short: 'd' }, campagne: { type: 'string' }, csv: { type: 'boolean' }, sortie: { type: 'string', short: 'o' }, ...MODELES_OPTION });
  if (wantsHelp(p)) {
    out(HELP_VERIFIER);
    return EXIT_OK;
  }
  if (p.values.campagne !== undefined) {
    if (!preflight) throw new UsageError('le pré-contrôle de campagne n’est pas disponible');
    return preflight(argv, out, err);
  }
  if (p.values.sortie !== undefined) return verifyOutput(String(p.values.sortie), out, err);
  const libraries = librariesOf(p, err);
  if (typeof libraries === 'number') return libraries;
  const dataFile = p.values.donnees as string | undefined;
  if (dataFile) return verifyData(dataFile, p.positionals[0], libraries, out, err);
  const target = p.positionals[0];
  if (!target) {
    // --modeles alone: every model of the agency's libraries (not the engine's own).
    const own = libraries.filter((l) => l.origin === 'option');
    if (own.length === 0) throw new UsageError('indiquez un modèle (ex. dgos-2012), le dossier d’un jeu de gabarits, ou --modeles <bibliotheque>');
    const listed = listModels(own);
    const ids = listed.ok ? listed.value.map((m) => m.id) : [];
    if (ids.length === 0) {
      err(`aucun modèle (dossier avec modele.yaml) dans ${own.map((l) => l.root).join(', ')}.`);
      return EXIT_INVALID;
    }
    let status = EXIT_OK;
    for (const id of ids) status = Math.max(status, verifyModel(id, libraries, out, err));
    return status;
  }
  return verifyModel(target, libraries, out, err);
}

function verifyModel(target: string, libraries: readonly ModelLibrary[], out: (s: string) => void, err: (s: string) => void): number {
  const model = loadModel(target, { libraries });
  const diags: readonly Diagnostic[] = model.ok ? model.warnings : model.diagnostics;
  if (diags.length) err(formatDiagnostics(diags));
  if (!model.ok) {
    err(`${target} : ${diags.filter((d) => d.severity === 'erreur').length} erreur(s).`);
    return EXIT_INVALID;
  }
  const m = model.value;
  // Provenance: the verbatim documents against their sources (the model's library's _sources/),
  // the citations at their lines.
  const prov = checkProvenance(m, m.library.root);
  if (prov.diagnostics.length) err(formatDiagnostics(prov.diagnostics));
  const checkedText = `${prov.passages} passage(s) verbatim (${prov.verbatimDocuments} document(s) verbatim, ${prov.quotes} extrait(s) cité(s)) et ${prov.citations} citation(s) contrôlés contre les sources`;
  if (hasErrors(prov.diagnostics)) {
    err(`${target} : ${prov.diagnostics.filter((d) => d.severity === 'erreur').length} erreur(s) de provenance (${checkedText}).`);
    return EXIT_INVALID;
  }
  out(`${m.id} : modèle valide — ${m.documents.length} documents, ${m.rules.length} règles (bibliothèque ${m.library.root}) ; ${checkedText}.`);
  return EXIT_OK;
}

async function verifyData(file: string, modelArg: string | undefined, libraries: readonly ModelLibrary[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const contract = loadContractFile(file);
  if (!contract.ok) {
    err(formatDiagnostics(contract.diagnostics));
    err(`${file} : données invalides.`);
    return EXIT_INVALID;
  }
  const model = loadModel(modelArg ?? contract.value.modele, { libraries });
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

async function verifyOutput(dir: string, out: (s: string) => void, err: (s: string) => void): Promise<number> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new UsageError(`--sortie « ${dir} » n’est pas un dossier existant`);
  const campaign = await verifyCampaign(dir);
  if (campaign) {
    for (const p of campaign.problems) err(p);
    if (campaign.problems.length > 0) {
      err(`${dir} : ${campaign.problems.length} problème(s) dans la campagne (${campaign.contrats} contrats).`);
      return EXIT_INVALID;
    }
    out(`${dir} : campagne de ${campaign.contrats} contrat(s), fichiers conformes au manifeste.`);
    return EXIT_OK;
  }
  const r = await verifyTree(dir);
  if (r.dossiers === 0 && r.problems.length === 0) {
    err(`${dir} : aucun dossier de contrat (manifest.json) trouvé.`);
    return EXIT_INVALID;
  }
  for (const p of r.problems) err(p);
  if (r.problems.length > 0) {
    err(`${dir} : ${r.problems.length} problème(s) dans ${r.dossiers} dossier(s) de contrat.`);
    return EXIT_INVALID;
  }
  out(`${dir} : ${r.dossiers} dossier(s) de contrat conformes à leur manifeste.`);
  return EXIT_OK;
}
