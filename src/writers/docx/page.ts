// Page geometry and unit conversion at the DOCX boundary.
//
// The IR speaks points; OOXML speaks twentieths of a point (twips, "dxa") for lengths and
// half-points for font sizes. Conversions happen here and nowhere else.

import type { Document, Pt } from '../../ir/types.ts';

export type Twips = number;

export function ptToTwips(pt: Pt): Twips {
  return Math.round(pt * 20);
}

/** Font size in half-points (w:sz), the unit of run properties. */
export function ptToHalfPoints(pt: Pt): number {
  return Math.round(pt * 2);
}

const CM: Twips = 567; // 1 cm = 566.93 twips; Word itself rounds to 567.

/** A4 in twips (210 × 297 mm), as Word writes it. */
const A4_SHORT: Twips = 11906;
const A4_LONG: Twips = 16838;

export interface PageGeometry {
  readonly orientation: Document['orientation'];
  readonly width: Twips;
  readonly height: Twips;
  readonly margin: Twips;
  /** Distance from the page edge to the header / footer text. */
  readonly headerDistance: Twips;
  readonly footerDistance: Twips;
  /** Width between the margins: tables and right tab stops are sized against it. */
  readonly textWidth: Twips;
}

export function pageGeometry(orientation: Document['orientation']): PageGeometry {
  const landscape = orientation === 'landscape';
  const width = landscape ? A4_LONG : A4_SHORT;
  const height = landscape ? A4_SHORT : A4_LONG;
  const margin = 2 * CM;
  return {
    orientation,
    width,
    height,
    margin,
    headerDistance: CM,
    footerDistance: CM,
    textWidth: width - 2 * margin,
  };
}

/**
 * Split `total` twips proportionally to `weights`, in whole twips that sum exactly to `total`
 * (largest-remainder rounding, ties to the leftmost column, so the result is deterministic).
 */
export function distribute(weights: readonly number[], total: Twips): Twips[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (weights.length === 0 || !(sum > 0) || weights.some((w) => !(w >= 0) || !Number.isFinite(w))) {
    throw new Error(`Invalid relative widths: ${JSON.stringify(weights)}`);
  }
  const exact = weights.map((w) => (w / sum) * total);
  const out = exact.map((x) => Math.floor(x));
  let rest = total - out.reduce((a, b) => a + b, 0);
  const order = exact
    .map((x, i) => ({ i, frac: x - Math.floor(x) }))
    .sort((a, b) => b.frac - a.frac || a.i - b.i);
  for (const { i } of order) {
    if (rest <= 0) break;
    out[i] = (out[i] ?? 0) + 1;
    rest -= 1;
  }
  return out;
}
