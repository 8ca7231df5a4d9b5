// cpom schema, cpom modeles [--provenance]
import { z } from 'zod';
import { formatDiagnostics } from '../../diagnostics/format.ts';
import type { BlockNode } from '../../dsl/ast.ts';
import { formatDate } from '../../ir/resolve/french.ts';
import { ContractSchema } from '../../model/contract.ts';
import type { LegalValidation } from '../../templates/manifest.ts';
import { relative, sep } from 'node:path';
import { wordingDoc } from '../../amend/wording/specs.ts';
import { LABEL_SPECS, LABELS_FILE, labelFields, type LabelName, type LabelSpec } from '../../amend/wording/labels.ts';
import { AVENANT_DIR } from '../../templates/avenant-wording.ts';
import { EXAMPLES_DIR, listModels, TEMPLATES_ROOT } from '../../templates/library.ts';
import { loadModel } from '../../templates/load.ts';
import { scaffoldModel } from '../../templates/scaffold.ts';
import { EXIT_INVALID, EXIT_OK, parse, UsageError, wantsHelp } from '../args.ts';
import { HELP_MODELES_OPTION, librariesOf, MODELES_OPTION } from '../libraries.ts';
import { demoContracts } from './demo.ts';

export const HELP_SCHEMA = `Usage : cpom schema

Affiche le schéma JSON (draft 2020-12) des fichiers de contrat, pour l’autocomplétion dans les
éditeurs : enregistrez-le (cpom schema > cpom.schema.json) et ajoutez en tête des fichiers YAML
  # yaml-language-server: $schema=./cpom.schema.json`;

export function runSchema(argv: readonly string[], out: (s: string) => void): number {
  const p = parse(argv, {});
  if (wantsHelp(p)) {
    out(HELP_SCHEMA);
    return EXIT_OK;
  }
  const js = z.toJSONSchema(ContractSchema, { io: 'input', unrepresentable: 'any' });
  out(JSON.stringify({ ...js, $id: 'https://cpom.example/contrat.schema.json' }, null, 2));
  return EXIT_OK;
}

export const HELP_MODELES = `Usage :
  cpom modeles [--provenance] [--modeles <bibliotheque>…]
  cpom modeles nouveau <modele-source> <dossier-cible> --id <id> --famille <famille> [--region <nom>]

Liste les modèles disponibles, leurs documents (avec la condition qui les rend applicables et
leur provenance) et leurs règles. Avec --provenance, détaille pour chaque document et chaque
article si le texte est repris mot pour mot d’un modèle source (verbatim) ou reconstitué à partir
d’un guide (reconstitue) — ce que les juristes doivent valider —, l’état de cette validation
(validation_juridique dans modele.yaml), et les textes des documents d’avenant, rédigés par le
moteur.

« cpom modeles nouveau » crée une bibliothèque de modèles (<dossier-cible>, qui ne doit pas
exister) à partir d’un modèle existant : le dossier du modèle, renommé <id>, les fragments
partagés qu’il inclut, les textes sources qu’il cite (_sources/). Le nouveau modele.yaml reçoit
l’id, la famille et la version 1 ; la provenance des documents est conservée, aucune validation
juridique n’est reprise.

Options :
  --provenance    détail de la provenance de chaque document
${HELP_MODELES_OPTION}
  --id <id>       (nouveau) identifiant du nouveau modèle, ex. ars-bretagne-2026
  --famille <f>   (nouveau) famille du nouveau modèle, ex. bretagne
  --region <nom>  (nouveau) nom de la région, écrit dans la description du modèle`;

/** Whose wording text it is: the engine's (shared), the library's, or the model's own. */
const ORIGIN = { commun: '', bibliotheque: ' (propre à la bibliothèque)', modele: ' (propre au modèle)' } as const;

/** Where a wording file is: relative to the engine's templates/, or its path in an outside library. */
const shown = (file: string): string => {
  const r = relative(TEMPLATES_ROOT, file);
  return r.startsWith('..') ? file : r.split(sep).join('/');
};

export function validationText(v: LegalValidation | undefined): string {
  return v ? `validé par ${v.par} le ${formatDate(v.date)} (référence : ${v.reference})` : 'à valider par le service juridique de l’agence';
}

/** Article headings of a document (level 2 and below), numbered as printed. */
export function headings(nodes: readonly BlockNode[], out: string[] = []): string[] {
  for (const n of nodes) {
    if (n.kind === 'heading' && n.level >= 2) {
      const text = n.content.map((c) => (c.kind === 'text' ? c.text : c.kind === 'value' ? '{{…}}' : '')).join('');
      out.push(`${'  '.repeat(n.level - 1)}${n.numbering ? `${n.numbering}${n.fixed ?? ''}${n.separator ?? ' '}` : ''}${text}`);
    }
    if (n.kind === 'div') headings(n.body, out);
    if (n.kind === 'if') {
      for (const b of n.branches) headings(b.body, out);
      if (n.otherwise) headings(n.otherwise, out);
    }
  }
  return out;
}

export function runModeles(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  if (argv[0] === 'nouveau') return runNouveau(argv.slice(1), out, err);
  const p = parse(argv, { provenance: { type: 'boolean' }, ...MODELES_OPTION });
  if (wantsHelp(p)) {
    out(HELP_MODELES);
    return EXIT_OK;
  }
  const libraries = librariesOf(p, err);
  if (typeof libraries === 'number') return libraries;
  const listed = listModels(libraries);
  let status = EXIT_OK;
  for (const entry of listed.ok ? listed.value : []) {
    const id = entry.id;
    const m = loadModel(id, { libraries });
    if (!m.ok) {
      err(`${id} : modèle invalide\n${formatDiagnostics(m.diagnostics)}`);
      status = EXIT_INVALID;
      continue;
    }
    const man = m.value.manifest;
    out(`${man.id} (version ${man.version}) — ${man.titre}`);
    out(`  famille : ${man.famille} ; bibliothèque : ${entry.library.origin === 'moteur' ? 'moteur (templates/)' : entry.library.root}`);
    out(`  signature : ${man.signature.ordre.join(' puis ')} ; originaux : ${man.signature.originaux ?? 'non précisé'}${man.signature.cachet ? ' ; cachet' : ''}`);
    for (const d of m.value.documents) {
      const e = d.entry;
      out(`  - ${e.id} : ${e.nom} [${e.provenance}]${e.applicable ? ` si ${e.applicable}` : ''}${e.paraphe.length ? ` ; paraphe : ${e.paraphe.join(', ')}` : ''}`);
      if (p.values.provenance) {
        if (e.provenance_detail) out(`      source : ${e.provenance_detail}`);
        if (e.provenance === 'reconstitue') out(`      validation juridique : ${validationText(e.validation_juridique)}`);
        for (const h of headings(d.template.body)) out(`      ${h} — ${e.provenance}`);
      }
    }
    out(`  - documents d’avenant : gabarits de ${AVENANT_DIR}/ (communs, ou propres au modèle) [reconstitue]`);
    if (p.values.provenance) {
      out(`      validation juridique : ${validationText(man.avenants.validation_juridique)}`);
      for (const w of Object.values(m.value.avenant)) {
        out(`      ${shown(w.file)} : ${wordingDoc(w.name)}${ORIGIN[w.origin]} — reconstitue`);
        for (const h of headings(w.template.body)) out(`        ${h.trim()}`);
      }
      out(`      ${AVENANT_DIR}/${LABELS_FILE} : libellés de la version consolidée (mention, historique, éléments modifiés, marques, noms des éléments) — reconstitue`);
      for (const [name, l] of Object.entries(m.value.consolidation)) {
        const spec: LabelSpec = LABEL_SPECS[name as LabelName];
        const vars = Object.keys(labelFields(name as LabelName));
        out(`        ${name} : ${spec.doc}${vars.length ? ` ; variables : ${vars.join(', ')}` : ''}${l.origin === 'commun' ? '' : `${ORIGIN[l.origin].slice(0, -1)} : ${shown(l.file)})`}`);
      }
    }
    out(`  règles (${m.value.rules.length}) :`);
    for (const r of m.value.rules) out(`    ${r.rule.id} [${r.rule.niveau}] ${r.rule.regle} — ${r.rule.source.fichier}, ligne ${r.rule.source.ligne}`);
    // What the model has no place for: a contract filling it gets the « donnée non imprimée » warning.
    if (man.donnees_non_imprimees.length) {
      out(`  données non imprimées (${man.donnees_non_imprimees.length}) :`);
      for (const d of man.donnees_non_imprimees) out(`    ${d.chemin}${p.values.provenance ? ` — ${d.raison}` : ''}`);
    }
    out('');
  }
  return status;
}

function runNouveau(argv: readonly string[], out: (s: string) => void, err: (s: string) => void): number {
  const p = parse(argv, { id: { type: 'string' }, famille: { type: 'string' }, region: { type: 'string' }, ...MODELES_OPTION });
  if (wantsHelp(p)) {
    out(HELP_MODELES);
    return EXIT_OK;
  }
  const [source, target, ...rest] = p.positionals;
  if (!source || !target) throw new UsageError('indiquez le modèle source et le dossier de la nouvelle bibliothèque : cpom modeles nouveau <modele-source> <dossier-cible> --id … --famille …');
  if (rest.length) throw new UsageError(`argument en trop « ${rest[0]} »`);
  if (typeof p.values.id !== 'string') throw new UsageError('option --id manquante (identifiant du nouveau modèle, ex. ars-bretagne-2026)');
  if (typeof p.values.famille !== 'string') throw new UsageError('option --famille manquante (famille du nouveau modèle, ex. bretagne)');
  const libraries = librariesOf(p, err);
  if (typeof libraries === 'number') return libraries;
  const region = typeof p.values.region === 'string' ? p.values.region : undefined;
  const r = scaffoldModel({ source, target, id: p.values.id, famille: p.values.famille, ...(region ? { region } : {}), libraries, examples: demoContracts() });
  if (!r.ok) {
    err(`${formatDiagnostics(r.diagnostics)}\naucune bibliothèque créée.`);
    return EXIT_INVALID;
  }
  const v = r.value;
  out(`Bibliothèque créée : ${target}/ (${v.files.length} fichiers)`);
  out(`  modèle ${p.values.id} : ${v.modelDir}/`);
  const examples = v.files.filter((f) => f.startsWith(`${EXAMPLES_DIR}/`));
  if (examples.length) out(`  exemples de contrat (aperçu dans cpom atelier --modeles ${target}) : ${examples.join(', ')}`);
  out(`
Étapes suivantes :
  1. adaptez les documents et le modele.yaml de ${v.modelDir}/ (titre, en_tete, règles, signature) ;
  2. vérifiez : cpom verifier --modeles ${target}
  3. dans les données des contrats, écrivez « modele: ${p.values.id} » et produisez-les avec
     cpom generer contrat.yaml --modeles ${target}   (ou CPOM_MODELES=${target})
  4. gardez ce dossier sous git : chaque modification change l’empreinte du modèle, et
     « cpom campagne --reprendre » régénère alors les contrats concernés ;
  5. faites valider les textes reconstitués par votre service juridique (validation_juridique).`);
  return EXIT_OK;
}
