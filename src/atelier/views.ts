// What the atelier shows beside the editor: which documents each example contract gets (the
// applicability matrix) and where each document's and article's text comes from (provenance,
// as `cpom modeles --provenance` prints it).
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { applicableDocuments } from '../eval/build.ts';
import { toRel } from './library.ts';
import type { Model } from '../templates/load.ts';
import { headings, validationText } from '../cli/commands/info.ts';
import type { Workshop } from './workshop.ts';

export interface MatrixRow {
  readonly contrat: string;
  /** Document ids the contract gets; absent when the contract does not load. */
  readonly documents?: readonly string[];
  readonly erreur?: string;
}

export function applicabilityMatrix(w: Workshop, model: Model, contracts: readonly string[], nameOf: (path: string) => string): MatrixRow[] {
  const rows: MatrixRow[] = [];
  for (const path of contracts) {
    const c = w.contract(path);
    if (c.ok && c.value.modele !== model.id) continue;
    const name = nameOf(path);
    if (!c.ok) {
      rows.push({ contrat: name, erreur: firstMessage(c.diagnostics) });
      continue;
    }
    try {
      rows.push({ contrat: name, documents: applicableDocuments(model, c.value) });
    } catch (e) {
      rows.push({ contrat: name, erreur: (e as Error).message });
    }
  }
  return rows;
}

function firstMessage(d: readonly Diagnostic[]): string {
  return d[0]?.message ?? 'contrat illisible';
}

export interface ProvenanceDocument {
  readonly id: string;
  readonly nom: string;
  readonly fichier: string;
  readonly provenance: 'verbatim' | 'reconstitue';
  readonly detail?: string;
  readonly validation?: string;
  readonly applicable?: string;
  readonly articles: readonly string[];
}

export function provenance(model: Model): ProvenanceDocument[] {
  return model.documents.map((d) => {
    const e = d.entry;
    return {
      id: e.id,
      nom: e.nom,
      fichier: `${model.id}/${e.fichier}`,
      provenance: e.provenance,
      ...(e.provenance_detail ? { detail: e.provenance_detail } : {}),
      ...(e.provenance === 'reconstitue' ? { validation: validationText(e.validation_juridique) } : {}),
      ...(e.applicable ? { applicable: e.applicable } : {}),
      articles: headings(d.template.body),
    };
  });
}
