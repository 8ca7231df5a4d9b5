// What the wording of an avenant's articles needs to know beyond the operation itself: the
// contract before and after the avenant, the model's year labels and annex names.
import { yearLabel } from '../../eval/builtins.ts';
import { runtimeOf } from '../../eval/build.ts';
import { formatValue, isStructuredValue, NBSP } from '../../ir/resolve/french.ts';
import type { Block, Document } from '../../ir/types.ts';
import type { Contract } from '../../model/contract.ts';
import { YEAR_KEYS } from '../../model/contract.ts';
import type { Model } from '../../templates/load.ts';
import type { WordingName } from '../wording/specs.ts';
import { annexRef, type AnnexNom, type AnnexRef } from './annexes.ts';
import type { WordingRenderer } from './wording-template.ts';

export interface WordingContext {
  readonly before: Contract;
  readonly after: Contract;
  /** A year as data for a template: « N+3 » and, for a model counting relative years, 2024. */
  anneeData(key: string): AnneeData;
  /** An engagement annex code named by its title (volet of an annex, or the annex). */
  annex(code: string): AnnexRef | undefined;
  /** Annex document of the amended contract, if rendered. */
  document(id: string): Document | undefined;
  /** Annex document whose id matches (financing, PDS…), if the model has one. */
  documentMatching(re: RegExp): Document | undefined;
  /** A wording template of templates/_avenant (or the model's own), its article heading included. */
  render(name: WordingName, vars?: Readonly<Record<string, unknown>>): Block[];
}

/** A year of the contract as a template reads it (the millésime as text: no digit grouping). */
export interface AnneeData {
  readonly libelle: string;
  readonly millesime?: string;
}

/** A target value as a template reads it: its printed text, and whether a sentence quotes it. */
export interface CiteData {
  readonly texte: string;
  readonly guillemets: boolean;
}

/** Numbers and percentages are cited as such, words (« oui », « A ») between guillemets. */
export const citeData = (v: number | string): CiteData => ({
  texte: valeur(v),
  guillemets: !(isStructuredValue(v) && !/^(oui|non)$/i.test(String(v).trim())),
});

/** One article of the avenant, and the annex documents it attaches. */
export interface Article {
  /** Absent when the blocks, rendered from a wording template, carry their own heading. */
  readonly titre?: string;
  readonly blocks: readonly Block[];
  readonly attach?: readonly { readonly id: string; readonly volet?: string }[];
}

export function wordingContext(model: Model, before: Contract, after: Contract, afterDocs: readonly Document[], renderer: WordingRenderer): WordingContext {
  const rt = runtimeOf(model, after);
  const anneeData = (key: string): AnneeData => {
    const k = YEAR_KEYS.indexOf(key as (typeof YEAR_KEYS)[number]) + 1;
    const libelle = yearLabel(k, rt);
    return model.manifest.annees.libelle === 'relatif' ? { libelle, millesime: String(rt.yearN + k) } : { libelle };
  };
  return {
    render: (name, vars) => renderer.render(name, vars),
    before,
    after,
    anneeData,
    annex: (code) => annexRef(model, code),
    document: (id) => afterDocs.find((d) => d.id === id),
    documentMatching(re) {
      return afterDocs.find((d) => d.id !== afterDocs[0]?.id && re.test(d.id));
    },
  };
}

/** A target value as printed in the model's tables. */
export const valeur = (v: number | string): string => formatValue(v);

/** « texte » with the no-break spaces resolve would add anyway. */
export const q = (s: string): string => `«${NBSP}${s}${NBSP}»`;

/** The five years by key (« N+1 » … « N+5 »), as a table header of a wording template reads them. */
export const anneesData = (ctx: WordingContext): Record<(typeof YEAR_KEYS)[number], AnneeData> =>
  Object.fromEntries(YEAR_KEYS.map((k) => [k, ctx.anneeData(k)])) as Record<(typeof YEAR_KEYS)[number], AnneeData>;

/** An engagement annex (or volet) as a template names it; the code as its title for a model that lacks it. */
export const annexeData = (ctx: WordingContext, code: string): AnnexNom => ctx.annex(code)?.nom ?? { titre: code };
