// The mentions the engine prints on every model's documents (templates/_mentions.yaml): the
// « texte reconstitué » warning, the legal validation written into the metadata, and what a
// consolidated version says about itself and about who signed what. Legal wording, so it lives
// in templates/ and is edited by legal staff; each text is a one-line template of the DSL,
// parsed with spans and checked statically like the documents (contract fields plus the few
// variables each mention declares below).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Diagnostic, Result } from '../diagnostics/diagnostic.ts';
import { collect, fail } from '../diagnostics/diagnostic.ts';
import type { InlineNode } from '../dsl/ast.ts';
import { Checker, type Scope } from '../dsl/check.ts';
import { parseInline } from '../dsl/inline.ts';
import { SourceFile } from '../dsl/source.ts';
import { T, type Field } from '../dsl/types.ts';
import { parseYamlWith } from '../model/load.ts';
import { spanOfPath, type YamlSource } from '../model/yaml.ts';

export const MENTIONS_FILE = '_mentions.yaml';

const Text = z.string().min(1);

const MentionsSchema = z.strictObject({
  texte_reconstitue: z.strictObject({
    /** Printed at the top of every page of a reconstituted document not yet validated. */
    mention: Text,
    /** Metadata of a validated reconstituted document. Variables: validation.par/date/reference. */
    validation: Text,
  }),
  version_consolidee: z.strictObject({
    /** Printed at the top of every page of every consolidated document. Variable: consolidation.avenants. */
    mention: Text,
    /** Note under the title of every consolidated document. Variable: consolidation.avenants. */
    avertissement: Text,
    signatures: z.strictObject({
      /** Paragraph introducing the table of signatures. */
      introduction: Text,
      /** Headers of the first two columns (the act, its place and date). */
      colonne_acte: Text,
      colonne_signature: Text,
      /** First cell of the contract's row and of each avenant's row (variable: acte.numero). */
      contrat: Text,
      avenant: Text,
      /** Place and date of signature (variables: acte.date, acte.lieu, both possibly absent). */
      signature: Text,
      /** Per party id of the manifests' signature.ordre: column header and signatory cell. */
      parties: z.record(z.string(), z.strictObject({ colonne: Text, signataire: Text })),
    }),
  }),
  version_communicable: z.strictObject({
    /** Printed at the top of every page of the communicable version. Variables:
     * communicable.occultations (passages left out of the document), communicable.statut. */
    mention: Text,
    /** Printed in place of each passage left out. */
    occultation: Text,
  }),
  comparaison: z.strictObject({
    /** Metadata title of a comparison, after the contract's title. Variables: comparaison.de, comparaison.a. */
    titre: Text,
  }),
  modele_modifie: z.strictObject({
    /** Note under the title of a consolidated / compared document when the model changed since
     * the contract was produced. Variables: modele_signe, modele_actuel (id, version, empreinte). */
    consolidation: Text,
    comparaison: Text,
  }),
});

type Raw = z.output<typeof MentionsSchema>;

/** Every mention parsed into DSL inline nodes (same shape as the file). */
export interface Mentions {
  readonly reconstitue: { readonly mention: InlineNode[]; readonly validation: InlineNode[] };
  readonly consolidee: {
    readonly mention: InlineNode[];
    readonly avertissement: InlineNode[];
    readonly signatures: {
      readonly introduction: InlineNode[];
      readonly colonneActe: InlineNode[];
      readonly colonneSignature: InlineNode[];
      readonly contrat: InlineNode[];
      readonly avenant: InlineNode[];
      readonly signature: InlineNode[];
      readonly parties: Readonly<Record<string, { readonly colonne: InlineNode[]; readonly signataire: InlineNode[] }>>;
    };
  };
  readonly comparaison: { readonly titre: InlineNode[] };
  readonly modeleModifie: { readonly consolidation: InlineNode[]; readonly comparaison: InlineNode[] };
  readonly communicable: { readonly mention: InlineNode[]; readonly occultation: InlineNode[] };
}

const req = (ty: Parameters<typeof T.array>[0]): Field => ({ ty, optional: false });
const opt = (ty: Parameters<typeof T.array>[0]): Field => ({ ty, optional: true });

/** Variables a mention sees besides the contract's fields and the computed ones. */
export const MENTION_VARIABLES = {
  validation: req(T.object({ par: req(T.string), date: req(T.date), reference: req(T.string) })),
  consolidation: req(T.object({ avenants: req(T.number) })),
  acte: req(T.object({ numero: opt(T.number), date: opt(T.date), lieu: opt(T.string) })),
  modele_signe: req(T.object({ id: req(T.string), version: req(T.number), empreinte: req(T.string) })),
  modele_actuel: req(T.object({ id: req(T.string), version: req(T.number), empreinte: req(T.string) })),
  communicable: req(T.object({ occultations: req(T.number), statut: req(T.string) })),
  comparaison: req(T.object({ de: req(T.number), a: req(T.number) })),
} as const;

/** A one-line template held in a YAML string, parsed with spans pointing into the file. */
export function parseYamlInline(src: SourceFile, source: YamlSource, path: readonly (string | number)[], value: string, diags: Diagnostic[]): InlineNode[] {
  const span = spanOfPath(source, path);
  // Quoted scalars start one character after the node; block scalars are approximate.
  const at = span ? span.start.offset + (src.text[span.start.offset] === '"' || src.text[span.start.offset] === "'" ? 1 : 0) : 0;
  return parseInline(src, at, value, diags);
}

/** Every key optional, unknown keys still refused: what a library's own _mentions.yaml may give. */
function partialDeep(schema: z.ZodType): z.ZodType {
  if (schema instanceof z.ZodObject) {
    return z.strictObject(Object.fromEntries(Object.entries(schema.shape).map(([k, v]) => [k, partialDeep(v as z.ZodType).optional()])));
  }
  if (schema instanceof z.ZodRecord) return z.record(z.string(), partialDeep(schema.valueType as z.ZodType));
  return schema;
}
const LibraryMentionsSchema = partialDeep(MentionsSchema);

/** One parsed mentions file: its data, and what the spans of its texts point into. */
interface MentionsFile {
  readonly data: unknown;
  readonly src: SourceFile;
  readonly source: YamlSource;
}

function readMentionsFile(file: string, text: string, schema: z.ZodType): Result<MentionsFile> {
  const y = parseYamlWith(file, text, schema, 'MODELE-MENTIONS');
  if (!y.ok) return y;
  return { ok: true, value: { data: y.value.data, src: new SourceFile(file, text), source: y.value.source }, warnings: y.warnings };
}

/** The parties of the engine's file, then those only the library's names. */
const partyIds = (parties: Readonly<Record<string, unknown>>, own: MentionsFile | undefined): string[] => {
  const mine = own && at(own.data, ['version_consolidee', 'signatures', 'parties']);
  return [...new Set([...Object.keys(parties), ...(mine !== null && typeof mine === 'object' ? Object.keys(mine) : [])])];
};

/** The value at a path of parsed YAML data (own keys only), undefined where the path stops. */
export const at = (data: unknown, path: readonly (string | number)[]): unknown =>
  path.reduce<unknown>((v, k) => (v !== null && typeof v === 'object' && Object.hasOwn(v, k) ? (v as Record<string, unknown>)[k] : undefined), data);

/**
 * Reads and checks the mentions: templates/_mentions.yaml (`templatesRoot`, every text), and a
 * library's own _mentions.yaml (`libraryRoot`) when it has one, which gives only the texts the
 * agency words its own way — key by key, the others stay the engine's, so a text the engine adds
 * later reaches a library that kept its own file. `readFile` records each file as read by the model
 * (its fingerprint changes when the wording does); `root` is the scope of the contract data.
 */
export function loadMentions(templatesRoot: string, readFile: (p: string) => string | undefined, root: Scope, libraryRoot?: string): Result<Mentions> {
  const file = join(templatesRoot, MENTIONS_FILE);
  const text = existsSync(file) ? readFile(file) : undefined;
  if (text === undefined) {
    return fail([{ severity: 'erreur', code: 'MODELE-MENTIONS', message: `fichier des mentions introuvable « ${file} »` }]);
  }
  const engine = readMentionsFile(file, text, MentionsSchema);
  if (!engine.ok) return engine;
  let own: MentionsFile | undefined;
  const ownFile = libraryRoot === undefined ? undefined : join(libraryRoot, MENTIONS_FILE);
  if (ownFile !== undefined && ownFile !== file && existsSync(ownFile)) {
    const ownText = readFile(ownFile);
    if (ownText === undefined) return fail([{ severity: 'erreur', code: 'MODELE-MENTIONS', message: `fichier des mentions illisible « ${ownFile} »` }]);
    const parsed = readMentionsFile(ownFile, ownText, LibraryMentionsSchema);
    if (!parsed.ok) return parsed;
    own = parsed.value;
  }
  const raw = engine.value.data as Raw;
  const diags: Diagnostic[] = [];
  const checker = new Checker();
  const scope = new Map(root);
  for (const [k, f] of Object.entries(MENTION_VARIABLES)) scope.set(k, f);
  // Each text from the library's file when it gives it, else from the engine's.
  const inline = (path: (string | number)[], fallback: string): InlineNode[] => {
    const mine = own && at(own.data, path);
    const from = typeof mine === 'string' && own ? own : engine.value;
    const nodes = parseYamlInline(from.src, from.source, path, typeof mine === 'string' ? mine : fallback, diags);
    checker.inlines(nodes, scope);
    return nodes;
  };
  // A party the library adds (beyond the engine's) must word both its texts.
  const partyText = (parties: Raw['version_consolidee']['signatures']['parties'], id: string, k: 'colonne' | 'signataire'): string => {
    const text = Object.hasOwn(parties, id) ? parties[id]![k] : undefined;
    if (text === undefined && typeof (own && at(own.data, ['version_consolidee', 'signatures', 'parties', id, k])) !== 'string') {
      diags.push({ severity: 'erreur', code: 'MODELE-MENTIONS', message: `« ${own?.src.file ?? file} » : version_consolidee.signatures.parties.${id}.${k} manque (partie absente des mentions du moteur)` });
    }
    return text ?? '';
  };
  const r = raw.texte_reconstitue;
  const c = raw.version_consolidee;
  const s = c.signatures;
  const sig = (k: keyof Omit<typeof s, 'parties'>) => inline(['version_consolidee', 'signatures', k], s[k]);
  const mentions: Mentions = {
    reconstitue: { mention: inline(['texte_reconstitue', 'mention'], r.mention), validation: inline(['texte_reconstitue', 'validation'], r.validation) },
    consolidee: {
      mention: inline(['version_consolidee', 'mention'], c.mention),
      avertissement: inline(['version_consolidee', 'avertissement'], c.avertissement),
      signatures: {
        introduction: sig('introduction'),
        colonneActe: sig('colonne_acte'),
        colonneSignature: sig('colonne_signature'),
        contrat: sig('contrat'),
        avenant: sig('avenant'),
        signature: sig('signature'),
        parties: Object.fromEntries(
          partyIds(s.parties, own).map((id) => [
            id,
            {
              colonne: inline(['version_consolidee', 'signatures', 'parties', id, 'colonne'], partyText(s.parties, id, 'colonne')),
              signataire: inline(['version_consolidee', 'signatures', 'parties', id, 'signataire'], partyText(s.parties, id, 'signataire')),
            },
          ]),
        ),
      },
    },
    comparaison: { titre: inline(['comparaison', 'titre'], raw.comparaison.titre) },
    modeleModifie: {
      consolidation: inline(['modele_modifie', 'consolidation'], raw.modele_modifie.consolidation),
      comparaison: inline(['modele_modifie', 'comparaison'], raw.modele_modifie.comparaison),
    },
    communicable: {
      mention: inline(['version_communicable', 'mention'], raw.version_communicable.mention),
      occultation: inline(['version_communicable', 'occultation'], raw.version_communicable.occultation),
    },
  };
  diags.push(...checker.diags);
  return collect(mentions, diags);
}
