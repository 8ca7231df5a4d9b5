// The avenant document: on the contract's model (its parties, visas and signature block,
// rendered from the contract as amended), with the visas of the contract and of the previous
// avenants, one article per change, the closing articles, and the replaced annexes attached.
import { fail, ok, type Result } from '../../diagnostics/diagnostic.ts';
import { buildDocumentSet } from '../../eval/build.ts';
import { MentionEvaluator } from '../../eval/mentions.ts';
import { contractEnd, formatDate, yearOf } from '../../ir/resolve/french.ts';
import { resolve } from '../../ir/resolve/index.ts';
import type { Block, Document, DocumentSet } from '../../ir/types.ts';
import { inlineText } from '../../ir/types.ts';
import type { Contract } from '../../model/contract.ts';
import type { Model } from '../../templates/load.ts';
import { documentDiagnostics } from '../ops/listes.ts';
import type { Versions } from '../versions.ts';
import { wordingContext } from './context.ts';
import { article } from './ir.ts';
import { modelParts } from './model-parts.ts';
import { articleFor } from '../operations/index.ts';
import { voletDocument } from './annexes.ts';
import { avenantView } from './view.ts';
import { WordingRenderer } from './wording-template.ts';

const AVIS_KEYS = ['conseil_surveillance', 'cme', 'cte', 'conference_medicale', 'deliberation_ag'] as const;

const periode = (c: Contract) => `${yearOf(c.dates.effet)}-${yearOf(contractEnd(c.dates))}`;

/** The DocumentSet of avenant n° k (1-based) of a sequence. */
export function buildAvenantSet(model: Model, v: Versions, k: number): Result<DocumentSet> {
  const src = v.avenants[k - 1];
  const before = v.versions[k - 1];
  const after = v.versions[k];
  if (!src || !before || !after) {
    return fail([{ severity: 'erreur', code: 'AVENANT-SELECTION', message: `avenant n° ${k} absent : la séquence compte ${v.avenants.length} avenant(s)` }]);
  }
  const a = src.avenant;
  const viewContract = avenantView(after.contract, a);
  const view = buildDocumentSet(model, viewContract);
  if (!view.ok) return view;
  const missing = documentDiagnostics(model.id, view.value.documents.slice(1).map((d) => d.id), [src]);
  if (missing.length > 0) return fail(missing);
  const socle = view.value.documents[0];
  if (!socle) return fail([{ severity: 'erreur', code: 'AVENANT-MODELE', message: `le modèle ${model.id} ne produit aucun document` }]);
  const parts = modelParts(socle);
  const renderer = new WordingRenderer(model, before.contract, after.contract, a);
  const ctx = wordingContext(model, before.contract, after.contract, view.value.documents, renderer);
  const articles = a.operations.map((op) => articleFor(op, ctx));
  const closing = renderer.render('cloture');

  const base = v.versions[0]!.contract;
  // Visas follow the model's own punctuation: DGOS visas end without « ; ».
  const lastVisa = parts.visas[parts.visas.length - 1];
  // Opinions on the avenant (BR-AV-2, BR-INST-2) that the model's visas do not already cite.
  const cited = parts.visas.map((p) => inlineText(p.content)).join('\n');
  const frame = (partie: 'titre' | 'objet' | 'visas' | 'convenu' | 'sujet') =>
    renderer.render('avenant', {
      partie,
      initial: { periode: periode(base), reference: base.reference, signature: base.dates.signature?.date, effet: base.dates.effet },
      avis: AVIS_KEYS.filter((key) => a.avis[key] && !cited.includes(formatDate(a.avis[key]!))).map((cle) => ({ cle, date: a.avis[cle]! })),
      precedents: v.avenants.slice(0, k - 1).map((p) => ({ numero: p.avenant.numero, date: p.avenant.date })),
      echange_contradictoire: a.echange_contradictoire,
      point_virgule: !(lastVisa && !/;\s*$/.test(inlineText(lastVisa.content))),
    });
  // The metadata's subject, worded with the frame (a one-paragraph part of the template).
  const subject = frame('sujet').map((b) => (b.type === 'paragraph' ? inlineText(b.content) : '')).join(' ');
  const blocks: Block[] = [
    ...frame('titre'),
    ...(parts.period ? [parts.period] : []),
    ...frame('objet'),
    ...parts.parties,
    ...parts.visas,
    ...frame('visas'),
    ...frame('convenu'),
    ...articles.flatMap((x) => (x.titre === undefined ? x.blocks : [article(x.titre), ...x.blocks])),
    ...closing,
    ...(parts.signature ? [parts.signature] : []),
  ];
  if (renderer.ev.diags.length > 0) return fail(renderer.ev.diags);
  // The articles are drafted from templates/_avenant (or the model's own _avenant/): reconstituted text
  // until the model records its legal validation.
  const mentions = new MentionEvaluator(model, viewContract);
  const provenance = mentions.provenance('reconstitue', model.manifest.avenants.validation_juridique);
  if (mentions.ev.diags.length > 0) return fail(mentions.ev.diags);
  const body: Document = {
    type: 'document',
    id: `avenant-${a.numero}`,
    name: `Avenant n° ${a.numero}`,
    headerTitle: `Avenant n° ${a.numero} — ${socle.headerTitle}`,
    orientation: 'portrait',
    paraphe: [],
    provenance: 'reconstitue',
    ...provenance,
    blocks,
  };
  // Attached once each, in the model's order; a document replaced whole wins over one of its volets.
  const specs = articles.flatMap((x) => x.attach ?? []);
  const attached = view.value.documents.flatMap((d) => {
    const mine = specs.filter((s) => s.id === d.id);
    if (mine.length === 0) return [];
    const volets = mine.every((s) => s.volet !== undefined) ? [...new Set(mine.map((s) => s.volet!))] : [];
    return [{ ...((volets.length > 0 && voletDocument(d, volets)) || d), headerTitle: body.headerTitle }];
  });
  const set: DocumentSet = {
    type: 'documentSet',
    meta: {
      ...view.value.meta,
      title: body.headerTitle,
      subject,
      date: a.signature?.date ?? a.date,
    },
    documents: [body, ...attached],
  };
  const r = resolve(set);
  return r.diagnostics.some((d) => d.severity === 'erreur') ? fail(r.diagnostics) : ok(r.set, r.diagnostics);
}
