// Issue 12: each avenant operation is one module of one registry, and every dispatch on an
// operation's type goes through it — so adding an operation touches one place (+ its template).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../../src/amend/operations/index.ts';
import { Operation } from '../../src/model/avenant.ts';

const ROOT = join(import.meta.dirname, '../..');
const walk = (d: string): string[] => readdirSync(d).flatMap((f) => (statSync(join(d, f)).isDirectory() ? walk(join(d, f)) : [join(d, f)]));
const TYPES = Operation.options.map((o) => o.shape.type.value as string);

/** Lines dispatching on an operation type: a switch on `op.type`, or a `case` naming an operation type. */
export function dispatches(text: string, types: readonly string[]): number[] {
  const named = new RegExp(`case\\s+'(${types.join('|')})'`);
  return text.split('\n').flatMap((l, i) => (/switch\s*\(\s*(op|o|operation)\??\.type\s*\)/.test(l) || named.test(l) ? [i + 1] : []));
}

describe('registre des opérations d’avenant', () => {
  it('un module par type d’opération du schéma, ni plus ni moins, chacun avec son schéma', () => {
    expect(Object.keys(OPERATIONS).sort()).toEqual([...TYPES].sort());
    for (const [type, m] of Object.entries(OPERATIONS)) {
      expect(m.type).toBe(type);
      expect(Operation.options).toContain(m.schema);
      expect(typeof m.apply).toBe('function');
      expect(typeof m.touches).toBe('function');
      expect(typeof m.wording).toBe('function');
    }
  });

  it('le détecteur reconnaît un aiguillage sur le type d’opération', () => {
    expect(dispatches("  switch (op.type) {\n    case 'proroger':", ['proroger'])).toEqual([1, 2]);
    expect(dispatches("  switch (b.type) {\n    case 'paragraph':", ['proroger'])).toEqual([]);
  });

  it('aucun aiguillage sur le type d’opération dans src/amend hors du registre', () => {
    const found = walk(join(ROOT, 'src/amend'))
      .filter((p) => p.endsWith('.ts'))
      .flatMap((f) => dispatches(readFileSync(f, 'utf8'), TYPES).map((l) => `${relative(ROOT, f).split('\\').join('/')}:${l}`));
    expect(found).toEqual([]);
  });
});
