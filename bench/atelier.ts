// `npm run bench:atelier`: latency of the atelier from a saved change to the updated preview
// being ready (new PDF announced over SSE and downloaded), on a ~20-page DGOS CHU contract.
// Two ways of saving, measured in the same run: the page's save (PUT /api/fichier) and a write
// by another editor (caught by fs.watch). The atelier runs on a throw-away copy of the library.
// Wall time is noisy on a shared 2-core machine: the load average is printed with the figures.
import { cpSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { startAtelier } from '../src/atelier/server.ts';
import { TEMPLATES_ROOT } from '../src/templates/load.ts';

const RUNS = Number(process.env.CPOM_BENCH_RUNS ?? 20);
const WARMUP = 3;
const FILE = 'dgos-2012/annexe-03.md';

interface Event {
  version: number;
  pages: number;
  erreurs: unknown[];
  durees_ms: Record<string, number>;
}

/** Reads the SSE stream; resolves waiters on each « apercu » event. */
function subscribe(url: string): { next: (after: number) => Promise<Event>; stop: () => void } {
  const ctl = new AbortController();
  const waiters: Array<{ after: number; ok: (e: Event) => void }> = [];
  void (async () => {
    const r = await fetch(new URL('/api/evenements', url), { signal: ctl.signal });
    const dec = new TextDecoder();
    let buf = '';
    try {
      for await (const chunk of r.body as unknown as AsyncIterable<Uint8Array>) {
        buf += dec.decode(chunk, { stream: true });
        let i;
        while ((i = buf.indexOf('\n\n')) >= 0) {
          const block = buf.slice(0, i);
          buf = buf.slice(i + 2);
          if (!block.includes('event: apercu')) continue;
          const e = JSON.parse(block.split('\n').find((l) => l.startsWith('data: '))!.slice(6)) as Event;
          for (const w of waiters.splice(0)) (e.version > w.after ? w.ok(e) : waiters.push(w));
        }
      }
    } catch {
      // aborted at the end
    }
  })();
  return { next: (after) => new Promise((ok) => waiters.push({ after, ok })), stop: () => ctl.abort() };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const fmt = (xs: number[]) => `médiane ${pct(xs, 50).toFixed(0)} ms, p95 ${pct(xs, 95).toFixed(0)} ms, min ${Math.min(...xs).toFixed(0)} ms (n = ${xs.length})`;

async function main(): Promise<void> {
  const root = realpathSync(mkdtempSync(join(tmpdir(), 'cpom-bench-atelier-')));
  cpSync(join(TEMPLATES_ROOT, 'dgos-2012'), join(root, 'dgos-2012'), { recursive: true });
  const a = await startAtelier({ root, port: 0 });
  const headers = { Origin: new URL(a.url).origin, 'Content-Type': 'application/json' };
  const sse = subscribe(a.url);
  const original = readFileSync(join(root, FILE), 'utf8');
  try {
    let version = 0;
    const first = sse.next(0);
    await fetch(new URL('/api/selection', a.url), { method: 'POST', headers, body: JSON.stringify({ modele: 'dgos-2012', contrat: 'dgos/chu-public.yaml' }) });
    const e0 = await first;
    version = e0.version;
    console.log(`Atelier : contrat dgos/chu-public.yaml, ${e0.pages} pages ; fichier modifié ${FILE}`);
    const stages: Record<string, number[]> = {};
    const measure = async (save: (text: string) => Promise<void>, k: number): Promise<number> => {
      const text = `${original}\nParagraphe d’essai n° ${k} de l’atelier.\n`;
      const t0 = performance.now();
      const next = sse.next(version);
      await save(text);
      const e = await next;
      const pdf = await fetch(new URL(`/api/apercu.pdf?v=${e.version}`, a.url));
      await pdf.arrayBuffer();
      const ms = performance.now() - t0;
      if (e.erreurs.length) throw new Error(`aperçu en erreur : ${JSON.stringify(e.erreurs[0])}`);
      version = e.version;
      for (const [s, v] of Object.entries(e.durees_ms)) (stages[s] ??= []).push(v);
      return ms;
    };
    const viaPage = (text: string) => fetch(new URL('/api/fichier', a.url), { method: 'PUT', headers, body: JSON.stringify({ chemin: FILE, texte: text }) }).then(() => undefined);
    const viaDisk = async (text: string) => writeFileSync(join(root, FILE), text);
    for (let k = 0; k < WARMUP; k++) await measure(viaPage, -k - 1);
    const page: number[] = [];
    const disk: number[] = [];
    for (const s of Object.keys(stages)) stages[s] = [];
    for (let k = 0; k < RUNS; k++) {
      page.push(await measure(viaPage, 2 * k));
      disk.push(await measure(viaDisk, 2 * k + 1));
    }
    console.log(`Enregistrement dans la page → aperçu prêt : ${fmt(page)}`);
    console.log(`Écriture par un autre éditeur → aperçu prêt : ${fmt(disk)}`);
    console.log(`Étapes côté serveur (médianes) : ${Object.entries(stages).map(([s, v]) => `${s} ${pct(v, 50)} ms`).join(', ')}`);
    console.log(`Charge de la machine (loadavg 1 min) : ${loadavg()[0]!.toFixed(2)} ; objectif : ≤ 300 ms`);
  } finally {
    sse.stop();
    await a.close();
    rmSync(root, { recursive: true, force: true });
  }
}

const keep = setInterval(() => {}, 1000);
await main().finally(() => clearInterval(keep));
