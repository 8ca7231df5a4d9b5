// The communicable version of a resolved document set (CRPA, livre III; DGOS Annexe 4,
// « Éclairage sur la communicabilité des CPOM », 001 l. 6227-6264): for a holder whose passages
// may be withheld (ESPIC, private), every passage the model marks occultable is REMOVED from the
// IR — each marked passage becomes one placeholder paragraph — so the writers never see its
// text: nothing to find in the files' bytes, the outline or the structure tree. Applied after
// resolve, so the remaining articles keep the numbers of the signed contract. Every document
// says on every page that it is the communicable version, and how many passages it withholds.
import { frenchSpaces } from './resolve/typography.ts';
import type { Block, Document, DocumentSet } from './types.ts';

export interface CommunicableWording {
  /** The page notice, for a document withholding `occultations` passages. */
  readonly notice: (occultations: number) => string;
  /** Printed in place of each withheld passage. */
  readonly placeholder: string;
}

function redacted(d: Document, placeholder: string): { blocks: Block[]; count: number } {
  const blocks: Block[] = [];
  let count = 0;
  let group: number | undefined;
  for (const b of d.blocks) {
    const mark = b.type === 'pageBreak' || b.type === 'signature' ? undefined : b.redaction;
    if (!mark) {
      group = undefined;
      blocks.push(b);
      continue;
    }
    if (mark.group === group) continue;
    group = mark.group;
    count++;
    blocks.push({ type: 'paragraph', style: 'body', content: [{ type: 'text', text: frenchSpaces(placeholder) }] });
  }
  return { blocks, count };
}

/** `withhold`: the holder's marked passages are left out (ESPIC, private); false: public. */
export function communicableSet(set: DocumentSet, withhold: boolean, wording: CommunicableWording): DocumentSet {
  return {
    ...set,
    documents: set.documents.map((d) => {
      const { blocks, count } = withhold ? redacted(d, wording.placeholder) : { blocks: [...d.blocks], count: 0 };
      return { ...d, blocks, notices: [...(d.notices ?? []), frenchSpaces(wording.notice(count))] };
    }),
  };
}
