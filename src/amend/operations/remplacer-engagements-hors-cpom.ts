// Operation « remplacer_engagements_hors_cpom »: The commitments outside the CPOM replaced whole.
import { keyOf } from '../keys.ts';
import { remplacerHorsCpom } from '../ops/listes.ts';
import { articleHorsCpom as article } from '../document/wording-nouvelles.ts';
import { defineOperation } from './module.ts';

export default defineOperation('remplacer_engagements_hors_cpom', {
  apply: (env, op) => remplacerHorsCpom(env, op),
  touches: (op) => [keyOf.liste('engagements_hors_cpom')],
  wording: (op, ctx) => article(op, ctx),
});
