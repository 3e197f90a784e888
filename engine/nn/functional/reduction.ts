/** The `reduction` argument every loss takes, and the checks losses share. */
import type { Tensor } from '../../tensor';
import { float32, float32From } from '../../arena';

/** 'mean': average of the per-element losses; 'sum': their sum; 'none': all of them, unreduced. */
export type Reduction = 'mean' | 'sum' | 'none';

/** Validates an untrusted reduction name with PyTorch's message. */
export function checkReduction(reduction: string): Reduction {
  if (reduction !== 'mean' && reduction !== 'sum' && reduction !== 'none') {
    throw new Error(`${reduction} is not a valid value for reduction (use 'mean', 'sum' or 'none')`);
  }
  return reduction;
}

export function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((d, i) => d === b[i]);
}

/**
 * The loss tensor's values from per-element losses (float64): their mean (Σ / divisor), their sum,
 * or all of them with `shape`.
 */
export function reduceLosses(
  losses: Float64Array,
  reduction: Reduction,
  divisor: number,
  shape: readonly number[],
): { data: Float32Array; shape: number[] } {
  if (reduction === 'none') return { data: float32From(losses), shape: shape.slice() };
  let total = 0;
  for (let i = 0; i < losses.length; i++) total += losses[i];
  const data = float32(1);
  data[0] = reduction === 'mean' ? total / divisor : total;
  return { data, shape: [] };
}

/**
 * In backward: the gradient that reaches every element's loss when the loss was reduced
 * (g/divisor for 'mean', g for 'sum'); for 'none' each element has its own, g[j].
 */
export function sharedGradient(g: Float32Array, reduction: Reduction, divisor: number): number {
  if (reduction === 'none') return 0;
  return reduction === 'mean' ? g[0] / divisor : g[0];
}

/** Optional weights must broadcast onto `shape` (as PyTorch's weight and pos_weight do). */
export function checkBroadcastsTo(what: string, t: Tensor, shape: readonly number[]): void {
  const offset = shape.length - t.shape.length;
  if (offset < 0 || t.shape.some((d, i) => d !== 1 && d !== shape[offset + i])) {
    throw new Error(`${what} of shape ${shapeText(t.shape)} cannot be broadcast to the input's shape ${shapeText(shape)}`);
  }
}
