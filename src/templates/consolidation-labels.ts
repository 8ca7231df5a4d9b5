// The consolidated version's wording (templates/_avenant/version-consolidee.yaml): its mention,
// the tables of avenants and of changed elements, the marks « [modifié par l’avenant n° 2] » and
// the names of the contract's elements. A shared default set; a model overrides any of its labels
// in its own _avenant/version-consolidee.yaml (only the labels it words differently). Each label
// is a one-line template of the DSL, parsed with spans and checked statically against the
// contract's fields plus the values its spec declares (src/amend/wording/labels.ts).
import { join } from 'node:path';
import { z } from 'zod';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { InlineNode } from '../dsl/ast.ts';
import { Checker } from '../dsl/check.ts';
import { SourceFile } from '../dsl/source.ts';
import { describeRefusal } from '../io/confine.ts';
import { parseYamlWith } from '../model/load.ts';
import type { YamlSource } from '../model/yaml.ts';
import { LABEL_SPECS, LABELS_FILE, labelFields, type LabelName } from '../amend/wording/labels.ts';
import { AVENANT_DIR, overrideLayers, type AvenantSources } from './avenant-wording.ts';
import { at, parseYamlInline } from './mentions.ts';

export interface Label {
  readonly nodes: readonly InlineNode[];
  readonly file: string;
  /** `modele`: the model's own wording replaces the shared default. */
  readonly origin: 'commun' | 'bibliotheque' | 'modele';
}

export type ConsolidationLabels = Readonly<Record<LabelName, Label>>;

const NAMES = Object.keys(LABEL_SPECS) as LabelName[];
const path = (name: LabelName): string[] => name.split('.');

/** The file's shape: every label (shared default) or any of them (a model's override), nothing else. */
function schemaOf(all: boolean): z.ZodType {
  const text = all ? z.string().min(1) : z.string().min(1).optional();
  const top: Record<string, z.ZodType> = {};
  const groups: Record<string, Record<string, z.ZodType>> = {};
  for (const name of NAMES) {
    const [a, b] = path(name) as [string, string | undefined];
    if (b === undefined) top[a] = text;
    else (groups[a] ??= {})[b] = text;
  }
  for (const [g, fields] of Object.entries(groups)) top[g] = all ? z.strictObject(fields) : z.strictObject(fields).optional();
  return z.strictObject(top);
}

interface Parsed {
  readonly file: string;
  readonly src: SourceFile;
  readonly source: YamlSource;
  readonly data: Readonly<Record<string, unknown>>;
}

function parse(file: string, text: string, all: boolean, diags: Diagnostic[]): Parsed | undefined {
  const y = parseYamlWith(file, text, schemaOf(all), 'MODELE-AVENANT');
  if (!y.ok) {
    diags.push(...y.diagnostics);
    return undefined;
  }
  return { file, src: new SourceFile(file, text), source: y.value.source, data: (y.value.data ?? {}) as Record<string, unknown> };
}

function valueOf(p: Parsed, name: LabelName): string | undefined {
  const v = at(p.data, path(name));
  return typeof v === 'string' ? v : undefined;
}

/**
 * Loads the labels: the model's own first, then its library's (`<library>/_avenant/`), then the
 * engine's, label by label. `readModelFile` reads under the model's library (and records the file
 * in its fingerprint); `readShared` under templates/.
 */
export function loadConsolidationLabels(sources: AvenantSources): ConsolidationLabels | undefined {
  const { templatesRoot, readModelFile, readShared, root, diags } = sources;
  const sharedFile = join(templatesRoot, AVENANT_DIR, LABELS_FILE);
  const sharedText = readShared(sharedFile);
  if (sharedText === undefined) {
    diags.push({ severity: 'erreur', code: 'MODELE-AVENANT', message: `libellés de la version consolidée introuvables « ${sharedFile} »` });
    return undefined;
  }
  const shared = parse(sharedFile, sharedText, true, diags);
  const layers: { parsed: Parsed; origin: Label['origin'] }[] = [];
  for (const { dir, origin } of overrideLayers(sources)) {
    const file = join(dir, LABELS_FILE);
    const text = readModelFile(file);
    if (text !== undefined && typeof text !== 'string') {
      diags.push({ severity: 'erreur', code: 'MODELE-FICHIER', message: `libellés de la version consolidée refusés : ${describeRefusal(file, text)}` });
      return undefined;
    }
    if (text === undefined) continue;
    const parsed = parse(file, text, false, diags);
    if (!parsed) return undefined;
    layers.push({ parsed, origin });
  }
  if (!shared) return undefined;
  const checker = new Checker();
  const out: Partial<Record<LabelName, Label>> = {};
  for (const name of NAMES) {
    const layer = layers.find((l) => valueOf(l.parsed, name) !== undefined);
    const from = layer?.parsed ?? shared;
    const value = valueOf(from, name)!;
    const scope = new Map(root);
    for (const [k, f] of Object.entries(labelFields(name))) scope.set(k, f);
    const nodes = parseYamlInline(from.src, from.source, path(name), value, diags);
    checker.inlines(nodes, scope);
    out[name] = { nodes, file: from.file, origin: layer?.origin ?? 'commun' };
  }
  diags.push(...checker.diags);
  return out as ConsolidationLabels;
}
