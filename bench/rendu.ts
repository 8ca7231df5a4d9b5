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
import { sharedFontBook } from '../src/layout/index.ts';
import { resetLayoutMemo } from '../src/layout/memo.ts';
import { renderPdf } from '../src/writers/pdf/index.ts';
import type { DocumentSet } from '../src/ir/types.ts';
import { syntheticContract } from '../test/pdf/synthetic.ts';
import { libreOfficeSeconds } from './libreoffice.ts';
import { BEFORE_ISSUE_13, referenceFigures } from './reference.ts';

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

/** `before` runs ahead of every render, untimed (emptying the layout's memo tables). */
export async function benchPdf(cases: readonly BenchCase[], runs = 15, warmup = 5, before: () => void = () => {}): Promise<PdfBench[]> {
  const out: PdfBench[] = [];
  for (const c of cases) {
    let t = performance.now();
    const first = await renderPdf(c.set);
    const coldMs = performance.now() - t;
    for (let k = 0; k < warmup; k++) await renderPdf(c.set);
    const wall: number[] = [];
    const cpu: number[] = [];
    for (let k = 0; k < runs; k++) {
      before();
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

/** Medians of wall and CPU time (ms) of `runs` calls; `before` runs ahead of each, untimed. */
async function timed(runs: number, f: () => unknown, before: () => void = () => {}): Promise<{ wall: number; cpu: number }> {
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let k = 0; k < runs; k++) {
    before();
    const u = process.cpuUsage();
    const t = performance.now();
    await f();
    wall.push(performance.now() - t);
    const d = process.cpuUsage(u);
    cpu.push((d.user + d.system) / 1000);
  }
  return { wall: median(wall), cpu: median(cpu) };
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

/** Issue 13 allows +20 % over the figures before it (measured again in the same run, bench/reference.ts). */
const TOLERANCE = 1.2;

function againstReference(label: string, ms: number, ref: number): string {
  const ratio = ms / ref;
  const verdict = ratio <= TOLERANCE ? 'objectif atteint' : 'objectif NON atteint';
  return `${label} : ${ms.toFixed(1)} ms contre ${ref.toFixed(1)} ms, ${ratio.toFixed(2)} × (objectif ≤ ${TOLERANCE} ×) — ${verdict}.`;
}

async function main(): Promise<void> {
  const RUNS = 7;
  const cases = demoCases();
  const dir = mkdtempSync(join(tmpdir(), 'bench-rendu-'));
  console.log(`Contrats d’exemple : ${cases.length} ; ${RUNS} exécutions à chaud par mesure (médiane), sur ${cpus().length} cœurs.\n`);
  console.log(`${'contrat'.padEnd(40)} pages   IR (ms)  DOCX (ms)  PDF (ms)  pages/s (PDF)  PDF mémo vidé (ms)`);
  let totalOurs = 0;
  let totalCold = 0;
  let cpuOurs = 0;
  let cpuCold = 0;
  let totalPages = 0;
  const docxFiles: string[] = [];
  for (const c of cases) {
    // Warm-up: fonts, JIT, template caches.
    buildDocumentSet(c.model, c.contract);
    writeDocx(c.set);
    const first = await renderPdf(c.set);
    const ir = await timed(RUNS, () => buildDocumentSet(c.model, c.contract));
    const docx = (await timed(RUNS, () => writeDocx(c.set))).wall;
    const pdf = await timed(RUNS, () => renderPdf(c.set));
    // The same contract again finds every line in the layout's memo tables; a campaign finds
    // there the wording its contracts share, a lone contract nothing: measure that too.
    const cold = await timed(RUNS, () => renderPdf(c.set), () => resetLayoutMemo(sharedFontBook()));
    totalOurs += ir.wall + pdf.wall;
    totalCold += ir.wall + cold.wall;
    cpuOurs += ir.cpu + pdf.cpu;
    cpuCold += ir.cpu + cold.cpu;
    totalPages += first.pages;
    const out = join(dir, `${c.name.replace('/', '--')}.docx`);
    writeFileSync(out, writeDocx(c.set));
    docxFiles.push(out);
    console.log(`${c.name.padEnd(40)} ${String(first.pages).padStart(5)} ${ir.wall.toFixed(1).padStart(9)} ${docx.toFixed(1).padStart(10)} ${pdf.wall.toFixed(1).padStart(9)} ${((first.pages * 1000) / pdf.wall).toFixed(0).padStart(14)} ${cold.wall.toFixed(1).padStart(19)}`);
  }
  const perContract = totalOurs / cases.length;
  console.log(`\nMoyenne par contrat, IR + PDF : ${perContract.toFixed(1)} ms (objectif ≤ 50 ms) ; ${((totalPages * 1000) / totalOurs).toFixed(0)} pages/s.`);
  const n = cases.length;
  console.log(`Par contrat, IR + PDF, mémo de mise en page vidé avant chaque rendu : ${(totalCold / n).toFixed(1)} ms ; temps CPU : ${(cpuOurs / n).toFixed(1)} ms (mémo vidé : ${(cpuCold / n).toFixed(1)} ms).`);
  const lo = libreOfficeSeconds(docxFiles, dir);
  if (lo === undefined) {
    console.log('LibreOffice (soffice) absent : comparaison impossible.');
  } else {
    const loPer = (lo * 1000) / cases.length;
    console.log(`LibreOffice headless, un appel pour les ${cases.length} DOCX : ${lo.toFixed(2)} s, soit ${loPer.toFixed(0)} ms par contrat.`);
    console.log(`Rapport LibreOffice / moteur (IR + PDF) : ${(loPer / perContract).toFixed(1)} × (objectif ≥ 20 ×).`);
  }
  console.log('');
  const synthetic = syntheticContract(1);
  const results = [
    ...(await benchPdf([{ name: 'synthétique (socle + 4 annexes)', set: synthetic }], 11, 3)),
    ...(await benchPdf([{ name: 'synthétique, mémo vidé', set: synthetic }], 11, 3, () => resetLayoutMemo(sharedFontBook()))),
  ];
  printPdfBench(results);
  rmSync(dir, { recursive: true, force: true });
  if (process.argv.includes('--sans-reference')) return;
  // The same bench on the tree before issue 13, now, on this machine (about a minute more).
  const at = process.argv.indexOf('--reference');
  const commit = at > 0 && process.argv[at + 1] ? process.argv[at + 1]! : BEFORE_ISSUE_13;
  console.log(`\nRéférence : le même banc sur le commit ${commit}, dans cette session (--sans-reference pour l’omettre)…`);
  const ref = referenceFigures(join(import.meta.dirname, '..'), commit);
  if (typeof ref === 'string') {
    console.log(ref);
    return;
  }
  console.log(againstReference('Par contrat, IR + PDF (temps écoulé)', perContract, ref.perContract));
  console.log(againstReference('Pire cas synthétique, médiane', Math.max(...results.map((r) => r.medianMs)), ref.synthetic));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) await main();
