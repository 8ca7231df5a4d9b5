// The articles of remplacer_financement, modifier_permanence_soins, remplacer_cooperations and
// remplacer_engagements_hors_cpom when the model renders no annex for them now come from
// templates/_avenant (financements.md, permanence-soins.md, cooperations.md,
// engagements-hors-cpom.md). Their text is the one the engine wrote in TypeScript before
// (compared block by block on every fixture model when they moved); only the tables' header row
// changed, now a real header (bold, centred) like the contract's tables.
import { describe, expect, it } from 'vitest';
import { buildAvenantSet } from '../../src/amend/document/avenant.ts';
import { WordingRenderer } from '../../src/amend/document/wording-template.ts';
import { parseAvenantText } from '../../src/amend/load.ts';
import { blockText } from '../../src/amend/redline/text.ts';
import type { SourcedAvenant } from '../../src/amend/types.ts';
import { allVersions, type Versions } from '../../src/amend/versions.ts';
import type { Block, Table } from '../../src/ir/types.ts';
import { renderPdfFiles } from '../../src/writers/pdf/index.ts';
import { hasPoppler, pdfText } from '../helpers/poppler.ts';
import { contractOf, modelOf, rulesOf } from './helpers.ts';

const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

function avenant(model: string, n: number, ops: string): SourcedAvenant {
  const year = Number(contractOf(model).dates.effet.slice(0, 4)) + n;
  const a = parseAvenantText(`numero: ${n}\nreference: ${contractOf(model).reference}\ndate: ${year}-01-15\neffet: ${year}-02-01\nobjet: Essai\noperations:\n${ops}`, `avenant-${n}.yaml`);
  if (!a.ok) throw new Error(a.diagnostics.map((d) => d.message).join('\n'));
  return a.value;
}

function versions(model: string, ...ops: string[]): Versions {
  const v = allVersions(contractOf(model), ops.map((o, i) => avenant(model, i + 1, o)), { verifier: rulesOf(model) });
  if (!v.ok) throw new Error(v.diagnostics.map((d) => d.message).join('\n'));
  return v.value;
}

/** The blocks of the last avenant's document, from its first article on. */
function articles(model: string, ...ops: string[]): Block[] {
  const v = versions(model, ...ops);
  const s = buildAvenantSet(modelOf(model), v, ops.length);
  if (!s.ok) throw new Error(s.diagnostics.map((d) => d.message).join('\n'));
  const blocks = s.value.documents[0]!.blocks;
  return blocks.slice(blocks.findIndex((b) => b.type === 'heading' && b.numbering === 'Article #'));
}

const text = (blocks: readonly Block[]) => blocks.map((b) => plain(blockText(b)));
const table = (blocks: readonly Block[]) => blocks.find((b): b is Table => b.type === 'table')!;
/** The header row is a real header: shaded, bold, centred (was plain body cells before). */
const headerIsBold = (t: Table) => t.headerRows[0]!.cells.every((c) => c.shade && c.content.every((p) => p.style === 'cellCenter' && p.content.every((i) => i.type !== 'text' || i.bold)));

const PDS = `  - type: modifier_permanence_soins
    lignes:
      - { specialite: Anesthésie, type_ligne: demi_garde_demi_astreinte, organisation: alternee, finess_et: "690000021", partenaires: [CH A, CH B] }
      - { specialite: Imagerie, type_ligne: garde, organisation: mutualisee, finess_et: "690000021" }
`;

describe('articles des moyens et des listes sans annexe du modèle (templates/_avenant)', () => {
  it('permanence des soins (DGOS) : tableau avec libellés, site nommé, partenaires ; puis plus de participation', () => {
    const b = articles('dgos-2012', PDS);
    const site = contractOf('dgos-2012').sites.find((s) => s.finess_et === '690000021')!.raison_sociale;
    expect(text(b).slice(0, 3)).toEqual([
      'Article 1 – Permanence des soins',
      'Les lignes de permanence des soins de l’établissement sont désormais les suivantes :',
      [
        'Spécialité | Type de ligne | Organisation | Site | Partenaires',
        `Anesthésie | Demi-garde / demi-astreinte | Alternée | ${site} (FINESS ET 690000021) | CH A, CH B`,
        `Imagerie | Garde | Mutualisée | ${site} (FINESS ET 690000021) | `,
      ].join('\n'),
    ]);
    expect(table(b).columns).toEqual([24, 16, 14, 26, 20]);
    expect(headerIsBold(table(b))).toBe(true);
    expect(text(articles('dgos-2012', '  - type: modifier_permanence_soins\n    lignes: []\n')).slice(0, 2)).toEqual([
      'Article 1 – Permanence des soins',
      'L’établissement ne participe plus à la permanence des soins en établissement.',
    ]);
  });

  it('coopérations (IDF) : tableau marqué occultable (secret des affaires), titre de l’article non marqué ; puis plus aucune', () => {
    const coop = '  - type: remplacer_cooperations\n    cooperations:\n      - { objectif_operationnel: Imagerie partagée, calendrier: 2022-2023, partenaires: [CH de Bagnolet, GHT Est], outil: GCS, indicateur: Examens réalisés }\n';
    const b = articles('idf-2021', coop);
    expect(text(b).slice(0, 3)).toEqual([
      'Article 1 – Coopérations',
      'Les coopérations de l’établissement sont désormais les suivantes :',
      'Objectif opérationnel | Partenaires | Outil | Calendrier | Indicateur\nImagerie partagée | CH de Bagnolet, GHT Est | GCS | 2022-2023 | Examens réalisés',
    ]);
    expect(headerIsBold(table(b))).toBe(true);
    expect(b.slice(0, 3).map((x) => ('redaction' in x ? x.redaction?.motif : undefined))).toEqual([undefined, 'secret_affaires', 'secret_affaires']);
    const none = articles('idf-2021', coop, '  - type: remplacer_cooperations\n    cooperations: []\n');
    expect(text(none).slice(0, 2)).toEqual(['Article 1 – Coopérations', 'Le contrat ne comporte plus d’action de coopération.']);
    expect('redaction' in none[1]! && none[1].redaction?.motif).toBe('secret_affaires');
  });

  it('engagements hors CPOM (Occitanie) : date au format long, cellules vides pour ce que les données ne disent pas ; puis plus aucun', () => {
    const hc = '  - type: remplacer_engagements_hors_cpom\n    engagements_hors_cpom:\n      - { type: CAQES, date: 2012-11-20, parties: ARS et assurance maladie, duree: 3 ans }\n      - { type: Convention sans date }\n';
    const b = articles('occitanie-2019', hc);
    expect(text(b).slice(0, 3)).toEqual([
      'Article 1 – Engagements contractuels hors CPOM',
      'Les engagements contractuels de l’établissement hors CPOM, rappelés pour information, sont désormais les suivants :',
      'Contrat ou engagement | Date | Parties | Durée\nCAQES | 20 novembre 2012 | ARS et assurance maladie | 3 ans\nConvention sans date |  |  | ',
    ]);
    expect(headerIsBold(table(b))).toBe(true);
    const none = articles('occitanie-2019', hc, '  - type: remplacer_engagements_hors_cpom\n    engagements_hors_cpom: []\n');
    expect(text(none).slice(0, 2)).toEqual(['Article 1 – Engagements contractuels hors CPOM', 'Le contrat ne rappelle plus d’engagement contractuel hors CPOM.']);
  });

  it('financement (IDF, dotations retirées) : article sans annexe, puis le texte du gabarit avec base reconductible, montants et dates', () => {
    expect(text(articles('idf-2021', '  - type: remplacer_financement\n    financements:\n      dotations: []\n')).slice(0, 4)).toEqual([
      'Article 1 – Financements',
      'Les financements du contrat sont remplacés par les suivants :',
      'Nature | Libellé | Montant | Début | Fin',
      'Ce montant est indiqué à titre purement indicatif ; seul l’arrêté de versement délègue les crédits.',
    ]);
    // With dotations, every fixture model renders its financing annex: the template is rendered directly.
    const v = versions('idf-2021', '  - type: remplacer_financement\n    financements:\n      dotations: []\n');
    const c = v.versions[1]!.contract;
    const r = new WordingRenderer(modelOf('idf-2021'), c, c, v.avenants[0]!.avenant);
    const op = { type: 'remplacer_financement', financements: { date_base: '2022-01-01', tarifs_oqn: [], dotations: [{ nature: 'MIG', libelle: 'SMUR', montant: 1234567.5, debut: '2022-02-01', fin: '2023-12-31' }, { nature: 'FIR', libelle: 'Télémédecine', montant: 5000 }] } };
    const b = r.render('financements', { op });
    expect(r.ev.diags).toEqual([]);
    // Not numbered yet: resolve numbers the articles of the whole avenant.
    expect(text(b)).toEqual([
      'Financements',
      'Les financements du contrat sont remplacés par les suivants, sur la base reconductible au 1er janvier 2022 :',
      'Nature | Libellé | Montant | Début | Fin\nMIG | SMUR | 1 234 567,50 € | 1er février 2022 | 31 décembre 2023\nFIR | Télémédecine | 5 000,00 € |  | ',
      'Ce montant est indiqué à titre purement indicatif ; seul l’arrêté de versement délègue les crédits.',
    ]);
    expect(b[3]?.type === 'paragraph' && b[3]?.style).toBe('note');
    expect(b[1]?.type === 'paragraph' && b[1]?.keepWithNext).toBe(true);
  });

  it.runIf(hasPoppler())('le tableau de la permanence des soins se lit dans le PDF de l’avenant (pdftotext)', async () => {
    const v = versions('dgos-2012', PDS);
    const s = buildAvenantSet(modelOf('dgos-2012'), v, 1);
    if (!s.ok) throw new Error(s.diagnostics.map((d) => d.message).join('\n'));
    const t = plain(pdfText((await renderPdfFiles(s.value)).combined)).replace(/\s+/g, ' ');
    expect(t).toContain('Les lignes de permanence des soins de l’établissement sont désormais les suivantes :');
    for (const w of ['Spécialité', 'Type de ligne', 'Organisation', 'Partenaires', 'Demi-garde / demi-astreinte', 'Alternée', 'Mutualisée', 'CH A, CH B']) expect(t).toContain(w);
  });
});
