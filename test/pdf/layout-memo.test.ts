// The layout's memo tables (src/layout/memo.ts) change how fast, never what: the same bytes with
// them off, cold or warmed by other contracts in any order, and the same warnings.
import { createHash } from 'node:crypto';
import { afterAll, describe, expect, it } from 'vitest';
import { layoutDocumentSet, sharedFontBook } from '../../src/layout/index.ts';
import { layoutMemo, Memo, resetLayoutMemo } from '../../src/layout/memo.ts';
import { linesOf } from '../../src/layout/blocks.ts';
import { pageGeometry, PARAGRAPH_STYLES } from '../../src/layout/styles.ts';
import { writePdf } from '../../src/writers/pdf/index.ts';
import { buildFixture } from '../helpers/contracts.ts';
import { b, doc, p, set, t } from './builders.ts';

const fonts = sharedFontBook();
const sha = (x: Uint8Array): string => createHash('sha256').update(x).digest('hex');
const FIXTURES = ['fixtures/occitanie/chu.yaml', 'fixtures/dgos/chu-public.yaml', 'fixtures/idf/espic-idf-2019.yaml'];

afterAll(() => resetLayoutMemo(fonts, true));

function deepFreeze(x: unknown): void {
  if (x === null || typeof x !== 'object' || Object.isFrozen(x)) return;
  Object.freeze(x);
  for (const v of Object.values(x)) deepFreeze(v);
}

describe('layout memo tables', () => {
  const sets = FIXTURES.map((f) => buildFixture(f).set);

  it('give the bytes of an unmemoised layout, cold or warmed by other contracts in either order', async () => {
    resetLayoutMemo(fonts, false);
    const plain = await Promise.all(sets.map(async (s) => sha(await writePdf(s))));
    resetLayoutMemo(fonts, true);
    const forward: string[] = [];
    for (const s of sets) forward.push(sha(await writePdf(s)));
    resetLayoutMemo(fonts, true);
    const backward: string[] = [];
    for (const s of [...sets].reverse()) backward.unshift(sha(await writePdf(s)));
    const again = await Promise.all(sets.map(async (s) => sha(await writePdf(s))));
    expect(forward).toEqual(plain);
    expect(backward).toEqual(plain);
    expect(again).toEqual(plain);
    expect(layoutMemo(fonts)!.lines.size).toBeGreaterThan(0);
  });

  it('hand out values nobody mutates (frozen, a second layout still gives the same bytes)', async () => {
    resetLayoutMemo(fonts, true);
    const before = sha(await writePdf(sets[0]!));
    const memo = layoutMemo(fonts)!;
    for (const v of memo.lines.values()) deepFreeze(v);
    for (const v of memo.minWidth.values()) deepFreeze(v);
    expect(sha(await writePdf(sets[0]!))).toBe(before);
  });

  it('report a character no face can draw in every document that shows it, memo hit or not', () => {
    resetLayoutMemo(fonts, true);
    const para = p('Le caractère 漢 introuvable dans les polices');
    const r = layoutDocumentSet(set([doc('a', 'Premier', [para]), doc('b', 'Second', [para])]), fonts);
    const absent = r.warnings.filter((w) => w.code === 'PDF-GLYPHE-ABSENT').map((w) => w.message);
    expect(absent).toHaveLength(2);
    expect(absent[1]).toContain('Second');
  });

  it('tell apart what changes the lines: the face of a run, the measure, the offset, a forced break', () => {
    resetLayoutMemo(fonts, true);
    const ctx = { fonts, geo: pageGeometry(doc('a', 'A', [])), missing: new Set<string>() };
    const style = PARAGRAPH_STYLES.body;
    const text = 'Le directeur général de l’agence régionale de santé arrête le contrat pluriannuel';
    const faces = (content: Parameters<typeof linesOf>[0], width = 200, x = 0) =>
      linesOf(content, style, width, ctx, x).map((l) => l.frames.map((f) => `${f.face}@${f.x.toFixed(2)}:${f.text}`).join(' '));
    const plain = faces([t(text)]);
    expect(faces([b(text)])).not.toEqual(plain);
    expect(faces([t(text)], 150)).not.toEqual(plain);
    expect(faces([t(text)], 200, 10)).not.toEqual(plain);
    expect(faces([t('Le directeur'), { type: 'break' }, t(' général de l’agence régionale de santé arrête le contrat pluriannuel')])).not.toEqual(plain);
    expect(faces([t(text)])).toEqual(plain);
  });

  it('keep at most two generations, and a recurring entry survives one-off ones', () => {
    const m = new Memo<number>(2);
    m.set('boilerplate', 1);
    m.set('a', 2);
    for (let k = 0; k < 10; k++) {
      expect(m.get('boilerplate')).toBe(1);
      m.set(`one-off-${k}`, k);
      expect(m.size).toBeLessThanOrEqual(4);
    }
    expect(m.get('one-off-0')).toBeUndefined();
  });
});
