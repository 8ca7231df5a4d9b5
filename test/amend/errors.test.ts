import { describe, expect, it } from 'vitest';
import { applyAvenants } from '../../src/amend/apply.ts';
import type { AvenantEntry } from '../../src/amend/types.ts';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.ts';
import type { Contract } from '../../src/model/contract.ts';
import { av, optionsOf, smallContract } from './helpers.ts';

function errors(avenants: AvenantEntry[], base: Contract = smallContract(), opts = {}): readonly Diagnostic[] {
  const r = applyAvenants(base, avenants, opts);
  if (r.ok) throw new Error('l’application aurait dû échouer');
  return r.diagnostics;
}

const sourced = (a: ReturnType<typeof av>, file: string) => ({ avenant: a, file });

describe('cibles inconnues', () => {
  it('nomme le fichier, l’opération, le chemin et les numéros existants', () => {
    const [d, ...rest] = errors([sourced(av(1, [{ type: 'supprimer_engagement', numero: 2 }, { type: 'supprimer_engagement', numero: 9 }]), 'av1.yaml')]);
    expect(rest).toEqual([]);
    expect(d!.code).toBe('AVENANT-CIBLE-INCONNUE');
    expect(d!.dataPath).toBe('operations[1].numero');
    expect(d!.message).toContain('avenant n° 1 (av1.yaml)');
    expect(d!.message).toContain('opération 2 « supprimer_engagement »');
    expect(d!.message).toContain('l’engagement n° 9 n’existe pas');
    expect(d!.message).toContain('(existants : n° 1 et n° 3)');
  });

  it('propose l’indicateur le plus proche', () => {
    const [d] = errors([av(1, [{ type: 'modifier_cible', engagement: 1, indicateur: 'Indicatuer 1', annee: 'N+1', valeur: 2 }])]);
    expect(d!.code).toBe('AVENANT-CIBLE-INCONNUE');
    expect(d!.dataPath).toBe('operations[0].indicateur');
    expect(d!.hints).toEqual(['vouliez-vous dire « Indicateur 1 » ?']);
  });

  it('refuse une dotation inconnue, une RC inconnue, une autorisation inconnue', () => {
    const ds = [
      errors([av(1, [{ type: 'supprimer_dotation', nature: 'MIG', libelle: 'SAMU' }])]),
      errors([av(1, [{ type: 'modifier_reconnaissance', numero: 7, modifications: { capacite: 1 } }])]),
      errors([av(1, [{ type: 'supprimer_autorisation', arhgos: 'A-7' }])]),
      errors([av(1, [{ type: 'retirer_mission_service_public', numero: 9 }])]),
    ];
    for (const d of ds) expect(d[0]!.code).toBe('AVENANT-CIBLE-INCONNUE');
  });

  it('refuse de déplacer une cible absente, ou dans le mauvais sens', () => {
    expect(errors([av(1, [{ type: 'reporter_echeance', engagement: 1, indicateur: 'Indicateur 1', de: 'N+4', a: 'N+5' }])])[0]!.code).toBe(
      'AVENANT-CIBLE-INCONNUE',
    );
    const [d] = errors([av(1, [{ type: 'reporter_echeance', engagement: 1, indicateur: 'Indicateur 1', de: 'N+3', a: 'N+2' }])]);
    expect(d!.code).toBe('AVENANT-ECHEANCE');
    expect(d!.message).toContain('avancer_echeance');
  });

  it('refuse un ajout dont l’identifiant existe déjà', () => {
    const [d] = errors([av(1, [{ type: 'ajouter_reconnaissance', reconnaissance: { numero: 2, activite: 'X', finess_et: '750000010' } }])]);
    expect(d!.code).toBe('AVENANT-DOUBLON');
    expect(d!.dataPath).toBe('operations[0].reconnaissance.numero');
  });

  it('refuse de supprimer une reconnaissance encore citée par un engagement', () => {
    const [d] = errors([av(1, [{ type: 'supprimer_reconnaissance', numero: 1 }])]);
    expect(d!.code).toBe('AVENANT-REFERENCE-PENDANTE');
    expect(d!.message).toContain('l’engagement n° 3');
  });

  it('refuse un engagement qui cite une autorisation absente, en nommant l’opération', () => {
    const [d] = errors([
      av(1, [
        { type: 'modifier_cible', engagement: 1, indicateur: 'Indicateur 1', annee: 'N+1', valeur: 5 },
        { type: 'modifier_engagement', numero: 1, modifications: { autorisations: ['Z-9'] } },
      ]),
    ]);
    expect(d!.code).toBe('AVENANT-REFERENCE-PENDANTE');
    expect(d!.dataPath).toBe('operations[1]');
    expect(d!.message).toContain('« Z-9 »');
  });
});

describe('séquence des avenants', () => {
  it('refuse deux avenants de même numéro, en nommant les deux fichiers', () => {
    const ds = errors([sourced(av(1, [{ type: 'supprimer_engagement', numero: 1 }]), 'a.yaml'), sourced(av(1, [{ type: 'supprimer_engagement', numero: 2 }]), 'b.yaml')]);
    expect(ds.map((d) => d.code)).toEqual(['AVENANT-NUMERO-DOUBLE']);
    expect(ds[0]!.message).toMatch(/b\.yaml.*a\.yaml/);
  });

  it('refuse un trou dans la numérotation', () => {
    const ds = errors([av(1, [{ type: 'supprimer_engagement', numero: 1 }]), av(3, [{ type: 'supprimer_engagement', numero: 2 }])]);
    expect(ds.map((d) => d.code)).toEqual(['AVENANT-NUMERO-ORDRE']);
    expect(ds[0]!.message).toContain('l’avenant n° 2 manque');
  });

  it('refuse une séquence qui ne commence pas à 1', () => {
    expect(errors([av(2, [{ type: 'supprimer_engagement', numero: 1 }])])[0]!.code).toBe('AVENANT-NUMERO-ORDRE');
  });

  it('accepte les avenants dans n’importe quel ordre de fichiers : le numéro fait foi', () => {
    const r = applyAvenants(smallContract(), [av(2, [{ type: 'supprimer_engagement', numero: 2 }]), av(1, [{ type: 'supprimer_engagement', numero: 1 }])]);
    expect(r.ok && r.value.history.map((h) => h.numero)).toEqual([1, 2]);
  });

  it('refuse des dates qui ne suivent pas la numérotation', () => {
    const ds = errors([
      av(1, [{ type: 'supprimer_engagement', numero: 1 }], { date: '2023-01-01', effet: '2023-02-01' }),
      av(2, [{ type: 'supprimer_engagement', numero: 2 }], { date: '2022-01-01', effet: '2022-02-01' }),
    ]);
    expect(ds.map((d) => d.code)).toEqual(['AVENANT-DATE-ORDRE', 'AVENANT-DATE-ORDRE']);
  });

  it('refuse une date d’effet antérieure à celle du contrat', () => {
    const [d] = errors([av(1, [{ type: 'supprimer_engagement', numero: 1 }], { effet: '2020-12-31' })]);
    expect(d!.code).toBe('AVENANT-DATE');
    expect(d!.dataPath).toBe('effet');
    expect(d!.message).toContain('1er\u00a0janvier\u00a02021');
  });

  it('refuse une date d’effet postérieure à la fin du contrat', () => {
    const [d] = errors([av(1, [{ type: 'supprimer_engagement', numero: 1 }], { effet: '2026-01-01' })]);
    expect(d!.code).toBe('AVENANT-DATE');
  });

  it('refuse une référence qui n’est pas celle du contrat', () => {
    const [d] = errors([av(1, [{ type: 'supprimer_engagement', numero: 1 }], { reference: 'REF-2' })]);
    expect(d!.code).toBe('AVENANT-REFERENCE');
    expect(d!.message).toContain('« REF-2 »');
    expect(d!.message).toContain('« REF-1 »');
  });

  it('refuse un avenant sur un contrat sans référence', () => {
    const base = smallContract();
    delete base.reference;
    expect(errors([av(1, [{ type: 'supprimer_engagement', numero: 1 }])], base)[0]!.code).toBe('AVENANT-REFERENCE');
  });

  it('refuse de réappliquer un avenant déjà intégré', () => {
    const r = applyAvenants(smallContract(), [av(1, [{ type: 'supprimer_engagement', numero: 1 }])]);
    if (!r.ok) throw new Error('échec inattendu');
    const r2 = applyAvenants(r.value, [av(1, [{ type: 'supprimer_engagement', numero: 1 }])]);
    expect(!r2.ok && r2.diagnostics[0]!.code).toBe('AVENANT-NUMERO-ORDRE');
  });

  it('refuse une version demandée hors de la séquence, ou deux critères à la fois', () => {
    const a = [av(1, [{ type: 'supprimer_engagement', numero: 1 }])];
    expect(errors(a, smallContract(), { jusqua: 2 })[0]!.code).toBe('AVENANT-SELECTION');
    expect(errors(a, smallContract(), { jusqua: 1, date: '2022-01-01' })[0]!.code).toBe('AVENANT-SELECTION');
    expect(errors(a, smallContract(), { date: '2022-02-30' })[0]!.code).toBe('AVENANT-SELECTION');
  });
});

describe('opérations contradictoires dans un même avenant', () => {
  it('refuse de modifier et supprimer le même engagement', () => {
    const [d, ...rest] = errors([
      av(1, [
        { type: 'modifier_engagement', numero: 3, modifications: { actions: 'x' } },
        { type: 'supprimer_engagement', numero: 3 },
      ]),
    ]);
    expect(rest).toEqual([]);
    expect(d!.code).toBe('AVENANT-CONFLIT');
    expect(d!.dataPath).toBe('operations[1]');
    expect(d!.message).toContain('l’opération 1 « modifier_engagement »');
    expect(d!.message).toContain('l’élément « engagements › 3 »');
  });

  it('nomme l’élément comme le modèle le nomme quand l’avenant est appliqué avec son modèle', () => {
    const conflit = [av(1, [{ type: 'modifier_engagement', numero: 3, modifications: { actions: 'x' } }, { type: 'supprimer_engagement', numero: 3 }])];
    const [d] = errors(conflit, smallContract(), optionsOf('idf-2021'));
    expect(d!.code).toBe('AVENANT-CONFLIT');
    expect(d!.message).toContain('portent toutes deux sur l’engagement n° 3 ;');
  });

  it('refuse une dotation modifiée et le financement remplacé', () => {
    const [d] = errors([
      av(1, [
        { type: 'modifier_dotation', nature: 'MIG', libelle: 'SMUR', modifications: { montant: 1 } },
        { type: 'remplacer_financement', financements: { dotations: [] } },
      ]),
    ]);
    expect(d!.code).toBe('AVENANT-CONFLIT');
  });

  it('refuse deux changements de la même cible, et une cible d’un engagement remplacé', () => {
    expect(
      errors([
        av(1, [
          { type: 'modifier_cible', engagement: 1, indicateur: 'Indicateur 1', annee: 'N+2', valeur: 5 },
          { type: 'reporter_echeance', engagement: 1, indicateur: 'Indicateur 1', de: 'N+2', a: 'N+4' },
        ]),
      ])[0]!.code,
    ).toBe('AVENANT-CONFLIT');
    expect(
      errors([
        av(1, [
          { type: 'remplacer_annexe', annexe: 'pilotage_interne', engagements: [] },
          { type: 'modifier_cible', engagement: 1, indicateur: 'Indicateur 1', annee: 'N+2', valeur: 5 },
        ]),
      ])[0]!.code,
    ).toBe('AVENANT-CONFLIT');
  });

  it('accepte deux modifications de champs différents du même engagement', () => {
    const r = applyAvenants(smallContract(), [
      av(1, [
        { type: 'modifier_engagement', numero: 1, modifications: { actions: 'x' } },
        { type: 'modifier_cible', engagement: 1, indicateur: 'Indicateur 1', annee: 'N+2', valeur: 5 },
      ]),
    ]);
    expect(r.ok).toBe(true);
  });
});

describe('durée', () => {
  it('refuse une prorogation qui raccourcit ou dépasse 5 ans', () => {
    expect(errors([av(1, [{ type: 'proroger', duree_ans: 5 }])])[0]!.code).toBe('AVENANT-DUREE');
    const base = smallContract();
    base.dates.duree_ans = 4;
    const [d] = errors([av(1, [{ type: 'proroger', duree_ans: 6 }])], base);
    expect(d!.message).toContain('5 ans au plus');
  });

  it('refuse de renégocier la durée tant qu’une mission demeure (BR-DUR-2)', () => {
    const base = smallContract();
    base.missions_service_public.push({ numero: 3 });
    const [d] = errors([av(1, [{ type: 'retirer_mission_service_public', numero: 1, duree_ans: 3 }])], base);
    expect(d!.code).toBe('AVENANT-DUREE');
    expect(d!.dataPath).toBe('operations[0].duree_ans');
  });

  it('refuse une durée qui ferait finir le contrat avant l’effet de l’avenant', () => {
    const [d] = errors([
      av(1, [{ type: 'retirer_mission_service_public', numero: 1, duree_ans: 1 }], { date: '2022-06-01', effet: '2022-07-01' }),
    ]);
    expect(d!.message).toContain('avant la date d’effet');
  });
});

describe('règles du modèle après application', () => {
  // The IDF rule "3 à 10 engagements" as a model verifier would report it.
  const idf = (c: Contract): Diagnostic[] =>
    c.engagements.length > 10
      ? [{ severity: 'erreur', code: 'IDF-ENGAGEMENTS-3-10', message: `${c.engagements.length} engagements, 10 au plus` }]
      : [];
  const add = (n: number) => ({
    type: 'ajouter_engagement',
    engagement: { numero: n, annexe: 'pilotage_interne', objectif_operationnel: `E${n}`, indicateurs: [{ libelle: 'I' }] },
  });

  it('refuse le 11e engagement et nomme l’opération qui l’ajoute', () => {
    const ops = [4, 5, 6, 7, 8, 9, 10, 11].map(add);
    const [d, ...rest] = errors([av(1, ops)], smallContract(), { verifier: idf });
    expect(rest).toEqual([]);
    expect(d!.code).toBe('IDF-ENGAGEMENTS-3-10');
    expect(d!.dataPath).toBe('operations[7]');
    expect(d!.message).toContain('opération 8 « ajouter_engagement »');
    expect(d!.message).toContain('11 engagements');
  });

  it('ne reproche pas un dépassement transitoire corrigé dans le même avenant', () => {
    const ops = [...[4, 5, 6, 7, 8, 9, 10, 11].map(add), { type: 'supprimer_engagement', numero: 1 }];
    expect(applyAvenants(smallContract(), [av(1, ops)], { verifier: idf }).ok).toBe(true);
  });

  it('ne reproche pas à un avenant une erreur déjà présente dans le contrat de base', () => {
    const always = (): Diagnostic[] => [{ severity: 'erreur', code: 'X', message: 'toujours' }];
    expect(applyAvenants(smallContract(), [av(1, [add(4)])], { verifier: always }).ok).toBe(true);
  });

  it('transmet les nouveaux avertissements en nommant l’avenant', () => {
    const warn = (c: Contract): Diagnostic[] =>
      c.engagements.length > 3 ? [{ severity: 'avertissement', code: 'W', message: 'beaucoup' }] : [];
    const r = applyAvenants(smallContract(), [av(1, [add(4)])], { verifier: warn });
    expect(r.ok && r.warnings.map((w) => w.message)).toEqual(['avenant n° 1 : beaucoup']);
  });
});
