// Files `cpom modeles nouveau` writes with edits: values replaced in YAML text (so comments and
// layout of the rest stay as written), and the example contracts a new library starts with, so
// that the atelier has something to preview its model with from the first minute.
import { readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { isNode, parseDocument } from 'yaml';
import { loadYamlFile } from '../model/yaml.ts';
import { EXAMPLES_DIR, libraryExamples } from './library.ts';

export type ValueEdit = readonly [path: readonly string[], value: string | number];

/**
 * `source` with each value at `path` replaced in the text itself (JSON-quoted strings, valid in
 * block and flow YAML and in JSON). Returns the edits it could not place (paths absent).
 */
export function replaceValues(source: string, edits: readonly ValueEdit[]): { text: string; missing: ValueEdit[] } {
  const doc = parseDocument(source);
  const placed: { from: number; to: number; text: string }[] = [];
  const missing: ValueEdit[] = [];
  for (const edit of edits) {
    const node: unknown = doc.getIn(edit[0], true);
    const range = isNode(node) ? node.range : undefined;
    if (!range) {
      missing.push(edit);
      continue;
    }
    const rendered = typeof edit[1] === 'number' ? String(edit[1]) : JSON.stringify(edit[1]);
    placed.push({ from: range[0], to: range[1], text: rendered + (source[range[1] - 1] === '\n' ? '\n' : '') });
  }
  let text = source;
  for (const e of placed.sort((a, b) => b.from - a.from)) text = text.slice(0, e.from) + e.text + text.slice(e.to);
  return { text, missing };
}

export interface ExampleFile {
  /** Relative to the new library: « _exemples/chu.yaml ». */
  readonly to: string;
  readonly text: string;
}

/**
 * The examples of the source model (its library's _exemples/, then `candidates`, the engine's
 * demo contracts), each naming the new model and, with a region, the new agency. The rest (the
 * agency's address, signatory, the holder) is the source's: a header says so.
 */
export function derivedExamples(sourceId: string, sourceLibrary: string, candidates: readonly string[], req: { id: string; region?: string }): ExampleFile[] {
  const out: ExampleFile[] = [];
  const names = new Set<string>();
  for (const file of [...libraryExamples(sourceLibrary), ...candidates]) {
    const y = loadYamlFile(file);
    if (!y.ok || (y.value.data as { modele?: unknown } | null)?.modele !== sourceId) continue;
    const name = basename(file);
    if (names.has(name)) continue;
    names.add(name);
    const edits: ValueEdit[] = [[['modele'], req.id]];
    if (req.region) edits.push([['ars', 'nom'], `Agence Régionale de Santé ${req.region}`], [['ars', 'region'], req.region]);
    // `ars.region` is optional (deduced from the name): absent, it stays absent.
    let { text } = replaceValues(readFileSync(file, 'utf8'), edits);
    if (!name.endsWith('.json')) {
      const q = (x: string) => `«\u00A0${x}\u00A0»`;
      text = `# Exemple du modèle ${q(req.id)}, repris de ${q(name)} (modèle ${q(sourceId)}) par cpom modeles nouveau.\n# À adapter avant tout usage réel — agence (adresse, signataire, PRS), titulaire, dates.\n${text}`;
    }
    out.push({ to: join(EXAMPLES_DIR, name), text });
  }
  return out;
}
