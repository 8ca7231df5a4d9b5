// E-signature options: what a model asks of its PDFs (modele.yaml `signature_electronique`)
// and what `--signature-electronique` overrides. The writer reads these options only; the
// rectangles come from layout (SignatureZone).
import { z } from 'zod';

/** Anchor conventions of the signature platforms (see README « Signature électronique »). */
export const ANCHOR_FAMILIES = ['iparapheur', 'yousign', 'docusign'] as const;
export type AnchorFamily = (typeof ANCHOR_FAMILIES)[number];

export interface ESignatureOptions {
  /** Invisible text anchors drawn on every signature area, per platform. */
  readonly anchors: readonly AnchorFamily[];
  /** Empty AcroForm signature fields (/FT /Sig), one per signatory and signature area. */
  readonly fields: boolean;
  /** The model expects a stamp (manifest `signature.cachet`): i-Parapheur's `#cachet#` too. */
  readonly cachet: boolean;
  /** Chosen on the command line rather than by the model (recorded in manifest.json). */
  readonly override?: boolean;
}

export const NO_ESIGNATURE: ESignatureOptions = { anchors: [], fields: false, cachet: false };

export const ESignatureSchema = z.strictObject({
  /** Anchors to draw: iparapheur, yousign, docusign. */
  ancres: z.array(z.enum(ANCHOR_FAMILIES)).default([]),
  /** Empty signature fields at the signature areas. */
  champs: z.boolean().default(false),
});
export type ESignatureManifest = z.output<typeof ESignatureSchema>;

/** What `--signature-electronique` chose: replaces the model's anchors and fields. */
export type ESignatureOverride = Pick<ESignatureOptions, 'anchors' | 'fields'>;

/** The options for one contract: the command line's choice, else the model's (none by default). */
export function esignatureFor(m: { readonly signature: { readonly cachet: boolean }; readonly signature_electronique?: ESignatureManifest }, override?: ESignatureOverride): ESignatureOptions {
  if (override) return { anchors: override.anchors, fields: override.fields, cachet: m.signature.cachet, override: true };
  const e = m.signature_electronique;
  return { anchors: ANCHOR_FAMILIES.filter((f) => e?.ancres.includes(f)), fields: e?.champs ?? false, cachet: m.signature.cachet };
}

const WORDS = [...ANCHOR_FAMILIES, 'champs', 'aucune'] as const;

/**
 * `--signature-electronique iparapheur,yousign,champs` (or `aucune`), checked before anything
 * is read: a wrong word is a usage error (French message in `error`).
 */
export function parseESignature(v: string): { readonly override?: ESignatureOverride; readonly error?: string } {
  const words = v.split(',').map((w) => w.trim()).filter((w) => w !== '');
  const unknown = words.find((w) => !(WORDS as readonly string[]).includes(w));
  if (unknown !== undefined || words.length === 0) {
    return { error: `--signature-electronique : « ${unknown ?? v} » inconnu ; attendu une liste parmi ${WORDS.join(', ')} (ex. « yousign,champs »)` };
  }
  if (words.includes('aucune') && words.length > 1) return { error: '--signature-electronique : « aucune » ne se combine avec rien d’autre' };
  return { override: { anchors: ANCHOR_FAMILIES.filter((f) => words.includes(f)), fields: words.includes('champs') } };
}
