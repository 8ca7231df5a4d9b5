// The campaign run: read the input, validate every contract, keep this tranche, skip what
// --reprendre proves done, render the rest on the executor (worker threads), journal each
// result as it arrives, then write manifest.json and the reports. A failing contract never stops
// the others; documents stay inside the workers (memory stays flat with campaign size).
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Result } from '../diagnostics/diagnostic.ts';
import type { ModelLibrary } from '../templates/library.ts';
import { loadModel } from '../templates/load.ts';
import { engineVersion } from './engine-id.ts';
import { hashData } from './hash.ts';
import { loadCampaign } from './load.ts';
import { Journal, buildManifest, campaignIdentity, readPrevious, writeManifest, type CampaignIdentity, type CampaignManifest } from './manifest.ts';
import { clearContractFiles, sweepTempFiles } from './output.ts';
import { workerPool, type Executor } from './pool.ts';
import { silentProgress, type ProgressSink } from './progress.ts';
import { writeReports } from './report.ts';
import { canReuse } from './resume.ts';
import { compareText } from './sort.ts';
import { selectTranche, trancheSuffix, type Tranche } from './tranche.ts';
import type { CampaignEntry, Format, IssueRecord, LoadedEntry, ManifestEntry, ModelFingerprint, RenderOutcome } from './types.ts';
import { dedupeIssues as dedupe, toRecord, validateLoaded } from './validate.ts';
import type { ESignatureOverride } from '../templates/esignature.ts';

export interface RunOptions {
  readonly entree: string;
  readonly sortie: string;
  readonly formats: readonly Format[];
  /** --signature-electronique (the models' own options when absent). */
  readonly esignature?: ESignatureOverride;
  readonly jobs: number;
  readonly reprendre: boolean;
  readonly tranche?: Tranche;
  readonly progress?: ProgressSink;
  /** Where jobs run; default: a pool of `jobs` worker threads over src/batch/render.ts. */
  readonly executor?: () => Executor;
  /** Engine identity for the manifest and --reprendre; default: engineVersion(). */
  readonly moteur?: string;
  /** Model identity for the manifest and --reprendre; default: the engine's loadModel. */
  readonly modelInfo?: (id: string) => Result<ModelFingerprint>;
  /** Where model ids are looked up, here and in the workers (default: the engine's templates/). */
  readonly libraries?: readonly ModelLibrary[];
}

export interface RunResult {
  readonly manifest: CampaignManifest;
  readonly manifestPath: string;
  readonly rapports: { readonly csv: string; readonly html: string };
  /** Contracts skipped by --reprendre (already done and verified). */
  readonly repris: number;
  readonly exitCode: 0 | 1;
  readonly peakRss: number;
}

export const DEFAULT_RENDER_MODULE = new URL('./render.ts', import.meta.url).href;

function engineModelInfo(id: string, libraries?: readonly ModelLibrary[]): Result<ModelFingerprint> {
  const m = loadModel(id, libraries ? { libraries } : {});
  if (!m.ok) return m;
  return { ok: true, value: { id: m.value.manifest.id, version: m.value.manifest.version, empreinte: m.value.hash }, warnings: [] };
}

/** A contract ready to render, or already settled (failed input, unknown model). */
type Prepared =
  | { readonly kind: 'job'; readonly entry: CampaignEntry; readonly locate: LoadedEntry['locate']; readonly contract: unknown; readonly hash: string; readonly model: ModelFingerprint; readonly warnings: IssueRecord[] }
  | { readonly kind: 'done'; readonly record: ManifestEntry };

/** A manifest line, keys in reading order (status first, then identities, then details). */
function record(e: CampaignEntry, f: Partial<ManifestEntry> & Pick<ManifestEntry, 'statut' | 'formats'>): ManifestEntry {
  return {
    finess_ej: e.id,
    ...(e.raisonSociale ? { raison_sociale: e.raisonSociale } : {}),
    source: e.source,
    statut: f.statut,
    ...(f.empreinte_donnees ? { empreinte_donnees: f.empreinte_donnees } : {}),
    ...(f.modele ? { modele: f.modele } : {}),
    formats: f.formats,
    fichiers: f.fichiers ?? [],
    avertissements: f.avertissements ?? [],
    erreurs: f.erreurs ?? [],
    ...(f.signature_electronique ? { signature_electronique: f.signature_electronique } : {}),
  };
}

function prepare(e: CampaignEntry, formats: readonly Format[], models: (id: string) => Result<ModelFingerprint>): Prepared {
  const l = e.load();
  const v = validateLoaded(l);
  if (!v.ok) {
    return { kind: 'done', record: record(e, { statut: 'erreur', formats, erreurs: dedupe(v.errors), avertissements: dedupe(l.avertissements) }) };
  }
  const hash = hashData(v.contract);
  const m = models(v.contract.modele);
  if (!m.ok) {
    const erreurs = m.diagnostics.map((d) => toRecord(d, l.locate));
    return { kind: 'done', record: record(e, { statut: 'erreur', formats, empreinte_donnees: hash, erreurs: dedupe(erreurs), avertissements: dedupe([...l.avertissements, ...v.warnings]) }) };
  }
  return { kind: 'job', entry: e, locate: l.locate, contract: v.contract, hash, model: m.value, warnings: [...l.avertissements, ...v.warnings] };
}

export async function runCampaign(opts: RunOptions): Promise<RunResult> {
  const racine = resolve(opts.sortie);
  mkdirSync(racine, { recursive: true });
  const suffix = trancheSuffix(opts.tranche);
  const moteur = opts.moteur ?? engineVersion();
  const newExecutor = opts.executor ?? (() => workerPool(opts.jobs, DEFAULT_RENDER_MODULE));
  // Worker threads take a second or two to boot (modules, fonts, compilation): start them now,
  // while this thread reads the input. With --reprendre most contracts may need no rendering,
  // so the pool then starts with the first contract that does.
  let executor: Executor | undefined = opts.reprendre ? undefined : newExecutor();
  let input: Awaited<ReturnType<typeof loadCampaign>>;
  let journal: Journal;
  let campagne: CampaignIdentity;
  const results: ManifestEntry[] = [];
  let repris = 0;
  try {
    input = await loadCampaign(opts.entree, [racine]);
    const sorted = [...input.entries].sort((a, b) => compareText(a.id, b.id));
    campagne = campaignIdentity(sorted.map((e) => e.id));
    const mine = opts.tranche ? selectTranche(sorted, opts.tranche) : sorted;

    const cache = new Map<string, Result<ModelFingerprint>>();
    const infoOf = opts.modelInfo ?? ((id: string) => engineModelInfo(id, opts.libraries));
    const models = (id: string) => {
      let r = cache.get(id);
      if (!r) cache.set(id, (r = infoOf(id)));
      return r;
    };

    const previous = opts.reprendre ? readPrevious(racine, suffix, moteur) : new Map<string, ManifestEntry>();
    journal = new Journal(racine, suffix, moteur, opts.reprendre);
    sweepTempFiles(racine, suffix, mine.map((e) => e.id));
    const progress = opts.progress ?? silentProgress;
    const settle = (r: ManifestEntry, journalIt: boolean) => {
      results.push(r);
      if (journalIt) journal.append(r);
      progress.tick(r.statut === 'erreur');
    };

    progress.start(mine.length);
    try {
      const inflight = new Set<Promise<void>>();
      for (const e of mine) {
        const p = prepare(e, opts.formats, models);
        if (p.kind === 'done') {
          clearContractFiles(racine, e.id);
          settle(p.record, true);
          continue;
        }
        const prev = previous.get(e.id);
        if (await canReuse(prev, { empreinte_donnees: p.hash, modele: p.model, formats: opts.formats, ...(opts.esignature ? { esignature: opts.esignature } : {}) }, racine)) {
          repris++;
          // Already recorded in the manifest or journal it came from: no new journal line.
          settle({ ...prev!, source: e.source }, false);
          continue;
        }
        executor ??= newExecutor();
        const ex = executor;
        // Bounded look-ahead: enough queued work to keep every worker busy, no more in memory.
        while (inflight.size >= Math.max(2, opts.jobs * 2)) await Promise.race(inflight);
        const task = ex
          .run({ id: e.id, contract: p.contract, racine, dossier: e.id, formats: opts.formats, ...(opts.libraries ? { libraries: opts.libraries } : {}), ...(opts.esignature ? { esignature: opts.esignature } : {}) })
          .then((o) => settle(finish(p, o, opts.formats), true))
          .finally(() => inflight.delete(task));
        inflight.add(task);
      }
      await Promise.all(inflight);
    } finally {
      progress.stop();
      // Workers first: stopping them settles the jobs they were rendering (as errors, which
      // --reprendre renders again) and those are journaled; only then is the journal closed.
      // Jobs still queued are dropped: nothing waits for them once the loop has thrown.
      await executor?.close();
      journal.close();
    }
  } finally {
    // Reading the input failed: the workers started early must stop all the same.
    await executor?.close();
  }
  const peakRss = executor?.peakRss ?? 0;

  const manifest = buildManifest(
    { moteur, entree: input.kind, formats: opts.formats, tranche: opts.tranche ? `${opts.tranche.k}/${opts.tranche.n}` : '1/1', campagne, problemes_campagne: dedupe(input.issues) },
    results,
  );
  const manifestPath = writeManifest(racine, suffix, manifest);
  const rapports = writeReports(racine, suffix, manifest);
  journal.finish();
  const failed = manifest.bilan.erreurs > 0 || manifest.problemes_campagne.some((i) => i.niveau === 'erreur');
  return { manifest, manifestPath, rapports, repris, exitCode: failed ? 1 : 0, peakRss };
}

function finish(p: Extract<Prepared, { kind: 'job' }>, o: RenderOutcome, formats: readonly Format[]): ManifestEntry {
  const place = (i: IssueRecord): IssueRecord => {
    if (i.emplacement || !i.chemin) return i;
    const where = p.locate(i.chemin);
    return where ? { ...i, emplacement: where } : i;
  };
  const avertissements = dedupe([...p.warnings, ...o.avertissements.map(place)]);
  const erreurs = dedupe(o.erreurs.map(place));
  const statut = erreurs.length > 0 || o.statut === 'erreur' ? 'erreur' : avertissements.length > 0 ? 'avertissements' : 'ok';
  return record(p.entry, {
    statut,
    formats,
    empreinte_donnees: p.hash,
    modele: p.model,
    fichiers: statut === 'erreur' ? [] : o.fichiers,
    avertissements,
    erreurs,
    ...(statut !== 'erreur' && o.signature_electronique ? { signature_electronique: o.signature_electronique } : {}),
  });
}
