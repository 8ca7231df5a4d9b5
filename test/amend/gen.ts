// Generator of avenant sequences for property tests. fast-check draws "intentions" (an operation
// kind and a few numbers); they are turned into operations valid on the contract as it stands,
// skipping those that would conflict within the avenant or fail on their own. The raw versions
// (operations applied without any rule check) are returned with the avenants, so properties can
// compare applyAvenants with what the model's rules say about each version.
import fc from 'fast-check';
import { applyOperation, touches } from '../../src/amend/operations/index.ts';
import { overlaps, type Key } from '../../src/amend/keys.ts';
import { canonicalOrder, checkTogether } from '../../src/amend/together.ts';
import type { Contract } from '../../src/model/contract.ts';
import { YEAR_KEYS } from '../../src/model/contract.ts';
import { AvenantSchema, type Avenant, type Operation } from '../../src/model/avenant.ts';
import { DUREE_LEGALE } from '../../src/templates/manifest.ts';
import { modelOf } from './helpers.ts';

export interface Intent {
  readonly kind: number;
  readonly a: number;
  readonly b: number;
  readonly v: number;
}

export const KINDS = 24;
export const intent = fc.record({
  kind: fc.integer({ min: 0, max: KINDS - 1 }),
  a: fc.nat({ max: 50 }),
  b: fc.nat({ max: 50 }),
  v: fc.integer({ min: 1, max: 999 }),
});
/** 1 to 4 avenants of 1 to 6 intentions each. */
export const intents = fc.array(fc.array(intent, { minLength: 1, maxLength: 6 }), { minLength: 1, maxLength: 4 });

const pick = <T>(list: readonly T[], i: number): T | undefined => (list.length ? list[i % list.length] : undefined);

function operation(c: Contract, it: Intent): Operation | undefined {
  const { a, b, v } = it;
  const e = pick(c.engagements, a);
  const finess = c.titulaire.finess_ej;
  const next = (ns: number[]) => Math.max(0, ...ns) + 1;
  switch (it.kind) {
    case 0:
    case 22: {
      const annexes = [...new Set(c.engagements.map((x) => x.annexe))];
      return {
        type: 'ajouter_engagement',
        engagement: {
          numero: next(c.engagements.map((x) => x.numero)) + (b % 3),
          annexe: pick(annexes, b) ?? 'orientations_strategiques',
          finess,
          objectif_operationnel: `Objectif généré ${v}`,
          indicateurs: [{ libelle: `Indicateur généré ${v}`, cibles: { 'N+1': v } }],
        },
      };
    }
    case 23: // pushes text caps (IDF: 450 characters)
      return e && { type: 'modifier_engagement', numero: e.numero, modifications: { objectif_operationnel: 'x'.repeat(400 + v) } };
    case 1:
      return e && { type: 'modifier_engagement', numero: e.numero, modifications: { actions: `Actions ${v}` } };
    case 2:
      return e && { type: 'supprimer_engagement', numero: e.numero };
    case 3: {
      const ind = e && pick(e.indicateurs, b);
      return ind && { type: 'modifier_cible', engagement: e.numero, indicateur: ind.libelle, annee: YEAR_KEYS[v % 5]!, valeur: v };
    }
    case 4:
    case 5: {
      const ind = e && pick(e.indicateurs, b);
      if (!ind) return undefined;
      const years = YEAR_KEYS.filter((y) => ind.cibles[y] !== undefined);
      const de = pick(years, v);
      if (!de) return undefined;
      const i = YEAR_KEYS.indexOf(de);
      const targets = it.kind === 4 ? YEAR_KEYS.slice(i + 1) : YEAR_KEYS.slice(0, i);
      const to = pick(targets, b);
      return to && { type: it.kind === 4 ? 'reporter_echeance' : 'avancer_echeance', engagement: e.numero, indicateur: ind.libelle, de, a: to };
    }
    case 6:
      return {
        type: 'ajouter_reconnaissance',
        reconnaissance: { numero: next(c.reconnaissances.map((r) => r.numero)), activite: `Activité ${v}`, finess_et: pick(c.sites, a)?.finess_et ?? finess },
      };
    case 7: {
      const r = pick(c.reconnaissances, a);
      return r && { type: 'modifier_reconnaissance', numero: r.numero, modifications: { capacite: v % 40 } };
    }
    case 8: {
      const r = pick(c.reconnaissances, a);
      return r && { type: 'supprimer_reconnaissance', numero: r.numero };
    }
    case 9:
      return { type: 'ajouter_autorisation', autorisation: { arhgos: `G-${v}-${a}`, activite: `Activité ${v}`, finess_et: pick(c.sites, a)?.finess_et ?? finess } };
    case 10: {
      const x = pick(c.autorisations, a);
      return x && { type: 'modifier_autorisation', arhgos: x.arhgos, modifications: { modalite: `Modalité ${v}` } };
    }
    case 11: {
      const x = pick(c.autorisations, a);
      return x && { type: 'supprimer_autorisation', arhgos: x.arhgos };
    }
    case 12:
      return { type: 'ajouter_dotation', dotation: { nature: (['MIG', 'FIR', 'FMESPP', 'DAF'] as const)[b % 4]!, libelle: `Dotation ${v}`, montant: v * 100 } };
    case 13: {
      const d = pick(c.financements.dotations, a);
      return d && { type: 'modifier_dotation', nature: d.nature, libelle: d.libelle, modifications: { montant: v + 0.5 } };
    }
    case 14: {
      const d = pick(c.financements.dotations, a);
      return d && { type: 'supprimer_dotation', nature: d.nature, libelle: d.libelle };
    }
    case 15: {
      const ds = c.financements.dotations.slice(1).map((d, i, all) => (i === all.length - 1 ? { ...d, montant: v } : d));
      return { type: 'remplacer_financement', financements: { ...c.financements, dotations: ds } };
    }
    case 16: {
      const extra = { specialite: `Spécialité ${v}`, type_ligne: 'astreinte' as const, organisation: 'propre' as const, finess_et: pick(c.sites, a)?.finess_et ?? finess };
      return { type: 'modifier_permanence_soins', lignes: b % 2 ? [...c.permanence_soins.slice(1), extra] : [...c.permanence_soins, extra] };
    }
    case 17: {
      const free = Array.from({ length: 14 }, (_, i) => i + 1).filter((n) => !c.missions_service_public.some((m) => m.numero === n));
      const n = pick(free, v);
      return n === undefined ? undefined : { type: 'ajouter_mission_service_public', mission: { numero: n } };
    }
    case 18: {
      const m = pick(c.missions_service_public, a);
      return m && { type: 'retirer_mission_service_public', numero: m.numero, ...(b % 3 === 0 ? { duree_ans: 3 + (v % 3) } : {}) };
    }
    case 19:
      return { type: 'proroger', duree_ans: c.dates.duree_ans + 1 };
    case 20:
      return {
        type: 'changer_signataire',
        partie: a % 2 ? 'ars' : 'titulaire',
        personne: { civilite: v % 2 ? 'Madame' : 'Monsieur', prenom: 'Camille', nom: `Nom${v}`, qualite: 'Directrice' },
      };
    case 21: {
      const code = pick([...new Set(c.engagements.map((x) => x.annexe))], b);
      if (!code) return undefined;
      const old = c.engagements.filter((x) => x.annexe === code);
      const fresh = old.slice(1).map((x, i) => (i === 0 ? { ...x, actions: `Remplacé ${v}` } : x));
      return { type: 'remplacer_annexe', annexe: code, engagements: fresh };
    }
    default:
      return undefined;
  }
}

export interface Generated {
  readonly avenants: Avenant[];
  /** Raw versions: versions[k] = base with avenants 1..k applied, no rule checked. */
  readonly versions: Contract[];
}

/** Builds avenants (numbered 1..k, one year apart) from intentions, on `base`. */
export function build(base: Contract, groups: readonly (readonly Intent[])[]): Generated {
  const avenants: Avenant[] = [];
  const versions: Contract[] = [base];
  let cur = base;
  const [y0, m0] = base.dates.effet.split('-').map(Number) as [number, number];
  for (const group of groups) {
    const numero = avenants.length + 1;
    // Avenant k takes effect 3k months after the contract, on the first of the month.
    const months = m0 - 1 + numero * 3;
    const effet = `${y0 + Math.floor(months / 12)}-${String((months % 12) + 1).padStart(2, '0')}-01`;
    const ops: Operation[] = [];
    const used: Key[] = [];
    let draft = structuredClone(cur);
    for (const it of group) {
      const raw = operation(draft, it);
      if (!raw) continue;
      const parsed = AvenantSchema.shape.operations.element.safeParse(raw);
      if (!parsed.success) continue;
      const op = parsed.data;
      const keys = touches(op, cur);
      if (keys.some((k) => used.some((u) => overlaps(k, u)))) continue;
      const trial = structuredClone(draft);
      let failed = false;
      // The model's duration: a model that fixes the period gets no prorogation.
      applyOperation({ state: trial, duree: modelOf(base.modele).manifest.duree ?? DUREE_LEGALE, error: () => (failed = true), record: () => {} }, op, effet);
      if (failed) continue;
      // Rules between elements are checked on the avenant's result: keep the draw only when
      // the operations so far pass them (e.g. no RC removed while an engagement cites it).
      const sofar = { avenant: { numero, operations: [...ops, op] } as unknown as Avenant };
      if (checkTogether(sofar, trial).length > 0) continue;
      draft = trial;
      ops.push(op);
      used.push(...keys);
    }
    if (ops.length === 0) continue;
    // The engine applies an avenant's operations in a canonical order (additions land in the
    // order of their identifiers): the raw version follows the same order.
    draft = structuredClone(cur);
    for (const i of canonicalOrder(ops, cur)) applyOperation({ state: draft, duree: modelOf(base.modele).manifest.duree ?? DUREE_LEGALE, error: () => {}, record: () => {} }, ops[i]!, effet);
    avenants.push(
      AvenantSchema.parse({ numero, reference: base.reference, date: effet, effet, objet: `Avenant généré n° ${numero}`, operations: ops }),
    );
    versions.push(draft);
    cur = draft;
  }
  return { avenants, versions };
}
