/** mulberry32: a tiny seeded PRNG, so every generated case is replayable from its 32-bit seed. */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Draws from one seeded stream: integers, choices, strings and bytes. */
export class Random {
  private readonly next: () => number;

  constructor(readonly seed: number) {
    this.next = mulberry32(seed);
  }

  /** A float in [0, 1). */
  float(): number {
    return this.next();
  }

  /** An integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** An integer in [min, max] skewed towards small values (log-uniform), for sizes. */
  size(min: number, max: number): number {
    const lo = Math.log(min + 1);
    const hi = Math.log(max + 1);
    return Math.min(max, Math.max(min, Math.floor(Math.exp(lo + this.next() * (hi - lo)) - 1)));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** `n` items drawn with `make`, joined. */
  repeat(n: number, make: (i: number) => string, sep = ''): string {
    const parts: string[] = [];
    for (let i = 0; i < n; i++) parts.push(make(i));
    return parts.join(sep);
  }

  bytes(n: number): Uint8Array {
    const out = new Uint8Array(n);
    for (let i = 0; i < n; i++) out[i] = Math.floor(this.next() * 256);
    return out;
  }

  /** A string of `n` code points from the whole Unicode range except lone surrogates. */
  unicode(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) {
      const r = this.next();
      const cp = r < 0.5 ? this.int(0, 0x7f) : r < 0.8 ? this.int(0x80, 0xd7ff) : r < 0.9 ? this.int(0xe000, 0xffff) : this.int(0x10000, 0x10ffff);
      s += String.fromCodePoint(cp);
    }
    return s;
  }
}

/** Mixes a base seed with a case index into a new 32-bit seed (splitmix-style), so cases do not overlap. */
export function caseSeed(base: number, index: number): number {
  let z = (base ^ Math.imul(index + 1, 0x9e3779b9)) >>> 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
  return (z ^ (z >>> 16)) >>> 0;
}
