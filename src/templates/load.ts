// Loading a template set: the manifest, every document (includes inlined), the expressions of
// the manifest (applicability, rules, names) — all parsed with spans and checked statically
// against the data schema. A model that does not check is not loaded.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { isAbsolute, join, relative, resolve as resolvePath, sep } from 'node:path';
import type { Diagnostic, Result, Span } from '../diagnostics/diagnostic.ts';
import { fail, ok } from '../diagnostics/diagnostic.ts';
import type { InlineNode, TemplateDoc } from '../dsl/ast.ts';
import { Checker, collectAnchors, elementScope, scopeOf, type Scope } from '../dsl/check.ts';
import { checkFixedNumbers } from '../dsl/fixed-numbers.ts';
import type { Expr } from '../dsl/expr/ast.ts';
import { findDelimiters } from '../dsl/delimiters.ts';
import { parseExpression } from '../dsl/expr/parser.ts';
import { parseInline } from '../dsl/inline.ts';
import { own } from '../dsl/own.ts';
import { parseTemplate } from '../dsl/parser.ts';
import { SourceFile } from '../dsl/source.ts';
import { computedFields, contractFields, T, type Ty } from '../dsl/types.ts';
import { describeRefusal, hashEntry, isInside, readConfined, type Refusal } from '../io/confine.ts';
import { describeFsError } from '../io/fs-errors.ts';
import { formatDataPath } from '../diagnostics/path.ts';
import { parseYamlWith } from '../model/load.ts';
import { spanOfPath, type YamlSource } from '../model/yaml.ts';
import { ManifestSchema, type DocumentEntry, type Manifest, type Rule } from './manifest.ts';
import { isDataPath } from './unprinted.ts';
import { loadAvenantWording, type AvenantWording } from './avenant-wording.ts';
import { loadConsolidationLabels, type ConsolidationLabels } from './consolidation-labels.ts';
import { ENGINE_LIBRARY, listModels, locateModel, TEMPLATES_ROOT, type ModelLibrary } from './library.ts';
import { loadMentions, MENTIONS_FILE, type Mentions } from './mentions.ts';

export { TEMPLATES_ROOT } from './library.ts';

export interface LoadOptions {
  /** Where model ids are looked up (default: the engine's templates/ only). */
  readonly libraries?: readonly ModelLibrary[];
}

export interface CompiledDocument {
  readonly entry: DocumentEntry;
  readonly template: TemplateDoc;
  readonly name: readonly InlineNode[];
  readonly applicable?: Expr;
}

export interface CompiledRule {
  readonly rule: Rule;
  /** `pour_chaque` split into list fields: "engagements[].indicateurs[]" → ["engagements", "indicateurs"]. */
  readonly iterate: readonly string[];
  /** `pour_chaque: "e dans engagements"`: the element is bound to this name, its fields are not spread. */
  readonly elementName?: string;
  readonly si?: Expr;
  readonly verifie: Expr;
  readonly message: readonly InlineNode[];
}

export interface Model {
  readonly id: string;
  readonly dir: string;
  /** The library the model reads in (its includes, _sources/, _mentions.yaml). */
  readonly library: ModelLibrary;
  readonly manifest: Manifest;
  readonly documents: readonly CompiledDocument[];
  readonly rules: readonly CompiledRule[];
  readonly header: readonly InlineNode[];
  /** The library's _mentions.yaml, else the engine's (templates/_mentions.yaml), checked with the model. */
  readonly mentions: Mentions;
  /** The avenant's wording: templates/_avenant, overridden by the model's own _avenant/ files. */
  readonly avenant: AvenantWording;
  /** The consolidated version's labels: templates/_avenant/version-consolidee.yaml, each overridable in the model's own. */
  readonly consolidation: ConsolidationLabels;
  /** sha256 of every file of the set (manifest, documents, fragments): changes when the model does. */
  readonly hash: string;
  /** Every file read outside the model's own folder (shared fragments, mentions), absolute. */
  readonly shared: readonly string[];
  /** Every engagement annex code the model renders. */
  readonly annexCodes: readonly string[];
}

export function rootScope(): Map<string, { ty: Ty; optional: boolean }> {
  return scopeOf({ ...contractFields(), ...computedFields() });
}

/** Model ids of the libraries (default: the engine's), for messages and listings. */
export function listModelIds(libraries: readonly ModelLibrary[] = [ENGINE_LIBRARY]): string[] {
  const r = listModels(libraries);
  return r.ok ? r.value.map((m) => m.id) : [];
}

/**
 * The model's fingerprint: every file of its folder, plus the shared fragments it includes
 * from elsewhere in templates/ (templates/idf-commun for the IDF models), so that editing a
 * shared fragment counts as a change of each model using it (manifest, --reprendre).
 */
export function hashModel(dir: string, included: ReadonlySet<string>): string {
  const h = createHash('sha256');
  h.update(hashDir(dir, dir));
  const outside = [...included]
    .filter((f) => !isInside(dir, f))
    .map((f) => ({ f, rel: sharedName(dir, f) }))
    .map(({ f, rel }) => ({ f, name: isAbsolute(rel) ? f : rel.split(sep).join('/') }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  // Named relative to the model folder (« ../idf-commun/_visas.md »): the same wherever the
  // repository is cloned.
  for (const { f, name } of outside) {
    h.update('\0').update(name).update('\0');
    hashEntry(h, f);
  }
  return h.digest('hex');
}

/**
 * A shared file's name in the fingerprint: relative to the model folder, except the engine's own
 * files used by a model kept elsewhere (its shared _mentions.yaml), named from templates/ so the
 * fingerprint does not depend on where the agency's library sits relative to the engine.
 */
function sharedName(dir: string, f: string): string {
  if (isInside(TEMPLATES_ROOT, f) && !isInside(TEMPLATES_ROOT, dir)) return `<moteur>/${relative(TEMPLATES_ROOT, f)}`;
  return relative(dir, f);
}

function hashDir(dir: string, root: string): string {
  const h = createHash('sha256');
  const walk = (d: string) => {
    for (const e of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else {
        h.update(relative(root, p));
        h.update('\0');
        hashEntry(h, p);
        h.update('\0');
      }
    }
  };
  walk(dir);
  return h.digest('hex');
}

/** Where a manifest string value starts in the YAML text (inside its quotes, if quoted). */
function valueOffset(src: YamlSource, text: string, path: readonly PropertyKey[]): number {
  const span = spanOfPath(src, path);
  if (!span) return 0;
  const c = text[span.start.offset];
  return span.start.offset + (c === '"' || c === "'" ? 1 : 0);
}

export function loadModel(idOrDir: string, options: LoadOptions = {}): Result<Model> {
  const libraries = options.libraries ?? [ENGINE_LIBRARY];
  const located = locateModel(idOrDir, libraries);
  const manifestFile = located ? join(located.dir, 'modele.yaml') : undefined;
  if (!located || !manifestFile || !existsSync(manifestFile)) {
    const where = manifestFile ? `pas de ${manifestFile}` : `cherché dans ${libraries.map((l) => l.root).join(', ')}`;
    return fail([{ severity: 'erreur', code: 'MODELE-INTROUVABLE', message: `modèle introuvable « ${idOrDir} » (${where}) ; modèles disponibles : ${listModelIds(libraries).join(', ')}` }]);
  }
  const { dir } = located;
  const library = located.library.root;
  const manifestRead = readConfined(manifestFile, library);
  if (!manifestRead.ok) {
    return fail([{ severity: 'erreur', code: 'MODELE-FICHIER', message: `manifeste refusé : ${describeRefusal(manifestFile, manifestRead.refusal)}` }]);
  }
  const y = parseYamlWith(manifestFile, manifestRead.text, ManifestSchema, 'MODELE-MANIFESTE');
  if (!y.ok) return y;
  const text = y.value.source.text;
  const manifest = y.value.data;
  const diags: Diagnostic[] = [];
  const msrc = new SourceFile(manifestFile, text);
  const expr = (path: PropertyKey[], value: string): Expr | undefined => {
    const r = parseExpression(msrc, valueOffset(y.value.source, text, path), value);
    if (!r.ok) diags.push(r.diagnostic);
    return r.ok ? r.expr : undefined;
  };
  const inline = (path: PropertyKey[], value: string): InlineNode[] => parseInline(msrc, valueOffset(y.value.source, text, path), value, diags);

  const read = new Set<string>();
  // Every file the model names goes through the library's confinement (no link, no way out,
  // bounded size); a refusal is reported where the file is named.
  const readFile = (p: string): string | undefined | Refusal => {
    const r = readConfined(p, library);
    if (!r.ok) return r.refusal.kind === 'absent' ? undefined : r.refusal;
    read.add(resolvePath(p));
    return r.text;
  };
  const documents: CompiledDocument[] = [];
  const seenIds = new Set<string>();
  manifest.documents.forEach((entry, i) => {
    if (seenIds.has(entry.id)) {
      const span = spanOfPath(y.value.source, ['documents', i, 'id']);
      diags.push({ severity: 'erreur', code: 'MODELE-MANIFESTE', message: `identifiant de document en double « ${entry.id} »`, ...(span ? { span } : {}) });
    }
    seenIds.add(entry.id);
    const file = join(dir, entry.fichier);
    const src = readFile(file);
    if (typeof src !== 'string') {
      const span = spanOfPath(y.value.source, ['documents', i, 'fichier']);
      const message = src === undefined ? `document introuvable « ${entry.fichier} »` : `document refusé : ${describeRefusal(entry.fichier, src)}`;
      diags.push({ severity: 'erreur', code: 'MODELE-FICHIER', message, ...(span ? { span } : {}) });
      return;
    }
    const t = parseTemplate(file, src, { readFile, root: library });
    diags.push(...t.diagnostics);
    const applicable = entry.applicable ? expr(['documents', i, 'applicable'], entry.applicable) : undefined;
    documents.push({ entry, template: t.doc, name: inline(['documents', i, 'nom'], entry.nom), ...(applicable ? { applicable } : {}) });
  });

  const rules: CompiledRule[] = [];
  const ruleIndex: number[] = [];
  manifest.regles.forEach((rule, i) => {
    const named = rule.pour_chaque ? /^\s*([\p{L}_][\p{L}\p{N}_]*)\s+dans\s+(.+)$/u.exec(rule.pour_chaque) : null;
    const listPath = named ? named[2]!.trim() : rule.pour_chaque;
    const iterate = listPath ? listPath.split('.').map((s) => s.replace(/\[\]$/, '')) : [];
    const si = rule.si ? expr(['regles', i, 'si'], rule.si) : undefined;
    const verifie = expr(['regles', i, 'verifie'], rule.verifie);
    const message = inline(['regles', i, 'message'], rule.message);
    if (verifie) {
      rules.push({ rule, iterate, ...(named ? { elementName: named[1]! } : {}), ...(si ? { si } : {}), verifie, message });
      ruleIndex.push(i);
    }
  });
  const header = inline(['en_tete'], manifest.en_tete);
  // Plain (non-template) texts of the manifest that are printed in the contract.
  const plain = (path: PropertyKey[], value: string) => {
    const d = findDelimiters(value)[0];
    if (!d) return;
    const at = valueOffset(y.value.source, text, path);
    diags.push({
      severity: 'erreur',
      code: 'DSL-DELIMITEUR',
      message: `${formatDataPath(path)} est un texte simple, pas un gabarit : le délimiteur « ${d.delimiter} » y serait imprimé tel quel`,
      span: msrc.span(at + d.at, at + d.at + d.length),
    });
  };
  plain(['titre'], manifest.titre);
  for (const [party, label] of Object.entries(manifest.signature.paraphes)) plain(['signature', 'paraphes', party], label);
  for (const key of ['donnees_non_imprimees', 'donnees_occultables'] as const) {
    manifest[key].forEach((d, i) => {
      if (isDataPath(d.chemin)) return;
      const span = spanOfPath(y.value.source, [key, i, 'chemin']);
      diags.push({ severity: 'erreur', code: 'MODELE-MANIFESTE', message: `${key} : « ${d.chemin} » n’est pas un chemin des données (ex. autorisations, engagements[].numero)`, ...(span ? { span } : {}) });
    });
  }

  // Static checks of everything against the schema.
  const checker = new Checker();
  const root = rootScope();
  checker.inlines(header, root);
  for (const d of documents) {
    checker.inlines(d.name, root);
    if (d.applicable) checker.expr(d.applicable, root);
    checker.blocks(d.template.body, root, collectAnchors(d.template.body));
    diags.push(...checkFixedNumbers(d.template.body));
  }
  for (const [i, r] of rules.entries()) {
    const scope = ruleScope(r.iterate, root, checker, r.rule.pour_chaque ?? '', spanOfPath(y.value.source, ['regles', ruleIndex[i]!, 'pour_chaque']), r.elementName);
    if (!scope) continue;
    if (r.si) checker.expr(r.si, scope);
    checker.expr(r.verifie, scope);
    checker.inlines(r.message, scope);
  }
  diags.push(...checker.diags);
  // The mentions: the engine's shared wording, and the texts the library's own _mentions.yaml
  // words its own way (an agency's « texte reconstitué » notice), key by key; each file read
  // under its own library's confinement, both counted in the model's fingerprint.
  const readMentions = (p: string): string | undefined => {
    const r = readConfined(p, resolvePath(p) === resolvePath(join(library, MENTIONS_FILE)) ? library : TEMPLATES_ROOT);
    if (!r.ok) return undefined;
    read.add(resolvePath(p));
    return r.text;
  };
  const mentions = loadMentions(TEMPLATES_ROOT, readMentions, root, library);
  diags.push(...(mentions.ok ? mentions.warnings : mentions.diagnostics));
  // The shared avenant wording is the engine's (templates/_avenant), read in the engine's library
  // whatever the model's; a model overrides it with its own _avenant/ files.
  const readEngine = (p: string): string | undefined => {
    const r = readConfined(p, TEMPLATES_ROOT);
    if (!r.ok) return undefined;
    read.add(resolvePath(p));
    return r.text;
  };
  const sources = { templatesRoot: TEMPLATES_ROOT, modelDir: dir, library, readModelFile: readFile, readShared: readEngine, root, diags };
  const avenant = loadAvenantWording(sources);
  const consolidation = loadConsolidationLabels(sources);
  if (!mentions.ok || !avenant || !consolidation || diags.some((d) => d.severity === 'erreur')) return fail(diags);

  const annexCodes = [...new Set(manifest.documents.flatMap((d) => d.annexes_engagements))].sort();
  let hash: string;
  try {
    hash = hashModel(dir, read);
  } catch (e) {
    return fail([{ severity: 'erreur', code: 'MODELE-FICHIER', message: `impossible de lire un fichier du modèle « ${dir} » : ${describeFsError(e)}` }]);
  }
  const shared = [...read].filter((f) => !isInside(dir, f)).sort();
  return ok({ id: manifest.id, dir, library: located.library, manifest, documents, rules, header, mentions: mentions.value, avenant, consolidation, hash, shared, annexCodes }, diags);
}

/** Scope of a rule iterating over nested lists: each level's element fields, innermost last. */
function ruleScope(iterate: readonly string[], root: Scope, checker: Checker, text: string, span: Span | undefined, elementName?: string): Scope | undefined {
  let scope: Scope = root;
  let ty: Ty = T.object(Object.fromEntries(root));
  for (const [k, field] of iterate.entries()) {
    const f = ty.k === 'object' ? own(ty.fields, field) : undefined;
    if (f && f.ty.k === 'object') {
      // An object on the way (financements.dotations): descend without iterating.
      ty = f.ty;
      continue;
    }
    if (!f || f.ty.k !== 'array') {
      checker.diags.push({
        severity: 'erreur',
        code: 'MODELE-REGLE',
        message: `pour_chaque « ${text} » : « ${field} » n’est ni une liste ni un objet des données`,
        ...(span ? { span } : {}),
      });
      return undefined;
    }
    ty = f.ty.of;
    if (elementName && k === iterate.length - 1) {
      const named = new Map(scope);
      named.set(elementName, { ty, optional: false });
      scope = named;
    } else scope = elementScope(ty, scope);
  }
  return scope;
}
