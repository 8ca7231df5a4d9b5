// Template AST + data → IR blocks. Conditions pick branches, loops repeat blocks or table
// rows, placeholders become text. Styles come from the enclosing `:::` fences.
import { REDACTION_CLASSES, type BlockNode, type CellNode, type InlineNode, type RowNode, type SignaturesNode } from '../dsl/ast.ts';
import type { Expr } from '../dsl/expr/ast.ts';
import { findDelimiters } from '../dsl/delimiters.ts';
import type * as IR from '../ir/types.ts';
import { type Binding, type Env, itemPath } from './env.ts';
import type { Evaluator } from './expr.ts';

/** Stands for printed data in the seam between template texts: never part of a delimiter. */
const DATA = '\uFFFC';

interface Style {
  readonly paragraph?: IR.ParagraphStyle;
  readonly small?: boolean;
  readonly table?: IR.Table['style'];
}

const PARAGRAPH_STYLE: Record<string, IR.ParagraphStyle> = {
  titre: 'title',
  'sous-titre': 'subtitle',
  centre: 'center',
  visa: 'visa',
  note: 'note',
};

export class BlockEvaluator {
  /** Marked passages met so far (see IR.Redaction). */
  private redactionGroups = 0;

  constructor(private readonly ev: Evaluator) {}

  inlines(nodes: readonly InlineNode[], env: Env): IR.Inline[] {
    const out: IR.Inline[] = [];
    this.collect(nodes, env, out, { last: '' });
    return mergeTexts(out);
  }

  /**
   * `seam.last` is the last character printed from template text, or a stand-in once data or a
   * reference is printed after it: template text never prints a template delimiter, even one
   * made of two runs (`{` then `{` across an inline `si`), while data values may hold them.
   */
  private collect(nodes: readonly InlineNode[], env: Env, out: IR.Inline[], seam: { last: string }): void {
    for (const n of nodes) {
      switch (n.kind) {
        case 'text': {
          // The parser reports delimiters (DSL-DELIMITEUR); this catches any that got past it.
          const found = findDelimiters(seam.last + n.text)[0];
          if (found) {
            this.ev.diags.push({
              severity: 'erreur',
              code: 'RENDU-DELIMITEUR',
              message: `le texte du gabarit formerait le délimiteur « ${found.delimiter} » (« ${excerpt(seam.last + n.text, found.at)} ») : il n’est pas imprimé`,
              span: n.span,
            });
            break;
          }
          out.push({ type: 'text', text: n.text, ...(n.bold ? { bold: true } : {}), ...(n.italic ? { italic: true } : {}) });
          if (n.text) seam.last = n.text.slice(-1);
          break;
        }
        case 'value': {
          const text = this.ev.text(n.expr, n.filters, env, n.span);
          if (text !== undefined && text !== '') {
            out.push({ type: 'text', text, ...(n.bold ? { bold: true } : {}), ...(n.italic ? { italic: true } : {}) });
            seam.last = DATA;
          }
          break;
        }
        case 'ref':
          out.push({ type: 'ref', target: n.target });
          seam.last = DATA;
          break;
        case 'break':
          out.push({ type: 'break' });
          seam.last = '\n';
          break;
        case 'inlineIf': {
          const body = this.chosen(n, env);
          if (body) this.collect(body, env, out, seam);
          break;
        }
      }
    }
  }

  blocks(nodes: readonly BlockNode[], env: Env, style: Style = {}): IR.Block[] {
    const out: IR.Block[] = [];
    for (const n of nodes) this.block(n, env, style, out);
    return mergeLists(out);
  }

  private block(n: BlockNode, env: Env, style: Style, out: IR.Block[]): void {
    switch (n.kind) {
      case 'heading':
        out.push({
          type: 'heading',
          level: n.level,
          ...(n.numbering ? { numbering: n.numbering, separator: n.separator ?? ' – ' } : {}),
          ...(n.fixed !== undefined ? { fixed: n.fixed } : {}),
          ...(n.anchor ? { anchor: n.anchor } : {}),
          content: this.inlines(n.content, env),
        });
        return;
      case 'paragraph': {
        const content = this.inlines(n.content, env);
        if (content.length > 0) out.push({ type: 'paragraph', style: style.paragraph ?? 'body', content });
        return;
      }
      case 'listItem':
        out.push({ type: 'list', ordered: n.ordered, ...(n.ordered ? {} : { bullet: n.bullet }), items: [{ content: this.inlines(n.content, env) }] });
        return;
      case 'div': {
        const next: { -readonly [K in keyof Style]: Style[K] } = { ...style };
        for (const c of n.classes) {
          if (PARAGRAPH_STYLE[c]) next.paragraph = PARAGRAPH_STYLE[c];
          if (c === 'petit') next.small = true;
          if (c === 'formulaire') next.table = 'form';
          if (c === 'sans-bordure') next.table = 'plain';
        }
        const motif = n.classes.map((c) => (Object.hasOwn(REDACTION_CLASSES, c) ? REDACTION_CLASSES[c as keyof typeof REDACTION_CLASSES] : undefined)).find(Boolean);
        if (!motif) {
          for (const b of n.body) this.block(b, env, next, out);
          return;
        }
        // A marked passage: its blocks carry the mark (one group per passage; an enclosing
        // passage's mark wins over a nested one's). Page breaks and signatures are never hidden.
        const inner: IR.Block[] = [];
        this.ev.withheld++;
        try {
          for (const b of n.body) this.block(b, env, next, inner);
        } finally {
          this.ev.withheld--;
        }
        const redaction: IR.Redaction = { motif, group: ++this.redactionGroups };
        for (const b of inner) out.push(b.type === 'pageBreak' || b.type === 'signature' ? b : { ...b, redaction });
        return;
      }
      case 'pageBreak':
        out.push({ type: 'pageBreak' });
        return;
      case 'if': {
        const body = this.chosen(n, env);
        if (body) for (const b of body) this.block(b, env, style, out);
        return;
      }
      case 'for':
        this.loop(n, env, (e) => {
          return n.body.forEach((b) => this.block(b, e, style, out));
        }, () => n.empty?.forEach((b) => this.block(b, env, style, out)));
        return;
      case 'table':
        out.push(this.table(n, env, style));
        return;
      case 'row':
        throw new Error('table row outside a table (parser invariant)');
      case 'signatures':
        out.push(this.signatures(n, env));
        return;
    }
  }

  /** Runs `body` once per element with the loop variable and `rang` bound, or `empty`. */
  private loop(n: Extract<BlockNode, { kind: 'for' }>, env: Env, body: (e: Env) => void, empty: () => void): void {
    const list: Binding = this.ev.eval(n.iterable, env);
    if (list.value === undefined || list.value === null) {
      this.ev.error(`liste absente : ${list.path || 'la liste parcourue'}`, n.span, list.path || undefined);
      return;
    }
    if (!Array.isArray(list.value)) {
      this.ev.error('« pour » parcourt une liste, la valeur n’en est pas une', n.span, list.path || undefined);
      return;
    }
    if (list.value.length === 0) {
      empty();
      return;
    }
    list.value.forEach((item, k) => {
      body(
        env.child(
          new Map<string, Binding>([
            [n.variable, { value: item, path: itemPath(list, k) }],
            ['rang', { value: k + 1, path: 'rang' }],
          ]),
        ),
      );
    });
  }

  /** The body a `si` / `sinon si` / `sinon` prints: the first true branch, else `sinon` (or nothing). */
  private chosen<T>(n: { readonly branches: readonly { readonly cond: Expr; readonly body: readonly T[] }[]; readonly otherwise?: readonly T[] }, env: Env): readonly T[] | undefined {
    const branch = n.branches.find((b) => this.ev.test(b.cond, env));
    return branch ? branch.body : n.otherwise;
  }

  private rows(nodes: readonly BlockNode[], env: Env, out: { cells: CellNode[]; env: Env }[]): void {
    for (const n of nodes) {
      if (n.kind === 'row') out.push({ cells: [...n.cells], env });
      else if (n.kind === 'if') {
        const body = this.chosen(n, env);
        if (body) this.rows(body, env, out);
      } else if (n.kind === 'for') {
        this.loop(n, env, (e) => this.rows(n.body, e, out), () => n.empty && this.rows(n.empty, env, out));
      }
    }
  }

  private table(n: Extract<BlockNode, { kind: 'table' }>, env: Env, style: Style): IR.Table {
    const header = n.header.map((r: RowNode) => ({ cells: [...r.cells], env }));
    const body: { cells: CellNode[]; env: Env }[] = [];
    this.rows(n.body, env, body);
    const toIr = (rows: { cells: CellNode[]; env: Env }[], isHeader: boolean): IR.TableRow[] =>
      mergeCells(rows, (c, e, col) => {
        const align = n.align[col] ?? 'left';
        const content = this.inlines(c.content, e);
        return {
          content: content.length ? [{ type: 'paragraph', style: isHeader || align === 'center' ? 'cellCenter' : 'cell', content: isHeader ? content.map(bold) : content }] : [],
          ...(isHeader ? { shade: true } : {}),
        };
      });
    return {
      type: 'table',
      columns: n.widths,
      headerRows: toIr(header, true),
      bodyRows: toIr(body, false),
      style: style.table ?? 'grid',
      ...(style.small ? { fontSize: 7.5 } : {}),
    };
  }

  private signatures(n: SignaturesNode, env: Env): IR.SignatureBlock {
    const leadIn = this.blocks(n.leadIn, env).filter((b): b is IR.Paragraph => b.type === 'paragraph');
    return {
      type: 'signature',
      leadIn: leadIn.map((p) => ({ ...p, keepWithNext: true })),
      parties: n.parties.flatMap((p) => {
        if (!p.repeat) return [this.party(p, env)];
        const out: IR.SignatureParty[] = [];
        const each: Extract<BlockNode, { kind: 'for' }> = { kind: 'for', ...p.repeat, body: [], span: p.span };
        this.loop(each, env, (e) => out.push(this.party(p, e)), () => undefined);
        return out;
      }),
    };
  }

  private party(p: SignaturesNode['parties'][number], env: Env): IR.SignatureParty {
    const signatory = p.signatory ? this.inlines(p.signatory, env) : [];
    return {
      id: p.id,
      lines: p.lines.map((l) => this.inlines(l, env)),
      ...(signatory.length ? { signatory: IRtext(signatory) } : {}),
      mentions: p.mentions.map((m) => IRtext(this.inlines(m, env))),
    };
  }
}

/** A few characters around `at`, for a message that must show what was refused. */
function excerpt(text: string, at: number): string {
  const from = Math.max(0, at - 20);
  const to = Math.min(text.length, at + 22);
  return `${from > 0 ? '…' : ''}${text.slice(from, to)}${to < text.length ? '…' : ''}`;
}

function bold(i: IR.Inline): IR.Inline {
  return i.type === 'text' ? { ...i, bold: true } : i;
}

function IRtext(content: readonly IR.Inline[]): string {
  return content.map((i) => (i.type === 'text' ? i.text : i.type === 'break' ? ' ' : '')).join('');
}

/** Adjacent text runs with the same emphasis become one run (smaller DOCX, faster layout). */
function mergeTexts(runs: IR.Inline[]): IR.Inline[] {
  const out: IR.Inline[] = [];
  for (const r of runs) {
    const prev = out[out.length - 1];
    if (prev && prev.type === 'text' && r.type === 'text' && !!prev.bold === !!r.bold && !!prev.italic === !!r.italic && !prev.revision && !r.revision) {
      out[out.length - 1] = { ...prev, text: prev.text + r.text };
    } else out.push(r);
  }
  return out;
}

/** Consecutive single-item lists of the same kind (from loops) form one list. */
function mergeLists(blocks: IR.Block[]): IR.Block[] {
  const out: IR.Block[] = [];
  for (const b of blocks) {
    const prev = out[out.length - 1];
    if (prev && prev.type === 'list' && b.type === 'list' && prev.ordered === b.ordered && prev.bullet === b.bullet && prev.redaction?.group === b.redaction?.group) {
      out[out.length - 1] = { ...prev, items: [...prev.items, ...b.items] };
    } else out.push(b);
  }
  return out;
}

/**
 * Resolves `<` (merge left) and `^` (merge up) markers into colSpan / rowSpan. Works on grid
 * columns so that a `^` under a cell that itself spans columns extends that cell.
 */
function mergeCells(
  rows: { cells: CellNode[]; env: Env }[],
  make: (c: CellNode, env: Env, col: number) => IR.TableCell,
): IR.TableRow[] {
  type Slot = { cell: IR.TableCell & { colSpan?: number; rowSpan?: number }; row: number } | undefined;
  const grid: Slot[][] = [];
  const out: { cells: (IR.TableCell & { colSpan?: number; rowSpan?: number })[] }[] = [];
  rows.forEach((r, ri) => {
    const line: Slot[] = [];
    const cells: (IR.TableCell & { colSpan?: number; rowSpan?: number })[] = [];
    r.cells.forEach((c, col) => {
      if (c.merge === 'left' && line[col - 1]) {
        const owner = line[col - 1]!;
        // `^ < <` under a wide cell: the left neighbour is itself covered from above, so this
        // cell is covered by the same owner; only a cell of this row widens.
        if (owner.row === ri) owner.cell.colSpan = (owner.cell.colSpan ?? 1) + 1;
        line.push(owner);
      } else if (c.merge === 'up' && grid[ri - 1]?.[col]) {
        const owner = grid[ri - 1]![col]!;
        // Extend only once per row, at the owner's first covered column.
        if (line[col - 1] !== owner) owner.cell.rowSpan = (owner.cell.rowSpan ?? 1) + 1;
        line.push(owner);
      } else {
        const slot = { cell: { ...make(c, r.env, col) }, row: ri };
        cells.push(slot.cell);
        line.push(slot);
      }
    });
    grid.push(line);
    out.push({ cells });
  });
  return out;
}
