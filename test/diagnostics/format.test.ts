import { describe, expect, it } from 'vitest';
import { codeFrame } from '../../src/diagnostics/format.ts';

describe('code frames', () => {
  it('keep the caret line as short as the cut source line, however long the value', () => {
    const value = 'x'.repeat(2_000_000);
    const source = `titulaire:\n  raison_sociale: ${value}\n`;
    const start = source.indexOf('x');
    const span = {
      file: 'c.yaml',
      start: { line: 2, column: 19, offset: start },
      end: { line: 2, column: 19 + value.length, offset: start + value.length },
    };
    const frame = codeFrame(source, span);
    expect(frame.length).toBeLessThan(1_000);
    const [shown, carets] = frame.split('\n').slice(-2) as [string, string];
    expect(carets).toMatch(/\^+$/);
    expect(carets.length).toBeLessThanOrEqual(shown.length + 1);
  });

  it('still underlines the whole span on an ordinary line', () => {
    const source = 'a: 1\nstatut: publique\n';
    const frame = codeFrame(source, { file: 'c.yaml', start: { line: 2, column: 9, offset: 13 }, end: { line: 2, column: 17, offset: 21 } });
    expect(frame.split('\n').at(-1)).toMatch(/\| {9}\^{8}$/);
  });
});
