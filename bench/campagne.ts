// Campaign benchmark: 100, 371 and 1,000 synthetic Occitanie contracts → DOCX + PDF + manifest.
//   npm run bench:campagne -- [--tailles 100,371,1000] [--jobs N] [--graine 2019] [--echantillon-lo 20]
// Each size runs in a fresh child process so that its peak memory is its own. Peak RSS is the
// process's VmHWM (/proc/self/status): worker threads live in the same process, so this is the
// whole campaign's peak (main thread + every worker), not a per-thread figure to add up.
// Figures only: no assertion on time (targets: 371 in ≤ 30 s on 2 cores, peak ≤ 500 MB,
// 1,000 within +20 % of the 100-contract peak).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generer } from '../fixtures/campagnes/generer.ts';
import { runCampaign } from '../src/batch/runner.ts';
import { libreOfficeSeconds } from './libreoffice.ts';

interface Mesure {
  readonly taille: number;
  readonly secondes: number;
  /** CPU time of every thread (user + system): comparable across machine loads, unlike wall time. */
  readonly cpu_s: number;
  readonly pic_mo: number;
  readonly erreurs: number;
  readonly fichiers: number;
}

function peakRssMb(): number {
  const m = /VmHWM:\s+(\d+)\s+kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return m ? Math.round(Number(m[1]) / 1024) : Math.round(process.memoryUsage.rss() / 1048576);
}

async function enfant(entree: string, sortie: string, jobs: number): Promise<void> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const r = await runCampaign({ entree, sortie, formats: ['docx', 'pdf'], jobs, reprendre: false });
  const secondes = (performance.now() - t0) / 1000;
  const c = process.cpuUsage(c0);
  const cpu_s = (c.user + c.system) / 1e6;
  const fichiers = r.manifest.contrats.reduce((s, c) => s + c.fichiers.length, 0);
  const out: Mesure = { taille: r.manifest.bilan.contrats, secondes, cpu_s, pic_mo: peakRssMb(), erreurs: r.manifest.bilan.erreurs, fichiers };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? (process.argv[i + 1] ?? fallback) : fallback;
}

/**
 * The LibreOffice route on the same campaign: the signature dossiers (DOCX) of a sample of
 * contracts converted by one warm soffice call, extrapolated to the whole campaign and spread
 * over as many soffice processes as the engine had threads. Only the dossier is converted,
 * while the engine also writes every per-document PDF and DOCX: the comparison favours
 * LibreOffice.
 */
function comparerLibreOffice(m: Mesure, sortie: string, echantillon: number, jobs: number): void {
  const dossiers = readdirSync(sortie, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name)
    .sort()
    .slice(0, echantillon)
    .flatMap((d) => readdirSync(join(sortie, d)).filter((f) => f.endsWith('-dossier-complet.docx')).map((f) => join(sortie, d, f)));
  if (dossiers.length === 0) return;
  const tmp = mkdtempSync(join(tmpdir(), 'bench-campagne-lo-'));
  try {
    const s = libreOfficeSeconds(dossiers, tmp);
    if (s === undefined) {
      process.stdout.write('LibreOffice (soffice) absent : pas de comparaison.\n');
      return;
    }
    const parContrat = s / dossiers.length;
    const estimation = (parContrat * m.taille) / jobs;
    process.stdout.write(
      `LibreOffice, dossier DOCX → PDF seul, ${dossiers.length} contrats : ${(parContrat * 1000).toFixed(0)} ms par contrat ; ` +
        `${m.taille} contrats sur ${jobs} processus soffice ≈ ${estimation.toFixed(0)} s, soit ${(estimation / m.secondes).toFixed(1)} × le moteur (${m.secondes.toFixed(1)} s, DOCX + PDF de chaque document et du dossier)\n`,
    );
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

async function principal(): Promise<void> {
  const tailles = arg('tailles', '100,371,1000').split(',').map(Number);
  const jobs = Number(arg('jobs', String(availableParallelism())));
  const graine = Number(arg('graine', '2019'));
  const racine = join('output', 'bench-campagne');
  const self = fileURLToPath(import.meta.url);
  const mesures: Mesure[] = [];
  process.stdout.write(`Banc d’essai campagne : ${jobs} processus de rendu, ${availableParallelism()} cœur(s), DOCX + PDF + manifeste\n`);
  // Wall time depends on what else the machine runs; the load average says how much that was.
  process.stdout.write(`charge de la machine au départ : ${loadavg().map((x) => x.toFixed(1)).join(' ')}\n`);
  for (const taille of tailles) {
    const dir = join(racine, String(taille));
    rmSync(dir, { recursive: true, force: true });
    const { dossier } = await generer({ taille, graine, modele: 'occitanie-2019', sortie: join(dir, 'entree') });
    const r = spawnSync(process.execPath, ['--import', 'tsx', self, '--enfant', dossier, join(dir, 'sortie'), String(jobs)], { encoding: 'utf8', maxBuffer: 1 << 24 });
    const line = r.stdout.trim().split('\n').pop() ?? '';
    if (r.status !== 0 && !line.startsWith('{')) throw new Error(`mesure ${taille} impossible : ${r.stderr}`);
    const m = JSON.parse(line) as Mesure;
    mesures.push(m);
    process.stdout.write(
      `${String(m.taille).padStart(5)} contrats : ${m.secondes.toFixed(1).padStart(6)} s, ${(m.taille / m.secondes).toFixed(1).padStart(5)} contrats/s, CPU ${m.cpu_s === undefined ? '?' : m.cpu_s.toFixed(0)} s, pic RSS ${String(m.pic_mo).padStart(4)} Mo, ${m.fichiers} fichiers, ${m.erreurs} en erreur\n`,
    );
  }
  const ref = mesures.find((m) => m.taille === 371) ?? mesures[0];
  const echantillon = Number(arg('echantillon-lo', '20'));
  if (ref && echantillon > 0) comparerLibreOffice(ref, join(racine, String(ref.taille), 'sortie'), echantillon, jobs);
  const p100 = mesures.find((m) => m.taille === 100);
  const p1000 = mesures.find((m) => m.taille === 1000);
  if (p100 && p1000) process.stdout.write(`rapport des pics mémoire 1000 / 100 : ${(p1000.pic_mo / p100.pic_mo).toFixed(2)} (cible ≤ 1,20)\n`);
}

if (process.argv[2] === '--enfant') await enfant(process.argv[3]!, process.argv[4]!, Number(process.argv[5]));
else await principal();
