import { describe, expect, it } from 'vitest';
import { applyAvenants } from '../../src/amend/apply.ts';
import type { AmendedContract } from '../../src/amend/types.ts';
import { av, smallContract } from './helpers.ts';

function apply1(operations: unknown[], extra: Record<string, unknown> = {}): AmendedContract {
  const r = applyAvenants(smallContract(), [av(1, operations, extra)]);
  if (!r.ok) throw new Error(r.diagnostics.map((d) => `${d.code} ${d.message}`).join('\n'));
  return r.value;
}

const eng = (a: AmendedContract, n: number) => a.contract.engagements.find((e) => e.numero === n);

describe('opérations sur les engagements', () => {
  it('ajoute un engagement en fin de liste et trace l’ajout', () => {
    const r = apply1([
      {
        type: 'ajouter_engagement',
        engagement: { numero: 7, annexe: 'pilotage_interne', objectif_operationnel: 'Nouveau', indicateurs: [{ libelle: 'I7' }] },
      },
    ]);
    expect(r.contract.engagements.map((e) => e.numero)).toEqual([1, 2, 3, 7]);
    expect(r.provenance['engagements/7']).toEqual({ avenant: 1, nature: 'ajout' });
  });

  it('modifie seulement les champs donnés, sans réinitialiser les indicateurs', () => {
    const r = apply1([{ type: 'modifier_engagement', numero: 2, modifications: { actions: 'Faire X' } }]);
    const e = eng(r, 2)!;
    expect(e.actions).toBe('Faire X');
    expect(e.objectif_operationnel).toBe('Objectif 2');
    expect(e.indicateurs).toHaveLength(1);
    expect(r.provenance['engagements/2']).toEqual({ avenant: 1, nature: 'modification' });
  });

  it('supprime un engagement désigné par son numéro, pas par sa position', () => {
    const r = apply1([{ type: 'supprimer_engagement', numero: 1 }]);
    expect(r.contract.engagements.map((e) => e.numero)).toEqual([2, 3]);
    expect(r.provenance['engagements/1']).toEqual({ avenant: 1, nature: 'suppression' });
  });

  it('remplace une annexe entière à la place de l’ancienne et ne trace que ce qui change', () => {
    const base = smallContract();
    const keep = { ...base.engagements[1]!, annexe: undefined };
    const r = apply1([
      {
        type: 'remplacer_annexe',
        annexe: 'pilotage_interne',
        engagements: [keep, { numero: 8, objectif_operationnel: 'Huit', indicateurs: [] }],
      },
    ]);
    expect(r.contract.engagements.map((e) => [e.numero, e.annexe])).toEqual([
      [2, 'pilotage_interne'],
      [8, 'pilotage_interne'],
      [3, 'positionnement_territorial'],
    ]);
    expect(r.provenance['engagements/1']?.nature).toBe('suppression');
    expect(r.provenance['engagements/8']?.nature).toBe('ajout');
    expect(r.provenance['engagements/2']).toBeUndefined();
    expect(r.provenance['annexes/pilotage_interne']?.nature).toBe('modification');
  });
});

describe('opérations sur les cibles', () => {
  it('porte une valeur cible à une nouvelle valeur', () => {
    const r = apply1([{ type: 'modifier_cible', engagement: 1, indicateur: 'Indicateur 1', annee: 'N+2', valeur: '70 %' }]);
    expect(eng(r, 1)!.indicateurs[0]!.cibles['N+2']).toBe('70 %');
    expect(r.provenance['engagements/1/indicateurs/Indicateur 1/cibles/N+2']?.nature).toBe('modification');
  });

  it('supprime une cible avec la valeur null', () => {
    const r = apply1([{ type: 'modifier_cible', engagement: 1, indicateur: 'Indicateur 1', annee: 'N+3', valeur: null }]);
    expect(eng(r, 1)!.indicateurs[0]!.cibles).toEqual({ 'N+1': 1, 'N+2': 2 });
  });

  it('reporte une échéance vers une année postérieure', () => {
    const r = apply1([{ type: 'reporter_echeance', engagement: 2, indicateur: 'Indicateur 2', de: 'N+3', a: 'N+5' }]);
    const c = eng(r, 2)!.indicateurs[0]!.cibles;
    expect(c).toEqual({ 'N+1': 2, 'N+2': 4, 'N+5': 6 });
    expect(Object.keys(c)).toEqual(['N+1', 'N+2', 'N+5']);
  });

  it('avance une échéance vers une année antérieure, en gardant l’ordre des années', () => {
    const r = apply1([{ type: 'avancer_echeance', engagement: 3, indicateur: 'Indicateur 3', de: 'N+3', a: 'N+2' }]);
    expect(eng(r, 3)!.indicateurs[0]!.cibles).toEqual({ 'N+1': 3, 'N+2': 9 });
  });
});

describe('moyens : reconnaissances et autorisations', () => {
  it('ajoute, modifie et supprime une reconnaissance contractuelle', () => {
    const r = apply1([
      { type: 'ajouter_reconnaissance', reconnaissance: { numero: 5, activite: 'UNV', finess_et: '750000010' } },
      { type: 'modifier_reconnaissance', numero: 1, modifications: { capacite: 9 } },
      { type: 'supprimer_reconnaissance', numero: 2 },
    ]);
    expect(r.contract.reconnaissances.map((x) => [x.numero, x.capacite])).toEqual([
      [1, 9],
      [5, undefined],
    ]);
    expect(r.provenance['reconnaissances/2']?.nature).toBe('suppression');
  });

  it('ajoute, modifie et supprime une autorisation par son numéro ARHGOS', () => {
    const r = apply1([
      { type: 'ajouter_autorisation', autorisation: { arhgos: 'A-9', activite: 'HAD', finess_et: '750000010' } },
      { type: 'modifier_autorisation', arhgos: 'A-1', modifications: { date_echeance: '2027-01-01' } },
      { type: 'supprimer_autorisation', arhgos: 'A-2' },
    ]);
    expect(r.contract.autorisations.map((a) => a.arhgos)).toEqual(['A-1', 'A-9']);
    expect(r.contract.autorisations[0]!.date_echeance).toBe('2027-01-01');
  });
});

describe('financements', () => {
  it('ajoute, modifie et supprime une dotation désignée par nature et libellé', () => {
    const r = apply1([
      { type: 'ajouter_dotation', dotation: { nature: 'FMESPP', libelle: 'SI', montant: 10 } },
      { type: 'modifier_dotation', nature: 'MIG', libelle: 'SMUR', modifications: { montant: 1200.5 } },
      { type: 'supprimer_dotation', nature: 'FIR', libelle: 'Télémédecine' },
    ]);
    expect(r.contract.financements.dotations.map((d) => [d.nature, d.libelle, d.montant])).toEqual([
      ['MIG', 'SMUR', 1200.5],
      ['FMESPP', 'SI', 10],
    ]);
  });

  it('remplace le financement et trace chaque dotation changée', () => {
    const r = apply1([
      {
        type: 'remplacer_financement',
        financements: { date_base: '2022-01-01', dotations: [{ nature: 'MIG', libelle: 'SMUR', montant: 1000 }, { nature: 'DAF', libelle: 'SSR', montant: 7 }] },
      },
    ]);
    expect(r.contract.financements.date_base).toBe('2022-01-01');
    expect(r.provenance['financements/dotations/MIG/SMUR']).toBeUndefined();
    expect(r.provenance['financements/dotations/FIR/Télémédecine']?.nature).toBe('suppression');
    expect(r.provenance['financements/dotations/DAF/SSR']?.nature).toBe('ajout');
  });
});

describe('permanence des soins, missions, durée, signataires', () => {
  it('remplace les lignes de permanence des soins', () => {
    const lignes = [{ specialite: 'Cardiologie', type_ligne: 'astreinte', organisation: 'propre', finess_et: '750000010' }];
    const r = apply1([{ type: 'modifier_permanence_soins', lignes }]);
    expect(r.contract.permanence_soins).toEqual(lignes);
    expect(r.provenance['permanence_soins/750000010/Anesthésie/garde']?.nature).toBe('suppression');
    expect(r.provenance['permanence_soins/750000010/Cardiologie/astreinte']?.nature).toBe('ajout');
  });

  it('une mission de service public ajoutée porte la durée à 5 ans depuis la date initiale (BR-DUR-3)', () => {
    const base = smallContract();
    base.dates.duree_ans = 3;
    base.missions_service_public = [];
    const r = applyAvenants(base, [av(1, [{ type: 'ajouter_mission_service_public', mission: { numero: 4 } }])]);
    expect(r.ok && r.value.contract.dates).toMatchObject({ effet: '2021-01-01', duree_ans: 5 });
    expect(r.ok && r.value.provenance['dates/duree_ans']).toEqual({ avenant: 1, nature: 'modification' });
  });

  it('une mission ajoutée à un contrat de 5 ans ne change pas la durée', () => {
    const r = apply1([{ type: 'ajouter_mission_service_public', mission: { numero: 4 } }]);
    expect(r.contract.dates.duree_ans).toBe(5);
    expect(r.provenance['dates/duree_ans']).toBeUndefined();
    expect(r.contract.missions_service_public.map((m) => m.numero)).toEqual([1, 4]);
  });

  it('le retrait de la dernière mission permet de renégocier la durée (BR-DUR-4)', () => {
    const r = apply1([{ type: 'retirer_mission_service_public', numero: 1, duree_ans: 3 }]);
    expect(r.contract.missions_service_public).toEqual([]);
    expect(r.contract.dates.duree_ans).toBe(3);
  });

  it('proroge le contrat', () => {
    const base = smallContract();
    base.dates.duree_ans = 3;
    const r = applyAvenants(base, [av(1, [{ type: 'proroger', duree_ans: 4 }])]);
    expect(r.ok && r.value.contract.dates.duree_ans).toBe(4);
  });

  it('change le signataire de l’agence, avec ou sans délégation', () => {
    const personne = { civilite: 'Monsieur', prenom: 'Luc', nom: 'Blanc', qualite: 'Directeur général' };
    const r = apply1([{ type: 'changer_signataire', partie: 'ars', personne, delegation: 'Le directeur de l’offre de soins' }]);
    expect(r.contract.ars.signataire).toEqual(personne);
    expect(r.contract.ars.delegation).toBe('Le directeur de l’offre de soins');
    const r2 = applyAvenants(r, [av(2, [{ type: 'changer_signataire', partie: 'ars', personne }])]);
    expect(r2.ok && r2.value.contract.ars.delegation).toBeUndefined();
  });

  it('change le représentant légal du titulaire', () => {
    const personne = { civilite: 'Madame', prenom: 'Léa', nom: 'Noir', qualite: 'Directrice' };
    const r = apply1([{ type: 'changer_signataire', partie: 'titulaire', personne }]);
    expect(r.contract.titulaire.representant).toEqual(personne);
    expect(r.provenance['titulaire/representant']?.nature).toBe('modification');
  });
});

describe('pureté', () => {
  it('ne modifie ni le contrat ni l’avenant reçus', () => {
    const base = smallContract();
    const a = av(1, [
      { type: 'supprimer_engagement', numero: 1 },
      { type: 'modifier_cible', engagement: 2, indicateur: 'Indicateur 2', annee: 'N+1', valeur: 42 },
    ]);
    const before = JSON.stringify([base, a]);
    const r = applyAvenants(base, [a]);
    expect(r.ok).toBe(true);
    expect(JSON.stringify([base, a])).toBe(before);
  });

  it('tient un historique (numéro, date, effet, objet)', () => {
    const r = apply1([{ type: 'supprimer_engagement', numero: 1 }]);
    expect(r.history).toEqual([{ numero: 1, date: '2021-06-01', effet: '2021-07-01', objet: 'Avenant 1' }]);
  });
});
