// Contract + model → resolved DocumentSet: the one entry point both writers start from.
import type { Diagnostic, Result } from '../diagnostics/diagnostic.ts';
import { fail, ok } from '../diagnostics/diagnostic.ts';
import { contractEnd, yearOf } from '../ir/resolve/french.ts';
import { resolve } from '../ir/resolve/index.ts';
import type { Document, DocumentSet } from '../ir/types.ts';
import { inlineText } from '../ir/types.ts';
import type { Contract } from '../model/contract.ts';
import { documentSignature } from '../templates/annex-signatures.ts';
import type { Model } from '../templates/load.ts';
import { latestEnd } from '../templates/manifest.ts';
import { own } from '../dsl/own.ts';
import { contractFields } from '../dsl/types.ts';
import { BlockEvaluator } from './blocks.ts';
import { type Binding, Env, type Runtime, truthy } from './env.ts';
import { Evaluator } from './expr.ts';
import { MentionEvaluator } from './mentions.ts';

/** "Agence Régionale de Santé Occitanie" → "Occitanie" when `ars.region` is not given. */
export function regionName(c: Contract): string {
  if (c.ars.region) return c.ars.region;
  return c.ars.nom.replace(/^agence\s+r[ée]gionale\s+de\s+sant[ée]\s+(d[e’']\s*|de l[a’']\s*|du\s+|des\s+)?/i, '').trim();
}

export function runtimeOf(model: Model, c: Contract): Runtime {
  const endDate = contractEnd(c.dates);
  const effectYear = yearOf(c.dates.effet);
  return { manifest: model.manifest, contract: c, endDate, yearN: model.manifest.annees.convention === 'effet' ? effectYear : effectYear - 1 };
}

export function rootEnv(model: Model, c: Contract): Env {
  const rt = runtimeOf(model, c);
  const vars = new Map<string, Binding>();
  // Every top-level field of the schema is bound, absent optional ones to undefined, so
  // `existe(contrat_precedent)` is false rather than an unbound name.
  for (const k of Object.keys(contractFields())) vars.set(k, { value: (c as Record<string, unknown>)[k], path: k });
  vars.set('contrat', {
    path: 'contrat',
    value: {
      periode: `${yearOf(c.dates.effet)}-${yearOf(rt.endDate)}`,
      annee_n: rt.yearN,
      debut: c.dates.effet,
      fin: rt.endDate,
      fin_maximale: latestEnd(model.manifest.duree, c.dates),
      duree_ans: c.dates.duree_ans,
    },
  });
  vars.set('modele', {
    path: 'modele',
    value: { id: model.manifest.id, titre: model.manifest.titre, version: model.manifest.version, originaux: model.manifest.signature.originaux ?? undefined },
  });
  // Its data path is the field it comes from, so printing `region` counts `ars.nom` as printed.
  vars.set('region', { value: regionName(c), path: c.ars.region ? 'ars.region' : 'ars.nom' });
  // Rebound per document while rendering; outside a document (rules, header) it is empty.
  vars.set('document', { value: { id: '', annexes_engagements: [] }, path: 'document' });
  // Rebound per document too: an annex signed on its own has its own place and date.
  vars.set('signature', documentSignature(model, c, model.documents[0]?.entry.id ?? ''));
  return Env.root(vars, rt);
}

const DEFAULT_PARAPHE: Readonly<Record<string, string>> = { titulaire: 'Paraphe du titulaire', ars: 'Paraphe de l’ARS' };

/** Label of a party's paraphe box: the manifest's, else a default, else the party id. */
export function parapheLabel(model: Model, party: string): string {
  return own(model.manifest.signature.paraphes, party) ?? own(DEFAULT_PARAPHE, party) ?? `Paraphe — ${party}`;
}

/** Which documents of the model apply to this contract (manifest `applicable` expressions). */
export function applicableDocuments(model: Model, c: Contract): string[] {
  const env = rootEnv(model, c);
  const ev = new Evaluator();
  return model.documents.filter((d) => !d.applicable || truthy(ev.eval(d.applicable, env).value)).map((d) => d.entry.id);
}

export interface BuildOptions {
  /** Restrict to these document ids (still subject to applicability). */
  readonly documents?: readonly string[];
  /** Filled with the data paths whose values the documents used (see Evaluator.used). */
  readonly used?: Set<string>;
  /** Filled with the printed data paths outside passages marked occultable (see Evaluator.shown). */
  readonly shown?: Set<string>;
  /** Filled with the printed data paths inside passages marked occultable (see Evaluator.hidden). */
  readonly hidden?: Set<string>;
}

export function buildDocumentSet(model: Model, c: Contract, opts: BuildOptions = {}): Result<DocumentSet> {
  const env = rootEnv(model, c);
  const ev = new Evaluator();
  const blocks = new BlockEvaluator(ev);
  const mentions = new MentionEvaluator(model, c, ev);
  const headerTitle = inlineText(blocks.inlines(model.header, env));
  const documents: Document[] = [];
  for (const d of model.documents) {
    if (opts.documents && !opts.documents.includes(d.entry.id)) continue;
    if (d.applicable && !ev.test(d.applicable, env)) continue;
    const docEnv = env.child(
      new Map([
        ['document', { value: { id: d.entry.id, annexes_engagements: d.entry.annexes_engagements }, path: 'document' }],
        ['signature', documentSignature(model, c, d.entry.id)],
      ]),
    );
    documents.push({
      type: 'document',
      id: d.entry.id,
      name: inlineText(blocks.inlines(d.name, docEnv)),
      headerTitle,
      orientation: d.entry.orientation === 'paysage' ? 'landscape' : 'portrait',
      paraphe: d.entry.paraphe,
      parapheLabels: d.entry.paraphe.map((p) => parapheLabel(model, p)),
      provenance: d.entry.provenance,
      ...mentions.provenance(d.entry.provenance, d.entry.validation_juridique),
      blocks: blocks.blocks(d.template.body, docEnv),
    });
  }
  if (ev.diags.length > 0) return fail(dedupe(ev.diags));
  if (opts.used) for (const p of ev.used) opts.used.add(p);
  if (opts.shown) for (const p of ev.shown) opts.shown.add(p);
  if (opts.hidden) for (const p of ev.hidden) opts.hidden.add(p);
  const set: DocumentSet = {
    type: 'documentSet',
    meta: {
      title: `${headerTitle}`,
      subject: 'Contrat pluriannuel d’objectifs et de moyens',
      author: c.ars.nom,
      date: c.dates.signature?.date ?? c.dates.effet,
      model: `${model.manifest.id}@${model.manifest.version}`,
      ...(c.reference ? { reference: c.reference } : {}),
      lang: 'fr-FR',
    },
    documents,
  };
  const r = resolve(set);
  if (r.diagnostics.some((d) => d.severity === 'erreur')) return fail(r.diagnostics);
  return ok(r.set, r.diagnostics);
}

/** The same missing value inside a loop would be reported once per row: keep one per place. */
function dedupe(diags: readonly Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return diags.filter((d) => {
    const k = `${d.span?.file}:${d.span?.start.offset}:${d.dataPath}:${d.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
