// Provenance checked by the tool (issue 12): every document a model declares `verbatim` is its
// source word for word, and every citation of its manifest is at the line it names. The sources
// are those of the model's library (`<libraryRoot>/_sources/`), whichever library it is.
import { join } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { readConfined } from '../io/confine.ts';
import { parseYamlText, spanOfPath, type YamlSource } from '../model/yaml.ts';
import type { Model } from '../templates/load.ts';
import { CITATION_SPAN, checkCitation, type Cited } from './citations.ts';
import { SourceCache } from './sources.ts';
import { checkQuotes, checkVerbatim, citedRange, CODE_VERBATIM } from './verbatim.ts';

export { SourceCache } from './sources.ts';
export { CODE_CITATION } from './citations.ts';
export { CODE_VERBATIM } from './verbatim.ts';

export interface ProvenanceReport {
  readonly diagnostics: readonly Diagnostic[];
  /** Documents declared verbatim, and the passages of wording compared in them. */
  readonly verbatimDocuments: number;
  readonly passages: number;
  /** Passages quoted between `{# verbatim : … #}` markers, in any document. */
  readonly quotes: number;
  readonly citations: number;
}

/** Where a manifest path is written, when the manifest can be read again. */
function manifestSpans(model: Model, libraryRoot: string): YamlSource | undefined {
  const file = join(model.dir, 'modele.yaml');
  const r = readConfined(file, libraryRoot);
  if (!r.ok) return undefined;
  const y = parseYamlText(file, r.text);
  return y.ok ? y.value.source : undefined;
}

/**
 * Checks a loaded model against the sources of the library at `libraryRoot`. Pass one cache to
 * several calls (every model of a library) so each source is read and normalised once.
 */
export function checkProvenance(model: Model, libraryRoot: string, cache: SourceCache = new SourceCache(libraryRoot)): ProvenanceReport {
  const yaml = manifestSpans(model, libraryRoot);
  const at = (path: readonly PropertyKey[]) => (yaml ? { span: spanOfPath(yaml, path) } : {});
  const diagnostics: Diagnostic[] = [];
  let verbatimDocuments = 0;
  let passages = 0;
  model.manifest.documents.forEach((d, i) => {
    if (d.provenance !== 'verbatim') return;
    verbatimDocuments++;
    const range = citedRange(d.provenance_detail);
    if (!range) {
      diagnostics.push({
        severity: 'erreur',
        code: CODE_VERBATIM,
        message: `document « ${d.id} » déclaré verbatim sans source : provenance_detail doit commencer par « <fichier de _sources>, lignes <début>-<fin> »`,
        ...at(['documents', i, d.provenance_detail ? 'provenance_detail' : 'provenance']),
      });
      return;
    }
    const r = checkVerbatim(join(model.dir, d.fichier), range, cache);
    diagnostics.push(...r.diagnostics.map((x) => (x.span ? x : { ...x, ...at(['documents', i, 'provenance_detail']) })));
    passages += r.checked;
  });
  // Quotes inside documents of any provenance; a fragment shared by several documents is
  // checked once.
  const seen = new Set<string>();
  let quotes = 0;
  for (const d of model.manifest.documents) {
    const r = checkQuotes(join(model.dir, d.fichier), cache, CITATION_SPAN, seen);
    diagnostics.push(...r.diagnostics);
    quotes += r.quotes;
    passages += r.checked;
  }
  const cited: Cited[] = [
    ...model.manifest.regles.map((r, i) => ({ who: `règle ${r.id}`, source: r.source, ...at(['regles', i, 'source']) })),
    ...(model.manifest.duree ? [{ who: 'durée', source: model.manifest.duree.source, ...at(['duree', 'source']) }] : []),
    ...model.manifest.avenants.requis.map((r, i) => ({ who: `avenants, donnée requise ${r.donnee}`, source: r.source, ...at(['avenants', 'requis', i, 'source']) })),
  ];
  for (const c of cited) diagnostics.push(...checkCitation(c, cache));
  return { diagnostics, verbatimDocuments, passages, quotes, citations: cited.length };
}
