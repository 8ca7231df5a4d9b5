// pdf-lib compresses its object streams with pako 1.x (pure JavaScript), which it looks up on
// every call (`pako_1.default.deflate`). A tagged contract puts thousands of small structure
// elements in object streams, and pako took more CPU compressing them than the rest of the
// writer (profiled). The same DEFLATE in zlib format comes from Node's native zlib, which
// already compresses every content stream; the engine id records zlib's version, so the bytes
// stay reproducible. The pako instance patched is the one pdf-lib resolves, checked here.
import { deflateSync } from 'node:zlib';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';

const require = createRequire(import.meta.url);
const pdfLibDir = require.resolve('pdf-lib');
const pakoPath = require.resolve('pako', { paths: [dirname(pdfLibDir)] });
const pako = require(pakoPath) as { deflate: (data: Uint8Array) => Uint8Array };
pako.deflate = (data: Uint8Array): Uint8Array => {
  const out = deflateSync(data);
  return new Uint8Array(out.buffer, out.byteOffset, out.byteLength);
};
