// Operation « remplacer_annexe »: An annex of engagements replaced whole: it touches the annex and every engagement in it, before or after.
import { keyOf } from '../keys.ts';
import { remplacerAnnexe } from '../ops/engagements.ts';
import { rendersVolet } from '../document/annexes.ts';
import { annexeData, anneesData } from '../document/context.ts';
import { defineOperation } from './module.ts';

export default defineOperation('remplacer_annexe', {
  apply: (env, op) => remplacerAnnexe(env, op),
  touches: (op, before) => {
    const nums = new Set<number>(before.engagements.filter((e) => e.annexe === op.annexe).map((e) => e.numero));
    for (const e of op.engagements) nums.add(e.numero);
    return [keyOf.annexe(op.annexe), ...[...nums].sort((a, b) => a - b).map(keyOf.engagement)];
  },
  wording: (op, ctx) => {
    const ref = ctx.annex(op.annexe);
    const d = ref && ctx.document(ref.docId);
    // A volet is replaced by itself: only its section of the annex is attached. An annex (or
    // volet) the amended contract does not render is not attached: the article words it.
    const volet = ref?.volet;
    const jointe = d !== undefined && (volet === undefined || rendersVolet(d, volet));
    const blocks = ctx.render('engagements-remplacement', { op, annexe: annexeData(ctx, op.annexe), jointe, annees: anneesData(ctx) });
    return jointe && d ? { blocks, attach: [{ id: d.id, ...(volet !== undefined ? { volet } : {}) }] } : { blocks };
  },
});
