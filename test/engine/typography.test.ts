// French typography resolved once in the IR (issue 13, item 4): the rules the PDF layout used to
// apply alone, now written into the text both writers print.
import { describe, expect, it } from 'vitest';
import { resolve } from '../../src/ir/resolve/index.ts';
import { frenchInlines, frenchSpaces } from '../../src/ir/resolve/typography.ts';
import type { Block, DocumentSet, Inline, TextRun } from '../../src/ir/types.ts';

const show = (s: string) => s.replace(/\u00A0/g, '~').replace(/\u202F/g, '^');
const t = (text: string, extra: Partial<TextRun> = {}): TextRun => ({ type: 'text', text, ...extra });

describe('French no-break spaces', () => {
  it.each([
    ['mot ; suite', 'mot^; suite'],
    ['mot : suite', 'mot~: suite'],
    ['vraiment !', 'vraiment^!'],
    ['quoi ?', 'quoi^?'],
    ['« texte »', '«~texte~»'],
    ['n° 3', 'n°~3'],
    ['N° 12', 'N°~12'],
    ['le 1er janvier 2025', 'le 1er~janvier~2025'],
    ['le 28 juin 2019', 'le 28~juin~2019'],
    ['le 2e alinéa', 'le 2e~alinéa'],
    ['article L. 6114-1', 'article L.~6114-1'],
    ['art. 3', 'art.~3'],
    ['R. 6114-10', 'R.~6114-10'],
    ['l’article 4', 'l’article~4'],
    ['180 000,00 €', '180^000,00~€'],
    ['1 234 567', '1^234^567'],
    ['12 %', '12^%'],
    ['mot suivant', 'mot suivant'],
    ['2019 2020', '2019 2020'],
    ['2019 123', '2019 123'],
    ['L. suivant', 'L. suivant'],
    ['10:30 http://x', '10:30 http://x'],
    ['mot  ;  double', 'mot^;  double'],
  ])('« %s » → « %s »', (input, expected) => {
    expect(show(frenchSpaces(input))).toBe(expected);
  });

  it('applies across runs: a reference, a bold run, a closing guillemet in another run', () => {
    const out = frenchInlines([t('voir l’article '), { type: 'ref', target: 'x', text: '6' }, t(' et '), t('n° ', { bold: true }), t('3 ; « '), t('suivi', { italic: true }), t(' »')]);
    expect(out.map((i) => (i.type === 'text' || i.type === 'ref' ? show(i.text ?? '') : '|'))).toEqual(['voir l’article~', '6', ' et ', 'n°~', '3^; «~', 'suivi', '~»']);
    expect(out[3]).toMatchObject({ bold: true });
  });

  it('stops at a line break', () => {
    const out = frenchInlines([t('fin '), { type: 'break' }, t(': x')]);
    expect((out[0] as TextRun).text).toBe('fin ');
  });
});

describe('ordinals in superscript', () => {
  const runs = (content: Inline[]) => frenchInlines(content).map((i) => (i.type === 'text' ? `${i.superscript ? '^' : ''}${show(i.text)}` : '|'));

  it('raises « er », « re », « e » after a number, in titles and dates', () => {
    expect(runs([t('Article 1er – Objet')])).toEqual(['Article~1', '^er', ' – Objet']);
    expect(runs([t('au 1er janvier 2025, la 2e et la 1re')])).toEqual(['au 1', '^er', '~janvier~2025, la 2', '^e', '~et la 1', '^re']);
  });

  it('keeps the run’s own format and leaves identifiers alone', () => {
    expect(frenchInlines([t('1ers', { bold: true })])).toEqual([t('1', { bold: true }), t('ers', { bold: true, superscript: true })]);
    for (const id of ['2011-RA-1187e', 'A12e', '3e5', 'CPOM-1er', '12es-x', 'v1.2e']) expect(runs([t(id)])).toEqual([id]);
  });

  it('is part of resolve, for template and data text alike', () => {
    const para: Block = { type: 'paragraph', style: 'body', content: [t('Fait le 1er juillet 2019 : '), t('CH « Val-d’Orb »')] };
    const set: DocumentSet = {
      type: 'documentSet',
      meta: { title: 't', subject: 's', author: 'a', date: '2019-01-01', model: 'm@1', lang: 'fr-FR' },
      documents: [{ type: 'document', id: 'socle', name: 'Socle', headerTitle: 'T', orientation: 'portrait', paraphe: [], provenance: 'verbatim', blocks: [para] }],
    };
    const p = resolve(set).set.documents[0]!.blocks[0]!;
    expect(p.type === 'paragraph' && p.content.map((i) => (i.type === 'text' ? show(i.text) : ''))).toEqual(['Fait le 1', 'er', '~juillet~2019~: ', 'CH «~Val-d’Orb~»']);
  });
});
