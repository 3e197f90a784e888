/** Shared by the nn tests: fixture values to tensors, and the probe backward the fixtures used. */
import { Tensor, tensor, type NestedArray } from '../index';

/** A fixture array as a tensor (0-d for a number). */
export function t(values: NestedArray, requiresGrad = false): Tensor {
  return tensor(values, { requiresGrad });
}

/** Like `t`, with null for a missing value. */
export function maybe(values: NestedArray | null | undefined): Tensor | null {
  return values === null || values === undefined ? null : tensor(values);
}

/**
 * Backward of sum(out · probe), as gen_nn.py did; for a scalar output (probe null) backward of
 * the output itself.
 */
export function backwardWithProbe(out: Tensor, probe: NestedArray | null): void {
  if (probe === null) out.backward();
  else out.backward(tensor(probe));
}
