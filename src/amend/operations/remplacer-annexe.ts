// Operation « remplacer_annexe »: An annex of engagements replaced whole: it touches the annex and every engagement in it, before or after.
import { keyOf } from '../keys.ts';
import { remplacerAnnexe } from '../ops/engagements.ts';
import { remplacerAnnexe as article } from '../document/wording-engagements.ts';
import { defineOperation } from './module.ts';

export default defineOperation('remplacer_annexe', {
  apply: (env, op) => remplacerAnnexe(env, op),
  touches: (op, before) => {
    const nums = new Set<number>(before.engagements.filter((e) => e.annexe === op.annexe).map((e) => e.numero));
    for (const e of op.engagements) nums.add(e.numero);
    return [keyOf.annexe(op.annexe), ...[...nums].sort((a, b) => a - b).map(keyOf.engagement)];
  },
  wording: (op, ctx) => article(op, ctx),
});
