// The consolidated version after avenant k (BR-AV-4): the whole contract rendered by its model
// from the amended data, with the mention "Version consolidée intégrant les avenants n° 1 à k",
// the history of the avenants, the table of changed elements, and marks on the changed elements.
// It is never to be mistaken for a signed original: every page of every document says it is a
// consolidated version, each document opens with the warning that only the signed contract and
// avenants are authentic, and its signature blocks give way to the record of who signed what
// (wording: templates/_mentions.yaml).
import { fail, ok, type Result } from '../../diagnostics/diagnostic.ts';
import { buildDocumentSet } from '../../eval/build.ts';
import { MentionEvaluator } from '../../eval/mentions.ts';
import { formatDate } from '../../ir/resolve/french.ts';
import { resolve } from '../../ir/resolve/index.ts';
import type { Block, Document, DocumentSet, Paragraph } from '../../ir/types.ts';
import type { Model } from '../../templates/load.ts';
import { describeKey } from '../describe.ts';
import { parseKeyString } from '../keys.ts';
import type { AmendedContract, Trace } from '../types.ts';
import type { Versions } from '../versions.ts';
import { annexRef, documentPhrase } from './annexes.ts';
import { grid, para } from './ir.ts';
import { markContract } from './marks.ts';
import { signatureRecord } from './signatures.ts';

export function consolidationMention(k: number): string {
  return k === 1 ? 'Version consolidée intégrant l’avenant n° 1' : `Version consolidée intégrant les avenants n° 1 à ${k}`;
}

const NATURE = { ajout: 'ajout', modification: 'modification', suppression: 'suppression' } as const;

/** Mention, history table and table of changed elements, inserted under the socle's title. */
export function consolidationBlocks(model: Model, a: AmendedContract): Block[] {
  const k = a.history.length;
  const history = a.history.map((h) => [String(h.numero), formatDate(h.date), formatDate(h.effet), h.objet]);
  const row = (key: string, t: Trace, former: boolean) => {
    const k = parseKeyString(key);
    // An annex is named by its title in this model, not by its data code.
    const what = (k[0] === 'annexes' && annexRef(model, String(k[1]))?.phrase) || (k[0] === 'documents' && documentPhrase(model, String(k[1]))) || describeKey(k);
    return [`${what.charAt(0).toUpperCase()}${what.slice(1)}${former ? ' (précédent élément de ce numéro)' : ''}`, `n° ${t.avenant}`, NATURE[t.nature]];
  };
  // An identifier reused by a later avenant names two elements: the removed one comes first.
  const changes = Object.entries(a.provenance).flatMap(([key, t]) => [
    ...a.retired.filter((r) => r.key === key).map((r) => row(r.key, r.trace, true)),
    row(key, t, false),
  ]);
  return [
    para(consolidationMention(k), 'subtitle'),
    para('Chaque élément modifié porte entre crochets la mention de l’avenant qui l’a modifié en dernier lieu.', 'note'),
    para('Historique des avenants', 'center', true),
    grid([10, 20, 20, 50], ['Avenant', 'Date', 'Prise d’effet', 'Objet'], history),
    para('Éléments modifiés', 'center', true),
    grid([60, 20, 20], ['Élément', 'Dernier avenant', 'Nature'], changes, 9),
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
  const built = buildDocumentSet(model, k === 0 ? a.contract : markContract(a));
  if (!built.ok || k === 0) return built;
  const mentions = new MentionEvaluator(model, a.contract);
  const vars = { consolidation: { avenants: k } };
  const m = model.mentions.consolidee;
  const notice = mentions.text(m.mention, vars);
  const warning = para(mentions.inlines(m.avertissement, vars), 'note');
  if (mentions.ev.diags.length > 0) return fail(mentions.ev.diags);
  const record = signatureRecord(model, v, k);
  if (!record.ok) return record;
  const documents = built.value.documents.map((d, i) => consolidatedDocument(d, notice, warning, i === 0 ? consolidationBlocks(model, a) : [], record.value));
  const set: DocumentSet = {
    ...built.value,
    meta: { ...built.value.meta, title: `${built.value.meta.title} — ${consolidationMention(k).toLowerCase()}` },
    documents,
  };
  const r = resolve(set);
  return r.diagnostics.some((d) => d.severity === 'erreur') ? fail(r.diagnostics) : ok(r.set, [...built.warnings, ...r.diagnostics]);
}
