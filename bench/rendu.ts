// `npm run bench`: rendering speed of whole contracts (socle + annexes) to PDF.
//
// benchPdf() takes any list of DocumentSets, so the demo fixtures (and the DOCX and
// LibreOffice timings) can be plugged in next to the synthetic contract used today.
// Wall time is noisy on a shared 2-core machine: the CPU time of the process is printed too.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { demoContracts } from '../src/cli/commands/demo.ts';
import { buildDocumentSet, loadContractFile, loadModel, writeDocx, type Contract, type Model } from '../src/index.ts';
import { renderPdf } from '../src/writers/pdf/index.ts';
import type { DocumentSet } from '../src/ir/types.ts';
import { syntheticContract } from '../test/pdf/synthetic.ts';
import { libreOfficeSeconds } from './libreoffice.ts';

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

function medianOf(runs: number, f: () => unknown): number {
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t = performance.now();
    f();
    times.push(performance.now() - t);
  }
  return median(times);
}

/** The demo fixtures: every example contract, IR built once to check it renders. */
function demoCases(): { name: string; file: string; model: Model; contract: Contract; set: DocumentSet }[] {
  return demoContracts().map((file) => {
    const c = loadContractFile(file);
    if (!c.ok) throw new Error(`${file}: ${JSON.stringify(c.diagnostics)}`);
    const m = loadModel(c.value.modele);
    if (!m.ok) throw new Error(`${file}: ${JSON.stringify(m.diagnostics)}`);
    const set = buildDocumentSet(m.value, c.value);
    if (!set.ok) throw new Error(`${file}: ${JSON.stringify(set.diagnostics)}`);
    return { name: `${basename(dirname(file))}/${basename(file, '.yaml')}`, file, model: m.value, contract: c.value, set: set.value };
  });
}

async function main(): Promise<void> {
  const RUNS = 7;
  const cases = demoCases();
  const dir = mkdtempSync(join(tmpdir(), 'bench-rendu-'));
  console.log(`Contrats d’exemple : ${cases.length} ; ${RUNS} exécutions à chaud par mesure (médiane), sur ${cpus().length} cœurs.\n`);
  console.log(`${'contrat'.padEnd(40)} pages   IR (ms)  DOCX (ms)  PDF (ms)  pages/s (PDF)`);
  let totalOurs = 0;
  let totalPages = 0;
  const docxFiles: string[] = [];
  for (const c of cases) {
    // Warm-up: fonts, JIT, template caches.
    buildDocumentSet(c.model, c.contract);
    writeDocx(c.set);
    const first = await renderPdf(c.set);
    const ir = medianOf(RUNS, () => buildDocumentSet(c.model, c.contract));
    const docx = medianOf(RUNS, () => writeDocx(c.set));
    const pdfTimes: number[] = [];
    for (let k = 0; k < RUNS; k++) {
      const t = performance.now();
      await renderPdf(c.set);
      pdfTimes.push(performance.now() - t);
    }
    const pdf = median(pdfTimes);
    totalOurs += ir + pdf;
    totalPages += first.pages;
    const out = join(dir, `${c.name.replace('/', '--')}.docx`);
    writeFileSync(out, writeDocx(c.set));
    docxFiles.push(out);
    console.log(`${c.name.padEnd(40)} ${String(first.pages).padStart(5)} ${ir.toFixed(1).padStart(9)} ${docx.toFixed(1).padStart(10)} ${pdf.toFixed(1).padStart(9)} ${((first.pages * 1000) / pdf).toFixed(0).padStart(14)}`);
  }
  const perContract = totalOurs / cases.length;
  console.log(`\nMoyenne par contrat, IR + PDF : ${perContract.toFixed(1)} ms (objectif ≤ 50 ms) ; ${((totalPages * 1000) / totalOurs).toFixed(0)} pages/s.`);
  const lo = libreOfficeSeconds(docxFiles, dir);
  if (lo === undefined) {
    console.log('LibreOffice (soffice) absent : comparaison impossible.');
  } else {
    const loPer = (lo * 1000) / cases.length;
    console.log(`LibreOffice headless, un appel pour les ${cases.length} DOCX : ${lo.toFixed(2)} s, soit ${loPer.toFixed(0)} ms par contrat.`);
    console.log(`Rapport LibreOffice / moteur (IR + PDF) : ${(loPer / perContract).toFixed(1)} × (objectif ≥ 20 ×).`);
  }
  console.log('');
  printPdfBench(await benchPdf([{ name: 'synthétique (socle + 4 annexes)', set: syntheticContract(1) }], 11, 3));
  rmSync(dir, { recursive: true, force: true });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
