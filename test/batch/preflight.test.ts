import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { preflight, preflightCsv, preflightText } from '../../src/batch/preflight.ts';
import { runPreflight } from '../../src/cli/commands/campagne.ts';
import { campaign } from './helpers.ts';

describe('pré-contrôle de campagne', () => {
  it('lists documents per contract, rule failures, and what no contract triggers', async () => {
    const c = await campaign(8, 41);
    const files = readdirSync(c.dossier).filter((f) => f !== 'campagne.yaml').sort();
    // Make one contract break a model rule (no indicator on an objective).
    const data = parse(readFileSync(join(c.dossier, files[0]!), 'utf8'));
    data.engagements[0].indicateurs = [];
    writeFileSync(join(c.dossier, files[0]!), stringify(data));
    const r = await preflight(c.dossier);
    expect(r.rows).toHaveLength(8);
    const bad = r.rows.find((x) => x.id === data.titulaire.finess_ej)!;
    expect(bad.statut).toBe('erreur');
    expect(bad.erreurs.map((e) => e.code)).toContain('OCC-INDICATEUR-MIN');
    expect(r.failed).toBe(true);
    for (const row of r.rows) expect(row.documents).toContain('socle');
    // EML / AMP-DPN holders never get the reconnaissances annex (matrix, copy B).
    for (const row of r.rows.filter((x) => x.categorie === 'eml_amp_dpn')) expect(row.documents).not.toContain('annexe-reconnaissances-contractuelles');
    const m = r.models[0]!;
    expect(m.id).toBe('occitanie-2019');
    // The synthetic ARS has no delegation: that branch of the signature block is never printed.
    expect(m.clausesJamais.some((x) => x.text.includes('ars.delegation'))).toBe(true);
    expect(m.reglesJamais).not.toContain('OCC-INDICATEUR-MIN');
    expect(m.clausesJamais.length).toBeLessThan(m.clausesTotal);

    const text = preflightText(r);
    expect(text).toContain('Clauses conditionnelles qu’aucun contrat ne déclenche');
    expect(text).toContain('OCC-INDICATEUR-MIN');
    const csv = preflightCsv(r);
    const lines = csv.replace(/^\ufeff/, '').split('\r\n');
    expect(lines[0]).toContain('ligne;finess_ej;raison_sociale');
    expect(lines.filter((l) => l.startsWith('contrat;'))).toHaveLength(8);
    expect(lines.some((l) => l.startsWith('clause jamais déclenchée;'))).toBe(true);

    const out: string[] = [];
    expect(await runPreflight(['--campagne', c.dossier, '--csv'], (s) => out.push(s))).toBe(1);
    expect(out.join('\n')).toBe(csv);
  });
});
