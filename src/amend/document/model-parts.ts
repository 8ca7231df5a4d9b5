// The parts of the model's own socle an avenant reuses, so it is "produit sur le même modèle"
// (IDF L108, BR-AV-2): the parties block, the legal visas and the signature block, rendered by
// the model's templates from the contract as amended. The socle's layout is the same in every
// model: title, period, parties, "Vu …" visas, "Il est convenu …", articles, signatures.
import type { Block, Document, Paragraph, SignatureBlock } from '../../ir/types.ts';
import { inlineText } from '../../ir/types.ts';

export interface ModelParts {
  /** The period line under the title ("2021-2026"), if the model prints one. */
  readonly period?: Paragraph;
  readonly parties: readonly Block[];
  readonly visas: readonly Paragraph[];
  readonly signature?: SignatureBlock;
}

const isVisa = (b: Block): b is Paragraph => b.type === 'paragraph' && (b.style === 'visa' || /^Vu\s/.test(inlineText(b.content)));

export function modelParts(socle: Document): ModelParts {
  const blocks = socle.blocks;
  let i = blocks.findIndex((b) => b.type === 'heading' && b.level === 1);
  i = i < 0 ? 0 : i + 1;
  let period: Paragraph | undefined;
  const first = blocks[i];
  if (first?.type === 'paragraph' && first.style === 'subtitle') {
    period = first;
    i++;
  }
  const firstVisa = blocks.findIndex((b, k) => k >= i && isVisa(b));
  const partiesEnd = firstVisa < 0 ? i : firstVisa;
  // The model may break the page before its visas: the avenant keeps parties and visas together.
  const parties = blocks.slice(i, partiesEnd).filter((b) => b.type !== 'pageBreak');
  const visas: Paragraph[] = [];
  for (let k = partiesEnd; k < blocks.length && isVisa(blocks[k]!); k++) visas.push(blocks[k] as Paragraph);
  const signature = blocks.find((b): b is SignatureBlock => b.type === 'signature');
  return { ...(period ? { period } : {}), parties, visas, ...(signature ? { signature } : {}) };
}
