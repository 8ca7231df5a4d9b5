import { describe, expect, it } from 'vitest';
import { fitMinContent } from '../../src/layout/table.ts';

describe('table column widths: min-content', () => {
  it('widens a column too narrow for its widest word, taking room from columns with slack', () => {
    const w = fitMinContent([10, 90], [20, 30]);
    expect(w[0]).toBeCloseTo(20);
    expect(w[1]).toBeCloseTo(80);
  });

  it('keeps the template widths when every word already fits', () => {
    expect(fitMinContent([40, 60], [10, 10])).toEqual([40, 60]);
  });

  it('when not every word can fit, gives short words their room and caps the widest columns', () => {
    const w = fitMinContent([25, 25, 25, 25], [10, 10, 60, 60]);
    expect(w.reduce((a, b) => a + b, 0)).toBeCloseTo(100);
    expect(w[0]).toBeGreaterThanOrEqual(10);
    expect(w[1]).toBeGreaterThanOrEqual(10);
    expect(w[2]).toBeCloseTo(40);
  });
});
