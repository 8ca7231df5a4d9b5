// Bytes written in place, for content streams, the structure tree and the file itself: string
// building and number-to-string conversion dominated the writer's profile (thousands of
// structure elements and content operators per contract).

export class ByteWriter {
  private buf: Uint8Array;
  pos = 0;

  constructor(size = 1 << 16) {
    this.buf = new Uint8Array(size);
  }

  /** Makes room for `n` more bytes; returns the buffer to write them into (at `pos`). */
  room(n: number): Uint8Array {
    if (this.pos + n <= this.buf.length) return this.buf;
    let size = this.buf.length * 2;
    while (size < this.pos + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.pos));
    this.buf = next;
    return next;
  }

  /** ASCII text (operators, names, PDF syntax without strings). */
  ascii(s: string): this {
    const b = this.room(s.length);
    for (let i = 0; i < s.length; i++) b[this.pos++] = s.charCodeAt(i);
    return this;
  }

  byte(b: number): this {
    this.room(1)[this.pos++] = b;
    return this;
  }

  bytes(data: Uint8Array): this {
    this.room(data.length).set(data, this.pos);
    this.pos += data.length;
    return this;
  }

  /** A non-negative integer in decimal (object numbers, offsets, MCIDs). */
  uint(i: number): this {
    const b = this.room(16);
    if (i < 10) {
      b[this.pos++] = 48 + i;
      return this;
    }
    let digits = 1;
    for (let v = i; v >= 10; v = Math.floor(v / 10)) digits++;
    let p = this.pos + digits;
    this.pos = p;
    let v = i;
    while (v >= 10) {
      b[--p] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
    b[--p] = 48 + v;
    return this;
  }

  /** An indirect reference, « n 0 R ». */
  ref(objectNumber: number): this {
    return this.uint(objectNumber).ascii(' 0 R');
  }

  /** A number to 1/100, then a space (content stream coordinates, shortest form). */
  num(n: number): this {
    const b = this.room(24);
    let r = Math.round(n * 100);
    if (r < 0) {
      b[this.pos++] = 45; // '-'
      r = -r;
    }
    const i = Math.floor(r / 100);
    const f = r - i * 100;
    this.uint(i);
    if (f !== 0) {
      b[this.pos++] = 46; // '.'
      b[this.pos++] = 48 + Math.floor(f / 10);
      if (f % 10 !== 0) b[this.pos++] = 48 + (f % 10);
    }
    b[this.pos++] = 32;
    return this;
  }

  /** One byte of a literal string, escaped where PDF requires it. */
  strByte(c: number): void {
    const b = this.room(2);
    if (c === 0x28 || c === 0x29 || c === 0x5c) {
      b[this.pos++] = 0x5c;
      b[this.pos++] = c;
    } else if (c === 0x0d || c === 0x0a) {
      // A raw end of line inside a string would be read as \n: escape both.
      b[this.pos++] = 0x5c;
      b[this.pos++] = c === 0x0d ? 0x72 : 0x6e;
    } else {
      b[this.pos++] = c;
    }
  }

  /** The bytes from `start` to the current position (a view: valid until the next write). */
  view(start = 0): Uint8Array {
    return this.buf.subarray(start, this.pos);
  }

  /** A copy of everything written, and the writer emptied for reuse. */
  take(): Uint8Array {
    const out = this.buf.slice(0, this.pos);
    this.pos = 0;
    return out;
  }
}
