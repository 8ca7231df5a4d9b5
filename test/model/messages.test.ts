// One home for messages and paths: the same mistake in a contract and in an avenant reads the
// same; a data path formatted anywhere parses back to its segments.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseAvenant } from '../../src/amend/load.ts';
import { yamlLocator } from '../../src/batch/locate.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { formatDataPath, parseDataPath } from '../../src/diagnostics/path.ts';
import { parseContract } from '../../src/model/load.ts';
import { parseYamlText } from '../../src/model/yaml.ts';

const contract = parse(readFileSync('fixtures/avenants/dgos-2012/contrat.yaml', 'utf8')) as { engagements: Record<string, unknown>[] };
const avenant = parse(readFileSync('fixtures/avenants/dgos-2012/avenant-1.yaml', 'utf8')) as { operations: Array<{ type: string; engagement?: Record<string, unknown> }> };
const addIndex = avenant.operations.findIndex((o) => o.type === 'ajouter_engagement');

/** The same change made to the first engagement of the contract and to the engagement an avenant adds. */
function both(change: (e: Record<string, unknown>) => void): { c: Diagnostic[]; a: Diagnostic[] } {
  const c = structuredClone(contract);
  change(c.engagements[0]!);
  const a = structuredClone(avenant);
  change(a.operations[addIndex]!.engagement!);
  const rc = parseContract(c);
  const ra = parseAvenant(a, 'avenant-1.yaml');
  if (rc.ok || ra.ok) throw new Error('both should be refused');
  return { c: [...rc.diagnostics], a: [...ra.diagnostics] };
}

/** The avenant's message is the contract's, after the avenant and operation it names. */
function expectSameMistake(c: Diagnostic[], a: Diagnostic[]): void {
  expect(c).toHaveLength(1);
  expect(a).toHaveLength(1);
  expect(a[0]!.message).toBe(`avenant avenant-1.yaml, opération ${addIndex + 1} : ${c[0]!.message}`);
  expect(a[0]!.hints).toEqual(c[0]!.hints);
  expect(a[0]!.dataPath!.endsWith(c[0]!.dataPath!.replace(/^engagements\[0\]/, ''))).toBe(true);
}

describe('one French error map for contracts and avenants', () => {
  it('a number where a text is expected', () => {
    const { c, a } = both((e) => (e.objectif_operationnel = 12));
    expect(c[0]!.message).toBe('texte attendu, reçu 12 (nombre)');
    expectSameMistake(c, a);
  });

  it('a number below its minimum (a field without a message of its own: the map speaks)', () => {
    const { c, a } = both((e) => ((e.indicateurs as Record<string, unknown>[])[0]!.reference = { valeur: 1, annee: 1800 }));
    expect(c[0]!.message).toBe('valeur supérieure ou égale à 1990 attendue, reçu 1800 (nombre)');
    expectSameMistake(c, a);
  });

  it('a missing required field', () => {
    const { c, a } = both((e) => delete e.objectif_operationnel);
    expect(c[0]!.message).toMatch(/^champ obligatoire manquant/);
    expectSameMistake(c, a);
  });

  it('a misspelt key, with the same suggestion', () => {
    const { c, a } = both((e) => {
      e.objectif_operationel = e.objectif_operationnel;
      delete e.objectif_operationnel;
    });
    // The misspelling also leaves the real key missing: compare the unknown-key diagnostics.
    const unknownC = c.filter((d) => d.code === 'DONNEES-CLE-INCONNUE');
    const unknownA = a.filter((d) => d.code === 'DONNEES-CLE-INCONNUE');
    expect(unknownC[0]!.message).toBe('clé inconnue « objectif_operationel »');
    expect(unknownC[0]!.hints).toEqual(['vouliez-vous dire « objectif_operationnel » ?']);
    expectSameMistake(unknownC, unknownA);
  });
});

describe('data paths', () => {
  it('parses what it formats, whatever the keys (property)', () => {
    const segment = fc.oneof(fc.string(), fc.nat(), fc.constantFrom('N+2', 'a.b', '[0]', '"', 'cibles', ''));
    fc.assert(
      fc.property(fc.array(segment, { maxLength: 8 }), (path) => {
        expect(parseDataPath(formatDataPath(path))).toEqual(path);
      }),
      { seed: 20261204, numRuns: 500 },
    );
  });

  it('keeps the plain form users know', () => {
    const p = ['engagements', 1, 'indicateurs', 0, 'cibles', 'N+2'];
    expect(formatDataPath(p)).toBe('engagements[1].indicateurs[0].cibles.N+2');
    expect(parseDataPath('engagements[1].indicateurs[0].cibles.N+2')).toEqual(p);
  });

  it('the campaign locator finds the line of a path validation reports', () => {
    const text = readFileSync('fixtures/avenants/dgos-2012/contrat.yaml', 'utf8').replace('N+2: 600', 'N+2: beaucoup');
    const y = parseYamlText('contrat.yaml', text);
    if (!y.ok) throw new Error('yaml');
    const r = parseContract(y.value.data);
    const d = !r.ok ? r.diagnostics.find((x) => x.dataPath?.endsWith('.N+2')) : undefined;
    expect(d?.dataPath).toMatch(/^engagements\[\d+\]\.indicateurs\[\d+\]\.cibles\.N\+2$/);
    const line = text.split('\n').findIndex((l) => l.includes('N+2: beaucoup')) + 1;
    expect(yamlLocator(y.value.source)(d!.dataPath!)).toMatch(new RegExp(`^contrat\\.yaml:${line}:\\d+$`));
  });
});
