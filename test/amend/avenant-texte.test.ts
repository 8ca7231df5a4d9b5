// The legal text of avenants names annexes and volets by their titles, never by the data codes
// (« positionnement_territorial », « reconnaissances »), and a volet by itself when only it changes.
import { describe, expect, it } from 'vitest';
import { buildAvenantSet } from '../../src/amend/document/avenant.ts';
import { buildConsolidatedSet } from '../../src/amend/document/consolidated.ts';
import { buildRedlineSet } from '../../src/amend/document/redline.ts';
import { blockText, setText } from '../../src/amend/redline/text.ts';
import { allVersions } from '../../src/amend/versions.ts';
import type { DocumentSet } from '../../src/ir/types.ts';
import { av, MODELS, modelOf, rulesOf, smallContract, versionsOf } from './helpers.ts';

const must = <T>(r: { ok: true; value: T } | { ok: false; diagnostics: readonly { message: string }[] }): T => {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
};
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');
const bodyText = (s: DocumentSet) => plain(s.documents[0]!.blocks.map(blockText).join('\n'));
/** A data code: lower-case words joined by underscores (« pilotage_interne », « prive_lucratif »). */
const CODE = /\b[a-z]+(?:_[a-z0-9]+)+\b/g;
/** Annex codes of a model quoted as names: « l’annexe « reconnaissances » ». */
const quotedCodes = (text: string, codes: readonly string[]) => codes.filter((c) => text.includes(`« ${c} »`));

describe.each(MODELS)('texte des avenants %s : aucun code interne', (m) => {
  const model = modelOf(m);
  const v = versionsOf(m);
  it('ni dans les avenants, ni dans les versions consolidées, ni dans les comparaisons', () => {
    const sets: Array<[string, DocumentSet]> = [];
    for (const k of [1, 2, 3]) {
      sets.push([`avenant ${k}`, must(buildAvenantSet(model, v, k))]);
      sets.push([`version ${k}`, must(buildConsolidatedSet(model, v, k))]);
    }
    sets.push(['comparaison 0-3', must(buildRedlineSet(model, v, 0, 3))]);
    for (const [what, set] of sets) {
      const text = plain(setText(set));
      expect({ what, codes: text.match(CODE) ?? [] }).toEqual({ what, codes: [] });
      expect({ what, codes: quotedCodes(text, model.annexCodes) }).toEqual({ what, codes: [] });
      // Nor a document's file id (« annexe-09-missions-service-public »): documents are named by their title.
      const body = plain(set.documents.flatMap((d) => d.blocks.map(blockText)).join('\n'));
      expect({ what, ids: model.manifest.documents.map((d) => d.id).filter((id) => id.includes('-') && body.includes(id)) }).toEqual({ what, ids: [] });
    }
  });
});

describe('volets et annexes nommés par leur titre (IDF)', () => {
  const model = modelOf('idf-2021');
  const build = (ops: unknown[]) => {
    const v = must(allVersions(smallContract(), [av(1, ops)], { verifier: rulesOf('idf-2021') }));
    return must(buildAvenantSet(model, v, 1));
  };
  const e3 = smallContract().engagements.find((e) => e.numero === 3)!;

  it('un article qui remplace le volet 2 dit « volet 2 » et ne joint que ce volet', () => {
    // Without its RC: an engagement citing an RC is printed in the RC annex, not in volet 2.
    const { reconnaissances: _rc, ...e3SansRc } = e3;
    const set = build([{ type: 'remplacer_annexe', annexe: 'positionnement_territorial', engagements: [{ ...e3SansRc, objectif_operationnel: 'Objectif 3 révisé' }] }]);
    const text = bodyText(set);
    expect(text).toContain('Le volet 2 « positionnement territorial » de l’annexe 1 « Engagements » est remplacé par le volet joint au présent avenant.');
    expect(text).not.toMatch(/L’annexe 1 « Engagements » est remplacée/);
    expect(set.documents).toHaveLength(2);
    const joined = plain(setText({ ...set, documents: [set.documents[1]!] }));
    expect(joined).toContain('Volet 2 : positionnement territorial');
    expect(joined).toContain('Objectif 3 révisé');
    expect(joined).not.toContain('Volet 1');
    expect(plain(setText(set)).match(CODE) ?? []).toEqual([]);
  });

  it('un engagement ajouté ou supprimé est situé dans son volet, même quand le volet disparaît', () => {
    const add = { numero: 4, annexe: 'pilotage_interne', finess: '930000013', objectif_operationnel: 'Objectif 4', indicateurs: [{ libelle: 'Indicateur 4', cibles: { 'N+2': 1 } }] };
    const set = build([
      { type: 'ajouter_engagement', engagement: add },
      { type: 'supprimer_engagement', numero: 3 },
    ]);
    const text = bodyText(set);
    expect(text).toContain('Il est ajouté au volet 1 « pilotage interne » de l’annexe 1 « Engagements » un engagement n° 4');
    // Volet 2 has no engagement left: it is named as it was before the avenant.
    expect(text).toContain('L’engagement n° 3 du volet 2 « positionnement territorial » de l’annexe 1 « Engagements » (« Objectif 3 ») est supprimé.');
    expect(text.match(CODE) ?? []).toEqual([]);
  });

  it('une annexe absente du contrat modifié est nommée par son titre', () => {
    const set = build([{ type: 'remplacer_annexe', annexe: 'positionnement_territorial', engagements: [] }, { type: 'ajouter_engagement', engagement: { ...e3, numero: 4, annexe: 'pilotage_interne' } }]);
    const text = bodyText(set);
    expect(text).toContain('Les engagements du volet 2 « positionnement territorial » de l’annexe 1 « Engagements » sont supprimés.');
    expect(quotedCodes(text, model.annexCodes)).toEqual([]);
  });
});
