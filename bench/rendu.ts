// `npm run bench`: rendering speed of whole contracts (socle + annexes) to PDF.
//
// benchPdf() takes any list of DocumentSets, so the demo fixtures (and the DOCX and
// LibreOffice timings) can be plugged in next to the synthetic contract used today.
// Wall time is noisy on a shared 2-core machine: the CPU time of the process is printed too.
import { pathToFileURL } from 'node:url';
import { renderPdf } from '../src/writers/pdf/index.ts';
import type { DocumentSet } from '../src/ir/types.ts';
import { syntheticContract } from '../test/pdf/synthetic.ts';

export interface BenchCase {
  readonly name: string;
  readonly set: DocumentSet;
}

export interface PdfBench {
  readonly name: string;
  readonly pages: number;
  readonly bytes: number;
  /** First render in the process (font loading, JIT warm-up). */
  readonly coldMs: number;
  readonly medianMs: number;
  /** Fastest run: the best estimate of the cost on an idle core. */
  readonly minMs: number;
  readonly medianCpuMs: number;
  readonly pagesPerSecond: number;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export async function benchPdf(cases: readonly BenchCase[], runs = 15, warmup = 5): Promise<PdfBench[]> {
  const out: PdfBench[] = [];
  for (const c of cases) {
    let t = performance.now();
    const first = await renderPdf(c.set);
    const coldMs = performance.now() - t;
    for (let k = 0; k < warmup; k++) await renderPdf(c.set);
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let k = 0; k < runs; k++) {
      const u = process.cpuUsage();
      t = performance.now();
      await renderPdf(c.set);
      wall.push(performance.now() - t);
      const d = process.cpuUsage(u);
      cpu.push((d.user + d.system) / 1000);
    }
    const medianMs = median(wall);
    out.push({
      name: c.name,
      pages: first.pages,
      bytes: first.bytes.length,
      coldMs,
      medianMs,
      minMs: Math.min(...wall),
      medianCpuMs: median(cpu),
      pagesPerSecond: (first.pages * 1000) / medianMs,
    });
  }
  return out;
}

export function printPdfBench(results: readonly PdfBench[]): void {
  const fmt = (n: number, d = 1): string => n.toFixed(d).padStart(8);
  console.log('PDF (pdf-lib + mise en page maison), médiane des exécutions à chaud');
  console.log(`${'contrat'.padEnd(34)}   pages   octets  1er (ms)  méd. (ms)  min (ms)  CPU (ms)  pages/s`);
  for (const r of results) {
    console.log(
      `${r.name.padEnd(34)} ${String(r.pages).padStart(7)} ${String(r.bytes).padStart(8)} ${fmt(r.coldMs)} ${fmt(r.medianMs)}  ${fmt(r.minMs)}  ${fmt(r.medianCpuMs)} ${fmt(r.pagesPerSecond, 0)}`,
    );
  }
  const target = 50;
  const worst = Math.max(...results.map((r) => r.medianMs));
  console.log(`Objectif : contrat complet en ≤ ${target} ms (médiane) — pire cas mesuré : ${worst.toFixed(1)} ms.`);
}

async function main(): Promise<void> {
  const cases: BenchCase[] = [
    { name: 'synthétique (socle + 4 annexes)', set: syntheticContract(1) },
    { name: 'synthétique, variante 2', set: syntheticContract(2) },
  ];
  printPdfBench(await benchPdf(cases));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
