// The avenant's legal wording (templates/_avenant/<name>.md): a shared default set, which a model
// overrides file by file with its own <model>/_avenant/<name>.md (the IDF guide's « socles
// contractuels du contrat et des avenants, sous forme de documents types », seed 004 l. 730).
// An agency's library (--modeles) may hold its own _avenant/ beside its models: a default for
// all of them, between the model's file and the engine's, as its _mentions.yaml is.
// Each template is parsed with spans and checked statically like the contract's documents,
// against the contract's fields plus the typed context its operation gives (src/amend/wording/specs.ts).
import { existsSync, readdirSync } from 'node:fs';
import { basename, join, resolve as resolvePath } from 'node:path';
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { TemplateDoc } from '../dsl/ast.ts';
import { Checker, collectAnchors, type Scope } from '../dsl/check.ts';
import { parseTemplate } from '../dsl/parser.ts';
import { describeRefusal, readConfined, type Refusal } from '../io/confine.ts';
import { isWordingName, WORDING_SPECS, wordingFields, type WordingName } from '../amend/wording/specs.ts';
import { LABELS_FILE } from '../amend/wording/labels.ts';

/** The folder of avenant wording, in templates/ (shared default) and in a model's folder (overrides). */
export const AVENANT_DIR = '_avenant';

export interface WordingTemplate {
  readonly name: WordingName;
  readonly file: string;
  readonly template: TemplateDoc;
  /** `modele`: the model's own version; `bibliotheque`: its library's; `commun`: the engine's. */
  readonly origin: 'commun' | 'bibliotheque' | 'modele';
}

export type AvenantWording = Readonly<Record<WordingName, WordingTemplate>>;

/** Where a model's avenant wording is read from, and how (both loaders of _avenant/ take it). */
export interface AvenantSources {
  readonly templatesRoot: string;
  readonly modelDir: string;
  readonly library: string;
  /** Reads under the model's library, and records the file in the model's fingerprint. */
  readonly readModelFile: (p: string) => string | undefined | Refusal;
  /** Reads under the engine's templates/. */
  readonly readShared: (p: string) => string | undefined;
  readonly root: Scope;
  readonly diags: Diagnostic[];
}

/**
 * The _avenant/ folders that override the engine's, in lookup order: the model's, then its
 * library's (the engine's own library has no layer but the engine's).
 */
export function overrideLayers(s: AvenantSources): { readonly dir: string; readonly origin: 'modele' | 'bibliotheque' }[] {
  const engine = resolvePath(join(s.templatesRoot, AVENANT_DIR));
  const seen = new Set([engine]);
  const out: { dir: string; origin: 'modele' | 'bibliotheque' }[] = [];
  for (const [base, origin] of [
    [s.modelDir, 'modele'],
    [s.library, 'bibliotheque'],
  ] as const) {
    const dir = join(base, AVENANT_DIR);
    if (seen.has(resolvePath(dir))) continue;
    seen.add(resolvePath(dir));
    out.push({ dir, origin });
  }
  return out;
}

/**
 * Loads every wording template, the model's override first. `readModelFile` reads under the
 * model's library (and records the file in its fingerprint); `readShared` under templates/.
 */
export function loadAvenantWording(sources: AvenantSources): AvenantWording | undefined {
  const { templatesRoot, library, readModelFile, readShared, root, diags } = sources;
  const layers = overrideLayers(sources);
  // A file the engine would never read is a typo the model's author must hear about.
  for (const { dir, origin } of layers) {
    if (!existsSync(dir)) continue;
    const where = origin === 'bibliotheque' ? ` (bibliothèque « ${library} »)` : '';
    for (const f of readdirSync(dir).sort()) {
      const name = basename(f, '.md');
      // « _x.md »: a fragment the model's own wording includes ({% inclure %}), not a text of its own.
      if (f !== LABELS_FILE && (!f.endsWith('.md') || (!isWordingName(name) && !name.startsWith('_')))) {
        diags.push({
          severity: 'erreur',
          code: 'MODELE-AVENANT',
          message: `texte d’avenant inconnu « ${join(AVENANT_DIR, f)} »${where} ; textes possibles : ${[...Object.keys(WORDING_SPECS).map((n) => `${n}.md`), LABELS_FILE].join(', ')}`,
        });
      }
    }
  }
  const out: Partial<Record<WordingName, WordingTemplate>> = {};
  const checker = new Checker();
  for (const name of Object.keys(WORDING_SPECS) as WordingName[]) {
    let file = '';
    let origin: WordingTemplate['origin'] = 'commun';
    let text: string | undefined | Refusal;
    for (const layer of layers) {
      file = join(layer.dir, `${name}.md`);
      origin = layer.origin;
      text = readModelFile(file);
      if (text !== undefined) break;
    }
    if (text !== undefined && typeof text !== 'string') {
      diags.push({ severity: 'erreur', code: 'MODELE-FICHIER', message: `texte d’avenant refusé : ${describeRefusal(file, text)}` });
      continue;
    }
    if (text === undefined) {
      file = join(templatesRoot, AVENANT_DIR, `${name}.md`);
      origin = 'commun';
      text = readShared(file);
    }
    if (text === undefined) {
      diags.push({ severity: 'erreur', code: 'MODELE-AVENANT', message: `texte d’avenant introuvable « ${file} »` });
      continue;
    }
    const t = parseTemplate(file, text, { readFile: origin === 'commun' ? readShared : readModelFile, root: origin === 'commun' ? templatesRoot : library });
    diags.push(...t.diagnostics);
    const scope = new Map(root);
    for (const [k, f] of Object.entries(wordingFields(name))) scope.set(k, f);
    checker.blocks(t.doc.body, scope, collectAnchors(t.doc.body));
    out[name] = { name, file, template: t.doc, origin };
  }
  diags.push(...checker.diags);
  return Object.keys(out).length === Object.keys(WORDING_SPECS).length ? (out as AvenantWording) : undefined;
}

/** Reads a shared wording file under templates/ (confined like the mentions). */
export function sharedReader(templatesRoot: string, read: Set<string>): (p: string) => string | undefined {
  return (p) => {
    const r = readConfined(p, templatesRoot);
    if (!r.ok) return undefined;
    read.add(resolvePath(p));
    return r.text;
  };
}
