// rapport.csv and rapport.html: the status of every establishment and what to fix, in French,
// for agency staff. Built from the manifest only, so they are as deterministic as it is.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Mustache from 'mustache';
import { writeFileAtomic } from '../io/atomic.ts';
import type { CampaignManifest } from './manifest.ts';
import type { IssueRecord, ManifestEntry, Status } from './types.ts';

export const STATUS_LABEL: Record<Status, string> = {
  ok: 'généré',
  avertissements: 'généré avec avertissements',
  erreur: 'en erreur',
};

export function issueLine(i: IssueRecord): string {
  const where = [i.emplacement, i.chemin].filter(Boolean).join(' — ');
  return `${i.niveau} [${i.code}]${where ? ` ${where}` : ''} : ${i.message}`;
}

function csvField(s: string): string {
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Semicolon-separated with a BOM: what French spreadsheet software opens without asking. */
export function reportCsv(m: CampaignManifest): string {
  const rows: string[][] = [['finess_ej', 'raison_sociale', 'source', 'statut', 'fichiers', 'erreurs', 'avertissements', 'details']];
  for (const c of m.contrats) {
    rows.push([
      c.finess_ej,
      c.raison_sociale ?? '',
      c.source,
      STATUS_LABEL[c.statut],
      String(c.fichiers.length),
      String(c.erreurs.length),
      String(c.avertissements.length),
      [...c.erreurs, ...c.avertissements].map(issueLine).join('\n'),
    ]);
  }
  for (const i of m.problemes_campagne) {
    rows.push(['', '', i.emplacement ?? '', i.niveau === 'erreur' ? 'campagne : erreur' : 'campagne : avertissement', '0', i.niveau === 'erreur' ? '1' : '0', i.niveau === 'erreur' ? '0' : '1', issueLine(i)]);
  }
  return `\ufeff${rows.map((r) => r.map(csvField).join(';')).join('\r\n')}\r\n`;
}

/** The page shell (layout, sorting and filtering script): UI, not legal wording. */
const SHELL = new URL('./shells/rapport.html.mustache', import.meta.url);
let shell: string | undefined;

/** Severity first when sorting by status. */
const STATUS_RANK: Record<Status, number> = { erreur: 0, avertissements: 1, ok: 2 };

const messages = (list: readonly IssueRecord[]) => list.map((i) => ({ niveau: i.niveau, texte: issueLine(i) }));

function contractView(c: ManifestEntry) {
  const all = [...c.erreurs, ...c.avertissements];
  return {
    statut: c.statut,
    libelle: STATUS_LABEL[c.statut],
    rang: STATUS_RANK[c.statut],
    finess: c.finess_ej,
    raison: c.raison_sociale ?? '',
    source: c.source,
    nFichiers: c.fichiers.length,
    fichiers: c.fichiers.map((f, i) => ({ sep: i > 0, href: encodeURI(f.chemin), nom: f.chemin.split('/').pop() ?? f.chemin })),
    nMessages: all.length,
    messages: messages(all),
  };
}

/**
 * The report page: every value goes through mustache's `{{ }}` (HTML-escaped; the shell never
 * uses triple braces), and nothing depends on the clock or the machine.
 */
export function reportHtml(m: CampaignManifest): string {
  shell ??= readFileSync(SHELL, 'utf8');
  return Mustache.render(shell, {
    tranche: m.tranche,
    bilan: m.bilan,
    modeles: m.modeles.map((x) => `${x.id} v${x.version}`).join(', ') || '—',
    formats: m.formats.join(', '),
    campagne: messages(m.problemes_campagne),
    contrats: m.contrats.map(contractView),
  });
}

export function writeReports(dir: string, suffix: string, m: CampaignManifest): { csv: string; html: string } {
  const csv = join(dir, `rapport${suffix}.csv`);
  const html = join(dir, `rapport${suffix}.html`);
  writeFileAtomic(csv, reportCsv(m));
  writeFileAtomic(html, reportHtml(m));
  return { csv, html };
}
