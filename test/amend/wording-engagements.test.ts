// The articles of ajouter_engagement, modifier_engagement and remplacer_annexe come from
// templates/_avenant (engagement-ajout, engagement-modification, engagements-remplacement, and
// the fragments _engagement, _engagement-modifications, _indicateurs): their text is the one the
// engine wrote in TypeScript before (compared on every avenant fixture and on each of these
// operations in the three models when they moved); the indicators table's first row is now a
// real header row (bold, shaded, repeated on each page, TH in the tagged PDF).
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildAvenantSet } from '../../src/amend/document/avenant.ts';
import { setText } from '../../src/amend/redline/text.ts';
import { allVersions } from '../../src/amend/versions.ts';
import type { Block, DocumentSet, Table } from '../../src/ir/types.ts';
import { inlineText } from '../../src/ir/types.ts';
import { Engagement } from '../../src/model/contract.ts';
import { loadModel } from '../../src/templates/load.ts';
import { run } from '../helpers/cli.ts';
import { av, contractOf, modelOf, optionsOf, rulesOf, smallContract } from './helpers.ts';

const must = <T>(r: { ok: true; value: T } | { ok: false; diagnostics: readonly { message: string }[] }): T => {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
};
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

function dgos(ops: unknown[]): DocumentSet {
  const c = contractOf('dgos-2012');
  const extra = { reference: c.reference, date: '2013-01-15', effet: '2013-02-01', signature: { lieu: 'Lyon', date: '2013-01-15' } };
  const v = must(allVersions(c, [av(1, ops, extra)], optionsOf('dgos-2012')));
  return must(buildAvenantSet(modelOf('dgos-2012'), v, 1));
}
const idf = (ops: unknown[]) => must(buildAvenantSet(modelOf('idf-2021'), must(allVersions(smallContract(), [av(1, ops)], { verifier: rulesOf('idf-2021') })), 1));
const lines = (s: DocumentSet) => plain(setText(s)).split('\n');
/** The lines of article k of the avenant (its heading first). */
function article(s: DocumentSet, k: number): string[] {
  const all = lines(s);
  const from = all.findIndex((l) => l.startsWith(`Article ${k} – `));
  const to = all.findIndex((l, i) => i > from && /^Article \d+ – /.test(l));
  return all.slice(from, to);
}
const tables = (blocks: readonly Block[]) => blocks.filter((b): b is Table => b.type === 'table');

describe('articles des engagements rédigés par templates/_avenant', () => {
  it('modifier_engagement : une phrase pour chaque champ que l’avenant peut modifier, dans l’ordre des champs, les indicateurs en dernier', () => {
    const e = contractOf('dgos-2012').engagements.find((x) => x.annexe === 'orientations_strategiques')!;
    const modifications = {
      calendrier: '2014-2016',
      objectif_strategique: 'Stratégie',
      objectif_operationnel: 'Opérationnel',
      actions: 'Actions',
      finess: '690000013',
      autorisations: [],
      reconnaissances: [1],
      indicateurs: [{ libelle: 'Nouvel indicateur', reference: { valeur: 12, annee: 2011 }, cibles: { 'N+2': 20, 'N+5': 'oui' } }],
      annexe: 'qualite_securite',
    };
    // Every field of an engagement but its number: a field added to the schema must be worded.
    expect(Object.keys(modifications).sort()).toEqual(Object.keys(Engagement.shape).filter((k) => k !== 'numero').sort());
    const s = dgos([{ type: 'modifier_engagement', numero: e.numero, modifications }]);
    expect(article(s, 1)).toEqual([
      `Article 1 – Modification de l’engagement n° ${e.numero}`,
      `L’engagement n° ${e.numero} de l’annexe 3 « Améliorer la qualité et la sécurité des soins » est modifié comme suit :`,
      'L’engagement est désormais rattaché à l’annexe 3 « Améliorer la qualité et la sécurité des soins ».',
      'Le numéro FINESS de rattachement est : « 690000013 ».',
      'L’objectif stratégique est ainsi rédigé : « Stratégie ».',
      'L’objectif opérationnel est ainsi rédigé : « Opérationnel ».',
      'Les actions sont ainsi rédigées : « Actions ».',
      'Le calendrier est ainsi rédigé : « 2014-2016 ».',
      'Les autorisations liées sont désormais : n° ARHGOS aucune.',
      'Les reconnaissances contractuelles liées sont désormais : n° 1.',
      'Les indicateurs de suivi et leurs valeurs cibles sont remplacés par les suivants :',
      'Indicateurs de suivi | Valeur et année de référence | N+1 (2012) | N+2 (2013) | N+3 (2014) | N+4 (2015) | N+5 (2016)',
      'Nouvel indicateur | 12 (2011) |  | 20 |  |  | oui',
    ]);
  });

  it('le tableau des indicateurs a une vraie ligne d’en-tête (gras, grisée), en petits caractères', () => {
    const s = idf([{ type: 'ajouter_engagement', engagement: { numero: 4, annexe: 'pilotage_interne', finess: '930000013', objectif_operationnel: 'Objectif 4', indicateurs: [{ libelle: 'Indicateur 4', cibles: { 'N+2': 1 } }] } }]);
    const [t] = tables(s.documents[0]!.blocks);
    expect(t!.headerRows).toHaveLength(1);
    expect(t!.bodyRows).toHaveLength(1);
    expect(t!.columns).toEqual([30, 14, 8, 8, 8, 8, 8]);
    const head = t!.headerRows[0]!.cells;
    expect(head.map((c) => plain(inlineText(c.content[0]!.content)))).toEqual(['Indicateurs de suivi', 'Valeur et année de référence', 'N+1 (2022)', 'N+2 (2023)', 'N+3 (2024)', 'N+4 (2025)', 'N+5 (2026)']);
    expect(head.every((c) => c.shade && c.content[0]!.content.every((r) => r.type !== 'text' || r.bold))).toBe(true);
    expect(article(s, 1)).toEqual([
      'Article 1 – Ajout de l’engagement n° 4',
      'Il est ajouté au volet 1 « pilotage interne » de l’annexe 1 « Engagements » un engagement n° 4 ainsi rédigé :',
      'Objectif opérationnel : Objectif 4',
      'Rattachement : FINESS 930000013',
      'Indicateurs de suivi | Valeur et année de référence | N+1 (2022) | N+2 (2023) | N+3 (2024) | N+4 (2025) | N+5 (2026)',
      'Indicateur 4 |  |  | 1 |  |  | ',
    ]);
  });

  it('remplacer_annexe d’un volet que le contrat modifié ne rend plus : les engagements sont rédigés dans l’article', () => {
    // Volet 2 keeps only an engagement citing an RC: it is printed in the RC annex, so annex 1 no
    // longer has a volet 2 to attach, and the article words the engagement itself.
    const e3 = smallContract().engagements.find((e) => e.numero === 3)!;
    const r = allVersions(smallContract(), [av(1, [{ type: 'remplacer_annexe', annexe: 'positionnement_territorial', engagements: [{ ...e3, actions: 'Actions 3' }] }])]);
    const s = must(buildAvenantSet(modelOf('idf-2021'), must(r), 1));
    expect(article(s, 1)).toEqual([
      'Article 1 – Remplacement des engagements du volet 2 « positionnement territorial » de l’annexe 1 « Engagements »',
      'Les engagements du volet 2 « positionnement territorial » de l’annexe 1 « Engagements » sont remplacés par les suivants :',
      'Engagement n° 3',
      'Objectif opérationnel : Objectif 3',
      'Rattachement : FINESS 930000013',
      'Actions : Actions 3',
      'Reconnaissances contractuelles liées : n° 1',
      'Indicateurs de suivi | Valeur et année de référence | N+1 (2022) | N+2 (2023) | N+3 (2024) | N+4 (2025) | N+5 (2026)',
      'Indicateur 3 |  | 3 | 6 | 9 |  | ',
    ]);
    expect(s.documents.map((d) => d.id)).toEqual([s.documents[0]!.id]); // nothing attached
  });

  it('les engagements de l’annexe « cooperations » sont occultables dans la version communicable, comme dans l’annexe 2 du modèle DGOS', () => {
    const c = contractOf('dgos-2012');
    const coop = { ...c.engagements.find((e) => e.annexe === 'cooperations')!, numero: 98 };
    const other = { ...c.engagements.find((e) => e.annexe === 'orientations_strategiques')!, numero: 99 };
    const s = dgos([
      { type: 'ajouter_engagement', engagement: coop },
      { type: 'ajouter_engagement', engagement: other },
    ]);
    const blocks = s.documents[0]!.blocks;
    const lead = (n: number) => blocks.findIndex((b) => b.type === 'paragraph' && plain(inlineText(b.content)).includes(`un engagement n° ${n} ainsi rédigé`));
    const motif = (i: number) => { const b = blocks[i]!; return 'redaction' in b ? b.redaction?.motif : undefined; };
    expect(motif(lead(98) + 1)).toBe('secret_affaires');
    expect(motif(lead(98))).toBeUndefined();
    expect(motif(lead(99) + 1)).toBeUndefined();
  });

  it('un modèle qui remplace engagement-ajout.md inclut son propre fragment _avenant/_<nom>.md', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'cpom-avenant-')), 'dgos-2012');
    cpSync('templates/dgos-2012', dir, { recursive: true });
    mkdirSync(join(dir, '_avenant'));
    writeFileSync(join(dir, '_avenant', 'engagement-ajout.md'), '### Article # – Nouvel engagement n° {{ engagement.numero }}\n\n{% inclure "_fiche.md" %}\n');
    writeFileSync(join(dir, '_avenant', '_fiche.md'), 'Objectif : {{ engagement.objectif_operationnel }}.\n');
    const r = await run('verifier', dir);
    expect(r.err).not.toContain('_fiche.md');
    const m = loadModel(dir);
    expect(m.ok).toBe(true);
    const c = contractOf('dgos-2012');
    const e = { ...c.engagements[0]!, numero: 99 };
    const extra = { reference: c.reference, date: '2013-01-15', effet: '2013-02-01', signature: { lieu: 'Lyon', date: '2013-01-15' } };
    const v = must(allVersions(c, [av(1, [{ type: 'ajouter_engagement', engagement: e }], extra)], optionsOf('dgos-2012')));
    const s = must(buildAvenantSet(must(m), v, 1));
    expect(article(s, 1)).toEqual(['Article 1 – Nouvel engagement n° 99', `Objectif : ${e.objectif_operationnel}.`]);
  });
});
