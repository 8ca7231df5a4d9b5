// The file's bytes: pdf-lib's object-stream layout (PDFStreamWriter.computeBufferSize: header,
// plain objects and streams, object streams, cross-reference stream) with two changes, both for
// tagged PDF, whose structure tree is thousands of small objects per contract:
// - object streams are deflated by node:zlib instead of pako (pure JavaScript, a fresh deflate
//   state per stream: it cost more CPU than laying the contract out — profiled); zlib already
//   deflates every content stream, and the engine id records its version;
// - objects may come pre-serialized (`Prebuilt`: the structure elements, written as text by
//   tags.ts), packed into object streams without building pdf-lib objects for them.
// Synchronous in effect: no waiting for ticks, a contract is written in one go.
import { deflateSync } from 'node:zlib';
import {
  PDFCrossRefStream,
  PDFHeader,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFObjectStream,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFTrailer,
  PDFWriter,
  type PDFContext,
  type PDFObject,
} from 'pdf-lib';

const OBJECTS_PER_STREAM = 1000;

type Indirect = [PDFRef, PDFObject];

/** An indirect object given as its PDF syntax (ASCII), its number reserved with context.nextRef(). */
export type Prebuilt = readonly [PDFRef, string];

type XrefEntry = { readonly ref: PDFRef; readonly offset: number } | { readonly ref: PDFRef; readonly stream: PDFRef; readonly index: number };

function objectStream(ctx: PDFContext, body: Uint8Array, n: number, first: number): PDFRawStream {
  return PDFRawStream.of(ctx.obj({ Type: 'ObjStm', N: n, First: first, Filter: 'FlateDecode' }), deflateSync(body, { level: 6 }));
}

/** An object stream of pre-serialized objects: « num offset … » then the objects. */
function prebuiltStream(ctx: PDFContext, objects: readonly Prebuilt[]): PDFRawStream {
  let head = '';
  let body = '';
  for (const [ref, text] of objects) {
    head += `${ref.objectNumber} ${body.length} `;
    body += `${text}\n`;
  }
  head += '\n';
  return objectStream(ctx, Buffer.from(head + body, 'latin1'), objects.length, head.length);
}

class ZlibStreamWriter extends PDFWriter {
  constructor(
    context: PDFContext,
    private readonly prebuilt: readonly Prebuilt[],
  ) {
    super(context, Infinity);
  }

  protected override async computeBufferSize(): Promise<{ size: number; header: PDFHeader; indirectObjects: Indirect[]; trailer: PDFTrailer }> {
    const ctx = this.context;
    let objectNumber = ctx.largestObjectNumber + 1;
    const header = PDFHeader.forVersion(1, 7);
    let size = header.sizeInBytes() + 2;
    const plain: Indirect[] = [];
    const entries: XrefEntry[] = [];
    const place = (entry: Indirect): void => {
      entries.push({ ref: entry[0], offset: size });
      size += this.computeIndirectObjectSize(entry);
      plain.push(entry);
    };
    const chunks: Indirect[][] = [];
    for (const entry of ctx.enumerateIndirectObjects()) {
      const [ref, object] = entry;
      if (ref === ctx.trailerInfo.Encrypt || object instanceof PDFStream || object instanceof PDFInvalidObject || ref.generationNumber !== 0) {
        place(entry);
        continue;
      }
      let chunk = chunks[chunks.length - 1];
      if (!chunk || chunk.length === OBJECTS_PER_STREAM) chunks.push((chunk = []));
      chunk.push(entry);
    }
    for (const chunk of chunks) {
      // pdf-lib lays the stream out (offsets, /N, /First); zlib deflates it.
      const ref = PDFRef.of(objectNumber++);
      chunk.forEach(([r], index) => entries.push({ ref: r, stream: ref, index }));
      const raw = PDFObjectStream.withContextAndObjects(ctx, chunk, false);
      const n = raw.dict.get(PDFName.of('N')) as PDFNumber;
      const first = raw.dict.get(PDFName.of('First')) as PDFNumber;
      place([ref, objectStream(ctx, raw.getUnencodedContents(), n.asNumber(), first.asNumber())]);
    }
    for (let i = 0; i < this.prebuilt.length; i += OBJECTS_PER_STREAM) {
      const part = this.prebuilt.slice(i, i + OBJECTS_PER_STREAM);
      const ref = PDFRef.of(objectNumber++);
      part.forEach(([r], index) => entries.push({ ref: r, stream: ref, index }));
      place([ref, prebuiltStream(ctx, part)]);
    }
    // The cross-reference stream wants its entries by ascending object number.
    const xref = PDFCrossRefStream.create(this.createTrailerDict(), true);
    entries.sort((a, b) => a.ref.objectNumber - b.ref.objectNumber);
    for (const e of entries) {
      if ('offset' in e) xref.addUncompressedEntry(e.ref, e.offset);
      else xref.addCompressedEntry(e.ref, e.stream, e.index);
    }
    const xrefRef = PDFRef.of(objectNumber++);
    xref.dict.set(PDFName.of('Size'), PDFNumber.of(objectNumber));
    xref.addUncompressedEntry(xrefRef, size);
    const xrefOffset = size;
    size += this.computeIndirectObjectSize([xrefRef, xref]);
    plain.push([xrefRef, xref]);
    const trailer = PDFTrailer.forLastCrossRefSectionOffset(xrefOffset);
    size += trailer.sizeInBytes();
    return { size, header, indirectObjects: plain, trailer };
  }
}

/** The bytes of a document: `context`'s objects plus the pre-serialized ones. */
export function serializePdf(context: PDFContext, prebuilt: readonly Prebuilt[] = []): Promise<Uint8Array> {
  return new ZlibStreamWriter(context, prebuilt).serializeToBuffer();
}
