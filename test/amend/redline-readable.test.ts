// Readable redlines (issue 11, item 14): a row that disappears or appears is shown as a whole
// deleted or inserted row, never interleaved word by word with an unrelated row; and every
// change of a comparison spanning several avenants is dated by the avenant that made it.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allVersions } from '../../src/amend/versions.ts';
import { build, intents } from './gen.ts';
import { buildRedlineSet } from '../../src/amend/document/redline.ts';
import { acceptAll, rejectAll } from '../../src/amend/redline/accept.ts';
import { setText } from '../../src/amend/redline/text.ts';
import { buildConsolidatedSet } from '../../src/amend/document/consolidated.ts';
import { inlineText, type DocumentSet, type Inline, type TableRow } from '../../src/ir/types.ts';
import { writeDocx } from '../../src/index.ts';
import { docxParts, part } from '../docx/parts.ts';
import { contractOf, MODELS, modelOf, versionsOf } from './helpers.ts';

const must = <T>(r: { ok: true; value: T } | { ok: false; diagnostics: readonly { message: string }[] }): T => {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
};

const rowsOf = (s: DocumentSet): TableRow[] => s.documents.flatMap((d) => d.blocks.flatMap((b) => (b.type === 'table' ? [...b.headerRows, ...b.bodyRows] : [])));
const runsOf = (r: TableRow): Inline[] => r.cells.flatMap((c) => c.content.flatMap((p) => p.content));
const kinds = (r: TableRow) => new Set(runsOf(r).flatMap((i) => (i.type === 'text' && i.revision && i.text.trim() ? [i.revision.kind] : [])));
const rowText = (r: TableRow) => r.cells.map((c) => c.content.map((p) => inlineText(p.content)).join(' ')).join(' | ');
/** Rows with a word of `w` in any run, whatever its mark (an interleaved row splits phrases). */
const rowsWith = (s: DocumentSet, w: string) => rowsOf(s).filter((r) => runsOf(r).some((i) => i.type === 'text' && i.text.includes(w)));

/** Every revision date of a set, in order of first appearance. */
function dates(s: DocumentSet): string[] {
  return [...new Set([...JSON.stringify(s).matchAll(/"revision":\{"kind":"(?:insertion|suppression)","author":"[^"]+","date":"([^"]+)"/g)].map((m) => m[1]!))];
}

describe('lignes supprimées ou ajoutées entières', () => {
  const model = modelOf('idf-2021');
  const v = versionsOf('idf-2021');
  // Avenant n° 1 deletes engagement n° 8 and adds engagement n° 9 in the same annex.
  const red = must(buildRedlineSet(model, v, 0, 1));

  it('ne mêle jamais mot à mot une ligne supprimée et une ligne ajoutée', () => {
    const gone = rowsWith(red, 'protocoles');
    const added = rowsWith(red, 'télé-expertises');
    expect(gone.length).toBeGreaterThan(0);
    expect(added.length).toBeGreaterThan(0);
    for (const r of gone) expect([...kinds(r)], rowText(r)).toEqual(['suppression']);
    for (const r of added) expect([...kinds(r)], rowText(r)).toEqual(['insertion']);
  });

  it('écrit la suppression sur la ligne du DOCX (w:trPr/w:del), pas seulement sur ses mots', () => {
    const xml = part(docxParts(writeDocx(red)), 'word/document.xml');
    const rows = xml.match(/<w:tr>.*?<\/w:tr>/g) ?? [];
    const gone = rows.filter((r) => r.includes('protocoles'));
    expect(gone.length).toBeGreaterThan(0);
    for (const r of gone) expect(r).toMatch(/^<w:tr><w:trPr>(?:(?!<\/w:trPr>).)*<w:del w:id="\d+" w:author="[^"]+" w:date="2022-06-20T00:00:00Z"\/>/);
    const added = rows.filter((r) => r.includes('télé-expertises'));
    for (const r of added) expect(r).toMatch(/^<w:tr><w:trPr>(?:(?!<\/w:trPr>).)*<w:ins /);
  });

  it.each(MODELS)('garde des lignes modifiées comparées mot à mot (%s)', (m) => {
    // A changed target stays one row with its old and new value, not a deleted and a new row.
    const r = must(buildRedlineSet(modelOf(m), versionsOf(m), 0, 3));
    expect(rowsOf(r).some((row) => kinds(row).size === 2)).toBe(true);
  });
});

describe('date de chaque modification', () => {
  it.each(MODELS)('date chaque modification de l’avenant qui l’a faite (%s, versions 0 à 3)', (m) => {
    const model = modelOf(m);
    const v = versionsOf(m);
    const red = must(buildRedlineSet(model, v, 0, 3));
    const signed = v.avenants.map((a) => a.avenant.date);
    expect(dates(red).sort()).toEqual([...signed].sort());
    // Still the two versions once every change is accepted or rejected.
    expect(setText(acceptAll(red))).toBe(setText(must(buildConsolidatedSet(model, v, 3))));
    expect(setText(rejectAll(red))).toBe(setText(must(buildConsolidatedSet(model, v, 0))));
    // The DOCX carries them too.
    const xml = part(docxParts(writeDocx(red)), 'word/document.xml');
    const docxDates = new Set([...xml.matchAll(/<w:(?:ins|del) [^>]*w:date="(\d{4}-\d{2}-\d{2})T/g)].map((x) => x[1]));
    expect([...docxDates].sort()).toEqual([...signed].sort());
  });

  it('date la suppression de l’engagement n° 8 de l’avenant n° 1, même comparée jusqu’à la version 3', () => {
    const v = versionsOf('idf-2021');
    const red = must(buildRedlineSet(modelOf('idf-2021'), v, 0, 3));
    const gone = rowsWith(red, 'protocoles');
    expect(gone.length).toBeGreaterThan(0);
    for (const r of gone) for (const i of runsOf(r)) if (i.type === 'text' && i.revision) expect(i.revision.date).toBe(v.avenants[0]!.avenant.date);
  });

  it('date d’un seul avenant une comparaison de deux versions successives', () => {
    const v = versionsOf('dgos-2012');
    expect(dates(must(buildRedlineSet(modelOf('dgos-2012'), v, 1, 2)))).toEqual([v.avenants[1]!.avenant.date]);
  });
});

describe('propriétés des comparaisons datées', () => {
  it('dates de la plage i+1..j, et tout accepter / tout refuser inchangés, pour des séquences tirées au hasard', () => {
    let spanning = 0;
    fc.assert(
      fc.property(fc.constantFrom(...MODELS), intents, fc.nat(), (m, groups, x) => {
        const base = contractOf(m);
        const v = allVersions(base, build(base, groups).avenants);
        if (!v.ok) return;
        const n = v.value.versions.length - 1;
        if (n < 2) return;
        const i = x % (n - 1);
        const mod = modelOf(m);
        const red = buildRedlineSet(mod, v.value, i, n);
        const older = buildConsolidatedSet(mod, v.value, i);
        const newer = buildConsolidatedSet(mod, v.value, n);
        if (!red.ok || !older.ok || !newer.ok) return;
        expect(setText(acceptAll(red.value))).toBe(setText(newer.value));
        expect(setText(rejectAll(red.value))).toBe(setText(older.value));
        const made = v.value.avenants.slice(i, n).map((a) => a.avenant.date);
        for (const d of dates(red.value)) expect(made).toContain(d);
        spanning++;
      }),
      { numRuns: 10 },
    );
    expect(spanning).toBeGreaterThan(2);
  });
});
