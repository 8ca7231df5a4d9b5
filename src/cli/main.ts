// The `cpom` command line: dispatches to one module per command. French help everywhere;
// exit codes 0 success, 1 invalid input (data, model, or a file that cannot be read or
// written), 2 usage (options, arguments, an output path that is not a usable folder),
// 70 internal error (a bug: please report it).
import { resolve as resolvePath } from 'node:path';
import { fileURLToPath } from 'node:url';
import { own } from '../dsl/own.ts';
import { describeFsError } from '../io/fs-errors.ts';
import { TEMPLATES_ROOT } from '../templates/library.ts';
import { EXIT_INVALID, EXIT_OK, EXIT_USAGE, UsageError } from './args.ts';
import { HELP_ATELIER, runAtelier } from './commands/atelier.ts';
import { HELP_DEMO, runDemo } from './commands/demo.ts';
import { HELP_GENERER, runGenerer } from './commands/generer.ts';
import { HELP_MODELES, HELP_SCHEMA, runModeles, runSchema } from './commands/info.ts';
import { HELP_VERIFIER, runVerifier } from './commands/verifier.ts';
import { extraCommands } from './commands/extra.ts';
import { frenchOutput, verbatimStrings } from './french-output.ts';

type Out = (s: string) => void;
type Command = {
  summary: string;
  help: string;
  run: (argv: readonly string[], out: Out, err: Out) => Promise<number> | number;
  /** Its standard output is for programs (JSON, CSV): printed byte for byte, no typography. */
  machineOutput?: (argv: readonly string[]) => boolean;
};

const COMMANDS: Record<string, Command> = {
  generer: { summary: 'produit les DOCX / PDF d’un ou plusieurs contrats', help: HELP_GENERER, run: runGenerer },
  verifier: { summary: 'vérifie un modèle (gabarits), un contrat ou une campagne', help: HELP_VERIFIER, run: (a, o, e) => runVerifier(a, o, e, extraCommands.preflight), machineOutput: (a) => a.includes('--csv') },
  schema: { summary: 'affiche le schéma JSON des fichiers de contrat', help: HELP_SCHEMA, run: (a, o) => runSchema(a, o), machineOutput: (a) => !a.some((x) => x === '--aide' || x === '-h' || x === '--help') },
  modeles: { summary: 'liste les modèles, leurs documents, leur provenance et leurs règles', help: HELP_MODELES, run: runModeles },
  demo: { summary: 'génère tous les contrats d’exemple dans output/', help: HELP_DEMO, run: runDemo },
  atelier: { summary: 'atelier des modèles : édition, diagnostics et aperçu PDF en direct dans le navigateur', help: HELP_ATELIER, run: (a, o) => runAtelier(a, o) },
  ...extraCommands.commands,
};

export function mainHelp(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((k) => k.length));
  return `cpom — contrats pluriannuels d’objectifs et de moyens (CPOM)

Usage : cpom <commande> [options]     (cpom <commande> --aide pour le détail)

Commandes :
${Object.entries(COMMANDS)
  .map(([k, c]) => `  ${k.padEnd(width)}  ${c.summary}`)
  .join('\n')}`;
}

export async function main(argv: readonly string[], rawOut: Out = (s) => process.stdout.write(`${s}\n`), rawErr: Out = (s) => process.stderr.write(`${s}\n`)): Promise<number> {
  const [name, ...rest] = argv;
  // The one place where French typography is put into what people read (see french-output.ts).
  const keep = verbatimStrings(argv, [process.cwd(), TEMPLATES_ROOT]);
  const err: Out = (s) => rawErr(frenchOutput(s, keep));
  let out: Out = (s) => rawOut(frenchOutput(s, keep));
  if (!name || name === '--aide' || name === '-h' || name === '--help' || name === 'aide') {
    out(mainHelp());
    return name ? EXIT_OK : EXIT_USAGE;
  }
  const cmd = own(COMMANDS, name);
  if (!cmd) {
    err(`cpom : commande inconnue « ${name} ».\n\n${mainHelp()}`);
    return EXIT_USAGE;
  }
  if (cmd.machineOutput?.(rest)) out = rawOut;
  try {
    return await cmd.run(rest, out, err);
  } catch (e) {
    if (e instanceof UsageError) {
      err(`cpom ${name} : ${e.message}\n\n${cmd.help}`);
      return EXIT_USAGE;
    }
    // A file-system refusal that a command did not turn into a diagnostic (a file removed or
    // locked while we work): the user's environment, not a bug — said in French, nothing more.
    const fsError = e as NodeJS.ErrnoException;
    if (typeof fsError?.code === 'string' && typeof fsError.syscall === 'string') {
      err(`cpom ${name} : accès impossible${fsError.path ? ` à « ${fsError.path} »` : ''} : ${describeFsError(e)}`);
      return EXIT_INVALID;
    }
    throw e;
  }
}

/** Runs the CLI as a process: exit code set, internal errors reported as such. */
export function runAsProcess(): void {
  main(process.argv.slice(2)).then(
    (code) => {
      process.exitCode = code;
    },
    (e) => {
      process.stderr.write(`${frenchOutput('cpom : erreur interne (merci de la signaler) :')} ${(e as Error).stack ?? String(e)}\n`);
      process.exitCode = 70;
    },
  );
}

if (process.argv[1] && resolvePath(process.argv[1]) === fileURLToPath(import.meta.url)) runAsProcess();
void EXIT_OK;
