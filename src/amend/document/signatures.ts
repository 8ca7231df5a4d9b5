// The signature record of a consolidated version: a consolidated text is not signed, so instead
// of signature boxes (which would invite a signature, and would show today's signatories under
// the original signing date) it lists each act it integrates — the contract, then avenants
// 1 to k — with its place and date of signature and its signatories, as recorded in the data of
// the version that act brought into force. Wording: templates/_mentions.yaml.
import { fail, ok, type Diagnostic, type Result } from '../../diagnostics/diagnostic.ts';
import { MentionEvaluator } from '../../eval/mentions.ts';
import type { Block } from '../../ir/types.ts';
import type { Contract } from '../../model/contract.ts';
import type { Model } from '../../templates/load.ts';
import type { Versions } from '../versions.ts';
import { grid, para } from './ir.ts';
import { avenantView } from './view.ts';

interface Act {
  /** The contract in force once the act is signed: its parties are the act's signatories. */
  readonly contract: Contract;
  readonly acte: { readonly numero?: number; readonly date?: string; readonly lieu?: string };
}

export function signatureRecord(model: Model, v: Versions, k: number): Result<Block[]> {
  const m = model.mentions.consolidee.signatures;
  const parties = model.manifest.signature.ordre;
  const missing = parties.filter((p) => !Object.hasOwn(m.parties, p));
  if (missing.length > 0) {
    return fail([
      {
        severity: 'erreur',
        code: 'MODELE-MENTIONS',
        message: `templates/_mentions.yaml : version_consolidee.signatures.parties ne décrit pas la partie « ${missing.join(' », « ')} » du modèle ${model.id} (signature.ordre)`,
      },
    ]);
  }
  const base = v.versions[0]!.contract;
  const acts: Act[] = [
    { contract: base, acte: { ...(base.dates.signature ? { date: base.dates.signature.date, lieu: base.dates.signature.lieu } : {}) } },
    ...v.avenants.slice(0, k).map((s, i) => {
      const a = s.avenant;
      return { contract: avenantView(v.versions[i + 1]!.contract, a), acte: { numero: a.numero, date: a.signature?.date ?? a.date, ...(a.signature ? { lieu: a.signature.lieu } : {}) } };
    }),
  ];
  const diags: Diagnostic[] = [];
  const rows = acts.map(({ contract, acte }, i) => {
    const ev = new MentionEvaluator(model, contract);
    const row = [
      ev.text(i === 0 ? m.contrat : m.avenant, { acte }),
      ev.text(m.signature, { acte }),
      ...parties.map((p) => ev.text(m.parties[p]!.signataire, { acte })),
    ];
    diags.push(...ev.ev.diags);
    return row;
  });
  const head = new MentionEvaluator(model, base);
  const header = [head.text(m.colonneActe), head.text(m.colonneSignature), ...parties.map((p) => head.text(m.parties[p]!.colonne))];
  const intro = head.text(m.introduction);
  diags.push(...head.ev.diags);
  if (diags.length > 0) return fail(diags);
  const widths = [16, 22, ...parties.map(() => 62 / parties.length)];
  return ok([para(intro, 'body', true), grid(widths, header, rows, 9)]);
}
