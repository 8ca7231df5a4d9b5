// renderPdfFiles lays a contract out once and encodes each page once for the dossier and the
// per-document PDFs; every file embeds the contract's font subsets.
import { inflateSync } from 'node:zlib';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderPdfFiles, writePdf } from '../../src/writers/pdf/index.ts';
import { buildFixture } from '../helpers/contracts.ts';
import { itWith } from '../helpers/libreoffice.ts';
import { pdfFonts, pdfText, qpdfCheck } from '../helpers/poppler.ts';

/** Each page's decoded content stream. */
async function pageContents(bytes: Uint8Array): Promise<string[]> {
  const pdf = await PDFDocument.load(bytes);
  return pdf.getPages().map((p) => {
    const s = p.node.lookup(PDFName.of('Contents'));
    if (!(s instanceof PDFRawStream)) throw new Error('page without a single content stream');
    return inflateSync(s.contents).toString('latin1');
  });
}

/** BaseFont of each font resource, by resource name. */
async function fontNames(bytes: Uint8Array): Promise<Record<string, string>> {
  const pdf = await PDFDocument.load(bytes);
  const fonts = pdf.getPages()[0]!.node.Resources()!.lookup(PDFName.of('Font'), PDFDict);
  const out: Record<string, string> = {};
  for (const [k, v] of fonts.entries()) {
    const font = pdf.context.lookup(v, PDFDict);
    out[k.decodeText()] = font.lookup(PDFName.of('BaseFont'), PDFName).decodeText();
    expect(font.lookup(PDFName.of('DescendantFonts'), PDFArray).size()).toBe(1);
  }
  return out;
}

describe('one layout for the dossier and the per-document PDFs', async () => {
  const { set } = buildFixture('fixtures/occitanie/chu.yaml');
  const files = await renderPdfFiles(set);

  it('gives the dossier exactly the bytes writePdf gives for the whole set', async () => {
    expect(Buffer.from(files.combined).equals(Buffer.from(await writePdf(set)))).toBe(true);
  });

  it('draws each document’s pages exactly as the document rendered alone, and as in the dossier', async () => {
    const dossier = await pageContents(files.combined);
    let at = 0;
    for (const [i, d] of set.documents.entries()) {
      const own = await pageContents(files.perDocument[i]!);
      const alone = await pageContents(await writePdf(set, { documents: [d.id] }));
      expect(own, d.id).toEqual(alone);
      expect(own, d.id).toEqual(dossier.slice(at, at + own.length));
      at += own.length;
    }
    expect(at).toBe(dossier.length);
  });

  it('embeds the dossier’s font subsets in every file, declaring only the faces its pages show', async () => {
    const dossierFonts = await fontNames(files.combined);
    expect(Object.keys(dossierFonts).length).toBeGreaterThan(1);
    const declared = new Set<string>();
    for (const [i, d] of set.documents.entries()) {
      const own = await fontNames(files.perDocument[i]!);
      for (const [res, name] of Object.entries(own)) expect(name, `${d.id} ${res}`).toBe(dossierFonts[res]);
      const alone = await fontNames(await writePdf(set, { documents: [d.id] }));
      expect(Object.keys(own).sort(), d.id).toEqual(Object.keys(alone).sort());
      Object.keys(own).forEach((k) => declared.add(k));
    }
    expect([...declared].sort()).toEqual(Object.keys(dossierFonts).sort());
  });

  itWith(['pdftotext', 'qpdf'])('gives back the same text as the document rendered alone, in valid files', async () => {
    for (const [i, d] of set.documents.entries()) {
      const own = files.perDocument[i]!;
      expect(pdfText(own), d.id).toBe(pdfText(await writePdf(set, { documents: [d.id] })));
      expect(qpdfCheck(own).ok, d.id).toBe(true);
      expect(pdfFonts(own).every((f) => f.embedded && f.subset && f.unicode), d.id).toBe(true);
    }
  });
});
