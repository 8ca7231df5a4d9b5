// Inline parsing: text with `{{ valeurs }}`, `{% ref x %}`, inline `{% si %}` and Markdown
// emphasis. Tags are parsed first and replaced by private-use sentinels before marked lexes the
// emphasis, so data values are never interpreted as Markdown (a `*` or `_` in a hospital's name
// stays a character) and emphasis can wrap placeholders: `**{{ titulaire.raison_sociale }}**`.
import { Lexer, type Token } from 'marked';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import { delimiterHints, delimiterMessage, findDelimiters } from './delimiters.ts';
import type { Expr } from './expr/ast.ts';
import { parseExpression, parseValue } from './expr/parser.ts';
import type { InlineNode } from './ast.ts';
import type { SourceFile } from './source.ts';

const S_OPEN = '\uE000';
const S_CLOSE = '\uE001';
const TAG_RE = /\{\{([\s\S]*?)\}\}|\{%([\s\S]*?)%\}|\{#[\s\S]*?#\}/g;

type Piece =
  | { kind: 'text'; text: string }
  | { kind: 'node'; node: InlineNode }
  | { kind: 'tag'; name: string; rest: string; restOffset: number; start: number; end: number };

/**
 * Reports every template delimiter of `raw` that is not part of a well-formed tag or comment
 * (DSL-DELIMITEUR): stray or unclosed ones, and those glued to a tag (`{{% si %}`, `{{ x }}}`),
 * which would print a delimiter once the tag is replaced. `tags` are the tag ranges in `raw`.
 */
function lintStray(src: SourceFile, offset: number, raw: string, tags: readonly { start: number; end: number }[], diags: Diagnostic[]): void {
  let reportedTo = 0;
  for (const d of findDelimiters(raw)) {
    if (d.at < reportedTo || tags.some((t) => d.at >= t.start && d.at + d.length <= t.end)) continue;
    reportedTo = d.at + d.length;
    diags.push({
      severity: 'erreur',
      code: 'DSL-DELIMITEUR',
      message: delimiterMessage(d.delimiter, d.length > 2),
      span: src.span(offset + d.at, offset + d.at + d.length),
      hints: delimiterHints(d.delimiter),
    });
  }
}

/**
 * A tag whose inside holds another delimiter: `{{ a {{ b }}` (the first one was never closed)
 * or a quoted string that would print one. Reported at the tag's opening delimiter.
 */
function lintTagInside(src: SourceFile, start: number, open: '{{' | '{%', inner: string, diags: Diagnostic[]): boolean {
  const found = findDelimiters(inner)[0];
  if (!found) return false;
  const close = open === '{{' ? '}}' : '%}';
  const at = src.position(start + 2 + found.at);
  diags.push({
    severity: 'erreur',
    code: 'DSL-DELIMITEUR',
    message: `« ${open} » ouvert ici n’est pas fermé par « ${close} » avant le délimiteur « ${found.delimiter} » (ligne ${at.line}, colonne ${at.column})`,
    span: src.span(start, start + 2),
    hints: [`fermez la balise par « ${close} » ; une chaîne entre guillemets ne peut pas non plus contenir de délimiteur de gabarit`],
  });
  return true;
}

/** Splits raw text into text pieces and tags; `{{ }}` and `{% ref %}` become nodes right away. */
function tokenize(src: SourceFile, offset: number, raw: string, diags: Diagnostic[]): Piece[] {
  const out: Piece[] = [];
  const matches = [...raw.matchAll(TAG_RE)];
  lintStray(src, offset, raw, matches.map((m) => ({ start: m.index, end: m.index + m[0].length })), diags);
  let last = 0;
  for (const m of matches) {
    const at = m.index;
    if (at > last) out.push({ kind: 'text', text: raw.slice(last, at) });
    last = at + m[0].length;
    const start = offset + at;
    const end = offset + last;
    if (m[0].startsWith('{#')) continue; // {# comments #} vanish, whatever they hold.
    if (lintTagInside(src, start, m[1] !== undefined ? '{{' : '{%', m[1] ?? m[2]!, diags)) continue;
    if (m[1] !== undefined) {
      const inner = m[1];
      const parsed = parseValue(src, start + 2, inner);
      if (!parsed.ok) diags.push(parsed.diagnostic);
      else out.push({ kind: 'node', node: { kind: 'value', expr: parsed.expr, filters: parsed.filters, span: src.span(start, end) } });
    } else if (m[2] !== undefined) {
      const inner = m[2];
      const lead = inner.length - inner.trimStart().length;
      const body = inner.trim();
      const nameMatch = /^(sinon\s+si|[\p{L}_]+)/u.exec(body);
      const name = nameMatch ? nameMatch[1]!.replace(/\s+/g, ' ') : '';
      const rest = body.slice(nameMatch ? nameMatch[0].length : 0);
      const restOffset = start + 2 + lead + (nameMatch ? nameMatch[0].length : 0);
      if (name === 'ref') {
        const target = rest.trim();
        if (!/^[\w-]+$/.test(target)) {
          diags.push({ severity: 'erreur', code: 'DSL-SYNTAXE', message: 'nom d’ancre attendu : {% ref ancre %}', span: src.span(start, end) });
        } else out.push({ kind: 'node', node: { kind: 'ref', target, span: src.span(start, end) } });
      } else {
        out.push({ kind: 'tag', name, rest, restOffset, start, end });
      }
    }
  }
  if (last < raw.length) out.push({ kind: 'text', text: raw.slice(last) });
  return out;
}

interface Group {
  readonly items: (Piece | { kind: 'if'; node: InlineNode })[];
}

/** Builds inline `si` structures from the flat piece list. */
function nest(src: SourceFile, pieces: Piece[], diags: Diagnostic[], run: Span): Group {
  let i = 0;
  const parseSeq = (stopAt: ReadonlySet<string>): { group: Group; stop?: Piece & { kind: 'tag' } } => {
    const items: Group['items'] = [];
    while (i < pieces.length) {
      const p = pieces[i]!;
      if (p.kind === 'tag') {
        if (stopAt.has(p.name)) {
          i++;
          return { group: { items }, stop: p };
        }
        if (p.name === 'si') {
          i++;
          items.push({ kind: 'if', node: parseIf(p) });
          continue;
        }
        diags.push({
          severity: 'erreur',
          code: 'DSL-BALISE',
          message:
            p.name === 'finsi' || p.name === 'sinon' || p.name === 'sinon si'
              ? `« {% ${p.name} %} » sans « {% si %} » ouvert dans ce paragraphe`
              : `balise « {% ${p.name} %} » inattendue au milieu d’un texte (seules « si » et « ref » y sont permises ; les autres blocs se placent seuls sur leur ligne)`,
          span: src.span(p.start, p.end),
        });
        i++;
        continue;
      }
      items.push(p);
      i++;
    }
    return { group: { items } };
  };
  const parseCond = (p: { rest: string; restOffset: number; start: number; end: number }): Expr | undefined => {
    const r = parseExpression(src, p.restOffset, p.rest);
    if (!r.ok) {
      diags.push(r.diagnostic);
      return undefined;
    }
    return r.expr;
  };
  const unclosed = (open: { start: number; end: number }) =>
    diags.push({
      severity: 'erreur',
      code: 'DSL-BLOC-NON-FERME',
      message: '« {% si %} » ouvert ici n’est pas fermé par « {% finsi %} » dans le même paragraphe',
      span: src.span(open.start, open.end),
    });
  const parseIf = (open: Piece & { kind: 'tag' }): InlineNode => {
    const branches: { cond: Expr; body: InlineNode[] }[] = [];
    let otherwise: InlineNode[] | undefined;
    let cond = parseCond(open);
    for (;;) {
      const { group, stop } = parseSeq(new Set(['sinon si', 'sinon', 'finsi']));
      const body = emphasis(group, run);
      if (cond) branches.push({ cond, body });
      if (!stop) {
        unclosed(open);
        break;
      }
      if (stop.name === 'finsi') break;
      if (stop.name === 'sinon') {
        const rest = parseSeq(new Set(['finsi']));
        otherwise = emphasis(rest.group, run);
        if (!rest.stop) unclosed(open);
        break;
      }
      cond = parseCond(stop);
    }
    return { kind: 'inlineIf', branches, ...(otherwise ? { otherwise } : {}), span: src.span(open.start, open.end) };
  };
  return parseSeq(new Set()).group;
}

/** Runs marked over text + sentinels and maps its emphasis back onto our nodes. */
function emphasis(group: Group, run: Span): InlineNode[] {
  const nodes: InlineNode[] = [];
  let md = '';
  for (const it of group.items) {
    if (it.kind === 'text') md += it.text;
    else if (it.kind === 'node' || it.kind === 'if') {
      md += `${S_OPEN}${nodes.length}${S_CLOSE}`;
      nodes.push(it.node);
    }
  }
  const out: InlineNode[] = [];
  const emit = (text: string, bold: boolean, italic: boolean) => {
    const parts = text.split(new RegExp(`${S_OPEN}(\\d+)${S_CLOSE}`));
    parts.forEach((part, k) => {
      if (k % 2 === 1) {
        const node = nodes[Number(part)]!;
        out.push(node.kind === 'value' ? { ...node, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}) } : node);
      } else if (part) {
        // Source newlines inside a paragraph are spaces (Markdown soft breaks).
        const t = part.replace(/[ \t]*\n[ \t]*/g, ' ');
        out.push({ kind: 'text', text: t, ...(bold ? { bold } : {}), ...(italic ? { italic } : {}), span: run });
      }
    });
  };
  const walk = (tokens: readonly Token[], bold: boolean, italic: boolean) => {
    for (const t of tokens) {
      switch (t.type) {
        case 'strong':
          walk(t.tokens ?? [], true, italic);
          break;
        case 'em':
          walk(t.tokens ?? [], bold, true);
          break;
        case 'br':
          out.push({ kind: 'break' });
          break;
        case 'link':
        case 'del':
          if (t.tokens) walk(t.tokens, bold, italic);
          else emit(t.raw, bold, italic);
          break;
        case 'text':
        case 'escape':
        case 'codespan':
          emit(t.text, bold, italic);
          break;
        default:
          emit(t.raw, bold, italic);
      }
    }
  };
  walk(Lexer.lexInline(md, { gfm: false }), false, false);
  return out;
}

/** Parses the inline content found at `offset` in `src` (may span several source lines). */
export function parseInline(src: SourceFile, offset: number, raw: string, diags: Diagnostic[]): InlineNode[] {
  const run = src.span(offset, offset + raw.length);
  const pieces = tokenize(src, offset, raw, diags);
  const group = nest(src, pieces, diags, run);
  const nodes = emphasis(group, run);
  // Trim the outer whitespace of the run (indentation, trailing spaces of the last line).
  const first = nodes[0];
  if (first?.kind === 'text') nodes[0] = { ...first, text: first.text.replace(/^\s+/, '') };
  const lastIdx = nodes.length - 1;
  const lastNode = nodes[lastIdx];
  if (lastNode?.kind === 'text') nodes[lastIdx] = { ...lastNode, text: lastNode.text.replace(/\s+$/, '') };
  return nodes.filter((n) => n.kind !== 'text' || n.text !== '');
}
