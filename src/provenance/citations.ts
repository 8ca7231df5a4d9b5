// Every source a manifest cites (rules, duration, what avenants require) must exist, and the
// quoted text must be at the cited line: it starts there and may run over the next lines (the
// extraction breaks sentences), typography aside (normalize.ts).
import type { Diagnostic, RuleSource, Span } from '../diagnostics/diagnostic.ts';
import { excerpt, squash } from './normalize.ts';
import type { SourceCache } from './sources.ts';

export const CODE_CITATION = 'PROVENANCE-CITATION';
/** A citation may run over this many lines after the cited one. */
export const CITATION_SPAN = 12;

export interface Cited {
  /** Who cites: « règle DGOS-DUREE-MSP », « durée ». */
  readonly who: string;
  readonly source: RuleSource;
  /** Where the citation is written (modele.yaml). */
  readonly span?: Span;
}

/** Diagnostics for one citation (none when it is where it says). */
export function checkCitation(c: Cited, cache: SourceCache): Diagnostic[] {
  const { fichier, ligne, citation } = c.source;
  const err = (message: string): Diagnostic[] => [{ severity: 'erreur', code: CODE_CITATION, message: `${c.who} : ${message}`, ...(c.span ? { span: c.span } : {}), source: c.source }];
  const src = cache.get(fichier);
  if (typeof src === 'string') return err(src);
  if (ligne > src.lines.length) return err(`la ligne ${ligne} citée n’existe pas : ${fichier} a ${src.lines.length} lignes`);
  if (!citation) return [];
  const needle = squash(citation);
  const line = cache.range(src, ligne, ligne).text;
  const window = cache.range(src, ligne, Math.min(src.lines.length, ligne + CITATION_SPAN)).text;
  const at = window.indexOf(needle);
  if (at >= 0 && at < Math.max(1, line.length)) return [];
  const said = excerpt(src.lines[ligne - 1] ?? '', 70);
  const all = cache.range(src, 1, src.lines.length);
  const k = all.text.indexOf(needle);
  const whereElse = k >= 0 ? src.file.position(all.offsets[k]!).line : undefined;
  const hint = whereElse !== undefined ? ` (la citation est ligne ${whereElse})` : '';
  return err(`la ligne ${ligne} de ${fichier} ne contient pas la citation${hint} : attendu « ${excerpt(citation, 70)} », trouvé « ${said} »`);
}
