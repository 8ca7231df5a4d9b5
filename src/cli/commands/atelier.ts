// cpom atelier [--modeles DIR] [--port N]: the model workshop in the browser (src/atelier/).
import { openLibrary } from '../../atelier/library.ts';
import { EXIT_OK, parse, UsageError, wantsHelp } from '../args.ts';

export const HELP_ATELIER = `Usage : cpom atelier [--modeles <dossier>] [--port <n>]

Ouvre l’atelier des modèles : une page web locale (http://127.0.0.1:<port>/) où l’on choisit
un modèle, un de ses fichiers et un contrat d’exemple ; le texte se modifie dans la page (ou
dans votre éditeur : la page suit le disque), les erreurs s’affichent à leur ligne pendant la
frappe, et le PDF du contrat entier est redessiné à chaque enregistrement. Onglets
« Applicabilité » (documents reçus par chaque contrat d’exemple) et « Provenance ».

Le serveur n’écoute que sur 127.0.0.1 et n’écrit que les fichiers .md et .yaml existants de la
bibliothèque. Ctrl-C pour arrêter.

Options :
  --modeles <d>   bibliothèque de modèles (défaut : templates/ du moteur)
  --port <n>      port d’écoute (défaut : 4321 ; 0 : un port libre)
  -h, --aide      cette aide`;

export async function runAtelier(argv: readonly string[], out: (s: string) => void): Promise<number> {
  const p = parse(argv, { modeles: { type: 'string' }, port: { type: 'string' } });
  if (wantsHelp(p)) {
    out(HELP_ATELIER);
    return EXIT_OK;
  }
  if (p.positionals.length) throw new UsageError(`argument inattendu « ${p.positionals[0]} »`);
  const port = p.values.port === undefined ? 4321 : Number(p.values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`port invalide « ${String(p.values.port)} » : un entier de 0 à 65535`);
  let root: string;
  try {
    root = openLibrary(p.values.modeles as string | undefined);
  } catch {
    throw new UsageError(`bibliothèque de modèles introuvable « ${String(p.values.modeles)} »`);
  }
  const { startAtelier } = await import('../../atelier/server.ts');
  let a;
  try {
    a = await startAtelier({ root, port });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    throw new UsageError(`le port ${port} est déjà pris : choisissez-en un autre (--port)`);
  }
  out(`Atelier des modèles : ${a.url} (bibliothèque ${root}) ; Ctrl-C pour arrêter.`);
  await new Promise<void>((done) => process.once('SIGINT', () => void a.close().then(done)));
  return EXIT_OK;
}
