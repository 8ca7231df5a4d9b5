// The file's bytes, written here rather than by pdf-lib's PDFWriter, in exactly its
// object-stream layout (PDFStreamWriter: header, plain objects and streams in object-number
// order, object streams of 1,000 objects, cross-reference stream, startxref) — the bytes are
// the ones pdf-lib 1.17 wrote, checked file by file on the demo contracts. What changed, for
// tagged PDF's thousands of small objects per contract (each step was a hot spot in profiles):
// - object streams are deflated by node:zlib instead of pako (pure JavaScript, a fresh deflate
//   state per stream); zlib already deflates every content stream, and the engine id records
//   its version;
// - objects may come pre-serialized (`PrebuiltObjects`: the structure elements, written as
//   bytes by tags.ts), packed into object streams without building pdf-lib objects for them;
// - one growing buffer instead of a size pass then a copy pass (pdf-lib copies stream
//   contents byte by byte and deflates the cross-reference stream twice over its caches);
// - the cross-reference stream's rows are written directly. It stays deflated by pako, as
//   pdf-lib did: zlib's output differs, and the bytes must not change.
// Synchronous: a contract is written in one go.
import { deflateSync } from 'node:zlib';
import { PDFHeader, PDFInvalidObject, PDFName, PDFNumber, PDFStream, type PDFContext, type PDFObject } from 'pdf-lib';
import { ByteWriter } from './bytes.ts';

const OBJECTS_PER_STREAM = 1000;

/** Indirect objects given as PDF syntax (ASCII), in the order they are packed. */
export class PrebuiltObjects {
  readonly numbers: number[] = [];
  /** Where each object starts in `w`; each ends with a newline, the next one's start. */
  readonly starts: number[] = [];
  readonly w = new ByteWriter();

  /** Starts object `objectNumber` (reserved in the context): write its syntax with the writer. */
  begin(objectNumber: number): ByteWriter {
    this.numbers.push(objectNumber);
    this.starts.push(this.w.pos);
    return this.w;
  }

  end(): void {
    this.w.byte(10);
  }
}

const HEADER = ((): Uint8Array => {
  const h = PDFHeader.forVersion(1, 7);
  const b = new Uint8Array(h.sizeInBytes());
  h.copyBytesInto(b, 0);
  return b;
})();

function put(w: ByteWriter, o: PDFObject): void {
  const n = o.sizeInBytes();
  o.copyBytesInto(w.room(n), w.pos);
  w.pos += n;
}

function putStream(w: ByteWriter, s: PDFStream): void {
  s.updateDict();
  put(w, s.dict);
  w.ascii('\nstream\n').bytes(s.getContents()).ascii('\nendstream');
}

/** Cross-reference rows by object number: type 1 (offset in file) or 2 (object stream, index); -1: none. */
class XRef {
  readonly type: Int32Array;
  readonly f2: Int32Array;
  readonly f3: Int32Array;

  constructor(size: number) {
    this.type = new Int32Array(size).fill(-1);
    this.f2 = new Int32Array(size);
    this.f3 = new Int32Array(size);
  }

  set(n: number, type: number, f2: number, f3: number): void {
    this.type[n] = type;
    this.f2[n] = f2;
    this.f3[n] = f3;
  }
}

/** pdf-lib's field width: bytes of the binary form, at least one. */
function width(n: number): number {
  return n < 0x100 ? 1 : n < 0x10000 ? 2 : n < 0x1000000 ? 3 : 4;
}

/** An object stream: `head` (« num offset … ») then `body`, deflated, as indirect object `n`. */
function putObjectStream(w: ByteWriter, n: number, count: number, head: string, body: Uint8Array): void {
  const data = new Uint8Array(head.length + body.length);
  for (let i = 0; i < head.length; i++) data[i] = head.charCodeAt(i);
  data.set(body, head.length);
  const z = deflateSync(data, { level: 6 });
  w.uint(n).ascii(' 0 obj\n<<\n/Type /ObjStm\n/N ').uint(count).ascii('\n/First ').uint(head.length);
  w.ascii('\n/Filter /FlateDecode\n/Length ').uint(z.length).ascii('\n>>\nstream\n').bytes(z).ascii('\nendstream\nendobj\n\n');
}

// Reused from file to file: the result is copied out.
const scratch = new ByteWriter();
const file = new ByteWriter(1 << 18);

/** The bytes of a document: `context`'s objects plus the pre-serialized ones. */
export function serializePdf(context: PDFContext, prebuilt: PrebuiltObjects = new PrebuiltObjects()): Uint8Array {
  const ctx = context;
  const w = file;
  w.pos = 0;
  const objects = ctx.enumerateIndirectObjects();
  // Every object number, the object streams' and the cross-reference stream's included.
  const xref = new XRef(ctx.largestObjectNumber + 2 * Math.ceil((objects.length + prebuilt.numbers.length) / OBJECTS_PER_STREAM) + 2);
  // The head of the free list, as pdf-lib writes it.
  xref.set(0, 0, 0, 65535);
  w.bytes(HEADER).ascii('\n\n');
  let objectNumber = ctx.largestObjectNumber + 1;
  const chunks: Array<Array<[number, PDFObject]>> = [];
  for (const [ref, object] of objects) {
    if (ref === ctx.trailerInfo.Encrypt || object instanceof PDFStream || object instanceof PDFInvalidObject || ref.generationNumber !== 0) {
      xref.set(ref.objectNumber, 1, w.pos, ref.generationNumber);
      w.uint(ref.objectNumber).byte(32).uint(ref.generationNumber).ascii(' obj\n');
      if (object instanceof PDFStream) putStream(w, object);
      else put(w, object);
      w.ascii('\nendobj\n\n');
      continue;
    }
    let chunk = chunks[chunks.length - 1];
    if (!chunk || chunk.length === OBJECTS_PER_STREAM) chunks.push((chunk = []));
    chunk.push([ref.objectNumber, object]);
  }
  for (const chunk of chunks) {
    const n = objectNumber++;
    let head = '';
    scratch.pos = 0;
    chunk.forEach(([num, object], index) => {
      xref.set(num, 2, n, index);
      head += `${num} ${scratch.pos} `;
      put(scratch, object);
      scratch.byte(10);
    });
    xref.set(n, 1, w.pos, 0);
    putObjectStream(w, n, chunk.length, head, scratch.view());
  }
  const { numbers, starts } = prebuilt;
  const body = prebuilt.w.view();
  for (let i = 0; i < numbers.length; i += OBJECTS_PER_STREAM) {
    const n = objectNumber++;
    const end = Math.min(i + OBJECTS_PER_STREAM, numbers.length);
    const from = starts[i]!;
    const to = end < numbers.length ? starts[end]! : body.length;
    let head = '';
    for (let k = i; k < end; k++) {
      xref.set(numbers[k]!, 2, n, k - i);
      head += `${numbers[k]} ${starts[k]! - from} `;
    }
    xref.set(n, 1, w.pos, 0);
    putObjectStream(w, n, end - i, `${head}\n`, body.subarray(from, to));
  }
  const xrefNumber = objectNumber++;
  const xrefOffset = w.pos;
  xref.set(xrefNumber, 1, xrefOffset, 0);
  putXRef(ctx, w, xref, xrefNumber, objectNumber);
  w.ascii(`startxref\n${xrefOffset}\n%%EOF`);
  return w.take();
}

/** The cross-reference stream, its dictionary keys in pdf-lib's order. */
function putXRef(ctx: PDFContext, w: ByteWriter, xref: XRef, n: number, size: number): void {
  const { type, f2, f3 } = xref;
  const widths = [0, 0, 0];
  const index: number[] = [];
  let rows = 0;
  let run = 0;
  for (let i = 0; i < type.length; i++) {
    if (type[i] === -1) continue;
    if (run === 0 || type[i - 1] === -1) {
      if (run > 0) index.push(run);
      index.push(i);
      run = 0;
    }
    run++;
    rows++;
    widths[0] = Math.max(widths[0]!, width(type[i]!));
    widths[1] = Math.max(widths[1]!, width(f2[i]!));
    widths[2] = Math.max(widths[2]!, width(f3[i]!));
  }
  index.push(run);
  const [w1, w2, w3] = widths as [number, number, number];
  const data = new Uint8Array(rows * (w1 + w2 + w3));
  let p = 0;
  const field = (v: number, bytes: number): void => {
    for (let b = bytes - 1; b >= 0; b--) data[p++] = (v >> (8 * b)) & 0xff;
  };
  for (let i = 0; i < type.length; i++) {
    if (type[i] === -1) continue;
    field(type[i]!, w1);
    field(f2[i]!, w2);
    field(f3[i]!, w3);
  }
  // pako, through pdf-lib, as PDFCrossRefStream did.
  const z = ctx.flateStream(data).getContents();
  const t = ctx.trailerInfo;
  const dict = ctx.obj({ Size: size, Root: t.Root, Encrypt: t.Encrypt, Info: t.Info, ID: t.ID });
  dict.set(PDFName.of('Filter'), PDFName.of('FlateDecode'));
  dict.set(PDFName.of('Type'), PDFName.of('XRef'));
  dict.set(PDFName.of('Length'), PDFNumber.of(z.length));
  dict.set(PDFName.of('W'), ctx.obj(widths));
  dict.set(PDFName.of('Index'), ctx.obj(index));
  w.uint(n).ascii(' 0 obj\n');
  put(w, dict);
  w.ascii('\nstream\n').bytes(z).ascii('\nendstream\nendobj\n\n');
}
