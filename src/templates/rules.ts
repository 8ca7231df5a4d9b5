// The model's rules, declared as data in its manifest, run against a contract. A violation
// quotes the rule, its source (seed file and line) and the data path, in French.
import type { Diagnostic } from '../diagnostics/diagnostic.ts';
import { inlineText } from '../ir/types.ts';
import { BlockEvaluator } from '../eval/blocks.ts';
import { rootEnv } from '../eval/build.ts';
import { formatDataPath, parseDataPath } from '../diagnostics/path.ts';
import { type Binding, type Env, joinPath, truthy } from '../eval/env.ts';
import { Evaluator } from '../eval/expr.ts';
import { member } from '../dsl/own.ts';
import { suggest } from '../dsl/suggest.ts';
import type { Contract } from '../model/contract.ts';
import { checkAnnexSignatures } from './annex-signatures.ts';
import type { CompiledRule, Model } from './load.ts';

/** Every (element scope, data path) a rule applies to; objects on the path are descended. */
function targets(rule: CompiledRule, env: Env): { env: Env; path: string }[] {
  let level: { env: Env; path: string; value: unknown }[] = [{ env, path: '', value: undefined }];
  for (const [depth, field] of rule.iterate.entries()) {
    const innermost = depth === rule.iterate.length - 1;
    const next: typeof level = [];
    for (const t of level) {
      const v = t.value === undefined ? env.get(field)?.value : member(t.value, field);
      const base = joinPath(t.path, field);
      if (Array.isArray(v)) {
        v.forEach((item, k) => {
          const path = joinPath(base, k);
          const vars = new Map<string, Binding>();
          if (innermost && rule.elementName) {
            // Named element: bound as a whole; the contract's own fields stay visible.
            vars.set(rule.elementName, { value: item, path });
            next.push({ env: t.env.child(vars), path, value: item });
            return;
          }
          if (item && typeof item === 'object') for (const [name, x] of Object.entries(item)) vars.set(name, { value: x, path: joinPath(path, name) });
          next.push({ env: t.env.child(vars, path), path, value: item });
        });
      } else if (v && typeof v === 'object') {
        next.push({ env: t.env, path: base, value: v });
      }
    }
    level = next;
  }
  return level.map(({ env: e, path }) => ({ env: e, path }));
}

export function checkContract(model: Model, c: Contract): Diagnostic[] {
  const out: Diagnostic[] = [];
  const env = rootEnv(model, c);
  const ev = new Evaluator();
  const blocks = new BlockEvaluator(ev);
  // Engine-level rule: an engagement must sit in an annex this model renders.
  c.engagements.forEach((e, i) => {
    if (model.annexCodes.includes(e.annexe)) return;
    const hint = suggest(e.annexe, model.annexCodes);
    out.push({
      severity: 'erreur',
      code: 'MODELE-ANNEXE-INCONNUE',
      message: `annexe « ${e.annexe} » inconnue du modèle ${model.id} ; annexes possibles : ${model.annexCodes.join(', ')}`,
      dataPath: `engagements[${i}].annexe`,
      ...(hint ? { hints: [`vouliez-vous dire « ${hint} » ?`] } : {}),
    });
  });
  out.push(...checkAnnexSignatures(model, c));
  for (const r of model.rules) {
    for (const t of targets(r, env)) {
      if (r.si && !truthy(ev.eval(r.si, t.env).value)) continue;
      if (truthy(ev.eval(r.verifie, t.env).value)) continue;
      const detail = inlineText(blocks.inlines(r.message, t.env));
      // `chemin` is a path of its own (« dates.duree_ans »), not one key.
      const path = r.rule.chemin ? formatDataPath([...parseDataPath(t.path), ...parseDataPath(r.rule.chemin)]) : t.path;
      out.push({
        severity: r.rule.niveau,
        code: r.rule.id,
        message: `règle « ${r.rule.regle} » non respectée : ${detail}`,
        ...(path ? { dataPath: path } : {}),
        source: r.rule.source,
      });
    }
  }
  // Evaluation problems inside rules (e.g. a message naming an absent value) are bugs of the model.
  out.push(...ev.diags);
  return out;
}

export type { Contract };
