// The redline between versions i and j of a contract (0 = as signed): the consolidated version j
// in which every difference from version i is a tracked change by the agency, dated the day of
// the avenant that made it (redline/dates.ts). Word and LibreOffice show them as changes to
// accept or reject.
import { fail, ok, type Diagnostic, type Result } from '../../diagnostics/diagnostic.ts';
import { MentionEvaluator } from '../../eval/mentions.ts';
import type { DocumentSet } from '../../ir/types.ts';
import { dateByAvenant } from '../redline/dates.ts';
import type { Model } from '../../templates/load.ts';
import { diffSets, revisions } from '../redline/diff.ts';
import type { Versions } from '../versions.ts';
import { buildConsolidatedSet } from './consolidated.ts';

export function buildRedlineSet(model: Model, v: Versions, i: number, j: number): Result<DocumentSet> {
  const n = v.versions.length - 1;
  if (!Number.isInteger(i) || !Number.isInteger(j) || i < 0 || j > n || i >= j) {
    return fail([
      {
        severity: 'erreur',
        code: 'AVENANT-SELECTION',
        message: `versions à comparer invalides (de ${i} à ${j}) : il faut 0 ≤ de < à ≤ ${n} (0 désigne le contrat initial, k la version intégrant l’avenant n° k)`,
      },
    ]);
  }
  const sets: DocumentSet[] = [];
  const warnings: Diagnostic[] = [];
  for (let k = i; k <= j; k++) {
    const r = buildConsolidatedSet(model, v, k);
    if (!r.ok) return r;
    if (k === i || k === j) warnings.push(...r.warnings);
    sets.push(r.value);
  }
  const older = sets[0]!;
  const newer = sets[sets.length - 1]!;
  const revs = sets.slice(1).map((_, x) => revisions(v.versions[i + x + 1]!.contract.ars.nom, v.avenants[i + x]!.avenant.date));
  const set = dateByAvenant(diffSets(older, newer, revs[revs.length - 1]!), sets, revs);
  // The title's wording: templates/_mentions.yaml, comparaison.titre.
  const mentions = new MentionEvaluator(model, v.versions[j]!.contract);
  const what = mentions.text(model.mentions.comparaison.titre, { comparaison: { de: i, a: j } });
  if (mentions.ev.diags.length > 0) return fail(mentions.ev.diags);
  return ok({ ...set, meta: { ...set.meta, title: `${older.meta.title.split(' — version')[0]} — ${what}` } }, warnings);
}
