// Fingerprints of every file the engine writes for the demo contracts (and the synthetic one):
// a speed-up must not change one byte. Run it on two trees and compare the outputs:
//   npx tsx bench/empreintes.ts > /tmp/apres.json
//   npx tsx bench/empreintes.ts --racine /chemin/vers/main > /tmp/avant.json
//   diff /tmp/avant.json /tmp/apres.json && echo identiques
// Every contract is rendered twice in the same process, in opposite orders, and both passes
// must agree: the layout's memo tables must not make a file depend on what was rendered before.
import { createHash } from 'node:crypto';
import { join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const root = resolve(arg('racine') ?? join(import.meta.dirname, '..'));
const load = async <T>(path: string): Promise<T> => (await import(pathToFileURL(join(root, path)).href)) as T;

type Files = Record<string, string>;
const { demoContracts } = await load<{ demoContracts: () => string[] }>('src/cli/commands/demo.ts');
const api = await load<typeof import('../src/index.ts')>('src/index.ts');
const { renderContract } = await load<typeof import('../src/pipeline.ts')>('src/pipeline.ts');
const { esignatureFor } = await load<typeof import('../src/templates/esignature.ts')>('src/templates/esignature.ts');
const { renderPdf } = await load<typeof import('../src/writers/pdf/index.ts')>('src/writers/pdf/index.ts');
const { syntheticContract } = await load<typeof import('../test/pdf/synthetic.ts')>('test/pdf/synthetic.ts');

const sha = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

async function fingerprint(file: string): Promise<Files> {
  const c = api.loadContractFile(file);
  if (!c.ok) throw new Error(`${file}: ${JSON.stringify(c.diagnostics)}`);
  const m = api.loadModel(c.value.modele);
  if (!m.ok) throw new Error(`${file}: ${JSON.stringify(m.diagnostics)}`);
  const r = await renderContract(m.value, c.value, 'contrat', ['docx', 'pdf'], { esignature: esignatureFor(m.value.manifest, undefined) });
  if (!r.ok) throw new Error(`${file}: ${JSON.stringify(r.diagnostics)}`);
  const out: Files = {};
  for (const f of r.value.files) out[f.name] = sha(f.data);
  return out;
}

async function pass(files: readonly string[]): Promise<Record<string, Files>> {
  const out: Record<string, Files> = {};
  for (const f of files) out[relative(root, f)] = await fingerprint(f);
  out['synthétique'] = { 'dossier.pdf': sha((await renderPdf(syntheticContract(1))).bytes) };
  return out;
}

const files = demoContracts();
const forward = await pass(files);
const backward = await pass([...files].reverse());
const sorted = (o: Record<string, Files>): string => JSON.stringify(Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1))), null, 1);
if (sorted(forward) !== sorted(backward)) {
  process.stderr.write('Les empreintes dépendent de l’ordre de rendu.\n');
  process.exit(1);
}
process.stdout.write(`${sorted(forward)}\n`);
