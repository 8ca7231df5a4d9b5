// An avenant is validated as a whole (issue 11, item 7): its operations take effect together,
// the contract is checked once on the result, and the outcome does not depend on the order in
// which operations on distinct targets are written. Contradictory operations on one target are
// still refused, naming the file, the operation and its path.
import fc from 'fast-check';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyAvenants } from '../../src/amend/apply.ts';
import { loadAvenantFile } from '../../src/amend/load.ts';
import type { SourcedAvenant } from '../../src/amend/types.ts';
import type { Avenant } from '../../src/model/avenant.ts';
import { build, intents } from './gen.ts';
import { av, contractOf, MODELS, rulesOf, smallContract } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'cpom-avenant-ensemble-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const HEAD = `numero: 1
reference: CPOM-IDF-2021-0042
date: 2022-06-20
effet: 2022-07-01
objet: Fin de la reconnaissance n° 1
operations:
`;
const FIN_RC = `  - type: supprimer_reconnaissance
    numero: 1
`;
const FIN_ENG = `  - type: supprimer_engagement
    numero: 7
`;

function load(name: string, text: string): SourcedAvenant {
  const f = join(dir, name);
  writeFileSync(f, text);
  const r = loadAvenantFile(f);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
}

const json = (x: unknown) => JSON.stringify(x);

describe('un avenant est validé comme un tout', () => {
  const base = contractOf('idf-2021');
  const opts = { verifier: rulesOf('idf-2021') };

  it('mettre fin à une reconnaissance et supprimer l’engagement qui la cite : accepté dans les deux ordres, même résultat', () => {
    const a = applyAvenants(base, [load('rc-puis-eng.yaml', HEAD + FIN_RC + FIN_ENG)], opts);
    const b = applyAvenants(base, [load('eng-puis-rc.yaml', HEAD + FIN_ENG + FIN_RC)], opts);
    expect(a.ok ? [] : a.diagnostics.map((d) => d.message)).toEqual([]);
    expect(b.ok ? [] : b.diagnostics.map((d) => d.message)).toEqual([]);
    if (!a.ok || !b.ok) return;
    expect(json(a.value)).toBe(json(b.value));
    expect(a.value.contract.reconnaissances.map((r) => r.numero)).toEqual([2]);
    expect(a.value.contract.engagements.some((e) => e.numero === 7)).toBe(false);
  });

  it('refuse toujours la fin d’une reconnaissance encore citée, en nommant le fichier et l’opération', () => {
    const r = applyAvenants(base, [load('rc-seule.yaml', HEAD + FIN_RC)], opts);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(d.code).toBe('AVENANT-REFERENCE-PENDANTE');
    expect(d.message).toContain('rc-seule.yaml');
    expect(d.message).toContain('opération 1 « supprimer_reconnaissance »');
    expect(d.message).toContain('l’engagement n° 7');
    expect(d.dataPath).toBe('operations[0].numero');
    expect(d.span?.start.line).toBe(8);
  });

  it('refuse deux opérations contradictoires sur un même élément, dans les deux ordres', () => {
    const MOD = `  - type: modifier_engagement
    numero: 7
    modifications: { actions: Nouvelles actions }
`;
    for (const [name, text, op] of [
      ['mod-puis-sup.yaml', HEAD + MOD + FIN_ENG, 2],
      ['sup-puis-mod.yaml', HEAD + FIN_ENG + MOD, 2],
    ] as const) {
      const r = applyAvenants(base, [load(name, text)], opts);
      expect(r.ok).toBe(false);
      if (r.ok) continue;
      const d = r.diagnostics[0]!;
      expect(d.code).toBe('AVENANT-CONFLIT');
      expect(d.message).toContain(name);
      expect(d.message).toContain(`opération ${op}`);
      expect(d.message).toContain('l’élément « engagements › 7 »');
      expect(d.dataPath).toBe(`operations[${op - 1}]`);
    }
  });

  it('ajouter un engagement à une annexe que le même avenant remplace est contradictoire', () => {
    const c = smallContract();
    const add = { type: 'ajouter_engagement', engagement: { ...c.engagements[0]!, numero: 9, annexe: 'pilotage_interne' } };
    const rep = { type: 'remplacer_annexe', annexe: 'pilotage_interne', engagements: [c.engagements[0]!] };
    for (const ops of [[add, rep], [rep, add]]) {
      const r = applyAvenants(c, [av(1, ops)]);
      expect(r.ok ? 'accepté' : r.diagnostics[0]!.code).toBe('AVENANT-CONFLIT');
    }
  });

  it('retirer deux missions de service public et renégocier la durée : l’ordre est indifférent', () => {
    const c = smallContract();
    c.missions_service_public.push({ numero: 2 });
    const last = { type: 'retirer_mission_service_public', numero: 2, duree_ans: 3 };
    const first = { type: 'retirer_mission_service_public', numero: 1 };
    const a = applyAvenants(c, [av(1, [first, last])]);
    const b = applyAvenants(c, [av(1, [last, first])]);
    expect(a.ok ? [] : a.diagnostics.map((d) => d.message)).toEqual([]);
    expect(b.ok ? [] : b.diagnostics.map((d) => d.message)).toEqual([]);
    if (!a.ok || !b.ok) return;
    expect(json(a.value)).toBe(json(b.value));
    expect(a.value.contract.dates.duree_ans).toBe(3);
    // A renegotiated duration while a mission remains is still refused, naming that operation.
    const kept = applyAvenants(c, [av(1, [last])]);
    expect(kept.ok).toBe(false);
    if (!kept.ok) expect(kept.diagnostics.map((d) => [d.code, d.dataPath])).toEqual([['AVENANT-DUREE', 'operations[0].duree_ans']]);
  });

  it('ajouter deux éléments dans un ordre ou dans l’autre donne la même liste', () => {
    const c = smallContract();
    const add = (arhgos: string) => ({ type: 'ajouter_autorisation', autorisation: { arhgos, activite: 'Activité', finess_et: '750000010' } });
    const a = applyAvenants(c, [av(1, [add('Z-2'), add('B-1')])]);
    const b = applyAvenants(c, [av(1, [add('B-1'), add('Z-2')])]);
    expect(a.ok && b.ok).toBe(true);
    if (a.ok && b.ok) expect(json(a.value)).toBe(json(b.value));
  });
});

describe('propriété : l’ordre des opérations sur des cibles distinctes est indifférent', () => {
  const model = fc.constantFrom(...MODELS);
  it('même acceptation et même résultat pour toute permutation des opérations d’un avenant', () => {
    let permuted = 0;
    fc.assert(
      fc.property(model, intents, fc.array(fc.nat(), { minLength: 6, maxLength: 6 }), (m, groups, perm) => {
        const base = contractOf(m);
        const { avenants } = build(base, groups);
        const first = avenants[0];
        if (!first || first.operations.length < 2) return;
        // A permutation of the operations drawn from `perm` (a sort key per operation).
        const order = first.operations.map((_, i) => i).sort((i, j) => (perm[i]! - perm[j]!) || i - j);
        const shuffled: Avenant = { ...first, operations: order.map((i) => first.operations[i]!) };
        const opts = { verifier: rulesOf(m) };
        const r1 = applyAvenants(base, [first], opts);
        const r2 = applyAvenants(base, [shuffled], opts);
        expect(r2.ok).toBe(r1.ok);
        if (r1.ok && r2.ok) expect(json(r2.value)).toBe(json(r1.value));
        else if (!r1.ok && !r2.ok) expect(r2.diagnostics.map((d) => d.code).sort()).toEqual(r1.diagnostics.map((d) => d.code).sort());
        if (order.some((i, k) => i !== k)) permuted++;
      }),
      { numRuns: 120 },
    );
    expect(permuted).toBeGreaterThan(20);
  });
});
