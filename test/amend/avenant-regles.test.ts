// The avenant's own approvals and dates: opinions of the instances on the avenant (warnings, as
// for contracts), no avenant signed once the contract has ended, and --date outside the period.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runConsolider } from '../../src/cli/commands/avenant.ts';
import { avenantApprovals, dateOutsidePeriod } from '../../src/amend/rules.ts';
import { applyAvenants } from '../../src/amend/apply.ts';
import { allVersions } from '../../src/amend/versions.ts';
import { AvenantSchema } from '../../src/model/avenant.ts';
import { av, avenantsOf, contractOf, FIXTURES, modelOf, rulesOf, smallContract, versionsOf } from './helpers.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const op = { type: 'modifier_cible', engagement: 1, indicateur: 'Indicateur 1', annee: 'N+2', valeur: 7 };

describe('un avenant signé après la fin du contrat', () => {
  it('est refusé (date de l’avenant)', () => {
    // smallContract: 1er janvier 2021, 5 ans → fin le 31 décembre 2025.
    const r = applyAvenants(smallContract(), [av(1, [op], { date: '2026-01-15', effet: '2025-06-01' })]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(plain(r.diagnostics[0]!.message)).toMatch(/signé le 15 janvier 2026, après la fin du contrat \(31 décembre 2025\)/);
  });
  it('est refusé (date de signature)', () => {
    const r = applyAvenants(smallContract(), [av(1, [op], { date: '2025-06-01', effet: '2025-06-01', signature: { lieu: 'Paris', date: '2026-01-02' } })]);
    expect(r.ok).toBe(false);
  });
  it('mais un avenant signé le dernier jour est accepté', () => {
    expect(applyAvenants(smallContract(), [av(1, [op], { date: '2025-12-31', effet: '2025-12-31' })]).ok).toBe(true);
  });
});

describe('--date hors de la période du contrat', () => {
  const v = versionsOf('idf-2021');
  it('avertit avant la prise d’effet et après la fin', () => {
    expect(plain(dateOutsidePeriod(v, '2021-01-01')?.message ?? '')).toContain('avant la prise d’effet du contrat');
    expect(plain(dateOutsidePeriod(v, '2031-01-01')?.message ?? '')).toContain('après la fin du contrat');
    expect(dateOutsidePeriod(v, '2023-06-30')).toBeUndefined();
  });
  it('cpom consolider --date le signale et produit quand même la version', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpom-date-'));
    const F = join(FIXTURES, 'idf-2021');
    const err: string[] = [];
    const code = await runConsolider([join(F, 'contrat.yaml'), ...[1, 2, 3].map((n) => join(F, `avenant-${n}.yaml`)), '--date', '2031-01-01', '--sortie', dir], () => {}, (x) => err.push(x));
    rmSync(dir, { recursive: true, force: true });
    expect(code).toBe(0);
    expect(plain(err.join('\n'))).toContain('--date 1er janvier 2031 : après la fin du contrat (30 juin 2026');
  });
});

describe('avis des instances sur l’avenant', () => {
  it('établissement privé : l’avis de la conférence médicale sur l’avenant est demandé (IDF, L.530)', () => {
    const c = smallContract();
    c.titulaire.statut = 'prive_lucratif';
    c.avis = { conference_medicale: '2020-11-01' };
    const v = allVersions(c, [av(1, [op])], { verifier: rulesOf('idf-2021') });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const w = avenantApprovals(modelOf('idf-2021'), v.value);
    expect(w.map((d) => [d.severity, d.code, d.dataPath])).toEqual([['avertissement', 'IDF-CONFERENCE-MEDICALE', 'avis.conference_medicale']]);
    expect(w[0]!.message).toMatch(/^avenant n° 1 : /);
    const signed = allVersions(c, [av(1, [op], { avis: { conference_medicale: '2021-05-01' } })], { verifier: rulesOf('idf-2021') });
    expect(signed.ok && avenantApprovals(modelOf('idf-2021'), signed.value)).toEqual([]);
  });

  it('Occitanie : l’échange contradictoire et l’avis de la CME sur l’avenant sont demandés', () => {
    const base = avenantsOf('occitanie-2019', ['avenant-1.yaml'])[0]!;
    const { echange_contradictoire: _e, ...rest } = base.avenant;
    const bare = { ...base, avenant: AvenantSchema.parse({ ...rest, avis: {} }) };
    const v = allVersions(contractOf('occitanie-2019'), [bare], { verifier: rulesOf('occitanie-2019') });
    expect(v.ok).toBe(true);
    if (!v.ok) return;
    const w = avenantApprovals(modelOf('occitanie-2019'), v.value);
    expect(w.map((d) => d.dataPath).sort()).toEqual(['avis.cme', 'echange_contradictoire']);
    expect(w.every((d) => d.severity === 'avertissement' && d.source !== undefined)).toBe(true);
  });

  it('les avenants des exemples ont tous leurs avis', () => {
    for (const m of ['dgos-2012', 'occitanie-2019', 'idf-2021']) expect(avenantApprovals(modelOf(m), versionsOf(m))).toEqual([]);
  });
});
