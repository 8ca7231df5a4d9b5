// cpom campagne fusionner: the tranches of a campaign (--tranche k/n, run on several machines
// into one output folder) become one manifest.json and one pair of reports, byte-identical to
// those of a run without tranches. Nothing is written unless every tranche is there, finished,
// from the same engine, input (same holders, same campaign-level problems) and formats.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sha256 } from './hash.ts';
import { buildManifest, campaignIdentity, MANIFEST_FORMAT, writeManifest, type CampaignManifest } from './manifest.ts';
import { writeReports } from './report.ts';
import { dedupeIssues } from './validate.ts';

const TRANCHE_FILE = /^manifest-tranche-(\d+)-sur-(\d+)\.json$/;
const JOURNAL_FILE = /^\.journal-tranche-(\d+)-sur-(\d+)\.jsonl$/;

export type MergeOutcome =
  | { readonly ok: true; readonly manifest: CampaignManifest; readonly manifestPath: string; readonly rapports: { readonly csv: string; readonly html: string }; readonly tranches: number }
  | { readonly ok: false; readonly problems: readonly string[] };

interface TrancheFile {
  readonly k: number;
  readonly n: number;
  readonly name: string;
  readonly manifest: CampaignManifest;
}

function readTranches(dir: string, problems: string[]): TrancheFile[] {
  const out: TrancheFile[] = [];
  for (const name of readdirSync(dir).sort()) {
    const m = TRANCHE_FILE.exec(name);
    if (!m) continue;
    let manifest: CampaignManifest;
    try {
      manifest = JSON.parse(readFileSync(join(dir, name), 'utf8')) as CampaignManifest;
    } catch (e) {
      problems.push(`${name} : JSON illisible (${(e as Error).message})`);
      continue;
    }
    if (manifest.format !== MANIFEST_FORMAT || !Array.isArray(manifest.contrats)) {
      problems.push(`${name} : ce n’est pas un manifeste de campagne (format « ${MANIFEST_FORMAT} » attendu)`);
      continue;
    }
    if (manifest.tranche !== `${m[1]}/${m[2]}`) {
      problems.push(`${name} : le manifeste dit tranche « ${manifest.tranche} », le nom du fichier ${m[1]}/${m[2]}`);
      continue;
    }
    out.push({ k: Number(m[1]), n: Number(m[2]), name, manifest });
  }
  return out;
}

/** Every tranche must agree on this (the files of two engines or formats do not make one campaign). */
function sameEverywhere(tranches: readonly TrancheFile[], what: string, get: (m: CampaignManifest) => string, problems: string[]): void {
  const values = new Map<string, string[]>();
  for (const t of tranches) {
    const v = get(t.manifest);
    values.set(v, [...(values.get(v) ?? []), `${t.k}/${t.n}`]);
  }
  if (values.size > 1) {
    problems.push(`les tranches diffèrent par ${what} : ${[...values].map(([v, ks]) => `« ${v} » (${ks.join(', ')})`).join(' ; ')}`);
  }
}

/** Every tranche k/n of one split is there, and only one split. */
function checkSplit(tranches: readonly TrancheFile[], problems: string[]): number | undefined {
  const counts = [...new Set(tranches.map((t) => t.n))];
  if (counts.length > 1) problems.push(`découpages différents dans le même dossier : ${counts.map((n) => `en ${n}`).join(', ')}`);
  if (counts.length !== 1) return undefined;
  const n = counts[0]!;
  const missing = Array.from({ length: n }, (_, i) => i + 1).filter((k) => !tranches.some((t) => t.k === k));
  if (missing.length) problems.push(`tranche(s) manquante(s) : ${missing.map((k) => `${k}/${n}`).join(', ')} — lancer « cpom campagne … --tranche k/${n} » pour chacune`);
  return n;
}

/** Same engine, input, formats and models: otherwise the tranches are not one campaign. */
function checkAgreement(tranches: readonly TrancheFile[], problems: string[]): void {
  sameEverywhere(tranches, 'la version du moteur', (m) => m.moteur, problems);
  sameEverywhere(tranches, 'le type d’entrée', (m) => m.entree, problems);
  sameEverywhere(tranches, 'les formats', (m) => m.formats.join(', '), problems);
  // Tranches run on different inputs (a holder added or removed in between) share neither the
  // list of holders nor, usually, the campaign-level problems.
  sameEverywhere(tranches, 'la liste des titulaires de la campagne', (m) => (m.campagne ? `${m.campagne.titulaires} titulaires, ${m.campagne.empreinte_titulaires.slice(0, 12)}` : 'non indiquée'), problems);
  sameEverywhere(tranches, 'les problèmes de la campagne', (m) => `${m.problemes_campagne.length} problème(s), ${sha256(JSON.stringify(m.problemes_campagne)).slice(0, 12)}`, problems);
  // A template edited between two tranches (same model id, other fingerprint): two campaigns.
  const models = new Map<string, Set<string>>();
  for (const t of tranches) for (const m of t.manifest.modeles ?? []) models.set(m.id, (models.get(m.id) ?? new Set()).add(`${m.version} (${m.empreinte.slice(0, 12)})`));
  for (const [id, versions] of models) {
    if (versions.size > 1) problems.push(`le modèle « ${id} » diffère d’une tranche à l’autre : ${[...versions].sort().join(', ')} — relancer les tranches avec le même modèle`);
  }
}

/** A journal of this split: that tranche was interrupted and its manifest may be stale. */
function checkJournals(dir: string, n: number, problems: string[]): void {
  for (const name of readdirSync(dir).sort()) {
    const j = JOURNAL_FILE.exec(name);
    // A journal of another split belongs to another run and is left alone.
    if (j && Number(j[2]) === n) {
      problems.push(`la tranche ${j[1]}/${j[2]} a été interrompue (${name}) : la terminer avec « cpom campagne … --tranche ${j[1]}/${j[2]} --reprendre »`);
    }
  }
}

/** Each holder in one tranche, and together exactly the holders of the campaign. */
function checkHolders(tranches: readonly TrancheFile[], problems: string[]): void {
  const owner = new Map<string, string>();
  for (const t of tranches) {
    for (const c of t.manifest.contrats) {
      const other = owner.get(c.finess_ej);
      if (other !== undefined) problems.push(`le titulaire ${c.finess_ej} figure dans deux tranches (${other} et ${t.k}/${t.n})`);
      else owner.set(c.finess_ej, `${t.k}/${t.n}`);
    }
  }
  const whole = tranches[0]?.manifest.campagne;
  if (problems.length > 0 || tranches.length === 0) return;
  const got = campaignIdentity([...owner.keys()]);
  if (!whole) {
    problems.push('les manifestes de tranche ne décrivent pas la campagne entière : ils viennent d’une version antérieure du moteur ; relancer les tranches');
  } else if (got.titulaires !== whole.titulaires || got.empreinte_titulaires !== whole.empreinte_titulaires) {
    problems.push(`les tranches réunies comptent ${got.titulaires} titulaire(s), la campagne ${whole.titulaires} : elles ne viennent pas de la même entrée`);
  }
}

export function mergeTranches(dir: string): MergeOutcome {
  if (!existsSync(dir)) return { ok: false, problems: [`dossier introuvable : ${dir}`] };
  const problems: string[] = [];
  const tranches = readTranches(dir, problems);
  if (tranches.length === 0 && problems.length === 0) {
    problems.push(`aucun manifeste de tranche (manifest-tranche-k-sur-n.json) dans ${dir}`);
  }
  const n = checkSplit(tranches, problems);
  checkAgreement(tranches, problems);
  if (n !== undefined) checkJournals(dir, n, problems);
  checkHolders(tranches, problems);
  const first = tranches[0]?.manifest;
  if (problems.length > 0 || !first) return { ok: false, problems };

  // Campaign-level problems come from reading the whole input: every tranche saw the same ones.
  const campagne = dedupeIssues(tranches.flatMap((t) => t.manifest.problemes_campagne));
  const manifest = buildManifest(
    { moteur: first.moteur, entree: first.entree, formats: first.formats, tranche: '1/1', campagne: first.campagne, problemes_campagne: campagne },
    tranches.flatMap((t) => t.manifest.contrats),
  );
  const manifestPath = writeManifest(dir, '', manifest);
  const rapports = writeReports(dir, '', manifest);
  return { ok: true, manifest, manifestPath, rapports, tranches: tranches.length };
}
