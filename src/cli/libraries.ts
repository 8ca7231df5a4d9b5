// The --modeles option every command that loads models takes, and CPOM_MODELES: turned into the
// list of model libraries once, at the command's start, then passed down explicitly.
import { formatDiagnostics } from '../diagnostics/format.ts';
import { resolveLibraries, type ModelLibrary } from '../templates/library.ts';
import { EXIT_INVALID, type Options, type Parsed } from './args.ts';

export const MODELES_OPTION: Options = { modeles: { type: 'string', multiple: true } };

export const HELP_MODELES_OPTION = `  --modeles <d>   bibliothèque de modèles de l’agence (dossier de dossiers de modèles),
                  répétable ; s’ajoute à CPOM_MODELES (dossiers séparés par « : ») et aux
                  modèles livrés avec le moteur (templates/)`;

/** The libraries named by --modeles and CPOM_MODELES, plus the engine's; or the exit code. */
export function librariesOf(p: Parsed, err: (s: string) => void): ModelLibrary[] | number {
  const v = p.values.modeles;
  const dirs = Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
  const r = resolveLibraries(dirs);
  if (r.ok) return r.value;
  err(`${formatDiagnostics(r.diagnostics)}\nbibliothèques de modèles inutilisables : rien n’est fait.`);
  return EXIT_INVALID;
}
