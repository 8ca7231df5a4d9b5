// Operation « changer_signataire »: A new signatory for one party.
import { keyOf } from '../keys.ts';
import { changerSignataire } from '../ops/divers.ts';
import { defineOperation } from './module.ts';

export default defineOperation('changer_signataire', {
  apply: (env, op) => changerSignataire(env, op),
  touches: (op) => [keyOf.signataire(op.partie)],
  wording: (op, ctx) => ({ blocks: ctx.render('signataire', { op }) }),
});
