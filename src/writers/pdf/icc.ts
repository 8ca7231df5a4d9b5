// A small sRGB ICC profile (v2, matrix/TRC), generated rather than shipped: PDF/A needs an
// output intent with an embedded profile, and building the classic sRGB numbers here avoids
// carrying a binary blob of uncertain licence. Computed once per process.

const D50 = [0.9642, 1.0, 0.8249] as const;
// Media white D65 and Bradford-adapted primaries, as in the reference sRGB v2 profile.
const WHITE = [0.9505, 1.0, 1.0891] as const;
const RED = [0.4361, 0.2225, 0.0139] as const;
const GREEN = [0.3851, 0.7169, 0.0971] as const;
const BLUE = [0.1431, 0.0606, 0.7141] as const;

class Writer {
  readonly bytes: number[] = [];
  u8(v: number): this {
    this.bytes.push(v & 0xff);
    return this;
  }
  u16(v: number): this {
    return this.u8(v >> 8).u8(v);
  }
  u32(v: number): this {
    return this.u16((v >>> 16) & 0xffff).u16(v & 0xffff);
  }
  tag(s: string): this {
    for (const c of s) this.u8(c.charCodeAt(0));
    return this;
  }
  s15(v: number): this {
    return this.u32(Math.round(v * 65536) | 0);
  }
  pad(): this {
    while (this.bytes.length % 4) this.u8(0);
    return this;
  }
}

function xyz(v: readonly number[]): number[] {
  const w = new Writer().tag('XYZ ').u32(0);
  for (const c of v) w.s15(c);
  return w.bytes;
}

function desc(text: string): number[] {
  const w = new Writer().tag('desc').u32(0).u32(text.length + 1).tag(text).u8(0);
  w.u32(0).u32(0); // Unicode: language, count
  w.u16(0).u8(0); // ScriptCode: code, count
  for (let i = 0; i < 67; i++) w.u8(0);
  return w.bytes;
}

function text(s: string): number[] {
  return new Writer().tag('text').u32(0).tag(s).u8(0).bytes;
}

function curve(): number[] {
  const n = 1024;
  const w = new Writer().tag('curv').u32(0).u32(n);
  for (let i = 0; i < n; i++) {
    const v = i / (n - 1);
    const lin = v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    w.u16(Math.round(lin * 65535));
  }
  return w.bytes;
}

let cached: Uint8Array | undefined;

export function srgbProfile(): Uint8Array {
  if (cached) return cached;
  const trc = curve();
  const tags: Array<[string, number[]]> = [
    ['desc', desc('sRGB IEC61966-2.1')],
    ['cprt', text('No copyright, use freely')],
    ['wtpt', xyz(WHITE)],
    ['rXYZ', xyz(RED)],
    ['gXYZ', xyz(GREEN)],
    ['bXYZ', xyz(BLUE)],
    ['rTRC', trc],
    ['gTRC', trc],
    ['bTRC', trc],
  ];
  // Data blocks: the three TRC tags share one.
  const blocks: number[][] = [];
  const where = new Map<number[], number>();
  let offset = 128 + 4 + 12 * tags.length;
  const entries = tags.map(([sig, data]) => {
    let at = where.get(data);
    if (at === undefined) {
      at = offset;
      where.set(data, at);
      blocks.push(data);
      offset += (data.length + 3) & ~3;
    }
    return { sig, at, size: data.length };
  });

  const w = new Writer();
  w.u32(0).u32(0).u32(0x02100000).tag('mntr').tag('RGB ').tag('XYZ ');
  w.u16(2000).u16(1).u16(1).u16(0).u16(0).u16(0);
  w.tag('acsp').u32(0).u32(0).u32(0).u32(0).u32(0).u32(0).u32(0);
  for (const c of D50) w.s15(c);
  w.u32(0);
  while (w.bytes.length < 128) w.u8(0);
  w.u32(tags.length);
  for (const e of entries) w.tag(e.sig).u32(e.at).u32(e.size);
  for (const b of blocks) {
    for (const x of b) w.u8(x);
    w.pad();
  }
  const out = new Uint8Array(w.bytes);
  new DataView(out.buffer).setUint32(0, out.length);
  cached = out;
  return out;
}
