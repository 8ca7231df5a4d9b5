// Rule sources are data (seed file, line, citation): this checks them against the seeds, so a
// rule can never cite a line that does not say what the manifest claims.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { Model } from '../../src/index.ts';

/**
 * The source texts, kept in the repository (templates/_sources, copied unchanged from the
 * project's seeds) so that the verbatim and citation checks run wherever the repo is cloned.
 */
export const SEEDS_DIR = fileURLToPath(new URL('../../templates/_sources/', import.meta.url));

export function seedPath(file: string): string {
  return `${SEEDS_DIR}${file}`;
}

const squash = (s: string) => s.replace(/[\s\u00a0\u202f]+/g, '');

/** Every rule's citation starts on its stated line and is found within the next few lines. */
export function expectCitationsAtLines(model: Model, label: string): void {
  // The duration's source (modele.yaml `duree`) is checked like a rule's.
  const duree = model.manifest.duree;
  const cited = [...model.manifest.regles, ...(duree ? [{ id: 'duree', source: duree.source }] : [])];
  for (const r of cited) {
    const lines = readFileSync(seedPath(r.source.fichier), 'utf8').split('\n');
    expect(r.source.citation, `${label} ${r.id}`).toBeTruthy();
    // The citation starts on the cited line and may run over the next few (extraction breaks).
    const citation = squash(r.source.citation!);
    expect(squash(lines[r.source.ligne - 1] ?? ''), `${label} ${r.id} : la citation ne commence pas ligne ${r.source.ligne}`).toContain(citation.slice(0, 12));
    expect(squash(lines.slice(r.source.ligne - 1, r.source.ligne + 5).join('\n')), `${label} ${r.id} : citation introuvable ligne ${r.source.ligne}`).toContain(citation);
  }
}
