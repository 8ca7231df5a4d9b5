// Static check of fixed heading numbers (`### Article #2 – …`), without data: whatever the
// conditions decide, the printed numbers must be unique and increasing. A `#` heading between
// two fixed ones may print, so it needs room: `#2`, `#`, `#3` is refused (the `#` would be 3).
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import type { BlockNode, HeadingNode } from './ast.ts';

/** Per level: the highest number the counter may have reached, and by which heading. */
type State = Map<number, { readonly max: number; readonly lastFixed?: number; readonly multi?: boolean }>;

function merge(a: State, b: State): State {
  const out: State = new Map(a);
  for (const [level, v] of b) {
    const w = out.get(level);
    if (!w) out.set(level, v);
    else {
      const lastFixed = w.lastFixed !== undefined || v.lastFixed !== undefined ? { lastFixed: Math.max(w.lastFixed ?? 0, v.lastFixed ?? 0) } : {};
      out.set(level, { max: Math.max(w.max, v.max), ...lastFixed, multi: Boolean(w.multi || v.multi) });
    }
  }
  return out;
}

function heading(h: HeadingNode, state: State, inLoop: boolean, diags: Diagnostic[]): State {
  if (!h.numbering) return state;
  const out: State = new Map(state);
  // A `#.#` counter restarts under each parent: a heading above resets the levels below.
  // A plain `#` runs on through the document (resolve/index.ts numberHeadings).
  for (const [level, v] of [...out]) if (level > h.level && v.multi) out.delete(level);
  const multi = h.numbering.includes('#.#');
  const cur = out.get(h.level) ?? { max: 0 };
  if (h.fixed === undefined) {
    out.set(h.level, { ...cur, max: cur.max + 1, multi });
    return out;
  }
  if (inLoop) {
    diags.push({ severity: 'erreur', code: 'DSL-NUMERO-FIXE', message: `numéro fixé ${h.fixed} dans une boucle « pour » : il serait imprimé à chaque tour`, span: h.span });
  } else if (cur.lastFixed !== undefined && h.fixed <= cur.lastFixed) {
    diags.push({
      severity: 'erreur',
      code: 'DSL-NUMERO-FIXE',
      message: `numéro fixé ${h.fixed} ${h.fixed === cur.lastFixed ? 'en double' : 'décroissant'} : un titre précédent du même niveau porte le numéro fixé ${cur.lastFixed}`,
      span: h.span,
    });
  } else if (!Number.isFinite(cur.max)) {
    diags.push({ severity: 'erreur', code: 'DSL-NUMERO-FIXE', message: `numéro fixé ${h.fixed} après une boucle « pour » qui numérote des titres « # » du même niveau : leur nombre dépend des données`, span: h.span });
  } else if (h.fixed <= cur.max) {
    diags.push({
      severity: 'erreur',
      code: 'DSL-NUMERO-FIXE',
      message: `numéro fixé ${h.fixed} trop petit : les titres numérotés « # » qui le précèdent peuvent aller jusqu’au numéro ${cur.max}`,
      span: h.span,
      hints: ['fixez aussi le numéro de ces titres, ou laissez-leur la place (« Article #4 » après un « Article # » qui suit « Article #2 »)'],
    });
  }
  out.set(h.level, { max: Math.max(cur.max, h.fixed), lastFixed: Math.max(cur.lastFixed ?? 0, h.fixed), multi });
  return out;
}

function walk(nodes: readonly BlockNode[], state: State, inLoop: boolean, diags: Diagnostic[]): State {
  let s = state;
  for (const n of nodes) {
    switch (n.kind) {
      case 'heading':
        s = heading(n, s, inLoop, diags);
        break;
      case 'div':
        s = walk(n.body, s, inLoop, diags);
        break;
      case 'if': {
        // Each branch starts from the same state; afterwards, anything one of them (or none,
        // without « sinon ») may have printed.
        let after = n.otherwise ? walk(n.otherwise, s, inLoop, diags) : s;
        for (const b of n.branches) after = merge(after, walk(b.body, s, inLoop, diags));
        s = after;
        break;
      }
      case 'for': {
        // Twice: a `#` in the body may print many times, so what follows must leave room for that.
        const once = walk(n.body, s, true, diags);
        const twice = walk(n.body, once, true, []);
        const grown: State = new Map(twice);
        for (const [level, v] of twice) if (v.max > (once.get(level)?.max ?? 0)) grown.set(level, { ...v, max: Number.POSITIVE_INFINITY });
        const before = s;
        s = merge(before, grown);
        if (n.empty) s = merge(s, walk(n.empty, before, inLoop, diags));
        break;
      }
      case 'paragraph':
      case 'listItem':
      case 'row':
      case 'table':
      case 'pageBreak':
      case 'signatures':
        break;
    }
  }
  return s;
}

/** Diagnostics for fixed numbers a document could print twice or in decreasing order. */
export function checkFixedNumbers(body: readonly BlockNode[]): Diagnostic[] {
  const diags: Diagnostic[] = [];
  walk(body, new Map(), false, diags);
  return diags;
}
