import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyAvenants } from '../../src/amend/apply.ts';
import { parseKeyString } from '../../src/amend/keys.ts';
import { stableJson } from '../../src/amend/ops/env.ts';
import type { AmendedContract } from '../../src/amend/types.ts';
import type { Diagnostic, Result } from '../../src/diagnostics/diagnostic.ts';
import type { Contract } from '../../src/model/contract.ts';
import { buildConsolidatedSet } from '../../src/amend/document/consolidated.ts';
import { acceptAll, rejectAll } from '../../src/amend/redline/accept.ts';
import { diffSets, revisions } from '../../src/amend/redline/diff.ts';
import { setText } from '../../src/amend/redline/text.ts';
import { allVersions } from '../../src/amend/versions.ts';
import { build, intents } from './gen.ts';
import { contractOf, MODELS, modelOf, rulesOf } from './helpers.ts';

const model = fc.constantFrom(...MODELS);
const RUNS = { numRuns: 60 };
const errorsOf = (ds: readonly Diagnostic[]) => ds.filter((d) => d.severity === 'erreur');
const json = (x: unknown) => JSON.stringify(x);

describe('propriétés de l’application des avenants', () => {
  it('sans avenant, le contrat de base est inchangé', () => {
    for (const m of MODELS) {
      const base = contractOf(m);
      const r = applyAvenants(base, [], { verifier: rulesOf(m) });
      expect(r.ok).toBe(true);
      if (!r.ok) continue;
      expect(r.value.contract).toEqual(base);
      expect(r.value.history).toEqual([]);
      expect(r.value.provenance).toEqual({});
    }
    fc.assert(
      fc.property(model, intents, (m, groups) => {
        const base = contractOf(m);
        const { avenants } = build(base, groups);
        const r = applyAvenants(base, avenants, { jusqua: 0 });
        return r.ok && json(r.value.contract) === json(base) && r.value.history.length === 0;
      }),
      RUNS,
    );
  });

  it('appliquer les avenants un à un donne le même résultat que tous ensemble', () => {
    fc.assert(
      fc.property(model, intents, (m, groups) => {
        const base = contractOf(m);
        const { avenants } = build(base, groups);
        const opts = { verifier: rulesOf(m) };
        const all = applyAvenants(base, avenants, opts);
        let step: Result<AmendedContract> = applyAvenants(base, [], opts);
        for (const a of avenants) {
          if (!step.ok) break;
          step = applyAvenants(step.value, [a], opts);
        }
        expect(json(step.ok ? step.value : step.diagnostics)).toBe(json(all.ok ? all.value : all.diagnostics));
      }),
      RUNS,
    );
  });

  it('le résultat est accepté exactement quand chaque version respecte les règles du modèle', () => {
    const seen = { accepted: 0, refused: 0 };
    fc.assert(
      fc.property(model, intents, (m, groups) => {
        const base = contractOf(m);
        const { avenants, versions } = build(base, groups);
        const rules = rulesOf(m);
        const baseErrors = new Set(errorsOf(rules(base)).map((d) => d.code));
        // A version breaks the rules when it has an error code the base contract does not have.
        const breaks = (c: Contract) => errorsOf(rules(c)).some((d) => !baseErrors.has(d.code));
        const firstBad = versions.findIndex(breaks);
        const r = applyAvenants(base, avenants, { verifier: rules });
        seen[firstBad < 0 ? 'accepted' : 'refused']++;
        if (firstBad < 0) {
          expect(r.ok ? [] : r.diagnostics.map((d) => d.message)).toEqual([]);
          if (r.ok) expect(stableJson(r.value.contract)).toBe(stableJson(versions[versions.length - 1]));
        } else {
          expect(r.ok).toBe(false);
          if (r.ok) return;
          // Refused at the first version that breaks a rule, with that version's new error codes.
          const bad = errorsOf(rules(versions[firstBad]!)).map((d) => d.code);
          for (const d of r.diagnostics) {
            expect(d.message).toContain(`avenant n° ${firstBad}`);
            expect(bad).toContain(d.code);
            expect(d.dataPath).toMatch(/^operations\[\d+\]/);
          }
        }
      }),
      { numRuns: 120 },
    );
    // Both outcomes must actually occur, or the property says nothing.
    expect(seen.accepted).toBeGreaterThan(10);
    expect(seen.refused).toBeGreaterThan(10);
  });

  it('la provenance désigne des éléments présents (ajout, modification) ou absents (suppression)', () => {
    fc.assert(
      fc.property(model, intents, (m, groups) => {
        const base = contractOf(m);
        const { avenants } = build(base, groups);
        const r = applyAvenants(base, avenants);
        if (!r.ok) return;
        const c = r.value.contract;
        for (const [k, t] of Object.entries(r.value.provenance)) {
          const key = parseKeyString(k);
          const present = elementPresent(c, key);
          if (present === undefined) continue;
          expect(present, `${k} ${t.nature}`).toBe(t.nature !== 'suppression');
          expect(t.avenant).toBeGreaterThanOrEqual(1);
          expect(t.avenant).toBeLessThanOrEqual(avenants.length);
        }
      }),
      RUNS,
    );
  });

  it('est déterministe', () => {
    fc.assert(
      fc.property(model, intents, (m, groups) => {
        const base = contractOf(m);
        const { avenants } = build(base, groups);
        expect(json(applyAvenants(base, avenants))).toBe(json(applyAvenants(base, avenants)));
      }),
      { numRuns: 20 },
    );
  });
});

/** Whether the element a provenance key names is in the contract (undefined: not an element key). */
function elementPresent(c: Contract, k: readonly string[]): boolean | undefined {
  const [head, a, b, ...rest] = k;
  if (rest.length > 0 || (head !== 'financements' && b !== undefined)) return undefined;
  switch (head) {
    case 'engagements':
      return c.engagements.some((e) => String(e.numero) === a);
    case 'reconnaissances':
      return c.reconnaissances.some((r) => String(r.numero) === a);
    case 'autorisations':
      return c.autorisations.some((x) => x.arhgos === a);
    case 'missions_service_public':
      return c.missions_service_public.some((x) => String(x.numero) === a);
    case 'financements':
      return a === 'dotations' ? c.financements.dotations.some((d) => d.nature === b && d.libelle === k[3]) : undefined;
    default:
      return undefined;
  }
}

describe('propriétés de la comparaison de versions', () => {
  it('tout accepter donne la version j, tout refuser la version i, pour des séquences tirées au hasard', () => {
    let compared = 0;
    fc.assert(
      fc.property(model, intents, fc.nat(), fc.nat(), (m, groups, x, y) => {
        const base = contractOf(m);
        const { avenants } = build(base, groups);
        const v = allVersions(base, avenants);
        if (!v.ok) return;
        const n = v.value.versions.length - 1;
        if (n === 0) return;
        const i = x % n;
        const j = i + 1 + (y % (n - i));
        const mod = modelOf(m);
        const older = buildConsolidatedSet(mod, v.value, i);
        const newer = buildConsolidatedSet(mod, v.value, j);
        // Generated data may not render under every model (e.g. a required text left out): the
        // property is about the diff, so such draws are skipped.
        if (!older.ok || !newer.ok) return;
        const red = diffSets(older.value, newer.value, revisions('Agence', '2024-01-01'));
        expect(setText(acceptAll(red))).toBe(setText(newer.value));
        expect(setText(rejectAll(red))).toBe(setText(older.value));
        if (JSON.stringify(red).includes('"kind":"suppression"')) compared++;
      }),
      { numRuns: 40 },
    );
    expect(compared).toBeGreaterThan(10);
  });
});
