// `npm run bench:typo`: typography of the demo documents, side by side in one run, for our PDF,
// for LibreOffice's rendering of our DOCX, and for typst (the quality reference) on the same
// IR texts; plus the DOCX/PDF page-count parity per document.
//
//   npm run bench:typo [-- --contrats dgos/chu-public,idf/socle-commun] [--sans-libreoffice] [--sans-typst]
//
// Prints one table per renderer, the goals (atteint / non atteint) and writes
// output/bench-typo.json. Exits 0 whatever the figures: it measures, it does not judge a build.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { demoContracts } from '../src/cli/commands/demo.ts';
import { buildDocumentSet, loadContractFile, loadModel, writeDocx } from '../src/index.ts';
import { renderPdfFiles } from '../src/writers/pdf/index.ts';
import type { Page } from './typo/bbox.ts';
import { breakStats, sourceWords, stretchStats, type BreakStats, type StretchStats } from './typo/measure.ts';
import { libreOfficePdfs, pdfPageCount, readPdf, writeFile, type RenderedDoc } from './typo/run.ts';
import { documentTexts } from './typo/source.ts';
import { loadTypst } from './typo/typst.ts';

interface RendererResult {
  readonly renderer: string;
  readonly documents: number;
  readonly seconds: number;
  readonly stretch: Omit<StretchStats, 'ratios'>;
  readonly breaks: BreakStats;
}

const { values } = parseArgs({
  options: { contrats: { type: 'string' }, 'sans-libreoffice': { type: 'boolean' }, 'sans-typst': { type: 'boolean' }, garder: { type: 'boolean' } },
});

function measure(renderer: string, seconds: number, pdfs: readonly string[], src: ReturnType<typeof sourceWords>): RendererResult {
  const pages: Page[][] = pdfs.map(readPdf);
  const { ratios: _r, ...stretch } = stretchStats(pages);
  return { renderer, documents: pdfs.length, seconds, stretch, breaks: breakStats(pages, src) };
}

function print(r: RendererResult): void {
  const s = r.stretch;
  const b = r.breaks;
  const pct = (n: number): string => `${((100 * n) / Math.max(1, b.breaks)).toFixed(1)} %`;
  console.log(`\n── ${r.renderer} : ${r.documents} document(s), ${r.seconds.toFixed(2)} s`);
  console.log(`  espace naturelle (pt, par taille)      ${Object.entries(s.natural).map(([k, v]) => `${k}→${v.toFixed(2)}`).join('  ')}`);
  console.log(`  lignes justifiées mesurées             ${s.justifiedLines - s.unmeasured}${s.unmeasured ? ` (${s.unmeasured} sans référence)` : ''}`);
  console.log(`  étirement des espaces  médiane         ${s.median.toFixed(2)} ×`);
  console.log(`                         95e centile     ${s.p95.toFixed(2)} ×`);
  console.log(`                         maximum         ${s.max.toFixed(2)} ×`);
  console.log(`  fins de ligne suivies d’une ligne      ${b.breaks}`);
  console.log(`  lignes césurées                        ${b.hyphenated} (${pct(b.hyphenated)})`);
  console.log(`  coupures au trait d’union du texte     ${b.textHyphen} (${pct(b.textHyphen)})`);
  console.log(`  traits consécutifs (≥ 2 lignes)        ${b.hyphenRuns} série(s), la plus longue : ${b.longestRun}`);
  console.log(`  mots coupés sans trait d’union         ${b.cuts}${b.cutExamples.length ? ` — ex. ${b.cutExamples.slice(0, 6).join(' ; ')}` : ''}`);
  console.log(`  fins de ligne non reconnues            ${b.unknown}${b.unknownExamples.length ? ` — ex. ${b.unknownExamples.slice(0, 4).join(' ; ')}` : ''}`);
}

const verdict = (ok: boolean): string => (ok ? 'objectif atteint' : 'objectif NON atteint');

async function main(): Promise<void> {
  const wanted = values.contrats?.split(',').map((s) => s.trim()).filter(Boolean);
  const files = demoContracts().filter((f) => {
    const key = `${basename(dirname(f))}/${basename(f).replace(/\.(ya?ml|json)$/, '')}`;
    return !wanted || wanted.some((w) => key.includes(w));
  });
  if (files.length === 0) {
    console.error(`Aucun contrat d’exemple ne correspond à --contrats ${values.contrats}.`);
    process.exit(2);
  }
  const dir = mkdtempSync(join(tmpdir(), 'bench-typo-'));
  const oursDir = join(dir, 'moteur');
  const loDir = join(dir, 'libreoffice');
  const typstDir = join(dir, 'typst');
  for (const d of [oursDir, loDir, typstDir]) mkdirSync(d);

  // Our files, one PDF and one DOCX per document, as `cpom generer` writes them.
  const docs: RenderedDoc[] = [];
  let oursSeconds = 0;
  for (const file of files) {
    const c = loadContractFile(file);
    if (!c.ok) throw new Error(`${file} : contrat invalide`);
    const m = loadModel(c.value.modele);
    if (!m.ok) throw new Error(`${file} : modèle introuvable`);
    const t = performance.now();
    const set = buildDocumentSet(m.value, c.value);
    if (!set.ok) throw new Error(`${file} : IR impossible`);
    const pdf = await renderPdfFiles(set.value);
    oursSeconds += (performance.now() - t) / 1000;
    const stem = `${basename(dirname(file))}--${basename(file).replace(/\.(ya?ml|json)$/, '')}`;
    set.value.documents.forEach((d, i) => {
      const name = `${stem}--${d.id}`;
      docs.push({
        key: name.replaceAll('--', '/'),
        doc: d,
        ours: writeFile(oursDir, `${name}.pdf`, pdf.perDocument[i]!),
        docx: writeFile(dir, `${name}.docx`, writeDocx(set.value, { documents: [d.id] })),
      });
    });
  }
  console.log(`Banc typographique : ${files.length} contrat(s) d’exemple, ${docs.length} document(s) (${dir}).`);
  const src = sourceWords(docs.flatMap((d) => documentTexts(d.doc)));
  const results: RendererResult[] = [measure('Notre PDF (moteur)', oursSeconds, docs.map((d) => d.ours), src)];

  let lo: { files: string[]; seconds: number } | undefined;
  if (values['sans-libreoffice']) console.log('\nLibreOffice : ignoré (--sans-libreoffice).');
  else {
    lo = libreOfficePdfs(docs.map((d) => d.docx), loDir);
    if (!lo) console.log('\n⚠ LibreOffice (soffice) ABSENT : ni rendu du DOCX ni parité des pages. apt-get install libreoffice-writer-nogui');
    else results.push(measure('LibreOffice (notre DOCX)', lo.seconds, lo.files, src));
  }

  const typst = values['sans-typst'] ? undefined : await loadTypst();
  if (values['sans-typst']) console.log('\ntypst : ignoré (--sans-typst).');
  else if (!typst) console.log('\n⚠ typst ABSENT : pas de référence de qualité. Installez la dépendance de développement @myriaddreamin/typst-ts-node-compiler (npm install).');
  else {
    const t = performance.now();
    const pdfs: string[] = [];
    for (const d of docs) {
      const out = typst.pdf(d.doc);
      if (typeof out === 'string') console.log(`⚠ ${out}`);
      else pdfs.push(writeFile(typstDir, `${d.key.replaceAll('/', '--')}.pdf`, out));
    }
    results.push(measure('typst (référence)', (performance.now() - t) / 1000, pdfs, src));
  }
  results.forEach(print);

  // Page parity: LibreOffice's pages of our DOCX against our PDF, document by document.
  let parity: { equal: number; total: number; share: number; maxDiff: number; differing: { document: string; pdf: number; docx: number }[] } | undefined;
  if (lo) {
    const rows = docs.map((d, i) => ({ document: d.key, pdf: pdfPageCount(d.ours), docx: pdfPageCount(lo!.files[i]!) }));
    const differing = rows.filter((r) => r.pdf !== r.docx);
    const maxDiff = Math.max(0, ...rows.map((r) => Math.abs(r.pdf - r.docx)));
    parity = { equal: rows.length - differing.length, total: rows.length, share: (rows.length - differing.length) / rows.length, maxDiff, differing };
    console.log(`\n── Pages : notre PDF contre LibreOffice sur notre DOCX`);
    console.log(`  mêmes nombres de pages    ${parity.equal} / ${parity.total} (${(100 * parity.share).toFixed(0)} %), écart maximal ${maxDiff}`);
    for (const r of differing) console.log(`    ${r.document.padEnd(70)} PDF ${r.pdf}  DOCX→LibreOffice ${r.docx}`);
  }

  const ours = results[0]!;
  const ref = results.find((r) => r.renderer.startsWith('typst'));
  console.log('\n── Objectifs');
  console.log(ref ? `  95e centile de l’étirement ≤ typst (${ours.stretch.p95.toFixed(2)} contre ${ref.stretch.p95.toFixed(2)}) : ${verdict(ours.stretch.p95 <= ref.stretch.p95)}` : '  95e centile ≤ typst : non mesuré (typst absent)');
  console.log(`  aucun mot coupé sans trait d’union (${ours.breaks.cuts}) : ${verdict(ours.breaks.cuts === 0)}`);
  console.log(parity ? `  parité des pages ≥ 90 % et écart ≤ 1 (${(100 * parity.share).toFixed(0)} %, ${parity.maxDiff}) : ${verdict(parity.share >= 0.9 && parity.maxDiff <= 1)}` : '  parité des pages : non mesurée (LibreOffice absent)');

  const out = join('output', 'bench-typo.json');
  mkdirSync('output', { recursive: true });
  writeFileSync(out, `${JSON.stringify({ contrats: files.length, documents: docs.length, renderers: results, pages: parity }, null, 2)}\n`);
  console.log(`\nRésumé JSON : ${out}`);
  if (values.garder) console.log(`Fichiers gardés dans ${dir}`);
  else rmSync(dir, { recursive: true, force: true });
}

await main();
