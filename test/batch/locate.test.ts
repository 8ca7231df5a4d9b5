// From a data path back to the workbook cell the user typed: the holder's own cell wins over
// the shared « campagne » sheet, which wins over the bare row.
import { describe, expect, it } from 'vitest';
import { WorkbookLocator } from '../../src/batch/locate.ts';

describe('WorkbookLocator', () => {
  const shared = new Map([
    ['dates.effet', 'campagne!B15'],
    ['ars.nom', 'campagne!B3'],
  ]);
  const columns = new Map([
    ['dates.effet', 19],
    ['titulaire.raison_sociale', 3],
  ]);

  it('points to the shared sheet for a value the holder left to the campaign', () => {
    const l = new WorkbookLocator(shared);
    l.addRow('', 'titulaires', 2, columns);
    expect(l.locate('dates.effet')).toBe('campagne!B15');
    expect(l.locate('ars.nom')).toBe('campagne!B3');
  });

  it('points to the holder’s own cell when it overrides the shared value', () => {
    const l = new WorkbookLocator(shared);
    l.addRow('', 'titulaires', 2, columns);
    l.setCell('dates.effet', 'titulaires!S2');
    expect(l.locate('dates.effet')).toBe('titulaires!S2');
  });

  it('finds the holder’s other cells, filled or empty, from their row and column', () => {
    const l = new WorkbookLocator(shared);
    l.addRow('', 'titulaires', 2, columns);
    l.addRow('engagements[0]', 'engagements', 7, new Map([['objectif_operationnel', 4]]));
    l.setCell('titulaire.raison_sociale', 'titulaires!C2');
    expect(l.locate('titulaire.raison_sociale')).toBe('titulaires!C2');
    expect(l.locate('engagements[0].objectif_operationnel')).toBe('engagements!D7');
    expect(l.locate('engagements[0].actions')).toBe('engagements!7:7');
  });
});
