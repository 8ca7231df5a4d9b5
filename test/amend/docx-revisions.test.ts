// Tracked changes in the DOCX writer beyond single runs: a paragraph or a table row made only
// of inserted (deleted) text carries the change on its paragraph mark (row), so accepting or
// rejecting in Word or LibreOffice removes the paragraph or row itself, not just its words.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Revision } from '../../src/ir/types.ts';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { cell, doc, docSet, p, row, t, table } from '../docx/fixtures.ts';
import { docxParts, part, xmlErrors } from '../docx/parts.ts';
import { itWith, SYSTEM_PYTHON } from '../helpers/libreoffice.ts';

const ins: Revision = { kind: 'insertion', author: 'Agence Régionale de Santé Occitanie', date: '2022-01-17' };
const del: Revision = { ...ins, kind: 'suppression' };

const set = docSet([
  doc('socle', [
    p('Paragraphe conservé.'),
    p([t('Paragraphe supprimé.', { revision: del })]),
    p([t('Paragraphe ajouté.', { revision: ins })]),
    p([t('Valeur '), t('60 %', { revision: del }), t('62 %', { revision: ins }), t('.')]),
    { type: 'list', ordered: false, items: [{ content: [t('Point gardé')] }, { content: [t('Point retiré', { revision: del })] }] },
    table(
      [1, 1],
      [row(cell('Colonne A', { shade: true }), cell('Colonne B', { shade: true }))],
      [
        row('a1', 'b1'),
        { cells: [{ content: [p([t('a2', { revision: del })], 'cell')] }, { content: [p([t('b2', { revision: del })], 'cell')] }] },
        { cells: [{ content: [p([t('a3', { revision: ins })], 'cell')] }, { content: [p([t('b3', { revision: ins })], 'cell')] }] },
      ],
    ),
  ]),
]);

describe('modifications suivies de paragraphes et de lignes entières', () => {
  const parts = docxParts(writeDocx(set));
  const xml = part(parts, 'word/document.xml');

  it('marque la fin de paragraphe des paragraphes entièrement supprimés ou ajoutés', () => {
    expect(xmlErrors(parts)['word/document.xml']).toBeNull();
    const pPrMarks = xml.match(/<w:pPr>(?:(?!<\/w:pPr>).)*<w:rPr><w:(ins|del) [^>]*\/><\/w:rPr>(?:(?!<\/w:pPr>).)*<\/w:pPr>/g) ?? [];
    // Deleted paragraph, inserted paragraph, deleted list item, and the 4 cell paragraphs.
    expect(pPrMarks.map((m) => /<w:rPr><w:(ins|del)/.exec(m)![1])).toEqual(['del', 'ins', 'del', 'del', 'del', 'ins', 'ins']);
    // A paragraph with both kinds keeps an untracked mark.
    expect(xml).toMatch(/<w:p>(?:(?!<w:rPr><w:(?:ins|del)).)*?<w:delText xml:space="preserve">60 %<\/w:delText>/);
  });

  it('marque les lignes de tableau entièrement supprimées ou ajoutées', () => {
    const rows = xml.match(/<w:trPr>.*?<\/w:trPr>/g) ?? [];
    expect(rows.filter((r) => r.includes('<w:del ')).length).toBe(1);
    expect(rows.filter((r) => r.includes('<w:ins ')).length).toBe(1);
    expect(rows.some((r) => r.includes('<w:tblHeader/>') && !r.includes('<w:ins') && !r.includes('<w:del'))).toBe(true);
  });

  it('utilise des identifiants de modification uniques', () => {
    const ids = [...xml.matchAll(/<w:(?:ins|del) w:id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
  });

  itWith(['python-docx'])('se lit avec python-docx : accepter retire les suppressions, refuser les ajouts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cpom-rev-'));
    try {
      const f = join(dir, 'r.docx');
      writeFileSync(f, writeDocx(set));
      const r = JSON.parse(execFileSync(SYSTEM_PYTHON, [join(import.meta.dirname, 'tools', 'docx_revisions.py'), f], { encoding: 'utf8' }));
      expect(r.accept).toEqual(['Paragraphe conservé.', 'Paragraphe ajouté.', 'Valeur 62 %.', '– Point gardé', 'Colonne A', 'Colonne B', 'a1', 'b1', 'a3', 'b3']);
      expect(r.reject).toEqual(['Paragraphe conservé.', 'Paragraphe supprimé.', 'Valeur 60 %.', '– Point gardé', '– Point retiré', 'Colonne A', 'Colonne B', 'a1', 'b1', 'a2', 'b2']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
