import ExcelJS from 'exceljs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { columnLetter } from '../../src/batch/cells.ts';
import { hashData } from '../../src/batch/hash.ts';
import { layout, listHeaders, sheetNames } from '../../src/batch/layout.ts';
import { validateContract, validateLoaded } from '../../src/batch/validate.ts';
import { readLoadedWorkbook, readWorkbook } from '../../src/batch/workbook-read.ts';
import { filledWorkbook, workbookBytes } from '../../src/batch/workbook-write.ts';
import { runModeleClasseur } from '../../src/cli/commands/campagne.ts';
import { campaign, tmp } from './helpers.ts';

const CHU = new URL('../../fixtures/occitanie/chu.yaml', import.meta.url);

function headerRow(ws: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  ws.getRow(1).eachCell((c) => out.push(String(c.value)));
  return out;
}

/** Column letter of a header in a list sheet, as the blank workbook lays it out. */
function colOf(sheet: string, header: string): string {
  const list = layout().lists.find((l) => l.name === sheet)!;
  const i = listHeaders(list).indexOf(header);
  if (i < 0) throw new Error(`no header ${header} in ${sheet}`);
  return columnLetter(i + 1);
}

describe('classeur de campagne', () => {
  it('modele-classeur writes every sheet with headers derived from the schema', async () => {
    const file = join(tmp('classeur'), 'vide.xlsx');
    const lines: string[] = [];
    expect(await runModeleClasseur([file], (s) => lines.push(s))).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file);
    expect(wb.worksheets.map((w) => w.name)).toEqual(sheetNames());
    const eng = headerRow(wb.getWorksheet('engagements')!);
    expect(eng.slice(0, 4)).toEqual(['finess_ej', 'numero', 'annexe', 'finess']);
    const ind = headerRow(wb.getWorksheet('indicateurs')!);
    expect(ind).toContain('cibles.N+3');
    expect(ind).toContain('reference.valeur');
    expect(ind.slice(0, 2)).toEqual(['finess_ej', 'engagement']);
    expect(headerRow(wb.getWorksheet('titulaires')!)).toContain('representant.nom');
    // The blank workbook reads as an empty campaign, without complaint.
    const input = await readWorkbook(file);
    expect(input.entries).toHaveLength(0);
    expect(input.issues).toEqual([]);
  });

  it('is byte-identical from one run to the next', async () => {
    const dir = tmp('classeur');
    await runModeleClasseur([join(dir, 'a.xlsx')], () => {});
    await runModeleClasseur([join(dir, 'b.xlsx')], () => {});
    expect(readFileSync(join(dir, 'a.xlsx')).equals(readFileSync(join(dir, 'b.xlsx')))).toBe(true);
  });

  it('round-trips a full contract: YAML → workbook → contract gives the same data', async () => {
    const data = parse(readFileSync(CHU, 'utf8')) as Record<string, unknown>;
    const { modele, ars, dates, ...own } = data;
    const file = join(tmp('classeur'), 'chu.xlsx');
    writeFileSync(file, await workbookBytes(filledWorkbook({ modele, ars, dates }, [own])));
    const input = await readWorkbook(file);
    expect(input.issues).toEqual([]);
    expect(input.entries.map((e) => e.id)).toEqual(['340780014']);
    const l = input.entries[0]!.load();
    expect(l.erreurs).toEqual([]);
    const fromSheet = validateContract(l.data, l.locate);
    const fromYaml = validateContract(data, () => undefined);
    if (!fromSheet.ok || !fromYaml.ok) throw new Error('both must validate');
    expect(fromSheet.contract).toEqual(fromYaml.contract);
  });

  it('reads the generated workbook and folder as the same contracts', async () => {
    const c = await campaign(12, 5);
    const { loadCampaign } = await import('../../src/batch/load.ts');
    const digest = async (p: string) => {
      const input = await loadCampaign(p);
      const out = new Map<string, string>();
      for (const e of input.entries) {
        const l = e.load();
        const v = validateContract(l.data, l.locate);
        out.set(e.id, v.ok ? hashData(v.contract) : JSON.stringify(v.errors));
      }
      return out;
    };
    const a = await digest(c.dossier);
    expect(a.size).toBe(12);
    expect(await digest(c.classeur)).toEqual(a);
  });
});

describe('erreurs du classeur', () => {
  async function brokenWorkbook(): Promise<{ wb: ExcelJS.Workbook; ids: string[] }> {
    const c = await campaign(3, 9);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(c.classeur);
    const ids: string[] = [];
    wb.getWorksheet('titulaires')!.eachRow((row, r) => {
      if (r > 1) ids.push(String(row.getCell(2).value));
    });
    return { wb, ids };
  }

  it('names sheet, row and column in A1 style, and fails only the contract of the bad row', async () => {
    const { wb, ids } = await brokenWorkbook();
    const eng = wb.getWorksheet('engagements')!;
    // Row 3 belongs to the first holder: break its numero (not a number) and its annexe (empty).
    const victim = String(eng.getRow(3).getCell(1).value);
    eng.getCell(`${colOf('engagements', 'numero')}3`).value = 'trois';
    const ind = wb.getWorksheet('indicateurs')!;
    const victim2 = String(ind.getRow(2).getCell(1).value);
    ind.getCell(`${colOf('indicateurs', 'reference.annee')}2`).value = 'deux mille dix-huit';
    const input = readLoadedWorkbook(wb);
    const byId = new Map(input.entries.map((e) => [e.id, e.load()]));
    const errs = byId.get(victim)!.erreurs;
    expect(errs.map((e) => e.emplacement)).toContain(`engagements!${colOf('engagements', 'numero')}3`);
    expect(errs.find((e) => e.emplacement === `engagements!${colOf('engagements', 'numero')}3`)!.message).toContain('nombre entier attendu');
    expect(byId.get(victim2)!.erreurs.map((e) => e.emplacement)).toContain(`indicateurs!${colOf('indicateurs', 'reference.annee')}2`);
    const clean = ids.filter((id) => id !== victim && id !== victim2);
    expect(clean.length).toBeGreaterThan(0);
    for (const id of clean) expect(byId.get(id)!.erreurs).toEqual([]);
  });

  it('reports a bad cell and the schema errors of other fields of the same contract together', async () => {
    const { wb } = await brokenWorkbook();
    const eng = wb.getWorksheet('engagements')!;
    const tit = wb.getWorksheet('titulaires')!;
    // One holder: a cell that cannot be read (numero) and a statut the schema refuses.
    const victim = String(eng.getRow(3).getCell(1).value);
    eng.getCell(`${colOf('engagements', 'numero')}3`).value = 'trois';
    let r = 0;
    tit.eachRow((row, n) => {
      if (n > 1 && String(row.getCell(2).value) === victim) r = n;
    });
    expect(r).toBeGreaterThan(1);
    const statut = columnLetter(headerRow(tit).indexOf('statut') + 1);
    tit.getCell(`${statut}${r}`).value = 'publique';
    const e = readLoadedWorkbook(wb).entries.find((x) => x.id === victim)!;
    const v = validateLoaded(e.load());
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const places = v.errors.map((x) => x.emplacement);
    expect(places).toContain(`engagements!${colOf('engagements', 'numero')}3`);
    expect(places).toContain(`titulaires!${statut}${r}`);
    // The unreadable numero is reported once, not again as a missing field.
    expect(places.filter((x) => x === `engagements!${colOf('engagements', 'numero')}3`)).toHaveLength(1);
  });

  it('maps a schema error back to its cell (titulaires!…)', async () => {
    const { wb, ids } = await brokenWorkbook();
    const tit = wb.getWorksheet('titulaires')!;
    const headers = headerRow(tit);
    const col = columnLetter(headers.indexOf('statut') + 1);
    tit.getCell(`${col}3`).value = 'publique';
    const input = readLoadedWorkbook(wb);
    const e = input.entries.find((x) => x.id === ids[1])!;
    const l = e.load();
    const v = validateContract(l.data, l.locate);
    expect(v.ok).toBe(false);
    if (v.ok) return;
    const err = v.errors.find((x) => x.chemin === 'titulaire.statut');
    expect(err?.emplacement).toBe(`titulaires!${col}3`);
    expect(err?.message).toContain('publique');
  });

  it('reports a row whose finess_ej matches no holder as a campaign error naming its cell', async () => {
    const { wb } = await brokenWorkbook();
    const sites = wb.getWorksheet('sites')!;
    const r = sites.rowCount + 1;
    sites.getCell(`A${r}`).value = '340000017';
    sites.getCell(`B${r}`).value = '340000025';
    sites.getCell(`C${r}`).value = 'Site orphelin';
    const input = readLoadedWorkbook(wb);
    const orphan = input.issues.find((i) => i.code === 'CLASSEUR-LIGNE-ORPHELINE');
    expect(orphan?.emplacement).toBe(`sites!A${r}`);
    expect(orphan?.niveau).toBe('erreur');
  });

  it('fails the contract holding a value under an unknown column, not the others', async () => {
    const { wb, ids } = await brokenWorkbook();
    const eng = wb.getWorksheet('engagements')!;
    const col = eng.getRow(1).cellCount + 1;
    eng.getRow(1).getCell(col).value = 'objectif';
    eng.getRow(2).getCell(col).value = 'texte perdu';
    const victim = String(eng.getRow(2).getCell(1).value);
    const input = readLoadedWorkbook(wb);
    expect(input.issues.some((i) => i.code === 'CLASSEUR-COLONNE-INCONNUE' && i.niveau === 'avertissement')).toBe(true);
    for (const e of input.entries) {
      const has = e.load().erreurs.some((x) => x.code === 'CLASSEUR-COLONNE-INCONNUE');
      expect(has).toBe(e.id === victim);
    }
    expect(ids).toContain(victim);
  });
});
