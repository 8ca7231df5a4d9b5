// The consolidated history stays true (issue 11, item 8): what was recorded about the parts of
// an engagement goes when the engagement is removed, and an engagement that takes a removed
// engagement's number is another element, with its own history, and the reuse is warned.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyAvenants } from '../../src/amend/apply.ts';
import { consolidationBlocks } from '../../src/amend/document/consolidated.ts';
import { ConsolidationWording } from '../../src/amend/document/labels.ts';
import { markContract } from '../../src/amend/document/marks.ts';
import { loadAvenantFile } from '../../src/amend/load.ts';
import { blockText } from '../../src/amend/redline/text.ts';
import type { AmendedContract, SourcedAvenant } from '../../src/amend/types.ts';
import type { Table } from '../../src/ir/types.ts';
import { runConsolider } from '../../src/cli/commands/avenant.ts';
import { docxText, itWith, type DocxTable } from '../helpers/libreoffice.ts';
import { contractOf, FIXTURES, modelOf, rulesOf } from './helpers.ts';

const dir = mkdtempSync(join(tmpdir(), 'cpom-avenant-historique-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const head = (n: number, date: string) => `numero: ${n}
reference: CPOM-IDF-2021-0042
date: ${date}
effet: ${date}
objet: Avenant ${n}
operations:
`;
const INDICATEUR = 'Nombre de consultations avancées par an';
const FILES: Record<string, string> = {
  'av-1.yaml': `${head(1, '2022-07-01')}  - type: modifier_cible
    engagement: 7
    indicateur: ${INDICATEUR}
    annee: N+3
    valeur: 650
`,
  'av-2.yaml': `${head(2, '2023-01-01')}  - type: supprimer_engagement
    numero: 7
`,
  'av-3.yaml': `${head(3, '2023-07-01')}  - type: modifier_dotation
    nature: MIG
    libelle: Équipe mobile de gériatrie
    modifications: { montant: 1 }
  - type: ajouter_engagement
    engagement:
      numero: 7
      annexe: positionnement_territorial
      finess: "750000028"
      objectif_operationnel: Ouvrir une consultation avancée de pneumologie
      indicateurs:
        - libelle: ${INDICATEUR}
          cibles: { N+3: 100, N+4: 200 }
`,
};

function loadAll(names: string[]): SourcedAvenant[] {
  return names.map((name) => {
    const f = join(dir, name);
    writeFileSync(f, FILES[name]!);
    const r = loadAvenantFile(f);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    return r.value;
  });
}

const wording = (a: AmendedContract) => new ConsolidationWording(modelOf('idf-2021'), a.contract);
const changesTable = (a: AmendedContract) => consolidationBlocks(modelOf('idf-2021'), a, wording(a)).filter((b): b is Table => b.type === 'table')[1]!;
const flat = (s: string) => s.replace(/[\s\u00a0\u202f]+/gu, ' ').trim();
const changedRows = (t: Table) => t.bodyRows.map((r) => r.cells.map((c) => flat(c.content.map(blockText).join(' '))));

describe('historique consolidé', () => {
  const base = contractOf('idf-2021');
  const opts = { verifier: rulesOf('idf-2021') };

  it('les éléments d’un engagement supprimé quittent « Éléments modifiés »', () => {
    const r = applyAvenants(base, loadAll(['av-1.yaml', 'av-2.yaml']), opts);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    const rows = changedRows(changesTable(r.value));
    expect(rows).toContainEqual(['L’engagement n° 7', 'n° 2', 'suppression']);
    expect(rows.filter((row) => row[0]!.includes('engagement n° 7'))).toHaveLength(1);
  });

  it('un engagement qui reprend le numéro d’un engagement supprimé n’hérite pas de son historique, et la reprise est signalée', () => {
    const r = applyAvenants(base, loadAll(['av-1.yaml', 'av-2.yaml', 'av-3.yaml']), opts);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    const reuse = r.warnings.filter((w) => w.code === 'AVENANT-NUMERO-REUTILISE');
    expect(reuse).toHaveLength(1);
    expect(reuse[0]!.severity).toBe('avertissement');
    expect(reuse[0]!.message).toContain('av-3.yaml');
    expect(reuse[0]!.message).toContain('opération 2 « ajouter_engagement »');
    expect(reuse[0]!.message).toContain('n° 7');
    expect(reuse[0]!.message).toContain('avenant n° 2');
    expect(reuse[0]!.dataPath).toBe('operations[1].engagement.numero');

    const rows = changedRows(changesTable(r.value));
    const about7 = rows.filter((row) => row[0]!.includes('engagement n° 7'));
    // Two elements: the removed one (avenant 2) and the new one (avenant 3); no target of the
    // old one attached to the new one.
    expect(about7).toEqual([
      ['L’engagement n° 7 (précédent élément de ce numéro)', 'n° 2', 'suppression'],
      ['L’engagement n° 7', 'n° 3', 'ajout'],
    ]);
    const e7 = markContract(r.value, wording(r.value)).engagements.find((e) => e.numero === 7)!;
    expect(e7.objectif_operationnel).toContain('[ajouté par l’avenant n° 3]');
    expect(JSON.stringify(e7.indicateurs)).not.toContain('av. n° 1');
  });

  it('aucun avertissement quand un numéro neuf est utilisé', () => {
    FILES['av-neuf.yaml'] = FILES['av-3.yaml']!.replace('numero: 7\n      annexe', 'numero: 12\n      annexe');
    const r = applyAvenants(base, loadAll(['av-1.yaml', 'av-2.yaml']).concat(loadAll(['av-neuf.yaml'])), opts);
    if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
    expect(r.warnings.filter((w) => w.code === 'AVENANT-NUMERO-REUTILISE')).toEqual([]);
  });

  itWith(['python-docx'])('cpom consolider : le tableau lu par python-docx montre deux engagements n° 7 et l’avertissement', async () => {
    const files = loadAll(['av-1.yaml', 'av-2.yaml', 'av-3.yaml']).map((a) => a.file!);
    const err: string[] = [];
    const sortie = join(dir, 'sortie');
    const code = await runConsolider([join(FIXTURES, 'idf-2021', 'contrat.yaml'), ...files, '--sortie', sortie], () => {}, (x) => err.push(x));
    expect(code).toBe(0);
    expect(err.join('\n')).toMatch(/av-3\.yaml:\d+:\d+ : avertissement \[AVENANT-NUMERO-REUTILISE\]/);
    const doc = docxText(join(sortie, 'contrat', 'version-consolidee-3', '01-socle.docx'));
    const table = doc.body.find((b): b is DocxTable => b.kind === 'table' && b.rows[0]?.[0] === 'Élément')!;
    expect(table.rows.filter((r) => r[0]!.includes('engagement n°\u00a07')).map((r) => r.map(flat))).toEqual([
      ['L’engagement n° 7 (précédent élément de ce numéro)', 'n° 2', 'suppression'],
      ['L’engagement n° 7', 'n° 3', 'ajout'],
    ]);
  });
});
