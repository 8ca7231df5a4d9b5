// Marks for the consolidated version: each element an avenant changed carries, where the model
// prints it, the mention of the avenant that last changed it (wording: `marques` of
// templates/_avenant/version-consolidee.yaml). The marks are put in the data the model's
// templates render (objective, activity, label, target cell), so every model shows them in its
// own tables without a template change. This copy is for rendering only: the rules were checked
// on the unmarked contract.
import { formatValue } from '../../ir/resolve/french.ts';
import type { Contract } from '../../model/contract.ts';
import { YEAR_KEYS } from '../../model/contract.ts';
import { keyOf, keyString, type Key } from '../keys.ts';
import type { AmendedContract, Trace } from '../types.ts';
import type { LabelName } from '../wording/labels.ts';
import type { ConsolidationWording } from './labels.ts';

export function markContract(a: AmendedContract, w: ConsolidationWording): Contract {
  const p = a.provenance;
  const at = (k: Key) => p[keyString(k)];
  /** " [modifié par l’avenant n° 2]" — or nothing when the element was never changed. */
  const mark = (name: LabelName, t: Trace | undefined): string =>
    !t || t.nature === 'suppression' ? '' : ` ${w.text(name, { nature: t.nature, avenant: t.avenant })}`;
  const c = structuredClone(a.contract);
  for (const e of c.engagements) {
    e.objectif_operationnel += mark('marques.engagement', at(keyOf.engagement(e.numero)));
    for (const ind of e.indicateurs) {
      for (const y of YEAR_KEYS) {
        const v = ind.cibles[y];
        const t = at(keyOf.cible(e.numero, ind.libelle, y));
        if (v !== undefined && t && t.nature !== 'suppression') ind.cibles[y] = w.text('marques.cible', { valeur: formatValue(v), avenant: t.avenant });
      }
    }
  }
  for (const r of c.reconnaissances) r.activite += mark('marques.reconnaissance', at(keyOf.reconnaissance(r.numero)));
  for (const x of c.autorisations) x.activite += mark('marques.autorisation', at(keyOf.autorisation(x.arhgos)));
  for (const d of c.financements.dotations) d.libelle += mark('marques.dotation', at(keyOf.dotation(d.nature, d.libelle)));
  for (const l of c.permanence_soins) l.specialite += mark('marques.ligne_pds', at(keyOf.lignePds(l.finess_et, l.specialite, l.type_ligne)));
  for (const m of c.missions_service_public) {
    const t = at(keyOf.mission(m.numero));
    if (t && t.nature === 'ajout') m.perimetre = `${m.perimetre ?? ''}${mark('marques.mission', t)}`.trim();
  }
  return c;
}
