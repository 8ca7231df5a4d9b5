// Bookmarks: one entry per document, under it the numbered headings nested by level.
// pdf-lib has no outline API, so the dictionaries are built by hand (PDF 32000 §12.3.3).
import { PDFArray, PDFContext, PDFDict, PDFHexString, PDFName, PDFNull, PDFNumber, PDFRef } from 'pdf-lib';
import type { LaidOutDocument } from '../../layout/types.ts';

interface Node {
  readonly title: string;
  readonly level: number;
  readonly page: PDFRef;
  readonly top: number;
  readonly pageHeight: number;
  readonly children: Node[];
}

/** Builds the tree, registers it and returns the /Outlines reference (undefined if empty). */
export function buildOutline(
  context: PDFContext,
  documents: readonly LaidOutDocument[],
  pageRefs: readonly (readonly PDFRef[])[],
  pageHeights: readonly (readonly number[])[],
): PDFRef | undefined {
  const roots: Node[] = [];
  documents.forEach((doc, d) => {
    const refs = pageRefs[d]!;
    const heights = pageHeights[d]!;
    const root: Node = { title: doc.name, level: 0, page: refs[0]!, top: heights[0]!, pageHeight: heights[0]!, children: [] };
    const stack: Node[] = [root];
    for (const b of doc.bookmarks) {
      while (stack.length > 1 && stack[stack.length - 1]!.level >= b.level) stack.pop();
      const node: Node = { title: b.title, level: b.level, page: refs[b.page]!, top: heights[b.page]! - b.y, pageHeight: heights[b.page]!, children: [] };
      stack[stack.length - 1]!.children.push(node);
      stack.push(node);
    }
    roots.push(root);
  });
  if (!roots.length) return undefined;

  const outlineRef = context.nextRef();

  const emit = (nodes: readonly Node[], parent: PDFRef): PDFRef[] => {
    const refs = nodes.map(() => context.nextRef());
    nodes.forEach((n, i) => {
      const dict = PDFDict.withContext(context);
      dict.set(PDFName.of('Title'), PDFHexString.fromText(n.title));
      dict.set(PDFName.of('Parent'), parent);
      if (i > 0) dict.set(PDFName.of('Prev'), refs[i - 1]!);
      if (i < nodes.length - 1) dict.set(PDFName.of('Next'), refs[i + 1]!);
      const dest = PDFArray.withContext(context);
      dest.push(n.page);
      dest.push(PDFName.of('XYZ'));
      dest.push(PDFNull);
      dest.push(PDFNumber.of(Math.min(Math.round(n.top + 4), Math.floor(n.pageHeight))));
      dest.push(PDFNull);
      dict.set(PDFName.of('Dest'), dest);
      if (n.children.length) {
        const kids = emit(n.children, refs[i]!);
        dict.set(PDFName.of('First'), kids[0]!);
        dict.set(PDFName.of('Last'), kids[kids.length - 1]!);
        // Documents open, headings closed: the panel shows the articles of each document.
        dict.set(PDFName.of('Count'), PDFNumber.of(n.level === 0 ? n.children.length : -n.children.length));
      }
      context.assign(refs[i]!, dict);
    });
    return refs;
  };

  const top = emit(roots, outlineRef);
  const visible = roots.reduce((a, r) => a + 1 + r.children.length, 0);
  context.assign(
    outlineRef,
    context.obj({ Type: 'Outlines', First: top[0]!, Last: top[top.length - 1]!, Count: visible }),
  );
  return outlineRef;
}
