// Which documents an Occitanie contract gets: the copy-B matrix of socle Article 10 (domain
// §11.6: "x" always, "Si applicable" when the holder has the matter, blank never), for every
// catégorie × annex, with and without reconnaissances, PDS lines and funding; then the
// conditional content of the socle (visa V12) and of Annexe 5 (Articles 1 and 4).
import { describe, expect, it } from 'vitest';
import { applicableDocuments, buildDocumentSet, checkContract, loadModel, parseContract, type Contract } from '../../src/index.ts';
import type { ContractInput } from '../../src/model/contract.ts';
import { headingText, inlineText, type Block, type Document } from '../../src/ir/types.ts';

const loaded = loadModel('occitanie-2019');
if (!loaded.ok) throw new Error(`modèle occitanie-2019 invalide : ${loaded.diagnostics.map((d) => d.message).join('; ')}`);
const model = loaded.value;

type Categorie = 'monoactivite' | 'pluriactivite' | 'eml_amp_dpn';

const ind = { libelle: 'Indicateur', reference: { valeur: 1, annee: 2018 }, cibles: { 'N+1': 2, 'N+2': 3, 'N+3': 4, 'N+4': 5 } };

function contract(cat: Categorie, o: { rc?: boolean; pds?: boolean; fin?: 'base' | 'fir' | 'oqn' | 'oqn-sans-tarifs'; precedent?: boolean } = {}): Contract {
  const eml = cat === 'eml_amp_dpn';
  const data: ContractInput = {
    modele: 'occitanie-2019',
    ars: {
      nom: 'Agence Régionale de Santé Occitanie',
      adresse: '26-28 Parc Club Millénaire – 1025 rue Henri Becquerel – 34067 Montpellier',
      signataire: { civilite: 'Madame', prenom: 'Monique', nom: 'Cavalier', qualite: 'Directrice générale' },
      decret_nomination: 'décret du 17 décembre 2015 portant nomination de la Directrice générale',
      prs: { arrete: '2018-2789', date: '2018-08-03', raa: 'R76-2018-112', publication: '2018-08-03' },
    },
    titulaire: {
      raison_sociale: 'Établissement de test',
      finess_ej: '340780501',
      statut: 'espic',
      forme: eml ? 'laboratoire' : 'etablissement_sante',
      categorie: cat,
      typologie: eml ? 'eml_amp_dpn' : 'proximite',
      activites: eml ? ['amp_dpn'] : ['ssr'],
      adresse: { voie: '1 rue de la Paix', code_postal: '34000', commune: 'Montpellier' },
      representant: { civilite: 'Monsieur', prenom: 'Paul', nom: 'Durand', qualite: 'Directeur' },
      ...(o.fin === 'oqn' || o.fin === 'oqn-sans-tarifs' ? { regime: 'oqn' as const } : {}),
    },
    sites: [{ finess_et: '340780519', raison_sociale: 'Site principal' }],
    dates: { effet: '2019-01-01', duree_ans: 5, annexes_au_plus_tard: '2019-08-03' },
    // An ESPIC's CME is consulted (OCC-AVIS-CME, product decision cpom-domain.md §11.3).
    ...(eml ? {} : { avis: { cme: '2019-05-02' } }),
    ...(o.precedent === false ? {} : { contrat_precedent: 'contrat pluriannuel d’objectifs et de moyens 2013-2018' }),
    engagements: [
      { numero: 1, annexe: 'orientations_strategiques', finess: '340780519', objectif_strategique: 'OS', objectif_operationnel: 'Objectif 1', indicateurs: [ind] },
    ],
    reconnaissances: o.rc ? [{ numero: 1, activite: 'Soins palliatifs', capacite: 6, finess_et: '340780519' }] : [],
    permanence_soins: o.pds ? [{ specialite: 'Anesthésie', type_ligne: 'garde', organisation: 'propre', finess_et: '340780519' }] : [],
    financements: {
      dotations:
        o.fin === 'base'
          ? [{ nature: 'DAF', libelle: 'DAF SSR', montant: 1000000 }]
          : o.fin === 'fir'
            ? [{ nature: 'FIR', libelle: 'Subvention FIR', montant: 20000 }]
            : [],
      ...(o.fin === 'base' ? { date_base: '2019-01-01' } : {}),
      ...(o.fin === 'oqn' ? { date_tarifs: '2019-03-01', tarifs_oqn: [{ discipline: 'SSR', prestation: 'Prix de journée', tarif: 150 }] } : { tarifs_oqn: [] }),
    },
  };
  const r = parseContract(data);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.dataPath}: ${d.message}`).join('; '));
  return r.value;
}

const OS = 'annexe-orientations-strategiques';
const COOP = 'annexe-cooperations-territoriales';
const RC = 'annexe-reconnaissances-contractuelles';
const FIN = 'annexe-financements';
const PDS = 'annexe-permanence-soins';

// Copy B of the matrix (socle Article 10, seed 002 L.1717-1748), read per domain §11.6.
type Cell = 'x' | 'si' | '';
const MATRIX: Record<Categorie, Record<'rc' | 'pds' | 'fin', Cell>> = {
  monoactivite: { rc: 'si', pds: 'si', fin: 'x' },
  pluriactivite: { rc: 'x', pds: 'x', fin: 'x' },
  eml_amp_dpn: { rc: '', pds: '', fin: 'si' },
};
const present = (cell: Cell, has: boolean) => cell === 'x' || (cell === 'si' && has);

const cases: { cat: Categorie; rc: boolean; pds: boolean; fin: boolean }[] = [];
for (const cat of ['monoactivite', 'pluriactivite', 'eml_amp_dpn'] as const)
  for (const rc of [false, true]) for (const pds of [false, true]) for (const fin of [false, true]) cases.push({ cat, rc, pds, fin });

describe('Occitanie 2019-2023 — applicabilité des annexes (matrice copie B)', () => {
  it.each(cases)('$cat, RC=$rc, PDS=$pds, financement=$fin', ({ cat, rc, pds, fin }) => {
    const c = contract(cat, { rc, pds, ...(fin ? { fin: 'base' as const } : {}) });
    const m = MATRIX[cat];
    const expected = ['socle', OS, COOP, ...(present(m.rc, rc) ? [RC] : []), ...(present(m.fin, fin) ? [FIN] : []), ...(present(m.pds, pds) ? [PDS] : [])];
    expect(applicableDocuments(model, c)).toEqual(expected);
    // The rendered set is exactly the applicable one, each document signed on its own.
    const built = buildDocumentSet(model, c);
    if (!built.ok) throw new Error(built.diagnostics.map((d) => d.message).join('; '));
    expect(built.value.documents.map((d) => d.id)).toEqual(expected);
    for (const d of built.value.documents) expect(blocksOf(d, 'signature'), d.id).toHaveLength(1);
  });

  it('treats funding as present for an EML holder with a FIR grant or OQN tariffs only', () => {
    expect(applicableDocuments(model, contract('eml_amp_dpn', { fin: 'fir' }))).toContain(FIN);
    expect(applicableDocuments(model, contract('eml_amp_dpn', { fin: 'oqn' }))).toContain(FIN);
    expect(applicableDocuments(model, contract('eml_amp_dpn'))).not.toContain(FIN);
  });

  it('prints the copy-B matrix in Article 10 of every socle', () => {
    const socle = doc(contract('eml_amp_dpn'), 'socle');
    const art10 = blocksOf(socle, 'heading').find((h) => headingText(h).replace(/\u00a0/g, ' ').startsWith('Article 10'));
    expect(art10).toBeDefined();
    const table = blocksOf(socle, 'table').find((t) => cellText(t.headerRows[0]?.cells[3]) === 'Titulaires d’EML/ laboratoires de biologie autorisés en AMP/DPN');
    expect(table?.bodyRows.map((r) => r.cells.map(cellText))).toEqual([
      ['Annexe - Orientations stratégiques', 'x', 'x', 'x'],
      ['Annexe - Coopérations', 'x', 'x', 'x'],
      ['Annexe - Reconnaissances contractuelles', 'Si applicable', 'x', ''],
      ['Annexe - Permanence des soins', 'Si applicable', 'x', ''],
      ['Annexe - Financière (si applicable)', 'x', 'x', 'Si applicable'],
    ]);
  });
});

describe('Occitanie 2019-2023 — contenu conditionnel', () => {
  it('renders visa V12 only when a previous contract is named', () => {
    const v12 = 'Vu le contrat pluriannuel d’objectifs et de moyens 2013-2018 ;';
    expect(paragraphs(doc(contract('pluriactivite'), 'socle'))).toContain(v12);
    const first = doc(contract('pluriactivite', { precedent: false }), 'socle');
    expect(paragraphs(first).some((p) => p.includes('2013-2018'))).toBe(false);
    expect(paragraphs(first)).toContain('Il est convenu ce qui suit,');
  });

  it('renders Annexe 5 Article 1 only with a reconductible base, Article 4 only under OQN', () => {
    const titles = (c: Contract) => blocksOf(doc(c, FIN), 'heading').filter((h) => h.level === 3).map((h) => headingText(h).replace(/\u00a0/g, ' '));
    expect(titles(contract('pluriactivite', { fin: 'base' }))).toEqual([
      'Article 1- Dotations MIGAC pour les activités de soins MCO et SSR et DAF pour les activités de SSR, Psychiatrie et USLD',
      'Article 2 – Subventions FMESPP',
      'Article 3 – Subventions FIR',
    ]);
    // Without a base the article disappears and the others keep the model's numbers (L.1868,
    // 1878, 1889): an avenant citing « l’article 3 » means FIR for every holder.
    expect(titles(contract('pluriactivite', { fin: 'fir' }))).toEqual(['Article 2 – Subventions FMESPP', 'Article 3 – Subventions FIR']);
    const oqn = contract('monoactivite', { fin: 'oqn' });
    expect(titles(oqn)).toEqual([
      'Article 2 – Subventions FMESPP',
      'Article 3 – Subventions FIR',
      'Article 4 – Tarifs de prestations pour les établissements sous OQN ayant une activité de soins de SSR et/ou de Psychiatrie',
    ]);
    expect(paragraphs(doc(oqn, FIN))).toContain('Liste des tarifs par discipline et par prestation à la date du 1er mars 2019 :');
    // The reviewer's note (L.1938-1942): without tariffs, the table part goes, the rule stays.
    const sansTarifs = paragraphs(doc(contract('monoactivite', { fin: 'oqn-sans-tarifs' }), FIN));
    expect(sansTarifs.some((p) => p.startsWith('Liste des tarifs'))).toBe(false);
    expect(sansTarifs).toContain('Les tarifs sont fixés par arrêté et sont applicables sous réserve de la conclusion d’un avenant à cette annexe.');
  });

  it('marks funding amounts as purely indicative', () => {
    const p = paragraphs(doc(contract('pluriactivite', { fin: 'base' }), FIN));
    expect(p.some((t) => t.includes('à titre purement indicatif'))).toBe(true);
  });

  it('accepts the generated contracts without any rule diagnostic', () => {
    for (const c of [contract('pluriactivite', { rc: true, pds: true, fin: 'base' }), contract('monoactivite', { fin: 'oqn' }), contract('eml_amp_dpn', { fin: 'fir' })]) {
      expect(checkContract(model, c).map((d) => d.code)).toEqual([]);
    }
  });
});

function doc(c: Contract, id: string): Document {
  const built = buildDocumentSet(model, c);
  if (!built.ok) throw new Error(built.diagnostics.map((d) => `${d.dataPath ?? ''} ${d.message}`).join('; '));
  const d = built.value.documents.find((x) => x.id === id);
  if (!d) throw new Error(`document ${id} absent`);
  return d;
}


function blocksOf<T extends Block['type']>(d: Document, type: T): Extract<Block, { type: T }>[] {
  return d.blocks.filter((b): b is Extract<Block, { type: T }> => b.type === type);
}

/** Paragraph texts with the no-break spaces of French typography read as plain spaces. */
function paragraphs(d: Document): string[] {
  return blocksOf(d, 'paragraph').map((p) => inlineText(p.content).replace(/[\u00a0\u202f]/g, ' '));
}

function cellText(c: { content: readonly { content: Parameters<typeof inlineText>[0] }[] } | undefined): string {
  return (c?.content ?? []).map((p) => inlineText(p.content)).join(' ').trim();
}
