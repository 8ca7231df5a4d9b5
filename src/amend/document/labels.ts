// The consolidated version's labels (templates/_avenant/version-consolidee.yaml, or the model's
// own), evaluated for one contract: errors (a value missing from the data, an element no label
// names) are collected in the mentions' evaluator, which the caller checks before writing.
import { MentionEvaluator } from '../../eval/mentions.ts';
import type { Model } from '../../templates/load.ts';
import type { Contract } from '../../model/contract.ts';
import { elementLabel } from '../describe.ts';
import { annexRef, documentNom, type AnnexNom } from './annexes.ts';
import { keyString, type Key } from '../keys.ts';
import type { LabelName } from '../wording/labels.ts';

export class ConsolidationWording {
  readonly mentions: MentionEvaluator;

  constructor(
    private readonly model: Model,
    contract: Contract,
  ) {
    this.mentions = new MentionEvaluator(model, contract);
  }

  text(name: LabelName, vars: Readonly<Record<string, unknown>> = {}): string {
    return this.mentions.text(this.model.consolidation[name].nodes, vars);
  }

  /** The element's name (« l’engagement n° 3 »), from the `elements.*` label its key calls for. */
  element(k: Key): string {
    const l = elementLabel(k);
    if (l) return this.text(l.name, { ...l.vars, ...this.annexNom(k) });
    const file = this.model.consolidation['elements.engagement'].file;
    this.mentions.ev.diags.push({
      severity: 'erreur',
      code: 'AVENANT-LIBELLE',
      message: `aucun libellé de ${file} (elements) ne nomme l’élément modifié « ${keyString(k)} » : la version consolidée n’est pas produite`,
    });
    return '';
  }

  /** An annex or a document is named by its title in the model, when the model renders it. */
  private annexNom(k: Key): { nom?: AnnexNom | undefined } {
    // Bound even when absent: the label tests it with existe(nom).
    if (k[0] === 'annexes') return { nom: annexRef(this.model, String(k[1]))?.nom };
    if (k[0] === 'documents') return { nom: documentNom(this.model, String(k[1])) };
    return {};
  }
}

/**
 * Names elements in refusal messages (conflicting operations) with the model's labels, as the
 * consolidated version names them; undefined when no label names the element.
 */
export const elementNamer =
  (model: Model) =>
  (k: Key, c: Contract): string | undefined => {
    const w = new ConsolidationWording(model, c);
    const name = w.element(k);
    return w.mentions.ev.diags.length === 0 ? name : undefined;
  };
