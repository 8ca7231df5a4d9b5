import { describe, expect, it } from 'vitest';
import { bookmarkNames } from '../../src/writers/docx/context.ts';
import { textContent } from '../../src/writers/docx/inline.ts';
import { distribute } from '../../src/writers/docx/page.ts';
import { escapeXml, stripInvalidXmlChars } from '../../src/writers/docx/xml.ts';

describe('escapeXml', () => {
  it('escapes markup characters, including the CDATA terminator', () => {
    expect(escapeXml(`a & b < c > d " e ' ]]> <w:p>`)).toBe(
      'a &amp; b &lt; c &gt; d &quot; e &apos; ]]&gt; &lt;w:p&gt;',
    );
  });

  it('keeps French punctuation, no-break spaces and astral characters', () => {
    const s = '« Article 1 » — 12\u202F345\u00A0€ 😀';
    expect(escapeXml(s)).toBe(s);
  });

  it('drops characters XML 1.0 cannot hold, keeps tab and newline', () => {
    expect(stripInvalidXmlChars('a\u0000b\u0001c\u0008d\u000Be\u000Cf\u001Fg\u007Fh\u0085i\tj\nk\uFFFEl\uFFFF')).toBe(
      'abcdefghi\tj\nkl',
    );
  });

  it('drops lone surrogates but keeps surrogate pairs', () => {
    expect(stripInvalidXmlChars('x\uD83Dy\uDE00z😀')).toBe('xyz😀');
  });
});

describe('textContent', () => {
  it('turns tabs and newlines into w:tab / w:br and escapes the rest', () => {
    expect(textContent('a<b\tc\r\nd')).toBe(
      '<w:t xml:space="preserve">a&lt;b</w:t><w:tab/><w:t xml:space="preserve">c</w:t><w:br/><w:t xml:space="preserve">d</w:t>',
    );
  });

  it('writes deleted text as w:delText', () => {
    expect(textContent('x', true)).toBe('<w:delText xml:space="preserve">x</w:delText>');
  });

  it('produces nothing for text made only of control characters', () => {
    expect(textContent('\u0001\u0002')).toBe('');
  });
});

describe('bookmarkNames', () => {
  it('sanitises anchors into unique Word bookmark names of at most 40 characters', () => {
    const long = 'x'.repeat(60);
    const names = bookmarkNames(['art-4.1', 'art_4_1', 'Art-4-1', long, `${long}y`, 'art-4.1']);
    expect([...names.entries()]).toEqual([
      ['art-4.1', 'ref_art_4_1'],
      ['art_4_1', 'ref_art_4_1_2'],
      ['Art-4-1', 'ref_Art_4_1_3'],
      [long, `ref_${'x'.repeat(36)}`],
      [`${long}y`, `ref_${'x'.repeat(34)}_2`],
    ]);
    for (const n of names.values()) expect(n).toMatch(/^[A-Za-z][A-Za-z0-9_]{0,39}$/);
  });
});

describe('distribute', () => {
  it('scales relative widths to whole twips summing exactly to the total', () => {
    expect(distribute([1, 1, 1], 9638)).toEqual([3213, 3213, 3212]);
    expect(distribute([2, 5, 1], 1000)).toEqual([250, 625, 125]);
    const w = distribute([3, 7, 11, 13], 14570);
    expect(w.reduce((a, b) => a + b, 0)).toBe(14570);
  });

  it('rejects empty, zero or negative widths (a pipeline bug)', () => {
    expect(() => distribute([], 100)).toThrow();
    expect(() => distribute([0, 0], 100)).toThrow();
    expect(() => distribute([1, -1], 100)).toThrow();
  });
});
