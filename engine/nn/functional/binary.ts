/**
 * Binary cross-entropy, for yes/no targets t ∈ [0, 1]: on probabilities p (after a sigmoid), or,
 * numerically stable, on logits x (before it). Optional `weight` (per element) and `posWeight`
 * (per class, weighting the positive term) broadcast onto the input.
 */
import { Tensor, gradBufferOf } from '../../tensor';
import { broadcastIndex } from '../../ops';
import { checkBroadcastsTo, checkReduction, reduceLosses, sameShape, shapeText, sharedGradient, type Reduction } from './reduction';
import { sigmoidScalar, softplusScalar } from './scalar';
import { float64 } from '../../arena';

export interface BinaryCrossEntropyOptions {
  /** rescales each element's loss; broadcasts onto the input */
  weight?: Tensor | null;
  reduction?: Reduction;
}

export interface BinaryCrossEntropyWithLogitsOptions extends BinaryCrossEntropyOptions {
  /** weight of the positive term, one per class (last dim): > 1 favours recall, < 1 precision */
  posWeight?: Tensor | null;
}

/** An optional broadcast operand: its data and index map onto the input (null map: same layout). */
function broadcastOperand(what: string, t: Tensor | null | undefined, shape: readonly number[]) {
  if (t === null || t === undefined) return null;
  checkBroadcastsTo(what, t, shape);
  return { data: t.data, at: broadcastIndex(t.shape, shape) };
}

/**
 * `F.binary_cross_entropy_with_logits`: with lw = 1 + (posWeight - 1)·t,
 *   loss = weight·[(1 - t)·x + lw·log(1 + e⁻ˣ)]  (= -weight·[posWeight·t·log σ(x) + (1 - t)·log(1 - σ(x))])
 * computed with a stable softplus, so large |x| never overflows.
 */
export function binaryCrossEntropyWithLogits(
  input: Tensor,
  target: Tensor,
  options: BinaryCrossEntropyWithLogitsOptions = {},
): Tensor {
  const mode = checkReduction(options.reduction ?? 'mean');
  if (!sameShape(input.shape, target.shape)) {
    throw new Error(`Target size (${shapeText(target.shape)}) must be the same as input size (${shapeText(input.shape)})`);
  }
  const weight = broadcastOperand('weight', options.weight, input.shape);
  const posWeight = broadcastOperand('pos_weight', options.posWeight, input.shape);
  const X = input.data;
  const T = target.data;
  const n = X.length;
  const weightAt = (j: number): number => (weight ? weight.data[weight.at ? weight.at[j] : j] : 1);
  const posWeightAt = (j: number): number => (posWeight ? posWeight.data[posWeight.at ? posWeight.at[j] : j] : 1);
  const losses = float64(n);
  for (let j = 0; j < n; j++) {
    const lw = 1 + (posWeightAt(j) - 1) * T[j];
    losses[j] = weightAt(j) * ((1 - T[j]) * X[j] + lw * softplusScalar(-X[j]));
  }
  const { data, shape } = reduceLosses(losses, mode, n, input.shape);
  return Tensor._fromOp(data, shape, [input, target], 'BinaryCrossEntropyWithLogitsBackward', (g) => {
    const shared = sharedGradient(g, mode, n);
    const gx = input.requiresGrad ? gradBufferOf(input) : null;
    const gt = target.requiresGrad ? gradBufferOf(target) : null;
    for (let j = 0; j < n; j++) {
      const s = (mode === 'none' ? g[j] : shared) * weightAt(j);
      const pw = posWeightAt(j);
      // dloss/dx = lw·σ(x) - posWeight·t
      if (gx) gx[j] += s * ((1 + (pw - 1) * T[j]) * sigmoidScalar(X[j]) - pw * T[j]);
      // dloss/dt = -x + (posWeight - 1)·log(1 + e⁻ˣ)
      if (gt) gt[j] += s * (-X[j] + (pw - 1) * softplusScalar(-X[j]));
    }
  });
}

/**
 * `F.binary_cross_entropy` on probabilities p ∈ [0, 1]:
 *   loss = -weight·[t·log p + (1 - t)·log(1 - p)]
 * with each log clamped at -100, as PyTorch does, so p = 0 or 1 gives a large finite loss.
 */
export function binaryCrossEntropy(input: Tensor, target: Tensor, options: BinaryCrossEntropyOptions = {}): Tensor {
  const mode = checkReduction(options.reduction ?? 'mean');
  if (!sameShape(input.shape, target.shape)) {
    throw new Error(
      `Using a target size (${shapeText(target.shape)}) that is different to the input size ` +
        `(${shapeText(input.shape)}) is deprecated. Please ensure they have the same size.`,
    );
  }
  const weight = broadcastOperand('weight', options.weight, input.shape);
  const X = input.data;
  const T = target.data;
  const n = X.length;
  for (let j = 0; j < n; j++) {
    if (!(X[j] >= 0 && X[j] <= 1)) {
      throw new Error(
        `all elements of input should be between 0 and 1; got ${X[j]} (apply a sigmoid first, ` +
          'or use BCEWithLogitsLoss on the raw outputs)',
      );
    }
  }
  const weightAt = (j: number): number => (weight ? weight.data[weight.at ? weight.at[j] : j] : 1);
  const logOf = (p: number): number => Math.max(Math.log(p), -100);
  const losses = float64(n);
  for (let j = 0; j < n; j++) losses[j] = -weightAt(j) * (T[j] * logOf(X[j]) + (1 - T[j]) * logOf(1 - X[j]));
  const { data, shape } = reduceLosses(losses, mode, n, input.shape);
  return Tensor._fromOp(data, shape, [input, target], 'BinaryCrossEntropyBackward', (g) => {
    const shared = sharedGradient(g, mode, n);
    const gx = input.requiresGrad ? gradBufferOf(input) : null;
    const gt = target.requiresGrad ? gradBufferOf(target) : null;
    for (let j = 0; j < n; j++) {
      const s = (mode === 'none' ? g[j] : shared) * weightAt(j);
      // dloss/dp = (p - t) / (p·(1 - p)), the denominator kept ≥ 1e-12
      if (gx) gx[j] += (s * (X[j] - T[j])) / Math.max((1 - X[j]) * X[j], 1e-12);
      // dloss/dt = log(1 - p) - log p
      if (gt) gt[j] += s * (logOf(1 - X[j]) - logOf(X[j]));
    }
  });
}
