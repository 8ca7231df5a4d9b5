// Marks for the consolidated version: each element an avenant changed carries, where the model
// prints it, the mention of the avenant that last changed it. The marks are put in the data the
// model's templates render (objective, activity, label, target cell), so every model shows them
// in its own tables without a template change. This copy is for rendering only: the rules were
// checked on the unmarked contract.
import { formatValue } from '../../ir/resolve/french.ts';
import type { Contract } from '../../model/contract.ts';
import { YEAR_KEYS } from '../../model/contract.ts';
import { keyOf, keyString, type Key } from '../keys.ts';
import type { AmendedContract, Trace } from '../types.ts';

const VERB: Record<'ajout' | 'modification', [string, string]> = {
  ajout: ['ajouté', 'ajoutée'],
  modification: ['modifié', 'modifiée'],
};

/** " [modifié par l’avenant n° 2]" — or nothing when the element was never changed. */
function mention(t: Trace | undefined, feminine = false): string {
  if (!t || t.nature === 'suppression') return '';
  return ` [${VERB[t.nature][feminine ? 1 : 0]} par l’avenant n° ${t.avenant}]`;
}

export function markContract(a: AmendedContract): Contract {
  const p = a.provenance;
  const at = (k: Key) => p[keyString(k)];
  const c = structuredClone(a.contract);
  for (const e of c.engagements) {
    e.objectif_operationnel += mention(at(keyOf.engagement(e.numero)));
    for (const ind of e.indicateurs) {
      for (const y of YEAR_KEYS) {
        const v = ind.cibles[y];
        const t = at(keyOf.cible(e.numero, ind.libelle, y));
        if (v !== undefined && t && t.nature !== 'suppression') ind.cibles[y] = `${formatValue(v)} [av. n° ${t.avenant}]`;
      }
    }
  }
  for (const r of c.reconnaissances) r.activite += mention(at(keyOf.reconnaissance(r.numero)), true);
  for (const x of c.autorisations) x.activite += mention(at(keyOf.autorisation(x.arhgos)), true);
  for (const d of c.financements.dotations) d.libelle += mention(at(keyOf.dotation(d.nature, d.libelle)), true);
  for (const l of c.permanence_soins) l.specialite += mention(at(keyOf.lignePds(l.finess_et, l.specialite, l.type_ligne)), true);
  for (const m of c.missions_service_public) {
    const t = at(keyOf.mission(m.numero));
    if (t && t.nature === 'ajout') m.perimetre = `${m.perimetre ?? ''}${mention(t, true)}`.trim();
  }
  return c;
}
