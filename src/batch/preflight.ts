// Campaign preflight (cpom verifier --campagne): without rendering, which documents each
// contract gets and which model rules it breaks or warns about; then what no contract of the
// campaign triggers (documents, conditional clauses, rules), so the agency sees dead parts of
// its model or a category missing from its data before generating hundreds of contracts.
import type { Result } from '../diagnostics/diagnostic.ts';
import { applicableDocuments } from '../eval/build.ts';
import { loadModel, type LoadOptions, type Model } from '../templates/load.ts';
import { checkContract } from '../templates/rules.ts';
import { allClauses, triggeredClauses, type Clause } from './coverage.ts';
import { loadCampaign } from './load.ts';
import { bugOutcome } from './protocol.ts';
import { issueLine, STATUS_LABEL } from './report.ts';
import { compareText } from './sort.ts';
import type { IssueRecord, Status } from './types.ts';
import { sortIssues, toRecord, validateLoaded } from './validate.ts';

export interface PreflightRow {
  readonly id: string;
  readonly raisonSociale: string;
  readonly source: string;
  readonly modele?: string;
  readonly categorie?: string;
  readonly statut: Status;
  readonly documents: readonly string[];
  readonly erreurs: readonly IssueRecord[];
  readonly avertissements: readonly IssueRecord[];
}

export interface ModelCoverage {
  readonly id: string;
  readonly version: number;
  readonly documents: readonly { readonly id: string; readonly contrats: number }[];
  readonly clausesJamais: readonly Clause[];
  readonly reglesJamais: readonly string[];
  readonly clausesTotal: number;
}

export interface PreflightReport {
  readonly rows: readonly PreflightRow[];
  readonly models: readonly ModelCoverage[];
  readonly issues: readonly IssueRecord[];
  readonly failed: boolean;
}

interface Tally {
  readonly model: Model;
  readonly docs: Map<string, number>;
  readonly clauses: Set<string>;
  readonly rules: Set<string>;
}

export async function preflight(entree: string, options: LoadOptions = {}): Promise<PreflightReport> {
  const input = await loadCampaign(entree);
  const models = new Map<string, Result<Model>>();
  const tallies = new Map<string, Tally>();
  const rows: PreflightRow[] = [];
  for (const e of [...input.entries].sort((a, b) => compareText(a.id, b.id))) {
    const base = { id: e.id, raisonSociale: e.raisonSociale ?? '', source: e.source };
    const l = e.load();
    const v = validateLoaded(l);
    if (!v.ok) {
      rows.push({ ...base, statut: 'erreur', documents: [], erreurs: v.errors, avertissements: l.avertissements });
      continue;
    }
    const c = v.contract;
    let m = models.get(c.modele);
    if (!m) models.set(c.modele, (m = loadModel(c.modele, options)));
    const meta = { modele: c.modele, categorie: c.titulaire.categorie };
    if (!m.ok) {
      rows.push({ ...base, ...meta, statut: 'erreur', documents: [], erreurs: m.diagnostics.map((d) => toRecord(d, l.locate)), avertissements: [] });
      continue;
    }
    const model = m.value;
    let t = tallies.get(c.modele);
    if (!t) tallies.set(c.modele, (t = { model, docs: new Map(), clauses: new Set(), rules: new Set() }));
    let documents: string[] = [];
    let issues: IssueRecord[];
    try {
      issues = checkContract(model, c).map((d) => toRecord(d, l.locate));
      documents = applicableDocuments(model, c);
      for (const k of triggeredClauses(model, c, documents)) t.clauses.add(k);
    } catch (x) {
      // An engine bug on this contract: report it on the contract, keep checking the others.
      issues = [...bugOutcome(x).erreurs];
    }
    for (const d of documents) t.docs.set(d, (t.docs.get(d) ?? 0) + 1);
    for (const i of issues) t.rules.add(i.code);
    const all = sortIssues([...l.avertissements, ...v.warnings, ...issues]);
    const erreurs = all.filter((i) => i.niveau === 'erreur');
    const avertissements = all.filter((i) => i.niveau === 'avertissement');
    rows.push({ ...base, ...meta, statut: erreurs.length ? 'erreur' : avertissements.length ? 'avertissements' : 'ok', documents, erreurs, avertissements });
  }
  const coverage = [...tallies.values()].map(coverageOf).sort((a, b) => compareText(a.id, b.id));
  const failed = rows.some((r) => r.statut === 'erreur') || input.issues.some((i) => i.niveau === 'erreur');
  return { rows, models: coverage, issues: input.issues, failed };
}

function coverageOf(t: Tally): ModelCoverage {
  const all = allClauses(t.model);
  return {
    id: t.model.manifest.id,
    version: t.model.manifest.version,
    documents: t.model.documents.map((d) => ({ id: d.entry.id, contrats: t.docs.get(d.entry.id) ?? 0 })),
    clausesJamais: [...all.values()].filter((c) => !t.clauses.has(c.key)),
    reglesJamais: t.model.manifest.regles.map((r) => r.id).filter((id) => !t.rules.has(id)),
    clausesTotal: all.size,
  };
}

/** Rule ids (or codes) of a contract's issues, each once. */
function codes(list: readonly IssueRecord[]): string {
  return [...new Set(list.map((i) => i.code))].join(', ');
}

function pad(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s.padEnd(n);
}

export function preflightText(r: PreflightReport): string {
  const docIds = [...new Set(r.models.flatMap((m) => m.documents.map((d) => d.id)))];
  const out: string[] = [`Pré-contrôle de la campagne : ${r.rows.length} contrat(s)`, ''];
  for (const i of r.issues) out.push(`campagne : ${issueLine(i)}`);
  out.push('Documents :');
  docIds.forEach((d, k) => out.push(`  D${k + 1} = ${d}`));
  out.push('');
  out.push(`${pad('FINESS EJ', 10)} ${pad('Raison sociale', 34)} ${pad('Statut', 26)} ${docIds.map((_, k) => pad(`D${k + 1}`, 3)).join(' ')}  Règles en erreur / en avertissement`);
  for (const row of r.rows) {
    const marks = docIds.map((d) => pad(row.documents.includes(d) ? 'x' : '·', 3)).join(' ');
    const rules = [row.erreurs.length ? `erreur : ${codes(row.erreurs)}` : '', row.avertissements.length ? `avertissement : ${codes(row.avertissements)}` : ''].filter(Boolean).join(' ; ');
    out.push(`${pad(row.id, 10)} ${pad(row.raisonSociale, 34)} ${pad(STATUS_LABEL[row.statut], 26)} ${marks}  ${rules || '—'}`);
    for (const i of row.erreurs) out.push(`    ${issueLine(i)}`);
  }
  for (const m of r.models) {
    out.push('', `Modèle ${m.id} v${m.version} :`);
    for (const d of m.documents) out.push(`  ${d.id} : ${d.contrats} contrat(s)`);
    const never = m.documents.filter((d) => d.contrats === 0);
    out.push(never.length ? `  Documents qu’aucun contrat ne reçoit : ${never.map((d) => d.id).join(', ')}` : '  Chaque document est reçu par au moins un contrat.');
    out.push(`  Clauses conditionnelles qu’aucun contrat ne déclenche : ${m.clausesJamais.length} sur ${m.clausesTotal}`);
    for (const c of m.clausesJamais) out.push(`    ${c.place} — ${c.text}`);
    out.push(`  Règles qu’aucun contrat n’enfreint : ${m.reglesJamais.length ? m.reglesJamais.join(', ') : 'aucune'}`);
  }
  return out.join('\n');
}

function csvField(s: string): string {
  return /[";\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function preflightCsv(r: PreflightReport): string {
  const docIds = [...new Set(r.models.flatMap((m) => m.documents.map((d) => d.id)))];
  const rows: string[][] = [['ligne', 'finess_ej', 'raison_sociale', 'source', 'modele', 'categorie', 'statut', ...docIds, 'regles_erreur', 'regles_avertissement', 'details']];
  const blank = docIds.map(() => '');
  for (const row of r.rows) {
    rows.push(['contrat', row.id, row.raisonSociale, row.source, row.modele ?? '', row.categorie ?? '', STATUS_LABEL[row.statut], ...docIds.map((d) => (row.documents.includes(d) ? 'x' : '')), codes(row.erreurs), codes(row.avertissements), [...row.erreurs, ...row.avertissements].map(issueLine).join('\n')]);
  }
  for (const m of r.models) {
    for (const d of m.documents.filter((x) => x.contrats === 0)) rows.push(['document jamais reçu', '', '', '', m.id, '', '', ...blank, '', '', d.id]);
    for (const c of m.clausesJamais) rows.push(['clause jamais déclenchée', '', '', c.place, m.id, '', '', ...blank, '', '', c.text]);
    for (const id of m.reglesJamais) rows.push(['règle jamais enfreinte', '', '', '', m.id, '', '', ...blank, '', '', id]);
  }
  for (const i of r.issues) rows.push(['campagne', '', '', i.emplacement ?? '', '', '', i.niveau, ...blank, '', '', issueLine(i)]);
  return `\ufeff${rows.map((x) => x.map(csvField).join(';')).join('\r\n')}\r\n`;
}
