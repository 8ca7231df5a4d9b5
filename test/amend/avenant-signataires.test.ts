// Who signs: a new DG brings the new nomination decree into the visas; an avenant names its own
// signatories (by delegation: the delegate's name and quality) without changing the contract's;
// a legal representative who is a woman is « la représentante légale ».
import { describe, expect, it } from 'vitest';
import { buildAvenantSet } from '../../src/amend/document/avenant.ts';
import { blockText } from '../../src/amend/redline/text.ts';
import { allVersions } from '../../src/amend/versions.ts';
import { buildDocumentSet } from '../../src/index.ts';
import type { DocumentSet } from '../../src/ir/types.ts';
import { av, avenantsOf, contractOf, modelOf, rulesOf, smallContract, versionsOf } from './helpers.ts';

const must = <T>(r: { ok: true; value: T } | { ok: false; diagnostics: readonly { message: string }[] }): T => {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
};
const text = (s: DocumentSet) => s.documents[0]!.blocks.map(blockText).join('\n').replace(/[\u00a0\u202f]/g, ' ');
const sig = (s: DocumentSet) => text({ ...s, documents: [{ ...s.documents[0]!, blocks: s.documents[0]!.blocks.filter((b) => b.type === 'signature') }] });
const op = { type: 'modifier_cible', engagement: 1, indicateur: 'Indicateur 1', annee: 'N+2', valeur: 7 };
const dg = { civilite: 'Monsieur', prenom: 'Pierre', nom: 'Blanc', qualite: 'Directeur général' };

describe('signataires', () => {
  it('un changement de directeur général met à jour le visa du décret de nomination (Occitanie)', () => {
    const base = avenantsOf('occitanie-2019', ['avenant-1.yaml'])[0]!;
    const decret = 'décret du 3 mars 2020 portant nomination de M. Pierre Blanc en qualité de directeur général de l’agence régionale de santé Occitanie';
    const a = { ...base, avenant: { ...base.avenant, operations: [{ type: 'changer_signataire' as const, partie: 'ars' as const, personne: dg as never, decret_nomination: decret }] } };
    const v = must(allVersions(contractOf('occitanie-2019'), [a], { verifier: rulesOf('occitanie-2019') }));
    expect(v.versions[1]!.contract.ars.decret_nomination).toBe(decret);
    const t = text(must(buildAvenantSet(modelOf('occitanie-2019'), v, 1)));
    expect(t).toContain(`Vu le ${decret} ;`);
    expect(t).not.toContain('Vu le décret du 30 juin 2016 portant nomination');
  });

  it('l’avenant nomme ses propres signataires, sans changer ceux du contrat', () => {
    const signature = { lieu: 'Paris', date: '2021-06-01', delegation: 'Monsieur Marc Lenoir, directeur de l’offre de soins', titulaire: { civilite: 'Madame', prenom: 'Claire', nom: 'Martin', qualite: 'Directrice par intérim' } };
    const v = must(allVersions(smallContract(), [av(1, [op], { signature })], { verifier: rulesOf('idf-2021') }));
    const s = sig(must(buildAvenantSet(modelOf('idf-2021'), v, 1)));
    expect(s).toContain('par délégation');
    expect(s).toContain('Monsieur Marc Lenoir, directeur de l’offre de soins');
    expect(s).toContain('Claire MARTIN');
    expect(s).toContain('la représentante légale');
    expect(v.versions[1]!.contract.ars.delegation).toBeUndefined();
    expect(v.versions[1]!.contract.titulaire.representant.nom).toBe('Petit');
  });

  it.each([
    ['dgos-2012', 3, 'Monsieur Olivier Ferrand, directeur de l’offre de soins', 'Véronique Wallon'],
    ['occitanie-2019', 1, 'Madame Hélène Castel, directrice de l’offre de soins et de l’autonomie', 'Pierre Ricordeau'],
    // Avenant 3 attaches the financing annex, which has a signature block of its own.
    ['occitanie-2019', 3, 'Madame Hélène Castel, directrice de l’offre de soins et de l’autonomie', 'Pierre Ricordeau'],
  ] as const)('%s : une signature par délégation imprime le nom et la qualité du délégataire', (m, k, delegate, dg) => {
    const set = must(buildAvenantSet(modelOf(m), versionsOf(m), k));
    const s = sig(set);
    expect(s).toContain(delegate);
    // Every signature block of the set (attached annexes signed separately included) names the delegate.
    for (const d of set.documents) for (const b of d.blocks) if (b.type === 'signature') expect(blockText(b).replace(/[\u00a0\u202f]/g, ' ')).not.toContain(dg.split(' ')[1]!.toUpperCase());
    expect(s).toMatch(/par délégation/i);
    expect(s).not.toContain(dg.split(' ')[1]!.toUpperCase());
    expect(s).not.toContain(dg);
  });

  it('« la représentante légale » dans le contrat IDF quand la donnée dit Madame', () => {
    const c = smallContract();
    c.titulaire.representant = { civilite: 'Madame', prenom: 'Claire', nom: 'Martin', qualite: 'Directrice' };
    const set = must(buildDocumentSet(modelOf('idf-2021'), c));
    expect(text(set)).toContain('ayant pour représentante légale Madame Claire MARTIN');
    // The role in general (« le représentant légal du titulaire » in the articles) stays; the person is named in the feminine.
    expect(sig(set)).toContain('la représentante légale');
    expect(sig(set)).not.toContain('représentant légal');
  });
});
