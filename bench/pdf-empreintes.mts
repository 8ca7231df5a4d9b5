// Fingerprints of the PDF writer's output: every demo fixture (dossier and per-document files,
// without and with e-signature anchors and fields) and three synthetic contracts, rendered by the
// engine at the given root (default: this one). Two roots print the same lines when a change
// to the writer keeps every byte:
//   npx tsx bench/pdf-empreintes.mts /work/main > avant.txt; npx tsx bench/pdf-empreintes.mts > apres.txt; cmp avant.txt apres.txt
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
const root = process.argv[2] ?? new URL('..', import.meta.url).pathname.replace(/\/$/, '');
const dump = process.argv[3];
const { demoContracts } = await import(`${root}/src/cli/commands/demo.ts`);
const lib = await import(`${root}/src/index.ts`);
const { renderPdfFiles } = await import(`${root}/src/writers/pdf/index.ts`);
const { syntheticContract } = await import(`${root}/test/pdf/synthetic.ts`);
const ESIGN = { anchors: ['iparapheur', 'yousign', 'docusign'], fields: true, cachet: true };
const NONE = { anchors: [], fields: false, cachet: false };
const cases: { name: string; set: any }[] = [];
for (const file of demoContracts()) {
  const c = lib.loadContractFile(file);
  const m = lib.loadModel(c.value.modele);
  const s = lib.buildDocumentSet(m.value, c.value);
  if (!s.ok) throw new Error(file);
  cases.push({ name: `${basename(dirname(file))}--${basename(file, '.yaml')}`, set: s.value });
}
for (const v of [1, 2, 3]) cases.push({ name: `synth${v}`, set: syntheticContract(v) });
for (const c of cases) {
  for (const [tag, e] of [['plain', NONE], ['esign', ESIGN]] as const) {
    const r = await renderPdfFiles(c.set, e);
    const files: [string, Uint8Array][] = [['combined', r.combined], ...r.perDocument.map((b: Uint8Array, i: number) => [`doc${i}`, b] as [string, Uint8Array])];
    for (const [n, b] of files) {
      const name = `${c.name}.${tag}.${n}.pdf`;
      console.log(createHash('sha256').update(b).digest('hex'), b.length, name);
      if (dump) { mkdirSync(dump, { recursive: true }); writeFileSync(join(dump, name), b); }
    }
  }
}
