// The consolidated version after avenant k (BR-AV-4): the whole contract rendered by its model
// from the amended data, with the mention "Version consolidée intégrant les avenants n° 1 à k",
// the history of the avenants, the table of changed elements, and marks on the changed elements
// (wording: templates/_avenant/version-consolidee.yaml, which a model may override).
// It is never to be mistaken for a signed original: every page of every document says it is a
// consolidated version, each document opens with the warning that only the signed contract and
// avenants are authentic, and its signature blocks give way to the record of who signed what
// (wording: templates/_mentions.yaml).
import { fail, ok, type Result } from '../../diagnostics/diagnostic.ts';
import { buildDocumentSet } from '../../eval/build.ts';
import { formatDate } from '../../ir/resolve/french.ts';
import { resolve } from '../../ir/resolve/index.ts';
import type { Block, Document, DocumentSet, Paragraph } from '../../ir/types.ts';
import type { Model } from '../../templates/load.ts';
import { parseKeyString } from '../keys.ts';
import type { AmendedContract, Trace } from '../types.ts';
import type { Versions } from '../versions.ts';
import { grid, para } from './ir.ts';
import { ConsolidationWording } from './labels.ts';
import { markContract } from './marks.ts';
import { signatureRecord } from './signatures.ts';

/** Mention, history table and table of changed elements, inserted under the socle's title. */
export function consolidationBlocks(model: Model, a: AmendedContract, w: ConsolidationWording): Block[] {
  const history = a.history.map((h) => [String(h.numero), formatDate(h.date), formatDate(h.effet), h.objet]);
  const row = (key: string, t: Trace, precedent: boolean) => {
    const k = parseKeyString(key);
    const what = w.element(k);
    const element = `${what.charAt(0).toUpperCase()}${what.slice(1)}`;
    return [w.text('elements_modifies.element', { element, precedent }), w.text('elements_modifies.avenant', { avenant: t.avenant }), w.text(`elements_modifies.${t.nature}`)];
  };
  // An identifier reused by a later avenant names two elements: the removed one comes first.
  const changes = Object.entries(a.provenance).flatMap(([key, t]) => [
    ...a.retired.filter((r) => r.key === key).map((r) => row(r.key, r.trace, true)),
    row(key, t, false),
  ]);
  const h = (c: 'avenant' | 'date' | 'effet' | 'objet') => w.text(`historique.colonne_${c}`);
  const e = (c: 'element' | 'avenant' | 'nature') => w.text(`elements_modifies.colonne_${c}`);
  return [
    para(w.text('mention', { consolidation: { avenants: a.history.length } }), 'subtitle'),
    para(w.text('note'), 'note'),
    para(w.text('historique.titre'), 'center', true),
    grid([10, 20, 20, 50], [h('avenant'), h('date'), h('effet'), h('objet')], history),
    para(w.text('elements_modifies.titre'), 'center', true),
    grid([60, 20, 20], [e('element'), e('avenant'), e('nature')], changes, 9),
  ];
}

/** Index just under a document's title (and the period line that follows it, if any). */
export function underTitle(blocks: readonly Block[]): number {
  let at = blocks.findIndex((b) => b.type === 'heading' && b.level === 1) + 1;
  const next = blocks[at];
  if (next?.type === 'paragraph' && next.style === 'subtitle') at++;
  return at;
}

/**
 * A document of the consolidated version: the notice on every page, the warning under its
 * title (then, for the socle, the history), the signature record instead of each signature
 * block, and no paraphe box (nothing on a consolidated version invites a signature).
 */
function consolidatedDocument(d: Document, notice: string, warning: Paragraph, opening: readonly Block[], record: readonly Block[]): Document {
  const at = underTitle(d.blocks);
  const blocks = [...d.blocks.slice(0, at), warning, ...opening, ...d.blocks.slice(at)].flatMap((b) => (b.type === 'signature' ? record : [b]));
  const { parapheLabels: _labels, ...rest } = d;
  return { ...rest, paraphe: [], notices: [...(d.notices ?? []), notice], blocks };
}

/** The DocumentSet of version k (0: the base contract as signed). */
export function buildConsolidatedSet(model: Model, v: Versions, k: number): Result<DocumentSet> {
  const a = v.versions[k];
  if (!a) {
    return fail([{ severity: 'erreur', code: 'AVENANT-SELECTION', message: `version ${k} indisponible : la séquence compte ${v.avenants.length} avenant(s)` }]);
  }
  if (k === 0) return buildDocumentSet(model, a.contract);
  const w = new ConsolidationWording(model, a.contract);
  const marked = markContract(a, w);
  if (w.mentions.ev.diags.length > 0) return fail(w.mentions.ev.diags);
  const built = buildDocumentSet(model, marked);
  if (!built.ok) return built;
  const mentions = w.mentions;
  const vars = { consolidation: { avenants: k } };
  const m = model.mentions.consolidee;
  const notice = mentions.text(m.mention, vars);
  const warning = para(mentions.inlines(m.avertissement, vars), 'note');
  const opening = consolidationBlocks(model, a, w);
  const mention = w.text('mention', vars);
  if (mentions.ev.diags.length > 0) return fail(mentions.ev.diags);
  const record = signatureRecord(model, v, k);
  if (!record.ok) return record;
  const documents = built.value.documents.map((d, i) => consolidatedDocument(d, notice, warning, i === 0 ? opening : [], record.value));
  const set: DocumentSet = {
    ...built.value,
    // The mention continues the title: its initial capital goes.
    meta: { ...built.value.meta, title: `${built.value.meta.title} — ${mention.charAt(0).toLowerCase()}${mention.slice(1)}` },
    documents,
  };
  const r = resolve(set);
  return r.diagnostics.some((d) => d.severity === 'erreur') ? fail(r.diagnostics) : ok(r.set, [...built.warnings, ...r.diagnostics]);
}
