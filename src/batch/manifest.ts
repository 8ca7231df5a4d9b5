// manifest.json: the record of a campaign run (per contract: input hash, model, files with
// sha256, status, diagnostics), sorted by FINESS and free of timestamps and machine paths, so
// two runs on the same input give the same bytes whatever --jobs was. While the run goes on,
// each finished contract is appended to a journal; --reprendre reads it after a kill.
import { closeSync, existsSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic.ts';
import { sha256 } from './hash.ts';
import { compareText } from './sort.ts';
import type { Format, IssueRecord, ManifestEntry, ModelFingerprint } from './types.ts';

export const MANIFEST_FORMAT = 'cpom-campagne/1';

export interface CampaignManifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly moteur: string;
  readonly entree: 'dossier' | 'classeur';
  readonly formats: readonly Format[];
  readonly tranche: string;
  /**
   * The whole campaign this run (or tranche) belongs to: how many holders the input has and a
   * hash of their ids. Tranches of one campaign agree on it; fusionner checks it.
   */
  readonly campagne: CampaignIdentity;
  readonly modeles: readonly ModelFingerprint[];
  readonly bilan: { readonly contrats: number; readonly ok: number; readonly avertissements: number; readonly erreurs: number };
  readonly problemes_campagne: readonly IssueRecord[];
  readonly contrats: readonly ManifestEntry[];
}

export interface CampaignIdentity {
  readonly titulaires: number;
  readonly empreinte_titulaires: string;
}

/** Identity of a campaign from the ids of all its holders (any order). */
export function campaignIdentity(ids: readonly string[]): CampaignIdentity {
  return { titulaires: ids.length, empreinte_titulaires: sha256([...ids].sort(compareText).join('\n')) };
}

export function manifestName(suffix: string): string {
  return `manifest${suffix}.json`;
}

function journalName(suffix: string): string {
  return `.journal${suffix}.jsonl`;
}

export function buildManifest(
  base: Omit<CampaignManifest, 'format' | 'bilan' | 'contrats' | 'modeles'>,
  entries: Iterable<ManifestEntry>,
): CampaignManifest {
  const contrats = [...entries].sort((a, b) => compareText(a.finess_ej, b.finess_ej));
  const modeles = new Map<string, ModelFingerprint>();
  for (const c of contrats) if (c.modele) modeles.set(`${c.modele.id}@${c.modele.empreinte}`, c.modele);
  const count = (s: ManifestEntry['statut']) => contrats.filter((c) => c.statut === s).length;
  return {
    format: MANIFEST_FORMAT,
    moteur: base.moteur,
    entree: base.entree,
    formats: base.formats,
    tranche: base.tranche,
    campagne: base.campagne,
    modeles: [...modeles.values()].sort((a, b) => compareText(`${a.id}@${a.empreinte}`, `${b.id}@${b.empreinte}`)),
    bilan: { contrats: contrats.length, ok: count('ok'), avertissements: count('avertissements'), erreurs: count('erreur') },
    problemes_campagne: base.problemes_campagne,
    contrats,
  };
}

export function writeManifest(dir: string, suffix: string, m: CampaignManifest): string {
  const path = join(dir, manifestName(suffix));
  writeFileAtomic(path, `${JSON.stringify(m, null, 2)}\n`);
  return path;
}

/** The journal's first line: which engine wrote the entries below it. */
interface JournalHeader {
  readonly moteur: string;
}

function journalEngine(firstLine: string | undefined): string | undefined {
  try {
    const h = JSON.parse(firstLine ?? '') as Partial<JournalHeader> & { finess_ej?: unknown };
    return typeof h.moteur === 'string' && h.finess_ej === undefined ? h.moteur : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Entries of the last complete run, then of the journal of an interrupted one (newer wins),
 * written by this very engine (`moteur`): files another engine wrote are rendered again.
 */
export function readPrevious(dir: string, suffix: string, moteur: string): Map<string, ManifestEntry> {
  const out = new Map<string, ManifestEntry>();
  const mpath = join(dir, manifestName(suffix));
  if (existsSync(mpath)) {
    try {
      const m = JSON.parse(readFileSync(mpath, 'utf8')) as Partial<CampaignManifest>;
      if (m.format === MANIFEST_FORMAT && m.moteur === moteur) for (const c of m.contrats ?? []) out.set(c.finess_ej, c);
    } catch {
      // An unreadable manifest only means nothing can be skipped.
    }
  }
  const jpath = join(dir, journalName(suffix));
  if (existsSync(jpath)) {
    const [first, ...lines] = readFileSync(jpath, 'utf8').split('\n');
    if (journalEngine(first) !== moteur) return out;
    for (const line of lines) {
      if (line.trim() === '') continue;
      try {
        const e = JSON.parse(line) as ManifestEntry;
        out.set(e.finess_ej, e);
      } catch {
        // The last line of a killed run may be cut: that contract is simply rendered again.
      }
    }
  }
  return out;
}

/**
 * Append-only journal of finished contracts; one JSON line each, after a header naming the
 * engine. A journal another engine wrote is dropped rather than continued.
 */
export class Journal {
  private fd: number | undefined;
  private readonly path: string;

  constructor(dir: string, suffix: string, private readonly moteur: string, keep: boolean) {
    this.path = join(dir, journalName(suffix));
    const sameEngine = keep && existsSync(this.path) && journalEngine(readFileSync(this.path, 'utf8').split('\n', 1)[0]) === moteur;
    if (!sameEngine) rmSync(this.path, { force: true });
  }

  append(e: ManifestEntry): void {
    if (this.fd === undefined) {
      const fresh = !existsSync(this.path);
      this.fd = openSync(this.path, 'a');
      if (fresh) writeSync(this.fd, `${JSON.stringify({ moteur: this.moteur } satisfies JournalHeader)}\n`);
    }
    writeSync(this.fd, `${JSON.stringify(e)}\n`);
  }

  /** The run completed and its manifest is written: the journal is no longer needed. */
  finish(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
    rmSync(this.path, { force: true });
  }

  close(): void {
    if (this.fd !== undefined) closeSync(this.fd);
    this.fd = undefined;
  }
}
