// Block parser: a line-based reading of restricted Markdown plus `{% … %}` block tags.
// Block tags stand alone on their line; everything else is Markdown (headings, paragraphs,
// lists, pipe tables, `:::` style fences). Each construct keeps its span for diagnostics.
import { dirname, resolve as resolvePath } from 'node:path';
import { describeRefusal, isInside, type Refusal } from '../io/confine.ts';
import type { Diagnostic, Span } from '../diagnostics/diagnostic.ts';
import type { Expr } from './expr/ast.ts';
import { parseExpression } from './expr/parser.ts';
import type { BlockNode, CellNode, InlineNode, RowNode, SignaturePartyNode, TemplateDoc } from './ast.ts';
import { PARAGRAPH_CLASSES, REDACTION_CLASSES, TABLE_CLASSES } from './ast.ts';
import { parseInline } from './inline.ts';
import { SourceFile } from './source.ts';
import { parseTableRow, splitCells } from './table.ts';

export interface ParseOptions {
  /** Reads an included file; undefined when it does not exist, a refusal when it may not be read. */
  readonly readFile: (path: string) => string | undefined | Refusal;
  /** Includes may not leave this folder (the model library: templates/). */
  readonly root: string;
}

interface Line {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

// One tag alone on its line: its body holds no « %} », so `{% si x %}oui{% finsi %}` is not
// read as one tag named `si` but left to the inline parser (tag, text, tag).
const LONE_TAG = /^\s*\{%\s*((?:(?!%\}).)*?)\s*%\}\s*$/;
/** `{# … #}` comments (not across lines), removed to see whether a line holds anything else. */
const COMMENTS = /\{#[\s\S]*?#\}/g;
const HEADING = /^(#{1,4})\s+(.*?)\s*$/;
const LIST_ITEM = /^(\s*)([-*]|\d+\.)\s+(.*)$/;
// `Article #2 – …`: digits glued to the last `#` fix that number (the model's own).
const NUMBERED = /^(\p{L}[\p{L}'’ ]*?\s+)?(#(?:\.#)*)(\d+)?(\s*[–—-]\s*|\s*:\s*|\.\s+|\s+)(.*)$/u;
const ANCHOR = /\s*\{#([\w-]+)\}\s*$/;

class BlockParser {
  private i = 0;
  readonly diags: Diagnostic[] = [];
  private readonly lines: Line[];

  constructor(
    private readonly src: SourceFile,
    private readonly opts: ParseOptions,
    private readonly includeStack: readonly string[],
  ) {
    this.lines = [];
    let start = 0;
    for (const text of src.text.split('\n')) {
      const clean = text.endsWith('\r') ? text.slice(0, -1) : text;
      this.lines.push({ text: clean, start, end: start + clean.length });
      start += text.length + 1;
    }
  }

  private err(code: string, message: string, span: Span): void {
    this.diags.push({ severity: 'erreur', code, message, span });
  }

  private lineSpan(l: Line): Span {
    const lead = l.text.length - l.text.trimStart().length;
    return this.src.span(l.start + lead, l.end);
  }

  private loneTag(l: Line): { name: string; rest: string; restOffset: number } | undefined {
    const m = LONE_TAG.exec(l.text);
    if (!m) return undefined;
    const body = m[1]!;
    const nm = /^(sinon\s+si|[\p{L}_]+)/u.exec(body);
    if (!nm) return { name: '', rest: body, restOffset: l.start };
    const bodyOffset = l.start + l.text.indexOf(body, l.text.indexOf('{%') + 2);
    return { name: nm[1]!.replace(/\s+/g, ' '), rest: body.slice(nm[0].length), restOffset: bodyOffset + nm[0].length };
  }

  private expr(rest: string, offset: number): Expr | undefined {
    const r = parseExpression(this.src, offset, rest);
    if (!r.ok) {
      this.diags.push(r.diagnostic);
      return undefined;
    }
    return r.expr;
  }

  /** Parses blocks until one of `stops` (a lone tag name) or end of input; returns the stop line. */
  parseBlocks(stops: ReadonlySet<string>, inTable = false): { body: BlockNode[]; stop?: { name: string; rest: string; restOffset: number; line: Line } } {
    const body: BlockNode[] = [];
    while (this.i < this.lines.length) {
      const l = this.lines[this.i]!;
      const t = l.text.trim();
      // A line of comments only is skipped; `{# a #} texte {# b #}` is a paragraph « texte ».
      if (t === '' || (t.startsWith('{#') && t.replace(COMMENTS, '').trim() === '')) {
        this.i++;
        continue;
      }
      if (t.startsWith('{#') && !t.includes('#}')) {
        // A comment over several lines: skip to its end, whatever the lines look like.
        const open = l;
        this.i++;
        while (this.i < this.lines.length && !this.lines[this.i]!.text.includes('#}')) this.i++;
        if (this.i >= this.lines.length) this.err('DSL-BLOC-NON-FERME', '« {# » ouvert ici n’est jamais fermé par « #} »', this.lineSpan(open));
        this.i++;
        continue;
      }
      const tag = this.loneTag(l);
      if (tag) {
        if (stops.has(tag.name)) {
          this.i++;
          return { body, stop: { ...tag, line: l } };
        }
        this.i++;
        const node = this.blockTag(tag, l, inTable);
        if (node) body.push(...(Array.isArray(node) ? node : [node]));
        continue;
      }
      if (t.startsWith(':::')) {
        if (t === ':::') {
          if (stops.has(':::')) {
            this.i++;
            return { body, stop: { name: ':::', rest: '', restOffset: l.start, line: l } };
          }
          this.err('DSL-BLOC-NON-OUVERT', '« ::: » ferme un bloc de style qui n’a pas été ouvert', this.lineSpan(l));
          this.i++;
          continue;
        }
        body.push(this.div(l));
        continue;
      }
      if (inTable || t.startsWith('|')) {
        if (!t.startsWith('|')) {
          this.err('DSL-TABLEAU', 'ligne de tableau attendue (commençant par « | ») à l’intérieur d’un tableau', this.lineSpan(l));
          this.i++;
          continue;
        }
        body.push(inTable ? this.row(l) : this.table());
        continue;
      }
      const h = HEADING.exec(l.text);
      if (h) {
        body.push(this.heading(l, h));
        this.i++;
        continue;
      }
      if (LIST_ITEM.test(l.text)) {
        body.push(this.listItem());
        continue;
      }
      body.push(this.paragraph());
    }
    return { body };
  }

  private blockTag(tag: { name: string; rest: string; restOffset: number }, l: Line, inTable: boolean): BlockNode | BlockNode[] | undefined {
    const span = this.lineSpan(l);
    switch (tag.name) {
      case 'si':
        return this.ifBlock(tag, l, inTable);
      case 'pour':
        return this.forBlock(tag, l, inTable);
      case 'saut_de_page':
        return { kind: 'pageBreak', span };
      case 'inclure':
        return this.include(tag, l);
      case 'signatures':
        return this.signatures(l);
      case 'sinon':
      case 'sinon si':
      case 'finsi':
        this.err('DSL-BLOC-NON-OUVERT', `« {% ${tag.name} %} » sans « {% si %} » ouvert`, span);
        return undefined;
      case 'finpour':
        this.err('DSL-BLOC-NON-OUVERT', '« {% finpour %} » sans « {% pour %} » ouvert', span);
        return undefined;
      case 'finsignatures':
      case 'partie':
        this.err('DSL-BLOC-NON-OUVERT', `« {% ${tag.name} %} » hors d’un bloc « {% signatures %} »`, span);
        return undefined;
      default:
        this.err(
          'DSL-BALISE-INCONNUE',
          `balise inconnue « {% ${tag.name || tag.rest} %} » ; attendu : si, sinon si, sinon, finsi, pour, finpour, inclure, saut_de_page, signatures, ref`,
          span,
        );
        return undefined;
    }
  }

  private ifBlock(tag: { rest: string; restOffset: number }, open: Line, inTable: boolean): BlockNode {
    const branches: { cond: Expr; body: BlockNode[] }[] = [];
    let otherwise: BlockNode[] | undefined;
    let cond = this.expr(tag.rest, tag.restOffset);
    for (;;) {
      const r = this.parseBlocks(new Set(['sinon si', 'sinon', 'finsi']), inTable);
      if (cond) branches.push({ cond, body: r.body });
      if (!r.stop) {
        this.err('DSL-BLOC-NON-FERME', '« {% si %} » ouvert ici n’est jamais fermé par « {% finsi %} »', this.lineSpan(open));
        break;
      }
      if (r.stop.name === 'finsi') break;
      if (r.stop.name === 'sinon') {
        const e = this.parseBlocks(new Set(['finsi']), inTable);
        otherwise = e.body;
        if (!e.stop) this.err('DSL-BLOC-NON-FERME', '« {% si %} » ouvert ici n’est jamais fermé par « {% finsi %} »', this.lineSpan(open));
        break;
      }
      cond = this.expr(r.stop.rest, r.stop.restOffset);
    }
    return { kind: 'if', branches, ...(otherwise ? { otherwise } : {}), span: this.lineSpan(open) };
  }

  private forBlock(tag: { rest: string; restOffset: number }, open: Line, inTable: boolean): BlockNode | undefined {
    const m = /^\s*([\p{L}_][\p{L}\p{N}_]*)\s+dans\s+([\s\S]+)$/u.exec(tag.rest);
    const r = this.parseBlocks(new Set(['sinon', 'finpour']), inTable);
    let empty: BlockNode[] | undefined;
    let closed = r.stop !== undefined;
    if (r.stop?.name === 'sinon') {
      const e = this.parseBlocks(new Set(['finpour']), inTable);
      empty = e.body;
      closed = e.stop !== undefined;
    }
    if (!closed) this.err('DSL-BLOC-NON-FERME', '« {% pour %} » ouvert ici n’est jamais fermé par « {% finpour %} »', this.lineSpan(open));
    if (!m) {
      this.err('DSL-SYNTAXE', 'forme attendue : {% pour element dans liste %}', this.lineSpan(open));
      return undefined;
    }
    const iterOffset = tag.restOffset + tag.rest.indexOf(m[2]!, m[1]!.length);
    const iterable = this.expr(m[2]!, iterOffset);
    if (!iterable) return undefined;
    return { kind: 'for', variable: m[1]!, iterable, body: r.body, ...(empty ? { empty } : {}), span: this.lineSpan(open) };
  }

  private include(tag: { rest: string }, l: Line): BlockNode[] | undefined {
    const m = /^\s*"([^"]+)"\s*$/.exec(tag.rest);
    if (!m) {
      this.err('DSL-SYNTAXE', 'forme attendue : {% inclure "fragment.md" %}', this.lineSpan(l));
      return undefined;
    }
    const target = resolvePath(dirname(this.src.file), m[1]!);
    if (!isInside(this.opts.root, target)) {
      this.err('DSL-INCLURE', `inclusion refusée : ${describeRefusal(m[1]!, { kind: 'dehors', root: this.opts.root })}`, this.lineSpan(l));
      return undefined;
    }
    if (this.includeStack.includes(target)) {
      this.err('DSL-INCLURE', `inclusion circulaire de « ${m[1]} »`, this.lineSpan(l));
      return undefined;
    }
    const text = this.opts.readFile(target);
    if (text === undefined) {
      this.err('DSL-INCLURE', `fragment introuvable « ${m[1]} » (${target})`, this.lineSpan(l));
      return undefined;
    }
    if (typeof text !== 'string') {
      this.err('DSL-INCLURE', `inclusion refusée : ${describeRefusal(m[1]!, text)}`, this.lineSpan(l));
      return undefined;
    }
    const sub = new BlockParser(new SourceFile(target, text), this.opts, [...this.includeStack, target]);
    const r = sub.parseBlocks(new Set());
    this.diags.push(...sub.diags);
    return r.body;
  }

  private signatures(open: Line): BlockNode {
    const lead = this.parseBlocks(new Set(['partie', 'finsignatures']));
    const parties: SignaturePartyNode[] = [];
    let stop = lead.stop;
    while (stop?.name === 'partie') {
      const head = /^(\s*[\w-]+)\s+pour\s+([\p{L}_][\p{L}\p{N}_]*)\s+dans\s+([\s\S]+)$/u.exec(stop.rest);
      const id = (head ? head[1]! : stop.rest).trim();
      const iterable = head ? this.expr(head[3]!, stop.restOffset + stop.rest.lastIndexOf(head[3]!)) : undefined;
      const repeat = head && iterable ? { repeat: { variable: head[2]!, iterable } } : {};
      const partyLine = stop.line;
      const lines: InlineNode[][] = [];
      const mentions: InlineNode[][] = [];
      let signatory: InlineNode[] | undefined;
      stop = undefined;
      while (this.i < this.lines.length) {
        const l = this.lines[this.i]!;
        const tag = this.loneTag(l);
        if (tag && (tag.name === 'partie' || tag.name === 'finsignatures')) {
          this.i++;
          stop = { ...tag, line: l };
          break;
        }
        this.i++;
        const m = /^\s*\{%\s*(signataire|mention)\s*%\}(.*)$/.exec(l.text);
        if (m) {
          const contentOffset = l.start + l.text.length - m[2]!.length;
          const content = parseInline(this.src, contentOffset, m[2]!, this.diags);
          if (m[1] === 'signataire') signatory = content;
          else mentions.push(content);
        } else if (l.text.trim() !== '') {
          lines.push(parseInline(this.src, l.start, l.text.replace(/\\\s*$/, ''), this.diags));
        }
      }
      if (!/^[\w-]+$/.test(id)) {
        this.err('DSL-SYNTAXE', 'forme attendue : {% partie identifiant %} ou {% partie identifiant pour element dans liste %}', this.lineSpan(partyLine));
      }
      parties.push({ id, ...repeat, lines, ...(signatory ? { signatory } : {}), mentions, span: this.lineSpan(partyLine) });
    }
    if (!stop || stop.name !== 'finsignatures') {
      this.err('DSL-BLOC-NON-FERME', '« {% signatures %} » ouvert ici n’est jamais fermé par « {% finsignatures %} »', this.lineSpan(open));
    }
    if (parties.length === 0) this.err('DSL-SIGNATURES', 'un bloc de signatures doit déclarer au moins une « {% partie … %} »', this.lineSpan(open));
    return { kind: 'signatures', leadIn: lead.body, parties, span: this.lineSpan(open) };
  }

  private div(open: Line): BlockNode {
    this.i++;
    const classes = open.text.trim().slice(3).trim().split(/\s+/).filter(Boolean);
    const known = new Set<string>([...PARAGRAPH_CLASSES, ...TABLE_CLASSES, ...Object.keys(REDACTION_CLASSES)]);
    for (const c of classes) {
      if (!known.has(c)) this.err('DSL-STYLE-INCONNU', `style inconnu « ${c} » ; attendu : ${[...known].join(', ')}`, this.lineSpan(open));
    }
    const r = this.parseBlocks(new Set([':::']));
    if (!r.stop) this.err('DSL-BLOC-NON-FERME', '« ::: » ouvert ici n’est jamais fermé', this.lineSpan(open));
    return { kind: 'div', classes, body: r.body, span: this.lineSpan(open) };
  }

  private heading(l: Line, h: RegExpExecArray): BlockNode {
    const level = h[1]!.length as 1 | 2 | 3 | 4;
    let text = h[2]!;
    let textOffset = l.start + l.text.indexOf(text, level);
    let anchor: string | undefined;
    const a = ANCHOR.exec(text);
    if (a) {
      anchor = a[1]!;
      text = text.slice(0, a.index);
    }
    let numbering: string | undefined;
    let separator: string | undefined;
    let fixed: number | undefined;
    const n = NUMBERED.exec(text);
    if (n) {
      numbering = `${n[1] ?? ''}${n[2]}`;
      if (n[3] !== undefined) {
        if (/^[1-9]\d{0,3}$/.test(n[3])) fixed = Number(n[3]);
        else this.err('DSL-NUMERO-FIXE', `numéro fixé « ${n[3]} » invalide : un entier de 1 à 9999 sans zéro en tête est attendu (« Article #2 – … »)`, this.lineSpan(l));
      }
      separator = n[4]!;
      const contentStart = text.length - n[5]!.length;
      textOffset += contentStart;
      text = n[5]!;
    }
    const content = parseInline(this.src, textOffset, text, this.diags);
    return {
      kind: 'heading',
      level,
      ...(numbering ? { numbering, separator: separator! } : {}),
      ...(fixed !== undefined ? { fixed } : {}),
      ...(anchor ? { anchor } : {}),
      content,
      span: this.lineSpan(l),
    };
  }

  private isBlockStart(l: Line): boolean {
    const t = l.text.trim();
    return t === '' || LONE_TAG.test(l.text) || t.startsWith(':::') || t.startsWith('|') || HEADING.test(l.text) || LIST_ITEM.test(l.text);
  }

  private paragraph(): BlockNode {
    const first = this.lines[this.i]!;
    let last = first;
    this.i++;
    while (this.i < this.lines.length && !this.isBlockStart(this.lines[this.i]!)) {
      last = this.lines[this.i]!;
      this.i++;
    }
    const raw = this.src.text.slice(first.start, last.end);
    return { kind: 'paragraph', content: parseInline(this.src, first.start, raw, this.diags), span: this.src.span(first.start, last.end) };
  }

  private listItem(): BlockNode {
    const first = this.lines[this.i]!;
    const m = LIST_ITEM.exec(first.text)!;
    const marker = m[2]!;
    const contentStart = first.start + first.text.length - m[3]!.length;
    let last = first;
    this.i++;
    // Continuation lines: indented, not a new block.
    while (this.i < this.lines.length) {
      const l = this.lines[this.i]!;
      if (!/^\s{2,}\S/.test(l.text) || this.isBlockStart(l)) break;
      last = l;
      this.i++;
    }
    const raw = this.src.text.slice(contentStart, last.end);
    const ordered = /^\d/.test(marker);
    return {
      kind: 'listItem',
      ordered,
      bullet: marker === '*' ? '•' : '–',
      content: parseInline(this.src, contentStart, raw, this.diags),
      span: this.src.span(first.start, last.end),
    };
  }

  private row(l: Line): RowNode {
    this.i++;
    return parseTableRow(this.src, l, this.diags);
  }

  private table(): BlockNode {
    const first = this.lines[this.i]!;
    const header: RowNode[] = [];
    let widths: number[] = [];
    let align: ('left' | 'center' | 'right')[] = [];
    // Header rows until the delimiter row.
    while (this.i < this.lines.length && this.lines[this.i]!.text.trim().startsWith('|')) {
      const l = this.lines[this.i]!;
      const cells = splitCells(l.text);
      if (cells.length > 0 && cells.every((c) => /^\s*:?-+:?\s*$/.test(c.text))) {
        widths = cells.map((c) => c.text.trim().replace(/:/g, '').length);
        align = cells.map((c) => {
          const s = c.text.trim();
          return s.startsWith(':') && s.endsWith(':') ? 'center' : s.endsWith(':') ? 'right' : 'left';
        });
        this.i++;
        break;
      }
      header.push(this.row(l));
    }
    if (widths.length === 0) {
      this.err('DSL-TABLEAU', 'tableau sans ligne de séparation « |---|---| » sous son en-tête', this.lineSpan(first));
      return { kind: 'table', widths: [1], align: ['left'], header, body: [], span: this.lineSpan(first) };
    }
    const body: BlockNode[] = [];
    // Body: rows and lone si/pour tags until a line that is neither.
    while (this.i < this.lines.length) {
      const l = this.lines[this.i]!;
      const t = l.text.trim();
      const tag = this.loneTag(l);
      if (t.startsWith('|')) {
        body.push(this.row(l));
      } else if (tag && (tag.name === 'si' || tag.name === 'pour')) {
        this.i++;
        const node = this.blockTag(tag, l, true);
        if (node && !Array.isArray(node)) body.push(node);
      } else break;
    }
    for (const r of [...header, ...rowsOf(body)]) {
      const width = r.cells.length;
      if (width !== widths.length) {
        this.err('DSL-TABLEAU', `ligne de ${width} cellules dans un tableau de ${widths.length} colonnes`, r.span);
      }
    }
    return { kind: 'table', widths, align, header, body, span: this.src.span(first.start, this.lines[this.i - 1]!.end) };
  }
}

/** Every row of a table body, including those inside `si` / `pour` blocks. */
function rowsOf(nodes: readonly BlockNode[]): RowNode[] {
  return nodes.flatMap((n) =>
    n.kind === 'row' ? [n] : n.kind === 'if' ? [...n.branches.flatMap((b) => rowsOf(b.body)), ...rowsOf(n.otherwise ?? [])] : n.kind === 'for' ? [...rowsOf(n.body), ...rowsOf(n.empty ?? [])] : [],
  );
}

export interface ParsedTemplate {
  readonly doc: TemplateDoc;
  readonly diagnostics: readonly Diagnostic[];
}

export function parseTemplate(file: string, text: string, opts: ParseOptions): ParsedTemplate {
  const p = new BlockParser(new SourceFile(file, text), opts, [file]);
  const r = p.parseBlocks(new Set());
  return { doc: { file, body: r.body }, diagnostics: p.diags };
}

export type { CellNode };
