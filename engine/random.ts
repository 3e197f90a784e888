/**
 * Seeded random numbers. Every random choice in the engine (weight init, shuffling, dropout masks,
 * sampling) draws from a `Generator`, so one seed reproduces a run bit for bit.
 *
 * The bit stream is xoshiro128** (fast, 128-bit state, good statistical quality); it is not
 * PyTorch's mt19937, so the same seed gives other numbers than torch — parity tests load weights.
 */

/** splitmix32: spreads a small integer seed over the 128-bit state. */
function splitmix32(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

export interface GeneratorState {
  seed: number;
  s: [number, number, number, number];
  spareNormal: number | null;
}

export class Generator {
  private s0 = 0;
  private s1 = 0;
  private s2 = 0;
  private s3 = 0;
  private seed = 0;
  /** Box–Muller makes two normals at a time; the spare is part of the state. */
  private spareNormal: number | null = null;

  constructor(seed = 0) {
    this.manualSeed(seed);
  }

  /** Resets the stream to the start of `seed` (like `torch.Generator.manual_seed`). */
  manualSeed(seed: number): this {
    if (!Number.isFinite(seed)) throw new Error(`Seed must be a finite number; got ${seed}`);
    this.seed = Math.trunc(seed) >>> 0;
    const next = splitmix32(this.seed);
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    this.spareNormal = null;
    return this;
  }

  initialSeed(): number {
    return this.seed;
  }

  /** A uniformly distributed unsigned 32-bit integer (xoshiro128**). */
  nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  /** Uniform in [0, 1) with 32 bits of randomness. */
  random(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform in [low, high). */
  uniform(low = 0, high = 1): number {
    return low + (high - low) * this.random();
  }

  /** Standard normal N(0, 1) by the Box–Muller transform. */
  normal(): number {
    if (this.spareNormal !== null) {
      const z = this.spareNormal;
      this.spareNormal = null;
      return z;
    }
    let u = 0;
    while (u === 0) u = this.random(); // log(0) is -inf
    const v = this.random();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spareNormal = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** A uniform integer in [0, n), without modulo bias. */
  randint(n: number): number {
    if (!(n >= 1) || n > 4294967296) throw new Error(`randint needs 1 ≤ n ≤ 2^32; got ${n}`);
    const limit = 4294967296 - (4294967296 % n);
    let x = this.nextUint32();
    while (x >= limit) x = this.nextUint32();
    return x % n;
  }

  /** A random permutation of 0..n-1 (Fisher–Yates), like `torch.randperm`. */
  randperm(n: number): Int32Array {
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = i;
    for (let i = n - 1; i > 0; i--) {
      const j = this.randint(i + 1);
      const t = out[i];
      out[i] = out[j];
      out[j] = t;
    }
    return out;
  }

  getState(): GeneratorState {
    return { seed: this.seed, s: [this.s0, this.s1, this.s2, this.s3], spareNormal: this.spareNormal };
  }

  setState(state: GeneratorState): this {
    this.seed = state.seed >>> 0;
    [this.s0, this.s1, this.s2, this.s3] = state.s.map((x) => x | 0) as [number, number, number, number];
    this.spareNormal = state.spareNormal;
    return this;
  }
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** The generator used when none is passed, like torch's default CPU generator. */
export const defaultGenerator = new Generator(0);

/** Seeds the default generator: `torch.manual_seed(seed)`. */
export function manualSeed(seed: number): Generator {
  return defaultGenerator.manualSeed(seed);
}
