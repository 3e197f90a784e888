/**
 * Classification losses on class scores [N, C] (or [N, C, d1, ...], or [C]), each one graph node.
 *   nllLoss:      on log-probabilities, loss = -weight[t]·x[t]
 *   crossEntropy: on raw scores (logits), log-softmax fused with nllLoss and label smoothing.
 * 'mean' divides by Σ weight[target] over the positions not ignored (PyTorch's weighted mean).
 */
import { Tensor, gradBufferOf } from '../../tensor';
import { checkClassWeight, classLayout, readClassTargets, type ClassLayout } from './classTargets';
import { checkReduction, reduceLosses, sameShape, sharedGradient, type Reduction } from './reduction';
import { float32, float64 } from '../../arena';
import { softmaxLoops } from '../../ops/softmax';
import { kernelsForElements } from '../../wasm/kernels';

export interface NllLossOptions {
  /** a weight per class [C]: rescales each target's loss (for imbalanced classes) */
  weight?: Tensor | null;
  /** targets equal to this contribute nothing (no loss, no gradient, not counted by 'mean') */
  ignoreIndex?: number;
  reduction?: Reduction;
}

export interface CrossEntropyOptions extends NllLossOptions {
  /** ε ∈ [0, 1]: the target becomes (1 - ε)·one-hot + ε/C (less over-confident predictions) */
  labelSmoothing?: number;
}

/** Flat index of class c at position j (sample j / inner, offset j % inner). */
function at(layout: ClassLayout, j: number, c: number): number {
  const o = Math.floor(j / layout.inner);
  return (o * layout.numClasses + c) * layout.inner + (j % layout.inner);
}

/** `F.nll_loss(input, target)`: input holds log-probabilities; loss = -weight[t]·input[t]. */
export function nllLoss(input: Tensor, target: Tensor, options: NllLossOptions = {}): Tensor {
  const mode = checkReduction(options.reduction ?? 'mean');
  const weight = options.weight ?? null;
  const layout = classLayout(input);
  checkClassWeight(weight, layout.numClasses);
  const { classes, weights, totalWeight } = readClassTargets(input, target, layout, weight, options.ignoreIndex ?? -100);
  const X = input.data;
  const losses = float64(classes.length);
  for (let j = 0; j < classes.length; j++) if (classes[j] >= 0) losses[j] = -weights[j] * X[at(layout, j, classes[j])];
  const { data, shape } = reduceLosses(losses, mode, totalWeight, layout.positionsShape);
  return Tensor._fromOp(data, shape, [input], 'NllLossBackward', (g) => {
    // dloss/dx[t] = -weight[t]
    const shared = sharedGradient(g, mode, totalWeight);
    const gx = gradBufferOf(input);
    for (let j = 0; j < classes.length; j++) {
      if (classes[j] >= 0) gx[at(layout, j, classes[j])] -= (mode === 'none' ? g[j] : shared) * weights[j];
    }
  });
}

/**
 * log-softmax over the class dim for every position: float32 from the WebAssembly kernel when the
 * classes are the last, contiguous dim of a long input ([N, C]), else float64.
 */
function logSoftmaxClasses(X: Float32Array, layout: ClassLayout): Float32Array | Float64Array {
  const { outer, numClasses: C, inner } = layout;
  const wasm = inner === 1 ? kernelsForElements(X.length) : null;
  if (wasm !== null) {
    const logp = float32(X.length);
    if (wasm.rows('logSoftmaxRows', outer, C, X, logp)) return logp;
  }
  const logp = float64(X.length);
  softmaxLoops(X, logp, outer, C, inner, true);
  return logp;
}

/** The probabilities e^logp for the backward: the WebAssembly kernel's when logp is its float32, else null (the loop takes Math.exp). */
function probabilities(logp: Float32Array | Float64Array): Float32Array | null {
  if (logp.BYTES_PER_ELEMENT !== 4) return null;
  const wasm = kernelsForElements(logp.length);
  const p = float32(logp.length);
  return wasm !== null && wasm.map('expForward', logp as Float32Array, p) ? p : null;
}

/**
 * `F.cross_entropy(input, target)` = nllLoss(logSoftmax(input)), fused. `target` holds class
 * indices (shape [N] for input [N, C]) or, when it has the input's shape, class probabilities.
 * With label smoothing ε (PyTorch's formula, weights included), per position:
 *   loss = (1 - ε)·w[t]·(-log p[t]) + (ε/C)·Σ_c w[c]·(-log p[c])
 * and the gradient with respect to the scores is p·Σ_c a[c] - a with a[c] the weight on -log p[c].
 */
export function crossEntropy(input: Tensor, target: Tensor, options: CrossEntropyOptions = {}): Tensor {
  const mode = checkReduction(options.reduction ?? 'mean');
  const smoothing = options.labelSmoothing ?? 0;
  if (!(smoothing >= 0 && smoothing <= 1)) throw new Error(`label_smoothing must be between 0.0 and 1.0. Got: ${smoothing}`);
  const weight = options.weight ?? null;
  const layout = classLayout(input);
  checkClassWeight(weight, layout.numClasses);
  if (sameShape(input.shape, target.shape)) {
    if ((options.ignoreIndex ?? -100) >= 0) throw new Error('ignore_index is not supported for floating point target');
    return crossEntropyWithProbabilities(input, target, layout, weight, smoothing, mode);
  }
  const { classes, weights, totalWeight } = readClassTargets(input, target, layout, weight, options.ignoreIndex ?? -100);
  const C = layout.numClasses;
  const W = weight?.data;
  let weightSum = 0;
  for (let c = 0; c < C; c++) weightSum += W ? W[c] : 1;
  const logp = logSoftmaxClasses(input.data, layout);
  const losses = float64(classes.length);
  for (let j = 0; j < classes.length; j++) {
    if (classes[j] < 0) continue;
    let smooth = 0;
    if (smoothing > 0) for (let c = 0; c < C; c++) smooth -= (W ? W[c] : 1) * logp[at(layout, j, c)];
    losses[j] = -(1 - smoothing) * weights[j] * logp[at(layout, j, classes[j])] + (smoothing / C) * smooth;
  }
  const { data, shape } = reduceLosses(losses, mode, totalWeight, layout.positionsShape);
  return Tensor._fromOp(data, shape, [input], 'CrossEntropyLossBackward', (g) => {
    // a[c] = (1 - ε)·w[t]·[c = t] + (ε/C)·w[c];  dloss/dx[c] = p[c]·Σa - a[c]
    const shared = sharedGradient(g, mode, totalWeight);
    const gx = gradBufferOf(input);
    const p = probabilities(logp);
    for (let j = 0; j < classes.length; j++) {
      const t = classes[j];
      if (t < 0) continue;
      const s = mode === 'none' ? g[j] : shared;
      const sumA = (1 - smoothing) * weights[j] + (smoothing / C) * weightSum;
      for (let c = 0; c < C; c++) {
        const k = at(layout, j, c);
        const a = (c === t ? (1 - smoothing) * weights[j] : 0) + (smoothing / C) * (W ? W[c] : 1);
        gx[k] += s * ((p !== null ? p[k] : Math.exp(logp[k])) * sumA - a);
      }
    }
  });
}

/**
 * Cross-entropy against class probabilities q (same shape as input), smoothed to
 * q' = (1 - ε)·q + ε/C: loss = -Σ_c w[c]·q'[c]·log p[c]; 'mean' divides by the number of positions.
 */
function crossEntropyWithProbabilities(
  input: Tensor,
  target: Tensor,
  layout: ClassLayout,
  weight: Tensor | null,
  smoothing: number,
  mode: Reduction,
): Tensor {
  const C = layout.numClasses;
  const W = weight?.data;
  const Q = target.data;
  const positions = layout.outer * layout.inner;
  const smoothed = (k: number): number => (1 - smoothing) * Q[k] + smoothing / C;
  const logp = logSoftmaxClasses(input.data, layout);
  const losses = float64(positions);
  for (let j = 0; j < positions; j++) {
    for (let c = 0; c < C; c++) {
      const k = at(layout, j, c);
      losses[j] -= (W ? W[c] : 1) * smoothed(k) * logp[k];
    }
  }
  const { data, shape } = reduceLosses(losses, mode, positions, layout.positionsShape);
  return Tensor._fromOp(data, shape, [input, target], 'CrossEntropyLossBackward', (g) => {
    const shared = sharedGradient(g, mode, positions);
    const gx = input.requiresGrad ? gradBufferOf(input) : null;
    const gq = target.requiresGrad ? gradBufferOf(target) : null;
    for (let j = 0; j < positions; j++) {
      const s = mode === 'none' ? g[j] : shared;
      let sumA = 0;
      for (let c = 0; c < C; c++) sumA += (W ? W[c] : 1) * smoothed(at(layout, j, c));
      for (let c = 0; c < C; c++) {
        const k = at(layout, j, c);
        const w = W ? W[c] : 1;
        // dloss/dx[c] = p[c]·Σ w·q' - w[c]·q'[c];  dloss/dq[c] = -(1 - ε)·w[c]·log p[c]
        if (gx) gx[k] += s * (Math.exp(logp[k]) * sumA - w * smoothed(k));
        if (gq) gq[k] -= s * (1 - smoothing) * w * logp[k];
      }
    }
  });
}
