// Operation counters of the layout, for tests and benchmarks: the layout must stay linear in
// the length of its text, and counting work (rather than timing it) proves that on any machine.
// Plain increments on the hot path: cheap enough to stay on in production.

export interface LayoutCounters {
  /** Glyph advances looked up (every measuring of text goes through FontBook.advance). */
  advances: number;
  /** Frames copied to a new position (a line drawn in a cell, then on its page). */
  framesMoved: number;
}

export const layoutCounters: LayoutCounters = { advances: 0, framesMoved: 0 };

export function resetLayoutCounters(): void {
  layoutCounters.advances = 0;
  layoutCounters.framesMoved = 0;
}
