// The engine identity --reprendre compares: it must change with the code, not with the rest.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { engineFingerprint, engineVersion } from '../../src/batch/engine-id.ts';

function fakeEngine(): string {
  const root = mkdtempSync(join(tmpdir(), 'cpom-moteur-'));
  mkdirSync(join(root, 'src', 'writers'), { recursive: true });
  mkdirSync(join(root, 'templates', '_base-docx', 'word'), { recursive: true });
  writeFileSync(join(root, 'package.json'), JSON.stringify({ name: 'cpom-engine', version: '1.2.3' }));
  writeFileSync(join(root, 'package-lock.json'), '{"lockfileVersion":3}');
  writeFileSync(join(root, 'src', 'writers', 'pdf.ts'), 'export const a = 1;');
  writeFileSync(join(root, 'templates', '_base-docx', 'word', 'styles.xml'), '<w:styles/>');
  writeFileSync(join(root, 'README.md'), 'manuel');
  return root;
}

describe('identité du moteur', () => {
  it('names the package and version, with a fingerprint of what shapes the output', () => {
    expect(engineFingerprint(fakeEngine())).toMatch(/^cpom-engine@1\.2\.3\+[0-9a-f]{12}$/);
    expect(engineVersion()).toMatch(/^cpom-engine@\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
  });

  it('changes with the engine code, the base DOCX or the dependencies, not with the rest', () => {
    const root = fakeEngine();
    const before = engineFingerprint(root);
    writeFileSync(join(root, 'README.md'), 'manuel modifié');
    expect(engineFingerprint(root)).toBe(before);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    writeFileSync(join(root, 'package.json'), JSON.stringify({ ...pkg, scripts: { bench: 'tsx bench.ts' }, devDependencies: { vitest: '4' } }));
    expect(engineFingerprint(root), 'scripts et devDependencies').toBe(before);
    writeFileSync(join(root, 'package.json'), JSON.stringify({ ...pkg, dependencies: { 'pdf-lib': '1.17.1' } }));
    expect(engineFingerprint(root), 'dependencies').not.toBe(before);
    for (const [file, text] of [
      ['src/writers/pdf.ts', 'export const a = 2;'],
      ['templates/_base-docx/word/styles.xml', '<w:styles></w:styles>'],
      ['package-lock.json', '{"lockfileVersion":3,"x":1}'],
    ] as const) {
      const r = fakeEngine();
      const base = engineFingerprint(r);
      writeFileSync(join(r, file), text);
      expect(engineFingerprint(r), file).not.toBe(base);
    }
  });
});
