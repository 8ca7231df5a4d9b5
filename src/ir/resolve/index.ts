// Resolve: the pass over the whole IR that needs more than one node at a time, run once so
// both back ends print the same thing — heading numbers, cross-references, French spaces.
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { Block, Document, DocumentSet, Heading, Inline, Paragraph, Table } from '../types.ts';
import { assertNever, headingText } from '../types.ts';
import { frenchInlines, frenchSpaces } from './typography.ts';

/**
 * Numbers the headings of one document. Each level has a counter; a `#.#` pattern includes the
 * parent's number and restarts when the parent advances, a plain `#` runs on through the whole
 * document (articles keep counting across « Titre » headings, as the models do). A fixed number
 * (`Article #2`) sets the counter, so an absent earlier article leaves the model's gap; one that
 * does not move the counter forward would print a number twice: a model bug, reported.
 */
function numberHeadings(d: Document, diagnostics: Diagnostic[]): Block[] {
  const counters = [0, 0, 0, 0, 0];
  const parentSeen: string[] = [];
  return d.blocks.map((b) => {
    if (b.type !== 'heading' || !b.numbering) return b;
    const hashes = (b.numbering.match(/#/g) ?? []).length;
    const parents = counters.slice(b.level - hashes + 1, b.level).join('.');
    if (hashes > 1 && parentSeen[b.level] !== parents) counters[b.level] = 0;
    parentSeen[b.level] = parents;
    const previous = counters[b.level] ?? 0;
    if (b.fixed !== undefined && b.fixed <= previous) {
      diagnostics.push({
        severity: 'erreur',
        code: 'NUMERO-FIXE',
        message: `le document « ${d.name} » fixe le numéro ${b.fixed} de « ${headingText(b)} » alors que le numéro ${previous} est déjà atteint à ce niveau : un numéro serait imprimé deux fois ou à rebours (défaut du modèle)`,
      });
    }
    counters[b.level] = b.fixed ?? previous + 1;
    const parts = counters.slice(b.level - hashes + 1, b.level + 1);
    let i = 0;
    const number = b.numbering.replace(/#/g, () => String(parts[i++] ?? 0));
    // « Article\u00A04 »: the number never starts a line of its own.
    return { ...b, number: frenchSpaces(number), ...(b.separator ? { separator: frenchSpaces(b.separator) } : {}) };
  });
}

type InlineMap = (content: readonly Inline[]) => Inline[];

function mapInlines(content: readonly Inline[], f: InlineMap): Inline[] {
  return f(content);
}

function mapBlockInlines(b: Block, f: InlineMap): Block {
  switch (b.type) {
    case 'heading':
      return { ...b, content: mapInlines(b.content, f) };
    case 'paragraph':
      return { ...b, content: mapInlines(b.content, f) };
    case 'list':
      return { ...b, items: b.items.map((it) => ({ content: mapInlines(it.content, f) })) };
    case 'table': {
      const row = (r: Table['headerRows'][number]) => ({
        cells: r.cells.map((c) => ({ ...c, content: c.content.map((p) => mapBlockInlines(p, f) as Paragraph) })),
      });
      return { ...b, headerRows: b.headerRows.map(row), bodyRows: b.bodyRows.map(row) };
    }
    case 'signature':
      return {
        ...b,
        leadIn: b.leadIn.map((p) => mapBlockInlines(p, f) as Paragraph),
        parties: b.parties.map((p) => ({
          ...p,
          lines: p.lines.map((l) => mapInlines(l, f)),
          mentions: p.mentions.map((m) => frenchSpaces(m)),
          ...(p.signatory ? { signatory: frenchSpaces(p.signatory) } : {}),
        })),
      };
    case 'pageBreak':
      return b;
    default:
      return assertNever(b, 'block');
  }
}

export function resolve(set: DocumentSet): { set: DocumentSet; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const documents: Document[] = set.documents.map((d) => ({ ...d, blocks: numberHeadings(d, diagnostics) }));
  const resolved = documents.map((d) => {
    const anchors = new Map<string, Heading>();
    for (const b of d.blocks) if (b.type === 'heading' && b.anchor && b.number) anchors.set(b.anchor, b);
    const ref = (i: Inline): Inline => {
      if (i.type === 'ref') {
        const h = anchors.get(i.target);
        if (!h?.number) {
          diagnostics.push({
            severity: 'erreur',
            code: 'RENVOI',
            message: `le renvoi « ${i.target} » du document « ${d.name} » vise un article absent de ce contrat (condition non remplie) ou non numéroté`,
          });
          return { ...i, text: '?' };
        }
        // "Article 6" → "6": the template writes « l’article {% ref x %} ».
        const num = h.number.replace(/^\D+/, '');
        return { ...i, text: num };
      }
      return i;
    };
    // References first: the French rules read their numbers (« l’article 6 »).
    const fix: InlineMap = (content) => frenchInlines(content.map(ref));
    return {
      ...d,
      ...(d.notices ? { notices: d.notices.map(frenchSpaces) } : {}),
      ...(d.validation ? { validation: frenchSpaces(d.validation) } : {}),
      blocks: d.blocks.map((b) => mapBlockInlines(b, fix)),
    };
  });
  return { set: { ...set, documents: resolved }, diagnostics };
}
