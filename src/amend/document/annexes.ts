// How an avenant names an engagement annex: by the title the model gives it (manifest `nom`),
// and, when the annex renders several codes as volets, by the volet's heading — never by the
// data code (« positionnement_territorial »), which is not part of the legal text. Names come
// from the manifest, so an annex the amended contract no longer renders keeps its title.
import type { Block, Document } from '../../ir/types.ts';
import { inlineText } from '../../ir/types.ts';
import type { Model } from '../../templates/load.ts';

/** The number and title of an annex from its document name, for the wording templates. */
export function annexName(name: string): { readonly numero?: string; readonly titre: string } {
  const q = /^Annexe\s*«\s*(.+?)\s*»$/.exec(name);
  if (q) return { titre: q[1]! };
  const n = /^Annexe\s+(\d+)\s*[:–-]\s*(.+)$/.exec(name);
  return n ? { numero: n[1]!, titre: n[2]! } : { titre: name };
}

const flat = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ').trim();

/** An annex (or a volet of it) named by its title, as the wording templates receive it. */
export interface AnnexNom {
  readonly numero?: string;
  readonly titre: string;
  readonly volet_numero?: string;
  readonly volet_titre?: string;
}

export interface AnnexRef {
  readonly nom: AnnexNom;
  /** The document that renders the code. */
  readonly docId: string;
  /** The volet heading, when the code is a volet of that document. */
  readonly volet?: string;
}

export function annexRef(model: Model, code: string): AnnexRef | undefined {
  const entry = model.manifest.documents.find((d) => d.annexes_engagements.includes(code));
  if (!entry) return undefined;
  const volet = entry.volets[code];
  if (!volet) return { docId: entry.id, nom: annexName(entry.nom) };
  const v = /^Volet\s+(\d+)\s*:\s*(.+)$/.exec(flat(volet));
  const nom = { ...annexName(entry.nom), ...(v ? { volet_numero: v[1]!, volet_titre: v[2]! } : { volet_titre: flat(volet) }) };
  return { docId: entry.id, volet: flat(volet), nom };
}

/** A document of the model by its title (numero, titre), not by its file id. */
export function documentNom(model: Model, id: string): AnnexNom | undefined {
  const entry = model.manifest.documents.find((d) => d.id === id);
  return entry ? annexName(entry.nom) : undefined;
}

/** Whether the document renders that volet (a section headed by it): else it cannot be attached alone. */
export const rendersVolet = (d: Document, volet: string): boolean =>
  d.blocks.some((b) => b.type === 'heading' && b.level === 2 && flat(inlineText(b.content)) === volet);

/**
 * The part of an annex document an avenant attaches when it replaces volets only: the annex's
 * opening (title and general paragraphs, up to its first section) and those volets' sections.
 */
export function voletDocument(d: Document, volets: readonly string[]): Document | undefined {
  const isSection = (b: Block) => b.type === 'heading' && b.level <= 2 && d.blocks.indexOf(b) > 0;
  const first = d.blocks.findIndex(isSection);
  if (first < 0) return undefined;
  const out: Block[] = d.blocks.slice(0, first);
  let keep = false;
  let found = 0;
  for (const b of d.blocks.slice(first)) {
    if (isSection(b) && b.type === 'heading') {
      keep = volets.includes(flat(inlineText(b.content)));
      if (keep) found++;
    }
    if (keep) out.push(b);
  }
  return found === volets.length ? { ...d, blocks: out } : undefined;
}
