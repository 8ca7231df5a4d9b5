// E-signature readiness of one PDF file, from layout's signature zones: the layout exported in
// manifest.json (page and rectangle, PDF points, origin bottom-left), invisible text anchors for
// the signature platforms, and empty AcroForm signature fields that any reader or PAdES tool
// can sign in place. Zones, anchors and fields all come from the same SignatureZone list.
import { PDFContext, PDFDict, PDFName, PDFRawStream, PDFRef, PDFString } from 'pdf-lib';
import type { Diagnostic } from '../../diagnostics/diagnostic.ts';
import type { LaidOutDocument, LaidOutPage, SignatureZone, TextFrame } from '../../layout/types.ts';
import type { AnchorFamily, ESignatureOptions } from '../../templates/esignature.ts';

/** Yousign parses smart anchors only in documents of at most this many pages. */
export const YOUSIGN_MAX_PAGES = 150;

const ANCHOR_SIZE = 7;
const ANCHOR_LEADING = 9;

/** One zone as exported: where it is in this file. */
export interface PlacedZone {
  readonly type: SignatureZone['kind'];
  readonly partie: string;
  readonly rang: number;
  /** Document id of the dossier ("socle", "annexe-01-…"). */
  readonly document: string;
  /** Page in this file, from 1. */
  readonly page: number;
  /** [x1, y1, x2, y2] in PDF points, origin at the bottom-left of the page. */
  readonly rect: readonly [number, number, number, number];
  /** Name of the empty signature field at this place (option `champs`). */
  readonly champ?: string;
  /** Anchor strings drawn (invisible) in this zone, top to bottom. */
  readonly ancres?: readonly string[];
}

/** The e-signature record of a command's PDF files, as manifest.json carries it. */
export interface ESignatureRecord {
  /** Who chose the options: the model (modele.yaml) or the command line. */
  readonly choix: 'modele' | 'commande';
  readonly ancres: readonly AnchorFamily[];
  readonly champs: boolean;
  /** One entry per PDF file, sorted by path: its page count and its zones in page order. */
  readonly fichiers: ReadonlyArray<{ readonly chemin: string; readonly pages: number; readonly zones: readonly PlacedZone[] }>;
}

/** The record of some files, and the Yousign page-limit warnings that go with it. */
export function esignatureRecord(o: ESignatureOptions, files: ReadonlyArray<{ readonly name: string; readonly pages: number; readonly zones: readonly PlacedZone[] }>): { record: ESignatureRecord; warnings: Diagnostic[] } {
  const fichiers = [...files].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)).map((f) => ({ chemin: f.name, pages: f.pages, zones: f.zones }));
  const warnings = fichiers.flatMap((f) => yousignWarning(f.chemin, f.pages, o) ?? []);
  return { record: { choix: o.override ? 'commande' : 'modele', ancres: [...o.anchors], champs: o.fields, fichiers }, warnings };
}

/** A number to 1/100 pt, as the content streams write it. */
function pt(n: number): number {
  return Math.round(n * 100) / 100;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

/**
 * The anchors of one signature zone. Yousign: `{{s<i>|signature|<width>|<height>}}`, i the
 * signer's rank, size in px within Yousign's bounds (85×37 minimum, ratio 2.3); i-Parapheur:
 * `#signature#` (and `#cachet#` when the model expects a stamp); DocuSign: `\s<i>\`, a string
 * the envelope names as anchorString (one per recipient).
 */
export function anchorsOf(z: SignatureZone, o: ESignatureOptions): string[] {
  if (z.kind !== 'signature') return [];
  const out: string[] = [];
  const one = (f: AnchorFamily): void => {
    switch (f) {
      case 'iparapheur':
        out.push('#signature#');
        if (o.cachet) out.push('#cachet#');
        return;
      case 'yousign': {
        const w = clamp(Math.floor(z.w), 85, 2000);
        const h = clamp(Math.floor(Math.min(z.h, w / 2.3)), 37, 1000);
        out.push(`{{s${z.rank}|signature|${w}|${h}}}`);
        return;
      }
      case 'docusign':
        out.push(`\\s${z.rank}\\`);
        return;
    }
  };
  for (const f of o.anchors) one(f);
  return out;
}

/** The page with its anchors added as invisible text (render mode 3) at the zones' top-left. */
export function withAnchors(page: LaidOutPage, o: ESignatureOptions): LaidOutPage {
  if (o.anchors.length === 0) return page;
  const extra: TextFrame[] = [];
  for (const z of page.zones) {
    anchorsOf(z, o).forEach((text, i) => {
      extra.push({ kind: 'text', x: z.x + 2, y: z.y + ANCHOR_SIZE + i * ANCHOR_LEADING, face: 'sans', size: ANCHOR_SIZE, text, wordGap: 0, invisible: true });
    });
  }
  return extra.length ? { ...page, frames: [...page.frames, ...extra] } : page;
}

function fieldBase(z: SignatureZone): string {
  return `Signature${z.rank}_${z.party.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/** Every zone of a file's documents, page numbers counted from the file's first page. */
export function placeZones(docs: readonly LaidOutDocument[], o: ESignatureOptions): PlacedZone[] {
  const out: PlacedZone[] = [];
  const names = new Map<string, number>();
  let offset = 0;
  for (const d of docs) {
    d.pages.forEach((page, i) => {
      for (const z of page.zones) {
        const rect = [pt(z.x), pt(page.height - z.y - z.h), pt(z.x + z.w), pt(page.height - z.y)] as const;
        let champ: string | undefined;
        if (o.fields && z.kind === 'signature') {
          // Field names are unique within a file: a second block signed by the same party
          // (an annex signed separately) gets « _2 », and so on.
          const base = fieldBase(z);
          const n = (names.get(base) ?? 0) + 1;
          names.set(base, n);
          champ = n === 1 ? base : `${base}_${n}`;
        }
        const ancres = anchorsOf(z, o);
        out.push({ type: z.kind, partie: z.party, rang: z.rank, document: d.id, page: offset + i + 1, rect, ...(champ ? { champ } : {}), ...(ancres.length ? { ancres } : {}) });
      }
    });
    offset += d.pages.length;
  }
  return out;
}

/**
 * Empty signature fields (merged field + widget dictionaries, PDF 32000 §12.7.4.5) on the pages
 * of the file, and the catalog's /AcroForm. No /SigFlags: there is no signature yet, a signer
 * sets it. Each widget has an empty normal appearance and the print flag, as PDF/A wants.
 */
export function addSignatureFields(ctx: PDFContext, catalog: PDFDict, pageRefs: readonly PDFRef[], zones: readonly PlacedZone[]): (PDFRef | undefined)[] {
  const fields: PDFRef[] = [];
  const annots = new Map<number, PDFRef[]>();
  const widgets: (PDFRef | undefined)[] = [];
  for (const z of zones) {
    widgets.push(undefined);
    if (!z.champ) continue;
    const [x1, y1, x2, y2] = z.rect;
    const ap = ctx.register(PDFRawStream.of(ctx.obj({ Type: 'XObject', Subtype: 'Form', BBox: [0, 0, pt(x2 - x1), pt(y2 - y1)], Resources: {} }), new Uint8Array(0)));
    const page = pageRefs[z.page - 1]!;
    const widget = ctx.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: PDFString.of(z.champ), Rect: [x1, y1, x2, y2], P: page, F: 4, AP: { N: ap } });
    const ref = ctx.register(widget);
    widgets[widgets.length - 1] = ref;
    fields.push(ref);
    annots.set(z.page - 1, [...(annots.get(z.page - 1) ?? []), ref]);
  }
  if (fields.length === 0) return widgets;
  for (const [i, refs] of annots) {
    const page = ctx.lookup(pageRefs[i]!, PDFDict);
    page.set(PDFName.of('Annots'), ctx.obj(refs));
    // Tab order follows the structure tree, where each field is a Form element (PDF/UA).
    page.set(PDFName.of('Tabs'), PDFName.of('S'));
  }
  catalog.set(PDFName.of('AcroForm'), ctx.obj({ Fields: fields }));
  return widgets;
}

/** The French warning when Yousign anchors sit in a file Yousign will not parse. */
export function yousignWarning(file: string, pages: number, o: ESignatureOptions): Diagnostic | undefined {
  if (!o.anchors.includes('yousign') || pages <= YOUSIGN_MAX_PAGES) return undefined;
  return {
    severity: 'avertissement',
    code: 'PDF-YOUSIGN-150',
    message: `Le fichier « ${file} » compte ${pages} pages : Yousign ne lit les ancres « {{s1|signature|…}} » que dans les documents de ${YOUSIGN_MAX_PAGES} pages au plus ; placez les champs par coordonnées (manifest.json) ou envoyez les documents séparément.`,
  };
}
