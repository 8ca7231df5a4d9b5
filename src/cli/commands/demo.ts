// cpom demo: renders every shipped example contract (fixtures/<modèle>/*.yaml) into output/.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadYamlFile } from '../../model/yaml.ts';
import { listModels } from '../../templates/library.ts';
import { EXIT_INVALID, EXIT_OK, parse, wantsHelp } from '../args.ts';
import { distinctFolders, generateOne, outputRoot, parseFormats } from './generer.ts';

export const FIXTURES_ROOT = fileURLToPath(new URL('../../../fixtures/', import.meta.url));

/**
 * The example folders: fixtures/<famille>/ for each family the shipped models declare (their
 * manifest's `famille`), not a list written here: a region added with its examples is in the demo.
 */
function demoFolders(): string[] {
  const models = listModels();
  const families = new Set<string>();
  for (const m of models.ok ? models.value : []) {
    const y = loadYamlFile(join(m.dir, 'modele.yaml'));
    const famille = y.ok ? (y.value.data as { famille?: unknown }).famille : undefined;
    if (typeof famille === 'string' && /^[a-z][a-z0-9-]*$/.test(famille)) families.add(famille);
  }
  return [...families].sort();
}

export const HELP_DEMO = `Usage : cpom demo [--format docx|pdf|tout] [--sortie <dossier>]

Génère tous les contrats d’exemple livrés (fixtures/<famille> pour chaque famille de modèles)
dans <dossier> (défaut : output), en DOCX et PDF (défaut : tout).`;

/** Every example contract, sorted: the demo and the tests use the same list. */
export function demoContracts(): string[] {
  const files: string[] = [];
  for (const folder of demoFolders()) {
    const dir = join(FIXTURES_ROOT, folder);
    if (!existsSync(dir)) continue;
    for (const f of readdirSync(dir).sort()) if (/\.(ya?ml|json)$/.test(f)) files.push(join(dir, f));
  }
  return files;
}

export async function runDemo(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): Promise<number> {
  const p = parse(argv, { format: { type: 'string', short: 'f' }, sortie: { type: 'string', short: 'o' } });
  if (wantsHelp(p)) {
    out(HELP_DEMO);
    return EXIT_OK;
  }
  const formats = parseFormats((p.values.format as string | undefined) ?? 'tout');
  const outDir = outputRoot(p.values.sortie);
  // One sub-folder per model family: two families may ship examples with the same name.
  const jobs = demoContracts().map((f) => ({ file: relative(process.cwd(), f) || f, outDir: join(outDir, basename(dirname(f))) }));
  distinctFolders(jobs);
  let failed = 0;
  for (const j of jobs) if (!(await generateOne(j.file, formats, j.outDir, out, err))) failed++;
  out(`${jobs.length - failed} contrat(s) générés sur ${jobs.length} dans ${outDir}/.`);
  return failed ? EXIT_INVALID : EXIT_OK;
}
