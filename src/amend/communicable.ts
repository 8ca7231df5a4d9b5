// The safety net of an avenant's communicable version for an ESPIC or a private holder (CRPA
// L. 311-6; DGOS Annexe 4, 001 l. 6227-6264). The communicable pass removes the passages marked
// occultable; this module makes sure nothing the contract's communicable version withholds is
// printed OUTSIDE such a passage by the avenant. What is withheld is derived from the model:
// the contract (before and after the avenant) is evaluated, and a datum is withheld when a
// template prints it inside a marked passage and none outside one (Evaluator.hidden, shown). An
// operation that touches a withheld datum is « sensitive »: its article must be drafted from
// wording templates that read nothing but the avenant's number and dates and the annex's name
// outside a marked passage; any other template may not print a withheld datum outside one. The annexes an avenant attaches are rendered by the model's own templates,
// marks included. Anything else — an article written by the engine, an unmarked template —
// refuses the communicable version instead of leaking.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { parseDataPath } from '../diagnostics/path.ts';
import { templateReads, type TemplateRead } from '../dsl/reads.ts';
import { buildDocumentSet } from '../eval/build.ts';
import type { Block } from '../ir/types.ts';
import type { Operation } from '../model/avenant.ts';
import type { Contract } from '../model/contract.ts';
import type { Model } from '../templates/load.ts';
import { collapse, dataPathsOf } from '../templates/unprinted.ts';
import { elementNamer } from './document/labels.ts';
import { wordingContext, type WordingContext } from './document/context.ts';
import { avenantView } from './document/view.ts';
import { WordingRenderer } from './document/wording-template.ts';
import { keyLabel, keyOfContractPath, overlaps, type Key } from './keys.ts';
import { articleFor, touches } from './operations/index.ts';
import type { Versions } from './versions.ts';
import { wordingFields, type WordingName } from './wording/specs.ts';

const CODE = 'AVENANT-COMMUNICABLE';

/** What a sensitive operation's article may print outside a marked passage: the avenant's number and dates, the annex's name. */
const SAFE_ROOTS: ReadonlySet<string> = new Set(['avenant', 'annexe']);

/** Identities that are no contract data: an annex or a document replaced whole is attached, rendered by the model with its marks. */
const ATTACHED: ReadonlySet<string> = new Set(['annexes', 'documents']);

/** Collapsed or concrete data paths: `a` covers itself and every path under it. */
const covers = (a: string, b: string): boolean => b === a || b.startsWith(`${a}.`) || b.startsWith(`${a}[`);

interface Withheld {
  /** Identities of the data printed only inside marked passages (before or after the avenant). */
  readonly keys: readonly Key[];
  /** Collapsed paths (`orientations[]`, `cooperations[].outil`) printed only inside marked passages. */
  readonly paths: readonly string[];
}

/**
 * What the contract's communicable version withholds, before and after the avenant: the data a
 * template prints inside a marked passage and none prints outside one (Evaluator.hidden/shown),
 * and the data the model declares occultable.
 */
function withheldBy(model: Model, contracts: readonly Contract[]): Withheld | readonly Diagnostic[] {
  const keys: Key[] = [];
  const hiddenPaths = new Set<string>();
  const shownPaths = new Set<string>();
  for (const c of contracts) {
    const shown = new Set<string>();
    const hidden = new Set<string>();
    const built = buildDocumentSet(model, c, { shown, hidden });
    if (!built.ok) return built.diagnostics;
    const data = (ps: Set<string>) => [...ps].flatMap(dataPathsOf);
    const shownData = data(shown);
    for (const p of shownData) shownPaths.add(collapse(p));
    for (const h of data(hidden)) {
      hiddenPaths.add(collapse(h));
      if (!shownData.some((s) => covers(s, h))) keys.push(keyOfContractPath(c, parseDataPath(h)));
    }
  }
  const paths = [...hiddenPaths].filter((h) => ![...shownPaths].some((s) => covers(s, h)));
  // Declared by the model (modele.yaml, donnees_occultables), printed or not by the contract:
  // withheld whole, up to the first list (an identity key cannot name « every element »).
  for (const d of model.manifest.donnees_occultables) {
    paths.push(d.chemin);
    keys.push(d.chemin.split('[')[0]!.split('.'));
  }
  return { keys, paths };
}

/** The data an operation touches that the contract's communicable version withholds. */
function withheldTouched(op: Operation, before: Contract, w: Withheld): Key[] {
  return touches(op, before).filter((k) => !ATTACHED.has(k[0] ?? '') && w.keys.some((h) => overlaps(h, k)));
}

/** The contract data a wording template reads: its own variables (`op`, `avenant`, computed values) excepted, `avant.` stripped. */
function contractPath(r: TemplateRead, name: WordingName): string | undefined {
  if (r.root === 'avant') return r.path.slice('avant.'.length) || undefined;
  return Object.hasOwn(wordingFields(name), r.root) ? undefined : r.path;
}

/** How to mark the passage, for the refusal below. @message */
function hint(model: Model, name: WordingName): string {
  const t = model.avenant[name];
  const blockHint = 'un bloc ::: occultable-secret-affaires (ou ::: occultable-hors-service-public) … :::';
  const markHint = `mettez ce passage dans ${blockHint}`;
  if (t.origin !== 'commun') return markHint;
  return `${markHint}, dans ce texte commun ou, pour ce seul modèle, dans une copie « ${model.dir}/_avenant/${name}.md »`;
}

/** The templates rendered for one article, and the blocks they returned. */
interface Recorded {
  readonly names: WordingName[];
  readonly blocks: Set<Block>;
}

function recording(ctx: WordingContext): { ctx: WordingContext; start: () => Recorded } {
  let current: Recorded = { names: [], blocks: new Set() };
  return {
    ctx: {
      ...ctx,
      render(name, vars) {
        const blocks = ctx.render(name, vars);
        current.names.push(name);
        for (const b of blocks) current.blocks.add(b);
        return blocks;
      },
    },
    start: () => (current = { names: [], blocks: new Set() }),
  };
}

/**
 * Why avenant n° k may not be given in a communicable version for a holder whose passages
 * are withheld: empty when every datum the contract's communicable version withholds stays
 * inside marked passages (or in the attached annexes, rendered with their marks).
 */
export function communicableAvenantRefusals(model: Model, v: Versions, k: number): readonly Diagnostic[] {
  const src = v.avenants[k - 1];
  const before = v.versions[k - 1]?.contract;
  const after = v.versions[k]?.contract;
  if (!src || !before || !after) return [{ severity: 'erreur', code: 'AVENANT-SELECTION', message: `avenant n° ${k} absent : la séquence compte ${v.avenants.length} avenant(s)` }];
  const a = src.avenant;
  const found = withheldBy(model, [before, after]);
  if (!('paths' in found)) return found;
  const w: Withheld = found;
  const view = buildDocumentSet(model, avenantView(after, a));
  if (!view.ok) return view.diagnostics;
  const renderer = new WordingRenderer(model, before, after, a);
  const rec = recording(wordingContext(model, before, after, view.value.documents, renderer));
  const out: Diagnostic[] = [];
  const name = elementNamer(model);

  /** Contract data that the contract withholds, printed outside marked passages. */
  const withheldPrints = (name: WordingName, what: string): void => {
    for (const r of templateReads(model.avenant[name].template.body)) {
      const path = r.printed && !r.withheld ? contractPath(r, name) : undefined;
      if (path === undefined || !w.paths.some((h) => covers(h, path) || covers(path, h))) continue;
      out.push({
        severity: 'erreur',
        code: CODE,
        message: `${what} : le texte « ${model.avenant[name].file} » imprime hors d’un passage occultable « ${r.path} », que la version communicable du contrat occulte`,
        span: r.span,
        hints: [hint(model, name)],
      });
      return;
    }
  };

  a.operations.forEach((op, i) => {
    /** @message the subject of the diagnostics below. */
    const what = `opération n° ${i + 1} « ${op.type} » de l’avenant n° ${a.numero}`;
    const recorded = rec.start();
    const article = articleFor(op, rec.ctx);
    const withheld = withheldTouched(op, before, w);
    if (withheld.length === 0) {
      for (const name of new Set(recorded.names)) withheldPrints(name, what);
      return;
    }
    const data = [...new Set(withheld.map((k) => name(k, before) ?? `l’élément « ${keyLabel(k)} »`))].join(', ');
    if (article.titre !== undefined || article.blocks.some((b) => !recorded.blocks.has(b))) {
      out.push({
        severity: 'erreur',
        code: CODE,
        message: `${what} : elle modifie ${data}, que la version communicable du contrat occulte, mais son article est rédigé par le moteur et non par un texte de templates/_avenant : il ne peut pas être marqué occultable`,
        hints: ['produisez la version communicable sans cet avenant, ou la version intégrale pour un titulaire public'],
      });
      return;
    }
    for (const name of new Set(recorded.names)) {
      const leak = templateReads(model.avenant[name].template.body).find((r) => !r.withheld && !SAFE_ROOTS.has(r.root));
      if (!leak) continue;
      out.push({
        severity: 'erreur',
        code: CODE,
        message: `${what} : elle modifie ${data}, que la version communicable du contrat occulte, mais le texte « ${model.avenant[name].file} » de son article lit « ${leak.path} » hors d’un passage occultable`,
        span: leak.span,
        hints: [hint(model, name)],
      });
    }
  });
  // The frame and the closing articles are rendered for every avenant.
  for (const name of ['avenant', 'cloture'] as const) withheldPrints(name, `avenant n° ${a.numero}`);
  if (renderer.ev.diags.length > 0) return renderer.ev.diags;
  return out;
}
