// The page's script: src/atelier/client/*.ts (CodeMirror 6 and the preview) bundled in memory
// with esbuild at startup — nothing to build beforehand, and the same sources always give the
// same bundle (no timestamps, no source maps with absolute paths).
import { build } from 'esbuild';
import { fileURLToPath } from 'node:url';

export async function bundleClient(): Promise<Uint8Array> {
  const r = await build({
    entryPoints: [fileURLToPath(new URL('./client/main.ts', import.meta.url))],
    bundle: true,
    write: false,
    format: 'esm',
    target: 'es2022',
    minify: true,
    legalComments: 'none',
    logLevel: 'silent',
  });
  return r.outputFiles[0]!.contents;
}
