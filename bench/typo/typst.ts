// The quality reference: the same IR documents set by typst (Knuth–Plass paragraphs, French
// hyphenation) with our page geometry, font and sizes. Texts go in as typst *strings*
// (`#"…"`), never as markup, so nothing in a contract (#, *, _, $, [, ], <, >, @, \, `, --, //,
// quotes, a leading « 1. ») is read as typst syntax.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { assertNever, headingText, type Block, type Document, type Inline, type Paragraph, type TableCell } from '../../src/ir/types.ts';
import { headingStyle, pageGeometry, PARAGRAPH_STYLES, type TextStyle } from '../../src/layout/styles.ts';

/** A typst string literal. */
export function typstString(s: string): string {
  return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n').replace(/\r/g, '\\r').replace(/\t/g, '\\t')}"`;
}

function inlines(content: readonly Inline[]): string {
  return content
    .map((i) => {
      switch (i.type) {
        case 'text': {
          let s = `#${typstString(i.text)}`;
          if (i.bold) s = `#strong(${typstString(i.text)})`;
          if (i.italic) s = `#emph(${i.bold ? `strong(${typstString(i.text)})` : typstString(i.text)})`;
          return s;
        }
        case 'field':
          return '';
        case 'ref':
          return `#${typstString(i.text ?? '')}`;
        case 'break':
          return '#linebreak()';
        default:
          return assertNever(i, 'inline');
      }
    })
    .join('');
}

const pt = (n: number): string => `${+n.toFixed(3)}pt`;

function styled(style: TextStyle, body: string): string {
  const text = [`size: ${pt(style.size)}`, ...(style.bold ? ['weight: "bold"'] : []), ...(style.italic ? ['style: "italic"'] : [])].join(', ');
  // Line pitch = text box (1 em with these edges) + leading.
  const par = `#set par(justify: ${style.align === 'justify'}, leading: ${pt(Math.max(0, style.leading - style.size))})`;
  const inner = `#set text(${text})\n${par}\n${body}`;
  const aligned = style.align === 'center' ? `#align(center)[${inner}]` : inner;
  return `#block(above: ${pt(style.spaceBefore)}, below: ${pt(style.spaceAfter)}, inset: (left: ${pt(style.indent ?? 0)}))[${aligned}]`;
}

function paragraph(p: Paragraph, size?: number): string {
  const style = PARAGRAPH_STYLES[p.style];
  return styled(size === undefined ? style : { ...style, size, leading: style.leading * (size / style.size) }, inlines(p.content));
}

function block(b: Block): string {
  switch (b.type) {
    case 'heading':
      return styled(headingStyle(b), `#${typstString(headingText(b))}`);
    case 'paragraph':
      return paragraph(b);
    case 'list': {
      const items = b.items.map((i) => `[${inlines(i.content)}]`).join(', ');
      const list = b.ordered ? `#enum(${items})` : `#list(marker: [${b.bullet ?? '–'}], ${items})`;
      return styled(PARAGRAPH_STYLES.body, list);
    }
    case 'table': {
      const cols = b.columns.map((c) => `${c}fr`).join(', ');
      const cell = (c: TableCell): string => {
        const attrs = [...(c.colSpan ? [`colspan: ${c.colSpan}`] : []), ...(c.rowSpan ? [`rowspan: ${c.rowSpan}`] : []), ...(c.shade ? ['fill: luma(230)'] : [])];
        return `table.cell(${attrs.join(', ')})[${c.content.map((p) => paragraph(p, b.fontSize)).join('\n')}]`;
      };
      const rows = (rs: typeof b.bodyRows): string => rs.flatMap((r) => r.cells.map(cell)).join(', ');
      const header = b.headerRows.length ? `table.header(${rows(b.headerRows)}), ` : '';
      return `#table(columns: (${cols}), stroke: ${b.style === 'plain' ? 'none' : '0.5pt'}, ${header}${rows(b.bodyRows)})`;
    }
    case 'signature':
      return [...b.leadIn.map((p) => paragraph(p)), ...b.parties.map((p) => styled(PARAGRAPH_STYLES.center, [...p.lines.map(inlines), ...(p.signatory ? [`#${typstString(p.signatory)}`] : []), ...p.mentions.map((m) => `#${typstString(m)}`)].join('#linebreak()')))].join('\n\n');
    case 'pageBreak':
      return '#pagebreak()';
    default:
      return assertNever(b, 'block');
  }
}

/** One document as a typst source: our page box, margins, font and sizes; no page furniture. */
export function documentToTypst(doc: Document): string {
  const g = pageGeometry(doc);
  const body = PARAGRAPH_STYLES.body;
  return [
    `#set page(width: ${pt(g.width)}, height: ${pt(g.height)}, margin: (left: ${pt(g.left)}, right: ${pt(g.width - g.right)}, top: ${pt(g.top)}, bottom: ${pt(g.height - g.bottom)}))`,
    // A 1 em text box (0.8 em above the baseline, 0.2 below) makes the leading our pitch minus the size.
    `#set text(font: "DejaVu Serif", size: ${pt(body.size)}, lang: "fr", hyphenate: true, top-edge: 0.8em, bottom-edge: -0.2em)`,
    `#set par(justify: true, leading: ${pt(body.leading - body.size)}, spacing: ${pt(body.spaceAfter)})`,
    ...doc.blocks.map(block),
  ].join('\n\n');
}

export interface TypstRenderer {
  /** PDF bytes of one document, or a French message saying why typst failed. */
  pdf(doc: Document): Uint8Array | string;
}

/**
 * The typst compiler, or undefined when the dev dependency is not installed (the benchmark then
 * says so loudly and goes on without the reference).
 */
export async function loadTypst(): Promise<TypstRenderer | undefined> {
  let mod: typeof import('@myriaddreamin/typst-ts-node-compiler');
  try {
    mod = await import('@myriaddreamin/typst-ts-node-compiler');
  } catch {
    return undefined;
  }
  const require = createRequire(import.meta.url);
  const fonts = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
  const compiler = mod.NodeCompiler.create({ fontArgs: [{ fontPaths: [fonts] }] });
  return {
    pdf(doc) {
      const res = compiler.compile({ mainFileContent: documentToTypst(doc) });
      const compiled = res.result;
      if (!compiled) {
        const err = res.takeError();
        return `typst a refusé « ${doc.id} » : ${err ? JSON.stringify(compiler.fetchDiagnostics(err)).slice(0, 600) : 'erreur inconnue'}`;
      }
      return new Uint8Array(compiler.pdf(compiled));
    },
  };
}
