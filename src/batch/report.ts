// rapport.csv and rapport.html: the status of every establishment and what to fix, in French,
// for agency staff. Built from the manifest only, so they are as deterministic as it is.
import { join } from 'node:path';
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

function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function issuesHtml(list: readonly IssueRecord[]): string {
  if (list.length === 0) return '';
  return `<ul>${list.map((i) => `<li class="${i.niveau}">${esc(issueLine(i))}</li>`).join('')}</ul>`;
}

function row(c: ManifestEntry): string {
  const files = c.fichiers.map((f) => `<a href="${esc(encodeURI(f.chemin))}">${esc(f.chemin.split('/').pop() ?? f.chemin)}</a>`).join('<br>');
  return `<tr class="${c.statut}"><td>${esc(c.finess_ej)}</td><td>${esc(c.raison_sociale ?? '')}</td><td>${esc(c.source)}</td><td>${esc(STATUS_LABEL[c.statut])}</td><td>${files}</td><td>${issuesHtml([...c.erreurs, ...c.avertissements])}</td></tr>`;
}

export function reportHtml(m: CampaignManifest): string {
  const b = m.bilan;
  const campaign = m.problemes_campagne.length
    ? `<h2>Problèmes de la campagne</h2>${issuesHtml(m.problemes_campagne)}`
    : '';
  return `<!DOCTYPE html>
<html lang="fr">
<head>
<meta charset="utf-8">
<title>Rapport de campagne CPOM</title>
<style>
body { font-family: sans-serif; margin: 2em; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #999; padding: 4px 6px; vertical-align: top; text-align: left; }
tr.erreur td { background: #fde2e2; }
tr.avertissements td { background: #fff6d6; }
li.erreur { color: #a40000; }
ul { margin: 0; padding-left: 1.2em; }
</style>
</head>
<body>
<h1>Rapport de campagne CPOM</h1>
<p>Tranche ${esc(m.tranche)} — ${b.contrats} contrat(s) : ${b.ok} généré(s), ${b.avertissements} généré(s) avec avertissements, ${b.erreurs} en erreur.</p>
<p>Modèle(s) : ${m.modeles.map((x) => esc(`${x.id} v${x.version}`)).join(', ') || '—'} ; formats : ${esc(m.formats.join(', '))}.</p>
${campaign}
<table>
<thead><tr><th>FINESS EJ</th><th>Raison sociale</th><th>Source</th><th>Statut</th><th>Fichiers</th><th>Messages</th></tr></thead>
<tbody>
${m.contrats.map(row).join('\n')}
</tbody>
</table>
</body>
</html>
`;
}

export function writeReports(dir: string, suffix: string, m: CampaignManifest): { csv: string; html: string } {
  const csv = join(dir, `rapport${suffix}.csv`);
  const html = join(dir, `rapport${suffix}.html`);
  writeFileAtomic(csv, reportCsv(m));
  writeFileAtomic(html, reportHtml(m));
  return { csv, html };
}
