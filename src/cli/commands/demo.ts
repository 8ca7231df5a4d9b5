// cpom demo: renders every shipped example contract (fixtures/<modèle>/*.yaml) into output/.
import { existsSync, readdirSync } from 'node:fs';
import { basename, dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT_INVALID, EXIT_OK, parse, wantsHelp } from '../args.ts';
import { checkOutputDir } from '../output.ts';
import { generateOne, parseFormats } from './generer.ts';

export const FIXTURES_ROOT = fileURLToPath(new URL('../../../fixtures/', import.meta.url));
const DEMO_FOLDERS = ['dgos', 'occitanie', 'idf'];

export const HELP_DEMO = `Usage : cpom demo [--format docx|pdf|tout] [--sortie <dossier>]

Génère tous les contrats d’exemple livrés (fixtures/dgos, fixtures/occitanie, fixtures/idf)
dans <dossier> (défaut : output), en DOCX et PDF (défaut : tout).`;

/** Every example contract, sorted: the demo and the tests use the same list. */
export function demoContracts(): string[] {
  const files: string[] = [];
  for (const folder of DEMO_FOLDERS) {
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
  const outDir = checkOutputDir((p.values.sortie as string | undefined) ?? 'output');
  let failed = 0;
  const files = demoContracts();
  // One sub-folder per model family: two families may ship examples with the same name.
  for (const f of files) if (!(await generateOne(relative(process.cwd(), f) || f, formats, join(outDir, basename(dirname(f))), out, err))) failed++;
  out(`${files.length - failed} contrat(s) générés sur ${files.length} dans ${outDir}/.`);
  return failed ? EXIT_INVALID : EXIT_OK;
}
