/**
 * max/min and argmax/argmin. Over the whole tensor the gradient is shared evenly among tied
 * elements; along a dim it goes to the one index returned (the first of any ties), as PyTorch.
 * NaN wins every comparison, so a NaN in a lane makes that lane's result NaN.
 */
import { Tensor, gradBufferOf, normalizeDim } from '../tensor';
import { float32, float32From, int32 } from '../arena';

interface Extremes {
  /** position along the dim of each output's winner */
  index: Int32Array;
  values: Float32Array;
  inner: number;
  n: number;
  outShape: number[];
}

/** For every lane along `dim`, the first largest (or smallest) element and where it sits. */
function extremes(x: Tensor, dim: number, keepdim: boolean, largest: boolean, name: string): Extremes {
  const d = normalizeDim(dim, x.shape.length);
  const n = x.shape.length === 0 ? 1 : x.shape[d];
  if (n === 0) throw new Error(`${name}(): Expected reduction dim ${d} to have non-zero size.`);
  const outer = x.shape.slice(0, d).reduce((p, v) => p * v, 1);
  const inner = x.shape.slice(d + 1).reduce((p, v) => p * v, 1);
  const X = x.data;
  const index = int32(outer * inner);
  const values = float32(outer * inner);
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let best = 0;
      let bestValue = X[base];
      for (let k = 1; k < n && bestValue === bestValue; k++) {
        const v = X[base + k * inner];
        if ((largest ? v > bestValue : v < bestValue) || v !== v) {
          best = k;
          bestValue = v;
        }
      }
      index[o * inner + i] = best;
      values[o * inner + i] = bestValue;
    }
  }
  const outShape = keepdim ? x.shape.map((s, i) => (i === d ? 1 : s)) : x.shape.filter((_, i) => i !== d);
  return { index, values, inner, n, outShape };
}

function reduceAlong(x: Tensor, dim: number, keepdim: boolean, largest: boolean): { values: Tensor; indices: Tensor } {
  const name = largest ? 'max' : 'min';
  const { index, values, inner, n, outShape } = extremes(x, dim, keepdim, largest, name);
  // d max(x, dim) = dy at the chosen index, 0 elsewhere
  const valuesTensor = Tensor._fromOp(values, outShape, [x], largest ? 'MaxBackward' : 'MinBackward', (g) => {
    const gx = gradBufferOf(x);
    for (let j = 0; j < g.length; j++) {
      const o = (j / inner) | 0;
      const i = j - o * inner;
      gx[(o * n + index[j]) * inner + i] += g[j];
    }
  });
  return { values: valuesTensor, indices: new Tensor(float32From(index), outShape) };
}

function reduceAll(x: Tensor, largest: boolean): Tensor {
  const X = x.data;
  const name = largest ? 'max' : 'min';
  if (X.length === 0) {
    throw new Error(
      `${name}(): Expected reduction dim to be specified for input.numel() == 0. Specify the reduction dim with the 'dim' argument.`,
    );
  }
  let m = X[0];
  for (let i = 1; i < X.length && m === m; i++) {
    const v = X[i];
    if ((largest ? v > m : v < m) || v !== v) m = v;
  }
  const resultIsNaN = m !== m;
  // d max(x) = dy / (number of ties) at each tied element (the NaNs, when the result is NaN)
  return Tensor._fromOp(float32From([m]), [], [x], largest ? 'MaxBackward' : 'MinBackward', (g) => {
    const gx = gradBufferOf(x);
    let ties = 0;
    for (let i = 0; i < X.length; i++) if (X[i] === m || (resultIsNaN && X[i] !== X[i])) ties++;
    const share = g[0] / ties;
    for (let i = 0; i < X.length; i++) if (X[i] === m || (resultIsNaN && X[i] !== X[i])) gx[i] += share;
  });
}

/** Largest element of the whole tensor (0-d); the gradient is shared evenly among ties. */
export function maxAll(x: Tensor): Tensor {
  return reduceAll(x, true);
}

/** Smallest element of the whole tensor (0-d); the gradient is shared evenly among ties. */
export function minAll(x: Tensor): Tensor {
  return reduceAll(x, false);
}

/** `torch.max(x, dim, keepdim)`: `{ values, indices }`; the gradient flows to the chosen index. */
export function max(x: Tensor, dim: number, keepdim = false): { values: Tensor; indices: Tensor } {
  return reduceAlong(x, dim, keepdim, true);
}

/** `torch.min(x, dim, keepdim)`: `{ values, indices }`; the gradient flows to the chosen index. */
export function min(x: Tensor, dim: number, keepdim = false): { values: Tensor; indices: Tensor } {
  return reduceAlong(x, dim, keepdim, false);
}

function argExtreme(x: Tensor, dim: number | undefined, keepdim: boolean, largest: boolean): Tensor {
  const name = largest ? 'argmax' : 'argmin';
  if (dim === undefined) {
    if (x.data.length === 0) throw new Error(`${name}(): Expected reduction dim to be specified for input.numel() == 0.`);
    const flat = new Tensor(x.data, [x.data.length]);
    const { index } = extremes(flat, 0, false, largest, name);
    return new Tensor(float32From(index), keepdim ? x.shape.map(() => 1) : []);
  }
  const { index, outShape } = extremes(x, dim, keepdim, largest, name);
  return new Tensor(float32From(index), outShape);
}

/** `x.argmax(dim, keepdim)`: index of the (first) largest; over the flattened tensor without `dim`. */
export function argmax(x: Tensor, dim?: number, keepdim = false): Tensor {
  return argExtreme(x, dim, keepdim, true);
}

/** `x.argmin(dim, keepdim)`: index of the (first) smallest; over the flattened tensor without `dim`. */
export function argmin(x: Tensor, dim?: number, keepdim = false): Tensor {
  return argExtreme(x, dim, keepdim, false);
}
