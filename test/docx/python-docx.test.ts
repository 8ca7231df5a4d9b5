// The DOCX read back by an independent client (python-docx).

import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { headingText, inlineText, type Heading } from '../../src/ir/types.ts';
import { writeDocx } from '../../src/writers/docx/index.ts';
import { docxText, hasPythonDocx, itWith, type DocxParagraph, type DocxTable, type DocxText } from '../helpers/libreoffice.ts';
import { doc, docSet, h, kitchenSink, NASTY_CLEAN, p } from './fixtures.ts';

const itPy = itWith(['python-docx']);
const sink = kitchenSink();
const set = docSet([sink, doc('annexe-01', [h(1, 'Annexe 1'), p('Texte')], { orientation: 'landscape', paraphe: ['titulaire', 'ars'], name: 'Annexe 1 — Orientations' })]);

let dir = '';
let read: DocxText;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'docx-py-'));
  const file = join(dir, 'contrat.docx');
  writeFileSync(file, writeDocx(set));
  if (hasPythonDocx()) read = docxText(file);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const paragraphs = (): DocxParagraph[] => read.body.filter((b): b is DocxParagraph => b.kind === 'p');
const tables = (): DocxTable[] => read.body.filter((b): b is DocxTable => b.kind === 'table');

describe('python-docx reading the DOCX', () => {
  itPy('keeps escaped text intact and control characters out', () => {
    const texts = paragraphs().map((x) => x.text);
    expect(texts).toContain(`${NASTY_CLEAN} gras italique`);
    expect(texts).toContain('Voir l’article 1, page 1\nsuite');
  });

  itPy('reads headings with built-in heading styles and the IR heading text', () => {
    const headings = sink.blocks.filter((b): b is Heading => b.type === 'heading');
    const read1 = paragraphs().filter((x) => x.style.startsWith('Heading'));
    expect(read1.map((x) => [x.style, x.text])).toEqual(
      [...headings.map((hd) => [`Heading ${hd.level}`, headingText(hd)]), ['Heading 1', 'Annexe 1']],
    );
  });

  itPy('maps IR paragraph styles to named styles', () => {
    const style = (text: string) => paragraphs().find((x) => x.text === text)?.style;
    expect(style('CPOM 2019-2023')).toBe('Titre');
    expect(style('ENTRE :')).toBe('Sous-titre');
    expect(style('Vu le code de la santé publique ;')).toBe('Visa');
    expect(style('à titre purement indicatif')).toBe('Note');
    expect(style('Texte centré')).toBe('Centré');
    expect(style('1.\tpremier')).toBe('Liste');
    expect(style('•\tpuce')).toBe('Liste');
  });

  itPy('reads the tracked insertion but not the deletion as current text', () => {
    expect(paragraphs().map((x) => x.text)).toContain('ajouté');
  });

  itPy('reads tables with merged cells on a full grid', () => {
    const [grid, form, sig] = tables();
    expect(grid?.rows).toEqual([
      ['Indicateur', '2019', '2020'],
      ['Fusion verticale', '1', '2'],
      ['Fusion verticale', 'Fusion horizontale', 'Fusion horizontale'],
      ['a', 'b', ''],
    ]);
    expect(form?.rows).toEqual([['libellé', 'valeur']]);
    const sigText = sig?.rows.flat().join('\n') ?? '';
    for (const token of ['SIGA1', 'SIGA2', 'SIGA3', 'SIGA4', 'SIGB1', 'SIGB2', 'SIGB3']) expect(sigText).toContain(token);
  });

  itPy('reads one section per document with its orientation, header and footer', () => {
    expect(read.sections).toHaveLength(2);
    const [s1, s2] = read.sections;
    expect(s1?.orientation).toBe('portrait');
    expect(s1?.pageWidthTwips).toBe(11906);
    expect(s2?.orientation).toBe('landscape');
    expect(s2?.pageWidthTwips).toBe(16838);
    expect(s1?.header).toEqual([`${sink.headerTitle}\t${sink.name}`]);
    expect(s2?.header).toEqual(['CPOM 2019-2023 — modèle-type DGOS\tAnnexe 1 — Orientations']);
    // Field results are placeholders until a client lays the pages out.
    expect(s1?.footer).toEqual(['Page\u00A01\u00A0/\u00A01']);
    // docxText lists a container's paragraphs first, then its table cells.
    expect(s2?.footer).toEqual(['Page\u00A01\u00A0/\u00A01', 'Paraphe — titulaire', 'Paraphe — ARS']);
  });

  itPy('reads core properties from the set metadata', () => {
    expect(read.core).toEqual({
      title: set.meta.title,
      subject: set.meta.subject,
      author: set.meta.author,
      created: '2019-06-28T00:00:00',
      language: 'fr-FR',
    });
  });

  itPy('has the IR text of every plain body paragraph, in order', () => {
    // Plain = text runs only: fields print a placeholder, deletions are not current text.
    const plain = sink.blocks.flatMap((b) =>
      b.type === 'paragraph' && b.content.every((i) => i.type === 'text' && !i.revision && !/[\u0000-\u001F]/.test(i.text))
        ? [inlineText(b.content)]
        : [],
    );
    expect(plain.length).toBeGreaterThanOrEqual(5);
    const texts = paragraphs().map((x) => x.text);
    let at = 0;
    for (const want of plain) {
      const found = texts.indexOf(want, at);
      expect(found, want).toBeGreaterThanOrEqual(at);
      at = found;
    }
  });
});
