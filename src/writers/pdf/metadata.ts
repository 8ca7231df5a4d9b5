// Document metadata: Info dictionary, XMP packet (PDF/A-2a identification: the file is tagged, see tags.ts), sRGB output
// intent and a deterministic file identifier. Dates come from the data, never the clock.
import { createHash } from 'node:crypto';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFRawStream } from 'pdf-lib';
import type { DocumentSetMeta } from '../../ir/types.ts';
import { deflateSync } from 'node:zlib';
import { deflatedStream } from './fonts.ts';
import { srgbProfile } from './icc.ts';

export const PRODUCER = 'cpom (pdf-lib 1.17.1)';
export const CREATOR = 'cpom — moteur de contrats CPOM';

export interface PdfMeta {
  readonly title: string;
  readonly subject: string;
  readonly author: string;
  /** ISO YYYY-MM-DD. */
  readonly date: string;
  readonly lang: string;
  /** Legal validation of the file's reconstituted texts (Info /Keywords, XMP pdf:Keywords). */
  readonly keywords?: string;
}

function xml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function xmp(m: PdfMeta): string {
  const when = `${m.date}T00:00:00Z`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>A</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.title)}</rdf:li></rdf:Alt></dc:title>
<dc:creator><rdf:Seq><rdf:li>${xml(m.author)}</rdf:li></rdf:Seq></dc:creator>
<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(m.subject)}</rdf:li></rdf:Alt></dc:description>
<dc:language><rdf:Bag><rdf:li>${xml(m.lang)}</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
<xmp:CreateDate>${when}</xmp:CreateDate>
<xmp:ModifyDate>${when}</xmp:ModifyDate>
<xmp:MetadataDate>${when}</xmp:MetadataDate>
<xmp:CreatorTool>${xml(CREATOR)}</xmp:CreatorTool>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
<pdf:Producer>${xml(PRODUCER)}</pdf:Producer>${m.keywords ? `\n<pdf:Keywords>${xml(m.keywords)}</pdf:Keywords>` : ''}
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

let iccDeflated: Uint8Array | undefined;

/** Info dictionary, XMP, output intent, /ID. `seed` identifies the input (hashed into /ID). */
export function applyMetadata(pdf: PDFDocument, m: PdfMeta, seed: string): void {
  const date = new Date(`${m.date}T00:00:00Z`);
  pdf.setTitle(m.title, { showInWindowTitleBar: true });
  pdf.setSubject(m.subject);
  pdf.setAuthor(m.author);
  pdf.setCreator(CREATOR);
  pdf.setProducer(PRODUCER);
  pdf.setCreationDate(date);
  pdf.setModificationDate(date);
  pdf.setLanguage(m.lang);
  if (m.keywords) pdf.setKeywords([m.keywords]);

  const ctx = pdf.context;
  // XMP stays uncompressed: PDF/A wants metadata readable without filters.
  const meta = PDFRawStream.of(ctx.obj({ Type: 'Metadata', Subtype: 'XML' }), new TextEncoder().encode(xmp(m)));
  pdf.catalog.set(PDFName.of('Metadata'), ctx.register(meta));

  iccDeflated ??= deflateSync(srgbProfile(), { level: 9 });
  const icc = ctx.register(deflatedStream(ctx, iccDeflated, { N: 3 }));
  const intent = ctx.obj({
    Type: 'OutputIntent',
    S: 'GTS_PDFA1',
    OutputConditionIdentifier: PDFHexString.fromText('sRGB IEC61966-2.1'),
    Info: PDFHexString.fromText('sRGB IEC61966-2.1'),
    RegistryName: PDFHexString.fromText('http://www.color.org'),
    DestOutputProfile: icc,
  });
  pdf.catalog.set(PDFName.of('OutputIntents'), ctx.obj([intent]));

  const id = createHash('md5').update(seed).digest('hex').toUpperCase();
  const ids = PDFArray.withContext(ctx);
  ids.push(PDFHexString.of(id));
  ids.push(PDFHexString.of(id));
  ctx.trailerInfo.ID = ids;
}
