import { describe, expect, it } from 'vitest';
import { buildAvenantSet } from '../../src/amend/document/avenant.ts';
import { buildConsolidatedSet } from '../../src/amend/document/consolidated.ts';
import { buildRedlineSet } from '../../src/amend/document/redline.ts';
import { acceptAll, rejectAll } from '../../src/amend/redline/accept.ts';
import { blockText, setText } from '../../src/amend/redline/text.ts';
import type { DocumentSet, SignatureBlock } from '../../src/ir/types.ts';
import { writeDocx } from '../../src/index.ts';
import { MODELS, modelOf, versionsOf } from './helpers.ts';

const must = <T>(r: { ok: true; value: T } | { ok: false; diagnostics: readonly { message: string }[] }): T => {
  if (!r.ok) throw new Error(r.diagnostics.map((d) => d.message).join('\n'));
  return r.value;
};
const bodyText = (s: DocumentSet) => s.documents[0]!.blocks.map(blockText).join('\n').replace(/[\u00a0\u202f]/g, ' ');
const signatureOf = (s: DocumentSet) => s.documents[0]!.blocks.find((b): b is SignatureBlock => b.type === 'signature');

describe.each(MODELS)('documents d’avenant %s', (m) => {
  const model = modelOf(m);
  const v = versionsOf(m);

  it('produit chaque avenant sur le modèle du contrat', () => {
    const socle = must(buildConsolidatedSet(model, v, 0));
    for (const k of [1, 2, 3]) {
      const set = must(buildAvenantSet(model, v, k));
      const text = bodyText(set);
      expect(text).toContain(`Avenant n° ${k} au contrat pluriannuel d’objectifs et de moyens`);
      expect(text).toMatch(/Vu le contrat pluriannuel d’objectifs et de moyens \d{4}-\d{4} n° \S+ signé le/);
      for (let p = 1; p < k; p++) expect(text).toContain(`Vu l’avenant n° ${p} au contrat en date du`);
      expect(text).not.toContain(`Vu l’avenant n° ${k} `);
      expect(text).toContain('Les autres dispositions du contrat demeurent inchangées.');
      expect(text).toContain(`Le présent avenant prend effet le`);
      // One article per operation, then the two closing articles.
      const articles = set.documents[0]!.blocks.filter((b) => b.type === 'heading' && b.level === 3);
      expect(articles).toHaveLength(v.avenants[k - 1]!.avenant.operations.length + 2);
      expect(articles.map((h) => (h.type === 'heading' ? h.number?.replace(/\u00a0/g, ' ') : ''))).toEqual(articles.map((_, i) => `Article ${i + 1}`));
      // Signatures in the model's order, signed at the avenant's place and date.
      expect(signatureOf(set)?.parties.map((p) => p.id)).toEqual(signatureOf(socle)?.parties.map((p) => p.id));
      const sig = v.avenants[k - 1]!.avenant.signature!;
      expect(blockText(signatureOf(set)!)).toContain(sig.lieu);
    }
  });

  it('joint les annexes remplacées, avec leurs cases de paraphe', () => {
    const set = must(buildAvenantSet(model, v, 3));
    // The contract as signed: a consolidated version has no paraphe box.
    const full = must(buildConsolidatedSet(model, v, 0));
    expect(set.documents.length).toBeGreaterThan(1);
    for (const d of set.documents.slice(1)) {
      const original = full.documents.find((x) => x.id === d.id)!;
      expect(d.paraphe).toEqual(original.paraphe);
      expect(bodyText(set)).toContain('est remplacée par l’annexe jointe au présent avenant.');
    }
  });

  it('donne la version consolidée avec la mention, l’historique et les marques', () => {
    const set = must(buildConsolidatedSet(model, v, 3));
    const text = bodyText(set);
    expect(text).toContain('Version consolidée intégrant les avenants n° 1 à 3');
    for (const h of v.versions[3]!.history) expect(text).toContain(h.objet.replace(/[\u00a0\u202f]/g, ' ').slice(0, 30));
    expect(setText(set).replace(/[\u00a0\u202f]/g, ' ')).toMatch(/\[(modifié|ajouté)e? par l’avenant n° \d\]/);
    expect(bodyText(must(buildConsolidatedSet(model, v, 1)))).toContain('Version consolidée intégrant l’avenant n° 1');
    expect(bodyText(must(buildConsolidatedSet(model, v, 0)))).not.toContain('Version consolidée');
  });

  it('compare deux versions : tout accepter donne la version j, tout refuser la version i', () => {
    for (let i = 0; i < 3; i++) {
      for (let j = i + 1; j <= 3; j++) {
        const red = must(buildRedlineSet(model, v, i, j));
        expect(setText(acceptAll(red))).toBe(setText(must(buildConsolidatedSet(model, v, j))));
        expect(setText(rejectAll(red))).toBe(setText(must(buildConsolidatedSet(model, v, i))));
        // Each change is dated by the avenant that made it, one of i + 1..j (redline-readable.test.ts).
        const marks = [...JSON.stringify(red).matchAll(/"revision":\{"kind":"(insertion|suppression)","author":"([^"]+)","date":"([^"]+)"/g)];
        expect(marks.length).toBeGreaterThan(0);
        const made = v.avenants.slice(i, j).map((a) => a.avenant.date);
        for (const mk of marks) expect(made).toContain(mk[3]);
        expect(marks[0]![2]).toBe(v.versions[j]!.contract.ars.nom);
      }
    }
  });

  it('refuse une comparaison hors des versions existantes', () => {
    expect(buildRedlineSet(model, v, 2, 2).ok).toBe(false);
    expect(buildRedlineSet(model, v, 0, 4).ok).toBe(false);
    expect(buildAvenantSet(model, v, 4).ok).toBe(false);
  });

  it('est déterministe jusqu’à l’octet', () => {
    const a = writeDocx(must(buildRedlineSet(model, v, 1, 3)));
    const b = writeDocx(must(buildRedlineSet(model, versionsOf(m), 1, 3)));
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
