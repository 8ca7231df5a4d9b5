// Lexer and recursive-descent parser for expressions. Input is a slice of a source file
// (offsets are absolute so spans point into the template or the manifest).
//
// Precedence, lowest first: `où` (filter) < `ou` < `et` < `non` < comparison / `dans` < primary.
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { SourceFile } from '../source.ts';
import type { BinaryOp, Expr, FilterCall, Path, Segment } from './ast.ts';

type TokKind = 'ident' | 'string' | 'number' | 'op' | 'punct' | 'eof';
interface Tok {
  readonly kind: TokKind;
  readonly text: string;
  readonly value?: string | number;
  readonly start: number;
  readonly end: number;
}

const KEYWORDS = new Set(['et', 'ou', 'non', 'dans', 'où', 'vrai', 'faux', 'nul']);
const IDENT_START = /[\p{L}_]/u;
const IDENT_PART = /[\p{L}\p{N}_]/u;

class ParseError extends Error {
  constructor(
    readonly start: number,
    readonly end: number,
    message: string,
  ) {
    super(message);
  }
}

function describe(t: Tok): string {
  if (t.kind === 'eof') return 'la fin de l’expression';
  if (t.kind === 'string') return `le texte ${t.text}`;
  return `« ${t.text} »`;
}

function lex(text: string, base: number): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (/\s/.test(c)) {
      i++;
      continue;
    }
    const start = i;
    if (c === '"' || c === '“' || c === '«') {
      const close = c === '"' ? '"' : c === '“' ? '”' : '»';
      let v = '';
      i++;
      while (i < text.length && text[i] !== close) {
        if (text[i] === '\\' && i + 1 < text.length) i++;
        v += text[i];
        i++;
      }
      if (i >= text.length) throw new ParseError(base + start, base + text.length, 'texte entre guillemets non fermé');
      i++;
      // « guillemets » carry inner no-break or plain spaces: trim them so « x » == "x".
      toks.push({ kind: 'string', text: text.slice(start, i), value: close === '»' ? v.trim() : v, start: base + start, end: base + i });
      continue;
    }
    if (/\d/.test(c)) {
      while (i < text.length && /[\d]/.test(text[i]!)) i++;
      if (text[i] === '.' && /\d/.test(text[i + 1] ?? '')) {
        i++;
        while (i < text.length && /\d/.test(text[i]!)) i++;
      }
      toks.push({ kind: 'number', text: text.slice(start, i), value: Number(text.slice(start, i)), start: base + start, end: base + i });
      continue;
    }
    if (IDENT_START.test(c)) {
      while (i < text.length && IDENT_PART.test(text[i]!)) i++;
      toks.push({ kind: 'ident', text: text.slice(start, i), start: base + start, end: base + i });
      continue;
    }
    const two = text.slice(i, i + 2);
    if (two === '<=' || two === '>=' || two === '!=' || two === '==') {
      toks.push({ kind: 'op', text: two === '==' ? '=' : two, start: base + i, end: base + i + 2 });
      i += 2;
      continue;
    }
    if ('=<>≠'.includes(c)) {
      toks.push({ kind: 'op', text: c === '≠' ? '!=' : c, start: base + i, end: base + i + 1 });
      i++;
      continue;
    }
    if ('.[](),|'.includes(c)) {
      toks.push({ kind: 'punct', text: c, start: base + i, end: base + i + 1 });
      i++;
      continue;
    }
    throw new ParseError(base + i, base + i + 1, `caractère inattendu « ${c} » dans l’expression`);
  }
  toks.push({ kind: 'eof', text: '', start: base + text.length, end: base + text.length });
  return toks;
}

class Parser {
  private pos = 0;
  constructor(
    private readonly toks: Tok[],
    private readonly src: SourceFile,
  ) {}

  private peek(): Tok {
    return this.toks[this.pos]!;
  }
  private next(): Tok {
    return this.toks[this.pos++]!;
  }
  private isWord(w: string): boolean {
    const t = this.peek();
    return t.kind === 'ident' && t.text === w;
  }
  private isPunct(p: string): boolean {
    const t = this.peek();
    return t.kind === 'punct' && t.text === p;
  }
  private expectPunct(p: string, what: string): Tok {
    const t = this.peek();
    if (t.kind === 'punct' && t.text === p) return this.next();
    throw new ParseError(t.start, t.end, `« ${p} » attendu ${what}, trouvé ${describe(t)}`);
  }
  private span(start: number, end: number) {
    return this.src.span(start, end);
  }

  atEnd(): boolean {
    return this.peek().kind === 'eof';
  }
  current(): Tok {
    return this.peek();
  }

  expression(): Expr {
    const list = this.or();
    if (this.isWord('où')) {
      this.next();
      const cond = this.or();
      return { kind: 'where', list, cond, span: this.span(list.span.start.offset, cond.span.end.offset) };
    }
    return list;
  }

  private or(): Expr {
    let left = this.and();
    while (this.isWord('ou')) {
      this.next();
      const right = this.and();
      left = { kind: 'binary', op: 'ou', left, right, span: this.span(left.span.start.offset, right.span.end.offset) };
    }
    return left;
  }

  private and(): Expr {
    let left = this.not();
    while (this.isWord('et')) {
      this.next();
      const right = this.not();
      left = { kind: 'binary', op: 'et', left, right, span: this.span(left.span.start.offset, right.span.end.offset) };
    }
    return left;
  }

  private not(): Expr {
    if (this.isWord('non')) {
      const t = this.next();
      const operand = this.not();
      return { kind: 'unary', op: 'non', operand, span: this.span(t.start, operand.span.end.offset) };
    }
    return this.comparison();
  }

  private comparison(): Expr {
    const left = this.primary();
    const t = this.peek();
    let op: BinaryOp | undefined;
    if (t.kind === 'op') op = t.text as BinaryOp;
    else if (t.kind === 'ident' && t.text === 'dans') op = 'dans';
    if (!op) return left;
    this.next();
    const right = this.primary();
    return { kind: 'binary', op, left, right, span: this.span(left.span.start.offset, right.span.end.offset) };
  }

  private primary(): Expr {
    const t = this.peek();
    if (t.kind === 'string' || t.kind === 'number') {
      this.next();
      return { kind: 'literal', value: t.value!, span: this.span(t.start, t.end) };
    }
    if (t.kind === 'punct' && t.text === '(') {
      this.next();
      const e = this.expression();
      this.expectPunct(')', 'pour fermer la parenthèse');
      return e;
    }
    if (t.kind === 'ident') {
      if (t.text === 'vrai' || t.text === 'faux' || t.text === 'nul') {
        this.next();
        const value = t.text === 'nul' ? null : t.text === 'vrai';
        return { kind: 'literal', value, span: this.span(t.start, t.end) };
      }
      if (KEYWORDS.has(t.text)) {
        throw new ParseError(t.start, t.end, `valeur attendue, trouvé le mot-clé « ${t.text} »`);
      }
      this.next();
      if (this.isPunct('(')) {
        this.next();
        const args: Expr[] = [];
        if (!this.isPunct(')')) {
          args.push(this.expression());
          while (this.isPunct(',')) {
            this.next();
            args.push(this.expression());
          }
        }
        const close = this.expectPunct(')', `pour fermer l’appel de ${t.text}(…)`);
        return { kind: 'call', name: t.text, args, span: this.span(t.start, close.end) };
      }
      return this.path(t);
    }
    throw new ParseError(t.start, t.end, `valeur attendue, trouvé ${describe(t)}`);
  }

  private path(root: Tok): Path {
    const segments: Segment[] = [];
    let end = root.end;
    for (;;) {
      if (this.isPunct('.')) {
        this.next();
        const f = this.peek();
        if (f.kind !== 'ident' && f.kind !== 'number') {
          throw new ParseError(f.start, f.end, `nom de champ attendu après « . », trouvé ${describe(f)}`);
        }
        this.next();
        segments.push({ kind: 'field', name: f.text, span: this.span(f.start, f.end) });
        end = f.end;
      } else if (this.isPunct('[')) {
        const open = this.next();
        const index = this.expression();
        const close = this.expectPunct(']', 'pour fermer le crochet');
        segments.push({ kind: 'index', index, span: this.span(open.start, close.end) });
        end = close.end;
      } else break;
    }
    return { kind: 'path', root: root.text, rootSpan: this.span(root.start, root.end), segments, span: this.span(root.start, end) };
  }

  filters(): FilterCall[] {
    const out: FilterCall[] = [];
    while (this.isPunct('|')) {
      this.next();
      const name = this.peek();
      if (name.kind !== 'ident') throw new ParseError(name.start, name.end, `nom de filtre attendu après « | », trouvé ${describe(name)}`);
      this.next();
      const args: Expr[] = [];
      let end = name.end;
      if (this.isPunct('(')) {
        this.next();
        if (!this.isPunct(')')) {
          args.push(this.expression());
          while (this.isPunct(',')) {
            this.next();
            args.push(this.expression());
          }
        }
        end = this.expectPunct(')', `pour fermer le filtre ${name.text}(…)`).end;
      }
      out.push({ name: name.text, args, span: this.span(name.start, end) });
    }
    return out;
  }
}

function toDiagnostic(e: unknown, src: SourceFile): Diagnostic {
  if (e instanceof ParseError) {
    return { severity: 'erreur', code: 'DSL-SYNTAXE', message: e.message, span: src.span(e.start, e.end) };
  }
  throw e;
}

function trailing(p: Parser, src: SourceFile): Diagnostic | undefined {
  if (p.atEnd()) return undefined;
  const t = p.current();
  return { severity: 'erreur', code: 'DSL-SYNTAXE', message: `fin d’expression attendue, trouvé ${describe(t)}`, span: src.span(t.start, t.end) };
}

export type ParsedExpr = { ok: true; expr: Expr } | { ok: false; diagnostic: Diagnostic };
export type ParsedValue = { ok: true; expr: Expr; filters: FilterCall[] } | { ok: false; diagnostic: Diagnostic };

/** Parses `text`, which sits at `offset` in `src`. */
export function parseExpression(src: SourceFile, offset: number, text: string): ParsedExpr {
  try {
    const p = new Parser(lex(text, offset), src);
    if (p.atEnd()) {
      return { ok: false, diagnostic: { severity: 'erreur', code: 'DSL-SYNTAXE', message: 'expression vide', span: src.span(offset, offset + text.length) } };
    }
    const expr = p.expression();
    const extra = trailing(p, src);
    return extra ? { ok: false, diagnostic: extra } : { ok: true, expr };
  } catch (e) {
    return { ok: false, diagnostic: toDiagnostic(e, src) };
  }
}

/** Parses the inside of `{{ … }}`: an expression followed by `| filtre(args)` calls. */
export function parseValue(src: SourceFile, offset: number, text: string): ParsedValue {
  try {
    const p = new Parser(lex(text, offset), src);
    if (p.atEnd()) {
      return { ok: false, diagnostic: { severity: 'erreur', code: 'DSL-SYNTAXE', message: 'valeur vide entre {{ }}', span: src.span(offset, offset + text.length) } };
    }
    const expr = p.expression();
    const filters = p.filters();
    const extra = trailing(p, src);
    return extra ? { ok: false, diagnostic: extra } : { ok: true, expr, filters };
  } catch (e) {
    return { ok: false, diagnostic: toDiagnostic(e, src) };
  }
}
