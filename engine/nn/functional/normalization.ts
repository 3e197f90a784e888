/**
 * Layer and batch normalization, each one fused graph node. Both normalise groups of values to
 * mean 0 and variance 1, x̂ = (x - mean)/√(var + eps), then scale and shift: y = x̂·weight + bias.
 * They share one backward rule: for a group of n values normalised with its own statistics,
 *   dx = (1/σ)·(dx̂ - mean(dx̂) - x̂·mean(dx̂·x̂)),  dx̂ = dy·weight,  σ = √(var + eps)
 * Statistics are accumulated in float64.
 */
import { Tensor, gradBufferOf } from '../../tensor';
import { float32, float64 } from '../../arena';

function shapeText(shape: readonly number[]): string {
  return `[${shape.join(', ')}]`;
}

function checkAffine(what: string, t: Tensor | null, size: number, expected: readonly number[]): void {
  if (t !== null && t.data.length !== size) {
    throw new Error(`${what} of shape ${shapeText(t.shape)} does not match the normalized shape ${shapeText(expected)}`);
  }
}

export interface LayerNormOptions {
  weight?: Tensor | null;
  bias?: Tensor | null;
  eps?: number;
}

/**
 * `F.layer_norm(input, normalizedShape, weight, bias, eps)`: normalises over the last dims
 * (`normalizedShape`) of each sample, with the biased variance.
 */
export function layerNorm(input: Tensor, normalizedShape: number | readonly number[], options: LayerNormOptions = {}): Tensor {
  const shape = typeof normalizedShape === 'number' ? [normalizedShape] : normalizedShape.slice();
  const weight = options.weight ?? null;
  const bias = options.bias ?? null;
  const eps = options.eps ?? 1e-5;
  const tail = input.shape.slice(input.shape.length - shape.length);
  if (shape.length === 0 || shape.length > input.shape.length || tail.some((d, i) => d !== shape[i])) {
    throw new Error(
      `Given normalized_shape=${shapeText(shape)}, expected input with shape [*, ${shape.join(', ')}], ` +
        `but got input of size${shapeText(input.shape)}`,
    );
  }
  const size = shape.reduce((p, d) => p * d, 1);
  checkAffine('weight', weight, size, shape);
  checkAffine('bias', bias, size, shape);
  const rows = size === 0 ? 0 : input.data.length / size;
  const X = input.data;
  const W = weight?.data;
  const B = bias?.data;
  const mean = float64(rows);
  const rstd = float64(rows);
  const out = float32(X.length);
  for (let r = 0; r < rows; r++) {
    const o = r * size;
    let s = 0;
    for (let j = 0; j < size; j++) s += X[o + j];
    const m = s / size;
    let v = 0;
    for (let j = 0; j < size; j++) v += (X[o + j] - m) * (X[o + j] - m);
    const inv = 1 / Math.sqrt(v / size + eps);
    mean[r] = m;
    rstd[r] = inv;
    for (let j = 0; j < size; j++) {
      const xhat = (X[o + j] - m) * inv;
      out[o + j] = xhat * (W ? W[j] : 1) + (B ? B[j] : 0);
    }
  }
  const parents = [input, ...(weight ? [weight] : []), ...(bias ? [bias] : [])];
  return Tensor._fromOp(out, input.shape, parents, 'NativeLayerNormBackward', (g) => {
    const gx = input.requiresGrad ? gradBufferOf(input) : null;
    const gw = weight?.requiresGrad ? gradBufferOf(weight) : null;
    const gb = bias?.requiresGrad ? gradBufferOf(bias) : null;
    for (let r = 0; r < rows; r++) {
      const o = r * size;
      const m = mean[r];
      const inv = rstd[r];
      let sumDxhat = 0;
      let sumDxhatXhat = 0;
      for (let j = 0; j < size; j++) {
        const xhat = (X[o + j] - m) * inv;
        const dxhat = g[o + j] * (W ? W[j] : 1);
        sumDxhat += dxhat;
        sumDxhatXhat += dxhat * xhat;
        if (gw) gw[j] += g[o + j] * xhat; // d(x̂·w)/dw = x̂
        if (gb) gb[j] += g[o + j]; // d(… + b)/db = 1
      }
      if (gx) {
        const a = sumDxhat / size;
        const b = sumDxhatXhat / size;
        for (let j = 0; j < size; j++) {
          const xhat = (X[o + j] - m) * inv;
          gx[o + j] += inv * (g[o + j] * (W ? W[j] : 1) - a - xhat * b);
        }
      }
    }
  });
}

export interface BatchNormOptions {
  weight?: Tensor | null;
  bias?: Tensor | null;
  /** use this batch's statistics (and update the running ones) rather than the running ones */
  training?: boolean;
  /** running = (1 - momentum)·running + momentum·batch */
  momentum?: number;
  eps?: number;
}

/**
 * `F.batch_norm(input, runningMean, runningVar, weight, bias, training, momentum, eps)` for input
 * [N, C, ...]: each channel c is normalised over the batch (and any trailing dims). In training the
 * batch's biased variance normalises and its unbiased variance (·n/(n-1)) updates `runningVar` in
 * place; otherwise the running statistics normalise.
 */
export function batchNorm(
  input: Tensor,
  runningMean: Tensor | null,
  runningVar: Tensor | null,
  options: BatchNormOptions = {},
): Tensor {
  const weight = options.weight ?? null;
  const bias = options.bias ?? null;
  const training = options.training ?? false;
  const momentum = options.momentum ?? 0.1;
  const eps = options.eps ?? 1e-5;
  if (input.shape.length < 2) {
    throw new Error(`batch_norm expects input of shape [N, C, ...]; got ${shapeText(input.shape)}`);
  }
  const [batch, channels] = input.shape;
  const inner = input.shape.slice(2).reduce((p, d) => p * d, 1);
  const count = batch * inner;
  for (const [what, t] of [['running_mean', runningMean], ['running_var', runningVar], ['weight', weight], ['bias', bias]] as const) {
    if (t !== null && t.data.length !== channels) {
      throw new Error(`${what} should contain ${channels} elements not ${t.data.length}`);
    }
  }
  if (!training && (runningMean === null || runningVar === null)) {
    throw new Error('batch_norm needs running_mean and running_var when not training');
  }
  if (training && count <= 1) {
    throw new Error(`Expected more than 1 value per channel when training, got input size ${shapeText(input.shape)}`);
  }
  const X = input.data;
  const W = weight?.data;
  const B = bias?.data;
  const mean = float64(channels);
  const rstd = float64(channels);
  for (let c = 0; c < channels; c++) {
    if (!training) {
      mean[c] = runningMean!.data[c];
      rstd[c] = 1 / Math.sqrt(runningVar!.data[c] + eps);
      continue;
    }
    let s = 0;
    for (let n = 0; n < batch; n++) for (let i = 0, o = (n * channels + c) * inner; i < inner; i++) s += X[o + i];
    const m = s / count;
    let v = 0;
    for (let n = 0; n < batch; n++) {
      for (let i = 0, o = (n * channels + c) * inner; i < inner; i++) v += (X[o + i] - m) * (X[o + i] - m);
    }
    mean[c] = m;
    rstd[c] = 1 / Math.sqrt(v / count + eps);
    if (runningMean !== null) runningMean.data[c] = (1 - momentum) * runningMean.data[c] + momentum * m;
    if (runningVar !== null) runningVar.data[c] = (1 - momentum) * runningVar.data[c] + (momentum * v) / (count - 1);
  }
  const out = float32(X.length);
  for (let n = 0; n < batch; n++) {
    for (let c = 0; c < channels; c++) {
      const scale = rstd[c] * (W ? W[c] : 1);
      const shift = B ? B[c] : 0;
      for (let i = 0, o = (n * channels + c) * inner; i < inner; i++) out[o + i] = (X[o + i] - mean[c]) * scale + shift;
    }
  }
  const parents = [input, ...(weight ? [weight] : []), ...(bias ? [bias] : [])];
  return Tensor._fromOp(out, input.shape, parents, 'NativeBatchNormBackward', (g) => {
    const gx = input.requiresGrad ? gradBufferOf(input) : null;
    const gw = weight?.requiresGrad ? gradBufferOf(weight) : null;
    const gb = bias?.requiresGrad ? gradBufferOf(bias) : null;
    for (let c = 0; c < channels; c++) {
      const w = W ? W[c] : 1;
      let sumG = 0;
      let sumGXhat = 0;
      for (let n = 0; n < batch; n++) {
        for (let i = 0, o = (n * channels + c) * inner; i < inner; i++) {
          sumG += g[o + i];
          sumGXhat += g[o + i] * (X[o + i] - mean[c]) * rstd[c];
        }
      }
      if (gw) gw[c] += sumGXhat; // d(x̂·w)/dw = x̂
      if (gb) gb[c] += sumG; // d(… + b)/db = 1
      if (!gx) continue;
      // Training: the batch statistics depend on x (the shared rule above, with dx̂ = dy·w).
      // Eval: the statistics are constants, so dx = dy·w/σ.
      const a = training ? sumG / count : 0;
      const b = training ? sumGXhat / count : 0;
      for (let n = 0; n < batch; n++) {
        for (let i = 0, o = (n * channels + c) * inner; i < inner; i++) {
          const xhat = (X[o + i] - mean[c]) * rstd[c];
          gx[o + i] += w * rstd[c] * (g[o + i] - a - xhat * b);
        }
      }
    }
  });
}
