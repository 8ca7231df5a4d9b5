// French typographic spaces and ordinals, decided once for both writers (issue 13, item 4).
//
// Neither Word, LibreOffice nor our PDF layout adds French spacing by itself, so resolve writes
// it into the text: U+202F (narrow no-break space) before ; ! ? and %, and in thousands groups;
// U+00A0 (no-break space) before « : », inside « guillemets », before €, after « n° », between
// « L. », « art. », « article », « annexe »… and a number, after an ordinal (« 1er janvier »)
// and in dates (« 28 juin 2019 »). Only plain spaces are touched: the wording stays verbatim.
// The rules run over the text of a whole paragraph, across runs, so « l’article {% ref x %} »
// is glued like « l’article 6 ».
import type { Inline, TextRun } from '../types.ts';
import { NBSP, NNBSP } from './french.ts';

const MONTH = '(?:janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)';
/** Ordinal suffixes printed in superscript: 1er, 1re, 1ers, 2e, 2nd… */
const SUFFIX = '(?:ers?|res?|ères?|èmes?|es?|nde?s?)';
// Not inside an identifier: no letter, digit or joining sign on either side.
const BEFORE = '(?<![\\p{L}\\p{N}_\\-/.])';
const AFTER = '(?![\\p{L}\\p{N}_\\-])';

/** Each rule captures the run of plain spaces (group 1) that must not break. */
const RULES: ReadonlyArray<readonly [RegExp, string]> = [
  [/( +)(?=[;!?%])/dgu, NNBSP],
  [/( +)(?=:)/dgu, NBSP],
  [/«( +)/dgu, NBSP],
  [/( +)(?=»)/dgu, NBSP],
  [/( +)(?=[kM]?€(?!\p{L}))/dgu, NBSP],
  [/(?<![\p{L}\p{N}])[nN]°s?( +)(?=\S)/dgu, NBSP],
  [new RegExp(`${BEFORE}\\d+${SUFFIX}${AFTER}( +)(?=[\\p{L}\\p{N}])`, 'dgu'), NBSP],
  [/(?<![\p{L}\p{N}])(?:L|R|D|A|art|Art|al|p|no|No)\.?( +)(?=\d)/dgu, NBSP],
  [/(?<![\p{L}\p{N}])(?:[Aa]rticles?|[Aa]nnexes?|[Tt]itres?|[Ff]iches?)( +)(?=\d)/dgu, NBSP],
  [/(?<![\p{L}\p{N}.,])\d{1,3}( +)(?=\d{3}(?!\d))/dgu, NNBSP],
  [new RegExp(`(?<![\\p{L}\\p{N}])\\d{1,2}( +)(?=${MONTH}(?!\\p{L}))`, 'dgu'), NBSP],
  [new RegExp(`(?<!\\p{L})${MONTH}( +)(?=\\d{4}(?!\\d))`, 'dgu'), NBSP],
];

/**
 * What to print in place of each plain space of `s` that must not break: the first space of a
 * run becomes the no-break space, the others disappear.
 */
function spaceEdits(s: string): Map<number, string> {
  const edits = new Map<number, string>();
  if (!s.includes(' ')) return edits;
  for (const [re, ch] of RULES) {
    re.lastIndex = 0;
    for (let m = re.exec(s); m; m = re.exec(s)) {
      const [start, end] = m.indices![1]!;
      if (!edits.has(start)) {
        edits.set(start, ch);
        for (let k = start + 1; k < end; k++) edits.set(k, '');
      }
    }
  }
  return edits;
}

function apply(s: string, edits: Map<number, string>, from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) out += edits.get(k) ?? s[k];
  return out;
}

/** A half-open range [from, to) of a string that must be printed verbatim. */
export type Verbatim = readonly [number, number];

/**
 * French no-break spaces in one string (notices, signatory names, CLI messages). The rules see
 * the whole text (so « fichier : » is spaced after a quoted name) but never edit inside a
 * `verbatim` range: a path, a quoted source line or a URL keeps its plain spaces.
 */
export function frenchSpaces(text: string): string {
  return frenchSpacesExcept(text, []);
}

/** `frenchSpaces`, leaving the `verbatim` ranges of `text` as they are. */
export function frenchSpacesExcept(text: string, verbatim: readonly Verbatim[]): string {
  const edits = spaceEdits(text);
  for (const [from, to] of verbatim) for (let k = from; k < to; k++) edits.delete(k);
  return apply(text, edits, 0, text.length);
}

const ORDINAL = new RegExp(`${BEFORE}(\\d+)(${SUFFIX})${AFTER}`, 'gu');

/** Splits « 1er » into « 1 » + superscript « er » (never inside an identifier). */
function superscriptOrdinals(run: TextRun): TextRun[] {
  if (run.superscript || !/\d/.test(run.text)) return [run];
  const out: TextRun[] = [];
  let last = 0;
  ORDINAL.lastIndex = 0;
  for (let m = ORDINAL.exec(run.text); m; m = ORDINAL.exec(run.text)) {
    const cut = m.index + m[1]!.length;
    out.push({ ...run, text: run.text.slice(last, cut) }, { ...run, text: m[2]!, superscript: true });
    last = cut + m[2]!.length;
  }
  if (last === 0) return [run];
  if (last < run.text.length) out.push({ ...run, text: run.text.slice(last) });
  return out.filter((r) => r.text !== '');
}

/**
 * French spaces across the runs of one paragraph, then ordinals in superscript. References must
 * already carry their text. A line break or a page field ends the context of a rule.
 */
export function frenchInlines(content: readonly Inline[]): Inline[] {
  const pieces = content.map((i) => (i.type === 'text' ? i.text : i.type === 'ref' ? (i.text ?? '') : '\n'));
  const joined = pieces.join('');
  const edits = spaceEdits(joined);
  let at = 0;
  const spaced = content.map((i, k): Inline => {
    const from = at;
    at += pieces[k]!.length;
    if (i.type === 'text') return { ...i, text: apply(joined, edits, from, at) };
    if (i.type === 'ref' && i.text !== undefined) return { ...i, text: apply(joined, edits, from, at) };
    return i;
  });
  return spaced.flatMap((i): Inline[] => (i.type === 'text' ? superscriptOrdinals(i) : [i]));
}
