/**
 * Reductions over dims: sum, mean, var, std, logsumexp. Each input element maps to one output
 * element; that map is the broadcast map of the kept-dims output shape onto the input shape, so
 * backward reads the output gradient through it. Sums accumulate in float64 and round once
 * (PyTorch's pairwise float32 sums are close to exact too).
 */
import { Tensor, gradBufferOf, normalizeDim } from '../tensor';
import { broadcastIndex } from './broadcast';
import { float32, float64, int32 } from '../arena';

/** The dims to reduce; none given (or an empty list, as in PyTorch 1.13) means all of them. */
function normalizeDims(dim: number | readonly number[] | null | undefined, ndim: number): number[] {
  if (dim === null || dim === undefined || (typeof dim !== 'number' && dim.length === 0)) {
    return Array.from({ length: ndim }, (_, i) => i);
  }
  const dims = (typeof dim === 'number' ? [dim] : dim).map((d) => normalizeDim(d, ndim));
  if (new Set(dims).size !== dims.length) {
    throw new Error(`dim ${dims.find((d, i) => dims.indexOf(d) !== i)} appears multiple times in the list of dims`);
  }
  return dims;
}

interface ReducePlan {
  outShape: number[];
  /** for each input element, its output element; null when every input goes to output 0 */
  map: Int32Array | null;
  outSize: number;
  /** how many input elements each output element reduces */
  count: number;
}

function plan(x: Tensor, dim: number | readonly number[] | null | undefined, keepdim: boolean): ReducePlan {
  const dims = normalizeDims(dim, x.shape.length);
  const keptShape = x.shape.map((d, i) => (dims.includes(i) ? 1 : d));
  const outShape = keepdim ? keptShape : x.shape.filter((_, i) => !dims.includes(i));
  const outSize = keptShape.reduce((p, d) => p * d, 1);
  const map = outSize === 1 ? null : broadcastIndex(keptShape, x.shape) ?? identity(x.data.length);
  const count = dims.reduce((p, d) => p * x.shape[d], 1);
  return { outShape, map, outSize, count };
}

function identity(n: number): Int32Array {
  const m = int32(n);
  for (let i = 0; i < n; i++) m[i] = i;
  return m;
}

/** Σ of the input elements of each output element, in float64. */
function sums(X: Float32Array, p: ReducePlan): Float64Array {
  const acc = float64(p.outSize);
  const map = p.map;
  if (map === null) {
    let s = 0;
    for (let i = 0; i < X.length; i++) s += X[i];
    acc[0] = s;
  } else {
    for (let i = 0; i < X.length; i++) acc[map[i]] += X[i];
  }
  return acc;
}

function reduceSum(x: Tensor, p: ReducePlan, scale: number, gradFn: string): Tensor {
  const acc = sums(x.data, p);
  const out = float32(p.outSize);
  for (let i = 0; i < out.length; i++) out[i] = acc[i] * scale;
  const map = p.map;
  // d Σx = dy on every summed element (times 1/n for the mean)
  return Tensor._fromOp(out, p.outShape, [x], gradFn, (g) => {
    const gx = gradBufferOf(x);
    if (map === null) {
      const v = g[0] * scale;
      for (let i = 0; i < gx.length; i++) gx[i] += v;
    } else {
      for (let i = 0; i < gx.length; i++) gx[i] += g[map[i]] * scale;
    }
  });
}

/** `x.sum(dim, keepdim)`: Σ over `dim` (one dim or a list); all elements when `dim` is omitted. */
export function sum(x: Tensor, dim?: number | readonly number[] | null, keepdim = false): Tensor {
  return reduceSum(x, plan(x, dim, keepdim), 1, 'SumBackward');
}

/** `x.mean(dim, keepdim)` = Σx / n over `dim`; all elements when `dim` is omitted. */
export function mean(x: Tensor, dim?: number | readonly number[] | null, keepdim = false): Tensor {
  const p = plan(x, dim, keepdim);
  return reduceSum(x, p, 1 / p.count, 'MeanBackward');
}

/** Options of `var`/`std`, as in PyTorch 1.13: `unbiased` (default true) or an explicit `correction`. */
export interface VarianceOptions {
  /** Bessel's correction: divide by n - 1 (true, the default) or by n (false). */
  unbiased?: boolean;
  /** Divide by n - correction; overrides `unbiased`. */
  correction?: number;
  keepdim?: boolean;
}

function varianceOrStd(
  x: Tensor,
  dim: number | readonly number[] | null | undefined,
  options: boolean | VarianceOptions,
  keepdimArg: boolean,
  root: boolean,
): Tensor {
  const opts = typeof options === 'boolean' ? { unbiased: options } : options;
  const correction = opts.correction ?? (opts.unbiased === false ? 0 : 1);
  const p = plan(x, dim, opts.keepdim ?? keepdimArg);
  const X = x.data;
  const map = p.map;
  const means = sums(X, p);
  for (let o = 0; o < means.length; o++) means[o] /= p.count;
  const squares = float64(p.outSize);
  for (let i = 0; i < X.length; i++) {
    const o = map === null ? 0 : map[i];
    const d = X[i] - means[o];
    squares[o] += d * d;
  }
  const divisor = Math.max(0, p.count - correction);
  const out = float32(p.outSize);
  for (let o = 0; o < out.length; o++) out[o] = root ? Math.sqrt(squares[o] / divisor) : squares[o] / divisor;
  // d var = 2(x - mean)/(n - correction) · dy;  d std = d var / (2·std), 0 where std = 0 (as PyTorch)
  return Tensor._fromOp(out, p.outShape, [x], root ? 'StdBackward' : 'VarBackward', (g) => {
    const gx = gradBufferOf(x);
    for (let i = 0; i < X.length; i++) {
      const o = map === null ? 0 : map[i];
      let scale = 2 / divisor;
      if (root) scale = out[o] === 0 ? 0 : scale / (2 * out[o]);
      gx[i] += g[o] * scale * (X[i] - means[o]);
    }
  });
}

/**
 * `torch.var(x, dim, unbiased=True, keepdim=False)` = Σ(x - mean)² / (n - correction). The third
 * argument is `unbiased` or an options object `{ correction, unbiased, keepdim }`.
 */
export function variance(
  x: Tensor,
  dim?: number | readonly number[] | null,
  options: boolean | VarianceOptions = true,
  keepdim = false,
): Tensor {
  return varianceOrStd(x, dim, options, keepdim, false);
}

// `var` is a reserved word in JS, so the function is `variance`; `ops.var(x)` works too.
export { variance as var };

/** `torch.std(x, dim, unbiased=True, keepdim=False)` = √var. */
export function std(
  x: Tensor,
  dim?: number | readonly number[] | null,
  options: boolean | VarianceOptions = true,
  keepdim = false,
): Tensor {
  return varianceOrStd(x, dim, options, keepdim, true);
}

/**
 * `torch.logsumexp(x, dim, keepdim)` = m + ln Σ e^(x - m), m the max over `dim` (subtracted so that
 * large inputs cannot overflow).
 */
export function logsumexp(x: Tensor, dim: number | readonly number[], keepdim = false): Tensor {
  const p = plan(x, dim, keepdim);
  const X = x.data;
  const map = p.map;
  const maxes = float64(p.outSize).fill(-Infinity);
  for (let i = 0; i < X.length; i++) {
    const o = map === null ? 0 : map[i];
    if (X[i] > maxes[o]) maxes[o] = X[i];
  }
  // An infinite max would give inf - inf = NaN below; PyTorch shifts by 0 then.
  for (let o = 0; o < maxes.length; o++) if (!Number.isFinite(maxes[o])) maxes[o] = 0;
  const acc = float64(p.outSize);
  for (let i = 0; i < X.length; i++) {
    const o = map === null ? 0 : map[i];
    acc[o] += Math.exp(X[i] - maxes[o]);
  }
  const out = float32(p.outSize);
  const logZ = acc; // reused: ln Σ e^x in float64, kept for backward
  for (let o = 0; o < out.length; o++) out[o] = logZ[o] = maxes[o] + Math.log(acc[o]);
  // d logsumexp(x) = softmax(x) · dy = e^(x - y) · dy
  return Tensor._fromOp(out, p.outShape, [x], 'LogsumexpBackward', (g) => {
    const gx = gradBufferOf(x);
    for (let i = 0; i < X.length; i++) {
      const o = map === null ? 0 : map[i];
      gx[i] += g[o] * Math.exp(X[i] - logZ[o]);
    }
  });
}
