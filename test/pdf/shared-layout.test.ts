import { describe, expect, it } from 'vitest';
import { renderPdfFiles, writePdf } from '../../src/writers/pdf/index.ts';
import { buildFixture } from '../helpers/contracts.ts';

describe('one layout for the dossier and the per-document PDFs', () => {
  it('gives exactly the bytes writePdf gives document by document', async () => {
    const { set } = buildFixture('fixtures/occitanie/chu.yaml');
    const files = await renderPdfFiles(set);
    expect(Buffer.from(files.combined).equals(Buffer.from(await writePdf(set)))).toBe(true);
    for (const [i, d] of set.documents.entries()) {
      const alone = await writePdf(set, { documents: [d.id] });
      expect(Buffer.from(files.perDocument[i]!).equals(Buffer.from(alone)), d.id).toBe(true);
    }
  });
});
