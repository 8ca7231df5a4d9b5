// Test-only PAdES-style signer: signs one existing empty signature field of a PDF in an
// incremental update, with a throw-away self-signed certificate, using openssl. Proves that the
// fields we write can be signed in place and that poppler's pdfsig then validates the signature.
//
// The update rewrites the field's widget with /V pointing to a new signature dictionary and the
// catalog with /AcroForm /SigFlags 3, then appends a classic xref section whose /Prev is the
// original (stream) cross-reference. /ByteRange covers the whole file but the /Contents hex.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';

const CONTENTS_BYTES = 8192;
/** ByteRange numbers are written padded to this width, so the final values fit in place. */
const RANGE_WIDTH = 10;

function run(cmd: string, args: string[], cwd: string): void {
  const r = spawnSync(cmd, args, { cwd, encoding: 'utf8' });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${cmd} ${args.join(' ')} failed: ${r.stderr}`);
}

/** A self-signed certificate and key in `dir` (cert.pem, key.pem). */
export function makeThrowAwayCertificate(dir: string, cn = 'Test'): void {
  run('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', `/CN=${cn}`, '-days', '1', '-keyout', 'key.pem', '-out', 'cert.pem'], dir);
}

export async function signField(pdfBytes: Uint8Array, fieldName: string, cn = 'Test'): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(pdfBytes, { updateMetadata: false });
  const ctx = pdf.context;
  const acro = pdf.catalog.lookup(PDFName.of('AcroForm'), PDFDict);
  const fields = acro.lookup(PDFName.of('Fields'), PDFArray);
  let widgetRef: PDFRef | undefined;
  for (let i = 0; i < fields.size(); i++) {
    const ref = fields.get(i) as PDFRef;
    const t = ctx.lookup(ref, PDFDict).lookup(PDFName.of('T'));
    if (t instanceof PDFString && t.decodeText() === fieldName) widgetRef = ref;
  }
  if (!widgetRef) throw new Error(`no field ${fieldName}`);
  const rootRef = ctx.trailerInfo.Root as PDFRef;
  // The original cross-reference stream counts objects pdf-lib does not keep (object streams, the
  // xref stream itself): the new object takes the first number after the original /Size.
  const sizes = [...Buffer.from(pdfBytes).toString('latin1').matchAll(/\/Size (\d+)/g)].map((m) => Number(m[1]));
  const sigNum = Math.max(ctx.largestObjectNumber + 1, ...sizes);
  const sigRef = PDFRef.of(sigNum);

  const widget = ctx.lookup(widgetRef, PDFDict);
  widget.set(PDFName.of('V'), sigRef);
  acro.set(PDFName.of('SigFlags'), PDFNumber.of(3));

  const base = Buffer.from(pdfBytes);
  const prev = Number(/startxref\s+(\d+)\s+%%EOF\s*$/.exec(base.toString('latin1'))![1]);
  const pad = (n: number) => String(n).padStart(RANGE_WIDTH, '0');
  const parts: string[] = [];
  const offsets = new Map<number, number>();
  let pos = base.length + 1;
  const emit = (s: string) => {
    parts.push(s);
    pos += Buffer.byteLength(s, 'latin1');
  };
  emit('');
  const put = (num: number, body: string) => {
    offsets.set(num, pos);
    emit(`${num} 0 obj\n${body}\nendobj\n`);
  };
  put(widgetRef.objectNumber, widget.toString());
  put(rootRef.objectNumber, pdf.catalog.toString());
  const sigHead = `${sigNum} 0 obj\n<< /Type /Sig /Filter /Adobe.PPKLite /SubFilter /adbe.pkcs7.detached /M (D:20260101000000Z) /ByteRange [${pad(0)} ${pad(0)} ${pad(0)} ${pad(0)}] /Contents <`;
  offsets.set(sigNum, pos);
  const contentsAt = pos + Buffer.byteLength(sigHead, 'latin1') - 1; // the '<'
  emit(`${sigHead}${'0'.repeat(CONTENTS_BYTES * 2)}> >>\nendobj\n`);
  const contentsEnd = contentsAt + CONTENTS_BYTES * 2 + 2;
  const xrefAt = pos;
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (const n of nums) xref += `${n} 1\n${String(offsets.get(n)).padStart(10, '0')} 00000 n \n`;
  const info = ctx.trailerInfo.Info as PDFRef | undefined;
  const id = ctx.trailerInfo.ID as PDFArray | undefined;
  emit(`${xref}trailer\n<< /Size ${sigNum + 1} /Root ${rootRef.toString()}${info ? ` /Info ${info.toString()}` : ''}${id ? ` /ID ${id.toString()}` : ''} /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`);

  const out = Buffer.concat([base, Buffer.from('\n', 'latin1'), Buffer.from(parts.join(''), 'latin1')]);
  const range = [0, contentsAt, contentsEnd, out.length - contentsEnd];
  const rangeText = `[${range.map(pad).join(' ')}]`;
  const at = out.indexOf(`[${pad(0)} ${pad(0)} ${pad(0)} ${pad(0)}]`, base.length);
  out.write(rangeText, at, 'latin1');

  const dir = mkdtempSync(join(tmpdir(), 'cpom-sign-'));
  try {
    makeThrowAwayCertificate(dir, cn);
    writeFileSync(join(dir, 'data.bin'), Buffer.concat([out.subarray(0, contentsAt), out.subarray(contentsEnd)]));
    run('openssl', ['cms', '-sign', '-binary', '-md', 'sha256', '-in', 'data.bin', '-signer', 'cert.pem', '-inkey', 'key.pem', '-outform', 'DER', '-out', 'sig.der'], dir);
    const hex = readFileSync(join(dir, 'sig.der')).toString('hex');
    if (hex.length > CONTENTS_BYTES * 2) throw new Error('signature larger than its placeholder');
    out.write(hex, contentsAt + 1, 'latin1');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return new Uint8Array(out);
}
