/**
 * TensorBoard's smoothing: an exponential moving average, debiased so the curve starts at the first
 * value instead of creeping up from zero.
 *
 *   last ← w·last + (1 − w)·y        smoothed = last / (1 − wᵏ)   (k = values averaged so far)
 *
 * Values that are not finite pass through unchanged and do not disturb the average.
 */
import type { Column } from './lttb';

/** The running state of one EMA, so a growing series can be smoothed one new value at a time. */
export interface EmaState {
  last: number;
  /** wᵏ: how much of the zero start is still in `last` */
  weightPower: number;
}

export function emaStart(): EmaState {
  return { last: 0, weightPower: 1 };
}

/** Smooths values[from, to) into out[from, to), continuing from `state` (which it updates). */
export function smoothInto(values: Column, weight: number, out: Float64Array, state: EmaState, from = 0, to = values.length): void {
  const w = Math.min(Math.max(weight, 0), 0.999);
  let { last, weightPower } = state;
  for (let i = from; i < to; i++) {
    const value = values[i];
    if (!Number.isFinite(value)) {
      out[i] = value;
      continue;
    }
    last = w * last + (1 - w) * value;
    weightPower *= w;
    out[i] = last / (1 - weightPower);
  }
  state.last = last;
  state.weightPower = weightPower;
}

/** The debiased EMA of a whole series (weight 0 returns the values themselves). */
export function smooth(values: Column, weight: number): Float64Array {
  const out = new Float64Array(values.length);
  smoothInto(values, weight, out, emaStart());
  return out;
}

interface CacheEntry {
  weight: number;
  length: number;
  state: EmaState;
  out: Float64Array;
}

/**
 * Smoothed copies of a run's growing columns. The history only ever appends, so each refresh smooths
 * just the new values: a 200k-step run costs the same per refresh as a short one. Entries belong to
 * one history object (a new run starts a new one) and are dropped with it.
 */
export class SmoothingCache {
  private readonly entries = new WeakMap<object, Map<string, CacheEntry>>();

  /** The smoothed `values` (of the column `key` of `owner`), as a view of length values.length. */
  smooth(owner: object, key: string, values: Column, weight: number): Float64Array {
    let columns = this.entries.get(owner);
    if (!columns) this.entries.set(owner, (columns = new Map()));
    let entry = columns.get(key);
    const n = values.length;
    if (!entry || entry.weight !== weight || entry.length > n) {
      entry = { weight, length: 0, state: emaStart(), out: new Float64Array(Math.max(1024, n)) };
      columns.set(key, entry);
    }
    if (n > entry.out.length) {
      const grown = new Float64Array(Math.max(n, entry.out.length * 2));
      grown.set(entry.out.subarray(0, entry.length));
      entry.out = grown;
    }
    smoothInto(values, weight, entry.out, entry.state, entry.length, n);
    entry.length = n;
    return entry.out.subarray(0, n);
  }
}
