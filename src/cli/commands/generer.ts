// cpom generer <contrat.yaml…> [--format docx|pdf|tout] [--sortie output/]
import { join } from 'node:path';
import { formatDiagnostics } from '../../diagnostics/format.ts';
import { contractStem } from '../../io/names.ts';
import { loadContractFile } from '../../model/load.ts';
import { renderContract, type Format } from '../../pipeline.ts';
import { loadModel } from '../../templates/load.ts';
import { EXIT_INVALID, EXIT_OK, parse, UsageError, wantsHelp } from '../args.ts';
import { checkOutputDir, writeAll } from '../output.ts';

export const HELP_GENERER = `Usage : cpom generer <contrat.yaml…> [--format docx|pdf|tout] [--sortie <dossier>]

Produit, pour chaque contrat, un fichier par document (socle, chaque annexe applicable) et un
dossier complet réunissant tous les documents, dans <dossier>/<nom-du-contrat>/.

Options :
  --format <f>    docx, pdf ou tout (défaut : docx)
  --sortie <d>    dossier de sortie (défaut : output)
  -h, --aide      cette aide

Codes de sortie : 0 succès, 1 données ou modèle invalides (rien n’est écrit), 2 usage.`;

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
  const p = parse(argv, { format: { type: 'string', short: 'f' }, sortie: { type: 'string', short: 'o' } });
  if (wantsHelp(p)) {
    out(HELP_GENERER);
    return EXIT_OK;
  }
  if (p.positionals.length === 0) throw new UsageError('indiquez au moins un fichier de contrat (YAML ou JSON)');
  const formats = parseFormats(p.values.format as string | undefined);
  const outDir = checkOutputDir((p.values.sortie as string | undefined) ?? 'output');
  let failed = false;
  for (const file of p.positionals) {
    const r = await generateOne(file, formats, outDir, out, err);
    failed ||= !r;
  }
  return failed ? EXIT_INVALID : EXIT_OK;
}

/** Renders one contract; writes its files only when every one of them was produced. */
export async function generateOne(file: string, formats: readonly Format[], outDir: string, out: (s: string) => void, err: (s: string) => void): Promise<boolean> {
  const contract = loadContractFile(file);
  if (!contract.ok) {
    err(`${file} : contrat invalide, aucun fichier écrit.\n${formatDiagnostics(contract.diagnostics)}`);
    return false;
  }
  const model = loadModel(contract.value.modele);
  if (!model.ok) {
    err(`${file} : modèle « ${contract.value.modele} » inutilisable, aucun fichier écrit.\n${formatDiagnostics(model.diagnostics)}`);
    return false;
  }
  const stem = contractStem(file);
  const r = await renderContract(model.value, contract.value, stem, formats);
  if (!r.ok) {
    err(`${file} : le contrat ne respecte pas le modèle ${model.value.id}, aucun fichier écrit.\n${formatDiagnostics(r.diagnostics)}`);
    return false;
  }
  const warnings = [...contract.warnings, ...r.value.warnings];
  if (warnings.length) err(`${file} : ${warnings.length} avertissement(s)\n${formatDiagnostics(warnings)}`);
  const dir = join(outDir, stem);
  const failure = writeAll(r.value.files.map((f) => ({ path: join(dir, f.name), data: f.data })));
  if (failure) {
    err(`${file} : ${failure} ; aucun fichier écrit.`);
    return false;
  }
  out(`${file} → ${dir}/ (${r.value.set.documents.length} documents, ${r.value.files.length} fichiers)`);
  return true;
}
