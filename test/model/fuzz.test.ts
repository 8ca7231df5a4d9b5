// Bounded fuzzing of every kind of input file (contract, avenant, campagne.yaml, modele.yaml):
// mutated fixtures (byte flips, truncations, duplicated or deleted lines, inserted aliases,
// anchors, tags, huge numbers, odd unicode) go through the CLI in-process. Whatever the bytes,
// the command ends with exit 0 (the input was still valid) or exit 1 with French diagnostics
// that name a place; it never throws (« erreur interne ») and never answers in English. Fixed
// seeds and 12 to 20 runs each: the same cases every time, a few seconds in all.
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync, cpSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { loadAvenantFile } from '../../src/amend/load.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import { loadContractFile } from '../../src/model/load.ts';
import { cpom, ENGLISH } from '../helpers/cli.ts';

type Mutation =
  | { readonly k: 'flip'; readonly at: number; readonly bit: number }
  | { readonly k: 'truncate'; readonly at: number }
  | { readonly k: 'dup' | 'del'; readonly line: number }
  | { readonly k: 'insert'; readonly line: number; readonly text: string }
  | { readonly k: 'number'; readonly which: number; readonly value: string };

const SNIPPETS = [
  '<<: *a', 'x: &a [*a]', 'y: *inconnu', '&ancre', '*ancre', 'cle: !binary abc', '!!map', '!etrange',
  'n: 1e400', 'n: 123456789012345678901234567890', '\u202e', '\u0000', '\ufeff', '\ud800', '\t', '"', "'", '{', '[',
  '- ', ': ', '---', '%YAML 1.1', '__proto__: {}', 'constructor: x', '? [a]\n: b', '#', '|', '>-',
];
const NUMBERS = ['1e400', '-1e400', '99999999999999999999999', '.nan', '.inf', '-0', '0x1F', '1_000', '0.000000001', '-5'];

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ k: fc.constant('flip' as const), at: fc.nat(), bit: fc.integer({ min: 0, max: 7 }) }),
  fc.record({ k: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ k: fc.constantFrom('dup' as const, 'del' as const), line: fc.nat() }),
  fc.record({ k: fc.constant('insert' as const), line: fc.nat(), text: fc.constantFrom(...SNIPPETS) }),
  fc.record({ k: fc.constant('number' as const), which: fc.nat(), value: fc.constantFrom(...NUMBERS) }),
);

function mutate(original: string, ms: readonly Mutation[]): Buffer {
  let bytes = Buffer.from(original, 'utf8');
  for (const m of ms) {
    if (m.k === 'flip') {
      bytes = Buffer.from(bytes);
      const i = m.at % Math.max(1, bytes.length);
      if (bytes.length) bytes[i] = bytes[i]! ^ (1 << m.bit);
      continue;
    }
    if (m.k === 'truncate') {
      bytes = bytes.subarray(0, m.at % Math.max(1, bytes.length));
      continue;
    }
    const lines = bytes.toString('utf8').split('\n');
    if (m.k === 'number') {
      let n = 0;
      const text = lines.join('\n');
      const count = (text.match(/\b\d+(\.\d+)?\b/g) ?? []).length;
      const target = count ? m.which % count : -1;
      bytes = Buffer.from(text.replace(/\b\d+(\.\d+)?\b/g, (d) => (n++ === target ? m.value : d)), 'utf8');
      continue;
    }
    const i = m.line % Math.max(1, lines.length);
    if (m.k === 'dup') lines.splice(i, 0, lines[i] ?? '');
    else if (m.k === 'del') lines.splice(i, 1);
    else if (m.k === 'insert') {
      // Inserted at the indentation of the line it goes before.
      const line = lines[i] ?? '';
      const indent = /^\s*/.exec(line)![0];
      lines.splice(i, 0, `${indent}${m.text}`);
    }
    bytes = Buffer.from(lines.join('\n'), 'utf8');
  }
  return bytes;
}

/** A run ends cleanly: exit 0, or exit 1 with French text; never a throw, never « interne ». */
function expectClean(r: { code: number; out: string; err: string }, what: string): void {
  expect([0, 1], `${what}\n${r.err}`).toContain(r.code);
  const text = r.out + r.err;
  expect(text, what).not.toMatch(/erreur interne|    at /);
  expect(text, `${what}\n${text}`).not.toMatch(ENGLISH);
  if (r.code === 1) expect(r.err.length + r.out.length, what).toBeGreaterThan(0);
}

/** Every diagnostic of a file that could not be read names a place: file:line:col, a data path, or the file. */
function expectPlaced(diags: readonly Diagnostic[], file: string): void {
  for (const d of diags) expect(d.span !== undefined || d.dataPath !== undefined || d.message.includes(file), JSON.stringify(d)).toBe(true);
}

const mutations = fc.array(mutation, { minLength: 1, maxLength: 3 });

/**
 * Writes `original` mutated into a fresh file named by `name` (a folder of its own per run)
 * and hands it to `check`, for `runs` runs from `seed`.
 */
async function fuzz(original: string, name: (dir: string) => string, seed: number, runs: number, check: (file: string, what: string) => Promise<void>): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'cpom-fuzz-'));
  let n = 0;
  await fc.assert(
    fc.asyncProperty(mutations, async (ms) => {
      const dir = join(root, String(n++));
      mkdirSync(dir);
      const file = name(dir);
      writeFileSync(file, mutate(original, ms));
      await check(file, JSON.stringify(ms));
    }),
    { seed, numRuns: runs },
  );
}

describe('fuzzed input files never crash the CLI', () => {
  it('contracts (cpom verifier --donnees)', async () => {
    await fuzz(readFileSync('fixtures/dgos/cabinet-radiologie-eml.yaml', 'utf8'), (d) => join(d, 'contrat.yaml'), 1012, 20, async (file, what) => {
      const loaded = loadContractFile(file);
      if (!loaded.ok) expectPlaced(loaded.diagnostics, file);
      expectClean(await cpom('verifier', '--donnees', file), what);
    });
  });

  it('avenants (cpom consolider)', async () => {
    await fuzz(readFileSync('fixtures/avenants/dgos-2012/avenant-1.yaml', 'utf8'), (d) => join(d, 'avenant-1.yaml'), 1013, 12, async (file, what) => {
      const loaded = loadAvenantFile(file);
      if (loaded.ok) return; // a valid avenant would render documents: not what is tested here
      expectPlaced(loaded.diagnostics, file);
      expectClean(await cpom('consolider', 'fixtures/avenants/dgos-2012/contrat.yaml', file, '--sortie', join(file, '..', 'sortie')), what);
    });
  });

  it('campaign folders (cpom verifier --campagne)', async () => {
    const shared = (d: string) => {
      copyFileSync('fixtures/campagnes/exemple/contrats/315000000.yaml', join(d, '315000000.yaml'));
      return join(d, 'campagne.yaml');
    };
    await fuzz(readFileSync('fixtures/campagnes/exemple/contrats/campagne.yaml', 'utf8'), shared, 1014, 12, async (file, what) => {
      expectClean(await cpom('verifier', '--campagne', join(file, '..')), what);
    });
  });

  it('model manifests (cpom verifier <dossier>)', async () => {
    const model = (d: string) => {
      cpSync('templates/dgos-2012', d, { recursive: true });
      return join(d, 'modele.yaml');
    };
    await fuzz(readFileSync('templates/dgos-2012/modele.yaml', 'utf8'), model, 1015, 12, async (file, what) => {
      const r = await cpom('verifier', join(file, '..'));
      // The manifest's own comments are English: only the messages are checked here.
      expect([0, 1], `${what}\n${r.err}`).toContain(r.code);
      expect(r.err).not.toMatch(/erreur interne|    at /);
      const messages = r.err.split('\n').filter((l) => /(erreur|avertissement) \[/.test(l));
      for (const l of messages) expect(l.replace(/^.*?\] : /, ''), l).not.toMatch(ENGLISH);
    });
  });
});
