// Test helpers: fixture loading without depending on the engine's contract loader.
import { join } from 'node:path';
import { checkContract, loadContractFile, loadModel, type Model } from '../../src/index.ts';
import { ContractSchema, type Contract } from '../../src/model/contract.ts';
import { loadAvenantFile } from '../../src/amend/load.ts';
import type { SourcedAvenant } from '../../src/amend/types.ts';
import { AvenantSchema } from '../../src/model/avenant.ts';
import { applyOptionsOf } from '../../src/amend/session.ts';
import { allVersions, type Versions } from '../../src/amend/versions.ts';

export const FIXTURES = join(import.meta.dirname, '../../fixtures/avenants');
export const MODELS = ['dgos-2012', 'occitanie-2019', 'idf-2021'] as const;

const contracts = new Map<string, Contract>();
/** The fixture base contract of a model (a fresh copy: tests may change it). */
export function contractOf(model: string): Contract {
  let c = contracts.get(model);
  if (!c) {
    const r = loadContractFile(join(FIXTURES, model, 'contrat.yaml'));
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 2));
    c = r.value;
    contracts.set(model, c);
  }
  return structuredClone(c);
}

const models = new Map<string, Model>();
/** The model's rules as an applyAvenants verifier (models are loaded once per test file). */
export function modelOf(id: string): Model {
  let m = models.get(id);
  if (!m) {
    const r = loadModel(id);
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 2));
    m = r.value;
    models.set(id, m);
  }
  return m;
}
export const rulesOf = (id: string) => (c: Contract) => checkContract(modelOf(id), c);
/** What the CLI gives applyAvenants for a model: its rules, its duration (modele.yaml), its names of elements. */
export const optionsOf = (id: string) => applyOptionsOf(modelOf(id));

export function avenantsOf(model: string, files = ['avenant-1.yaml', 'avenant-2.yaml', 'avenant-3.yaml']): SourcedAvenant[] {
  return files.map((f) => {
    const r = loadAvenantFile(join(FIXTURES, model, f));
    if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 2));
    return r.value;
  });
}

/** A small valid contract, for unit tests that need to see every field they touch. */
export function smallContract(): Contract {
  return ContractSchema.parse({
    modele: 'idf-2021',
    reference: 'REF-1',
    ars: {
      nom: 'Agence Régionale de Santé Île-de-France',
      signataire: { civilite: 'Madame', prenom: 'Anne', nom: 'Roux', qualite: 'Directrice générale' },
    },
    titulaire: {
      raison_sociale: 'CH Test',
      finess_ej: '930000013',
      statut: 'public',
      forme: 'etablissement_sante',
      categorie: 'pluriactivite',
      adresse: { voie: '1 rue A', code_postal: '93100', commune: 'Montreuil' },
      representant: { civilite: 'Monsieur', prenom: 'Marc', nom: 'Petit', qualite: 'Directeur' },
    },
    dates: { effet: '2021-01-01', duree_ans: 5, signature: { lieu: 'Paris', date: '2020-12-15' } },
    engagements: [1, 2, 3].map((n) => ({
      numero: n,
      annexe: n === 3 ? 'positionnement_territorial' : 'pilotage_interne',
      finess: '930000013',
      objectif_operationnel: `Objectif ${n}`,
      autorisations: n === 2 ? ['A-1'] : undefined,
      reconnaissances: n === 3 ? [1] : undefined,
      indicateurs: [{ libelle: `Indicateur ${n}`, cibles: { 'N+1': n, 'N+2': n * 2, 'N+3': n * 3 } }],
    })),
    autorisations: [
      { arhgos: 'A-1', activite: 'Médecine', finess_et: '750000010' },
      { arhgos: 'A-2', activite: 'Chirurgie', finess_et: '750000010' },
    ],
    reconnaissances: [
      { numero: 1, activite: 'Soins palliatifs', capacite: 4, finess_et: '750000010' },
      { numero: 2, activite: 'USC', capacite: 6, finess_et: '750000010' },
    ],
    financements: {
      dotations: [
        { nature: 'MIG', libelle: 'SMUR', montant: 1000 },
        { nature: 'FIR', libelle: 'Télémédecine', montant: 500 },
      ],
    },
    permanence_soins: [{ specialite: 'Anesthésie', type_ligne: 'garde', organisation: 'propre', finess_et: '750000010' }],
    missions_service_public: [{ numero: 1 }],
  });
}

/** An avenant on smallContract() with the given operations (number, dates overridable). */
export function av(numero: number, operations: unknown[], extra: Record<string, unknown> = {}) {
  return AvenantSchema.parse({
    numero,
    reference: 'REF-1',
    date: `202${numero}-06-01`,
    effet: `202${numero}-07-01`,
    objet: `Avenant ${numero}`,
    operations,
    ...extra,
  });
}

/** Every version of a model's fixture sequence, checked with the model's rules. */
export function versionsOf(model: string): Versions {
  const r = allVersions(contractOf(model), avenantsOf(model), optionsOf(model));
  if (!r.ok) throw new Error(JSON.stringify(r.diagnostics, null, 2));
  return r.value;
}

/** An avenant n° 1 to the DGOS fixture contract (CPOM-2012-69-0017) with these operations (YAML lines). */
export const dgosAvenant = (ops: string): string => `numero: 1
reference: CPOM-2012-69-0017
date: 2013-01-15
effet: 2013-02-01
objet: Essai
signature: { lieu: Lyon, date: 2013-01-15 }
operations:
${ops}`;
