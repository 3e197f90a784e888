/** Indexing: gather, indexSelect, maskedFill. Indices are float32 tensors holding integers. */
import { Tensor, gradBufferOf, normalizeDim } from '../tensor';
import { broadcastIndex, broadcastShapes } from './broadcast';
import { stridesOf } from './shape';
import { float32, int32 } from '../arena';

function checkIndex(value: number, size: number, dim: number): number {
  if (!Number.isInteger(value) || value < 0 || value >= size) {
    throw new Error(`index ${value} is out of bounds for dimension ${dim} with size ${size}`);
  }
  return value;
}

/**
 * `torch.gather(x, dim, index)`: out[i][j][k] = x[index[i][j][k]][j][k] for dim 0 (likewise for
 * other dims). `index` has x's number of dims and is no larger than x apart from `dim`.
 */
export function gather(x: Tensor, dim: number, index: Tensor): Tensor {
  const ndim = x.shape.length;
  const d = normalizeDim(dim, ndim);
  if (index.shape.length !== ndim) {
    throw new Error('Index tensor must have the same number of dimensions as input tensor');
  }
  // A 0-d tensor behaves as shape [1] here.
  const xShape = ndim === 0 ? [1] : x.shape;
  const iShape = ndim === 0 ? [1] : index.shape;
  for (let k = 0; k < xShape.length; k++) {
    if (k !== d && iShape[k] > xShape[k]) {
      throw new Error(
        `Size does not match at dimension ${k} expected index [${index.shape.join(', ')}] to be smaller than ` +
          `self [${x.shape.join(', ')}] apart from dimension ${d}`,
      );
    }
  }
  const xStrides = stridesOf(xShape);
  const n = xShape[d];
  // Walk the index tensor with an odometer; along `dim` the position comes from the index value.
  const source = int32(index.data.length);
  const counter = new Array<number>(iShape.length).fill(0);
  let offset = 0;
  for (let j = 0; j < source.length; j++) {
    source[j] = offset + checkIndex(index.data[j], n, d) * xStrides[d];
    for (let k = iShape.length - 1; k >= 0; k--) {
      counter[k]++;
      const step = k === d ? 0 : xStrides[k];
      offset += step;
      if (counter[k] < iShape[k]) break;
      offset -= step * counter[k];
      counter[k] = 0;
    }
  }
  const X = x.data;
  const out = float32(source.length);
  for (let j = 0; j < out.length; j++) out[j] = X[source[j]];
  // d gather(x) = dy scattered back (added) to the gathered positions
  return Tensor._fromOp(out, index.shape, [x], 'GatherBackward', (g) => {
    const gx = gradBufferOf(x);
    for (let j = 0; j < g.length; j++) gx[source[j]] += g[j];
  });
}

/** `torch.index_select(x, dim, index)`: whole slices of `x` along `dim`, in `index` order. */
export function indexSelect(x: Tensor, dim: number, index: Tensor): Tensor {
  const d = normalizeDim(dim, x.shape.length);
  if (index.shape.length > 1) throw new Error('index_select(): Index is supposed to be a vector');
  const n = x.shape.length === 0 ? 1 : x.shape[d];
  const outer = x.shape.slice(0, d).reduce((p, v) => p * v, 1);
  const inner = x.shape.slice(d + 1).reduce((p, v) => p * v, 1);
  const count = index.data.length;
  const picks = int32(count);
  for (let k = 0; k < count; k++) picks[k] = checkIndex(index.data[k], n, d);
  const X = x.data;
  const out = float32(outer * count * inner);
  for (let o = 0; o < outer; o++) {
    for (let k = 0; k < count; k++) {
      const src = (o * n + picks[k]) * inner;
      const dst = (o * count + k) * inner;
      for (let i = 0; i < inner; i++) out[dst + i] = X[src + i];
    }
  }
  const outShape = x.shape.slice();
  if (outShape.length > 0) outShape[d] = count;
  // d indexSelect(x) = dy's slices added back to the rows they were read from
  return Tensor._fromOp(out, outShape, [x], 'IndexSelectBackward', (g) => {
    const gx = gradBufferOf(x);
    for (let o = 0; o < outer; o++) {
      for (let k = 0; k < count; k++) {
        const src = (o * n + picks[k]) * inner;
        const dst = (o * count + k) * inner;
        for (let i = 0; i < inner; i++) gx[src + i] += g[dst + i];
      }
    }
  });
}

/**
 * `x.masked_fill(mask, value)`: `value` where mask ≠ 0, x elsewhere. x and mask broadcast
 * together (as PyTorch's out-of-place masked_fill); no gradient reaches x where it was filled.
 */
export function maskedFill(x: Tensor, mask: Tensor, value: number): Tensor {
  const shape = broadcastShapes(mask.shape, x.shape);
  const ix = broadcastIndex(x.shape, shape);
  const im = broadcastIndex(mask.shape, shape);
  const M = mask.data;
  const X = x.data;
  const out = float32(shape.reduce((p, v) => p * v, 1));
  for (let i = 0; i < out.length; i++) out[i] = M[im ? im[i] : i] !== 0 ? value : X[ix ? ix[i] : i];
  // d maskedFill(x) = dy where mask = 0, else 0
  return Tensor._fromOp(out, shape, [x], 'MaskedFillBackward', (g) => {
    const gx = gradBufferOf(x);
    for (let i = 0; i < g.length; i++) if (M[im ? im[i] : i] === 0) gx[ix ? ix[i] : i] += g[i];
  });
}
