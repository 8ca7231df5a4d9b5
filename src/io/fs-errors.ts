// File-system errors in French, for every message that names a file the user gave us (reading
// data, writing output): « fichier introuvable », « c’est un dossier »… instead of ENOENT.

const ERRNO_FR: Readonly<Record<string, string>> = {
  ENOENT: 'fichier introuvable',
  EISDIR: 'c’est un dossier, pas un fichier',
  ENOTDIR: 'un élément du chemin n’est pas un dossier',
  EACCES: 'accès refusé (droits insuffisants)',
  EPERM: 'opération non permise (droits insuffisants)',
  ENAMETOOLONG: 'chemin trop long',
  ELOOP: 'trop de liens symboliques imbriqués',
  EMFILE: 'trop de fichiers ouverts',
  ENOSPC: 'plus de place sur le disque',
  EROFS: 'système de fichiers en lecture seule',
  EEXIST: 'un fichier existe déjà à cet endroit',
  EBUSY: 'fichier ou dossier occupé',
};

/** A file-system error in French: « fichier introuvable », « c’est un dossier »… */
export function describeFsError(e: unknown): string {
  const code = (e as NodeJS.ErrnoException | null)?.code;
  if (code && ERRNO_FR[code]) return ERRNO_FR[code];
  return code ? `erreur du système (${code})` : 'erreur du système';
}
