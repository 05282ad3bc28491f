/**
 * Position of each ticket id among the tickets read, for de-duplication. Most exports number
 * their tickets with dense integers, so those ids index a typed array (one store, no hashing:
 * a string-keyed Map of a million ids was a seventh of the ingest time); other ids use Maps.
 */

/** Value of a canonical integer id ("0", "12345"; no sign, no leading zero, ≤ 15 digits), else -1. */
function canonicalInt(id: string): number {
  const n = id.length;
  if (n === 0 || n > 15 || (n > 1 && id.charCodeAt(0) === 48)) return -1;
  let v = 0;
  for (let i = 0; i < n; i++) {
    const c = id.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return -1;
    v = v * 10 + c;
  }
  return v;
}

/** Smallest dense range worth allocating, in slots. */
const MIN_DENSE = 1 << 16;
/** Dense slots allowed per id stored: sparser numbering goes to the Map. */
const SLOTS_PER_ID = 8;

export class IdIndex {
  private readonly strings = new Map<string, number>();
  private readonly numbers = new Map<number, number>();
  /** Position + 1 of id `lo + i` at `dense[i]`; 0 = not seen. */
  private dense = new Int32Array(0);
  private lo = 0;
  private count = 0;

  /** Position stored for `id`, or -1. */
  get(id: string): number {
    const k = canonicalInt(id);
    if (k < 0) return this.strings.get(id) ?? -1;
    const d = k - this.lo;
    if (d >= 0 && d < this.dense.length) {
      const p = this.dense[d]! - 1;
      if (p >= 0) return p;
    }
    return this.numbers.size === 0 ? -1 : (this.numbers.get(k) ?? -1);
  }

  /** Stores the position of an id not stored yet, or replaces it. */
  set(id: string, position: number): void {
    this.count++;
    const k = canonicalInt(id);
    if (k < 0) this.strings.set(id, position);
    else if (this.fits(k)) this.dense[k - this.lo] = position + 1;
    else this.numbers.set(k, position);
  }

  /** True when `k` is in the dense range, after growing it if that stays dense enough. */
  private fits(k: number): boolean {
    const len = this.dense.length;
    const hi = this.lo + len;
    if (k >= this.lo && k < hi) return true;
    const needLo = len === 0 ? k : Math.min(this.lo, k);
    const needHi = len === 0 ? k + 1 : Math.max(hi, k + 1);
    const limit = Math.max(MIN_DENSE, SLOTS_PER_ID * this.count);
    if (needHi - needLo > limit) return false;
    // Doubling keeps growth amortised whichever way the ids run (exports often list newest first).
    const size = Math.min(limit, Math.max(needHi - needLo, 2 * len, 1024));
    const lo = k < this.lo ? Math.max(0, needHi - size) : needLo;
    const grown = new Int32Array(size);
    if (len > 0) grown.set(this.dense, this.lo - lo);
    this.dense = grown;
    this.lo = lo;
    return true;
  }
}
