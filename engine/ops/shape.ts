/**
 * Shape ops. Storage is always contiguous, so reshape/view/flatten/(un)squeeze share the input's
 * storage (like PyTorch views); transpose, permute and expand copy into the new layout.
 */
import { Tensor, gradBufferOf, normalizeDim, shapeSize } from '../tensor';
import { broadcastIndex } from './broadcast';
import { float32 } from '../arena';

/** Resolves one -1 in `shape` from the number of elements. */
export function inferReshape(numel: number, shape: readonly number[]): number[] {
  const out = shape.slice();
  const unknown = out.indexOf(-1);
  if (unknown !== out.lastIndexOf(-1)) throw new Error('only one dimension can be inferred');
  if (unknown >= 0) {
    const known = out.reduce((p, d, i) => (i === unknown ? p : p * d), 1);
    if (known === 0 || numel % known !== 0) {
      throw new Error(`shape '[${shape.join(', ')}]' is invalid for input of size ${numel}`);
    }
    out[unknown] = numel / known;
  }
  if (shapeSize(out) !== numel) throw new Error(`shape '[${shape.join(', ')}]' is invalid for input of size ${numel}`);
  return out;
}

/** `x.reshape(shape)` / `x.view(shape)`: same elements, new shape, shared storage. */
export function reshape(x: Tensor, shape: readonly number[]): Tensor {
  const newShape = inferReshape(x.data.length, shape);
  // d reshape(x) = dy read in x's shape (same elements, same order)
  return Tensor._fromOp(x.data, newShape, [x], 'ViewBackward', (g) => {
    const gx = gradBufferOf(x);
    for (let i = 0; i < g.length; i++) gx[i] += g[i];
  });
}

/** `torch.flatten(x, startDim, endDim)`. */
export function flatten(x: Tensor, startDim = 0, endDim = -1): Tensor {
  if (x.shape.length === 0) return reshape(x, [1]);
  const s = normalizeDim(startDim, x.shape.length);
  const e = normalizeDim(endDim, x.shape.length);
  if (s > e) throw new Error('flatten() has invalid args: startDim cannot come after endDim');
  const merged = x.shape.slice(s, e + 1).reduce((p, d) => p * d, 1);
  return reshape(x, [...x.shape.slice(0, s), merged, ...x.shape.slice(e + 1)]);
}

/** Inserts a dimension of size 1 at `dim`. */
export function unsqueeze(x: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, x.shape.length + 1);
  const shape = x.shape.slice();
  shape.splice(d, 0, 1);
  return reshape(x, shape);
}

/** Removes dimensions of size 1 (all of them, or only `dim`). */
export function squeeze(x: Tensor, dim?: number): Tensor {
  if (dim === undefined) return reshape(x, x.shape.filter((d) => d !== 1));
  const d = normalizeDim(dim, x.shape.length);
  if (x.shape.length === 0 || x.shape[d] !== 1) return reshape(x, x.shape);
  const shape = x.shape.slice();
  shape.splice(d, 1);
  return reshape(x, shape);
}

/** Row-major strides: how far one step along each dim moves in storage. */
export function stridesOf(shape: readonly number[]): number[] {
  const strides = new Array<number>(shape.length);
  let s = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    strides[i] = s;
    s *= shape[i];
  }
  return strides;
}

/**
 * Writes (or adds, when `accumulate`) `src` (of `shape`) into `dst` with its dims reordered by
 * `perm`: dst's dim i is src's dim perm[i].
 */
function permuteInto(
  src: Float32Array,
  shape: readonly number[],
  perm: readonly number[],
  dst: Float32Array,
  accumulate: boolean,
): void {
  const n = shape.length;
  if (n === 2 && perm[0] === 1) {
    const rows = shape[0];
    const cols = shape[1];
    for (let r = 0; r < rows; r++) {
      for (let c = 0; c < cols; c++) {
        if (accumulate) dst[c * rows + r] += src[r * cols + c];
        else dst[c * rows + r] = src[r * cols + c];
      }
    }
    return;
  }
  const inStrides = stridesOf(shape);
  const outShape = perm.map((p) => shape[p]);
  const stepStrides = perm.map((p) => inStrides[p]);
  const counter = new Array<number>(n).fill(0);
  let offset = 0;
  for (let i = 0; i < dst.length; i++) {
    if (accumulate) dst[i] += src[offset];
    else dst[i] = src[offset];
    for (let d = n - 1; d >= 0; d--) {
      counter[d]++;
      offset += stepStrides[d];
      if (counter[d] < outShape[d]) break;
      offset -= stepStrides[d] * counter[d];
      counter[d] = 0;
    }
  }
}

/** `x.permute(dims)`: reorders dimensions (copies: storage stays contiguous). */
export function permute(x: Tensor, dims: readonly number[]): Tensor {
  const n = x.shape.length;
  if (dims.length !== n) {
    throw new Error(
      'permute(): number of dimensions in the tensor input does not match the length of the desired ' +
        `ordering of dimensions i.e. input.dim() = ${n} is not equal to len(dims) = ${dims.length}`,
    );
  }
  const perm = dims.map((d) => normalizeDim(d, n));
  if (new Set(perm).size !== n) throw new Error('permute(): duplicate dims are not allowed.');
  const out = float32(x.data.length);
  permuteInto(x.data, x.shape, perm, out, false);
  const outShape = perm.map((p) => x.shape[p]);
  const inverse = new Array<number>(n);
  perm.forEach((p, i) => (inverse[p] = i));
  // d permute(x) = permute⁻¹(dy)
  return Tensor._fromOp(out, outShape, [x], 'PermuteBackward', (g) => {
    permuteInto(g, outShape, inverse, gradBufferOf(x), true);
  });
}

/** `x.transpose(dim0, dim1)`: swaps two dimensions (copies). */
export function transpose(x: Tensor, dim0: number, dim1: number): Tensor {
  const n = x.shape.length;
  const a = normalizeDim(dim0, n);
  const b = normalizeDim(dim1, n);
  if (n < 2 || a === b) return reshape(x, x.shape);
  const perm = Array.from({ length: n }, (_, i) => i);
  perm[a] = b;
  perm[b] = a;
  return permute(x, perm);
}

/**
 * `x.expand(sizes)`: repeats dimensions of size 1 (and adds leading ones) to reach `sizes`;
 * -1 keeps a size. PyTorch returns a view; here the elements are copied (storage is contiguous).
 */
export function expand(x: Tensor, sizes: readonly number[]): Tensor {
  const n = sizes.length;
  const offset = n - x.shape.length;
  if (offset < 0) {
    throw new Error(
      `expand([${x.shape.join(', ')}], size=[${sizes.join(', ')}]): the number of sizes provided (${n}) must be ` +
        `greater or equal to the number of dimensions in the tensor (${x.shape.length})`,
    );
  }
  const target = sizes.slice();
  for (let i = 0; i < n; i++) {
    if (i < offset) {
      if (sizes[i] < 0) {
        throw new Error(`The expanded size of the tensor (${sizes[i]}) isn't allowed in a leading, non-existing dimension ${i}`);
      }
      continue;
    }
    const have = x.shape[i - offset];
    if (sizes[i] === -1) target[i] = have;
    else if (have !== 1 && sizes[i] !== have) {
      throw new Error(
        `The expanded size of the tensor (${sizes[i]}) must match the existing size (${have}) at non-singleton ` +
          `dimension ${i}.  Target sizes: [${sizes.join(', ')}].  Tensor sizes: [${x.shape.join(', ')}]`,
      );
    }
  }
  const map = broadcastIndex(x.shape, target);
  if (map === null) return reshape(x, target);
  const X = x.data;
  const out = float32(map.length);
  for (let i = 0; i < out.length; i++) out[i] = X[map[i]];
  // d expand(x) = dy summed over the repeated positions
  return Tensor._fromOp(out, target, [x], 'ExpandBackward', (g) => {
    const gx = gradBufferOf(x);
    for (let i = 0; i < g.length; i++) gx[map[i]] += g[i];
  });
}

/** `torch.broadcast_to(x, shape)`: `expand` to a shape. */
export function broadcastTo(x: Tensor, shape: readonly number[]): Tensor {
  return expand(x, shape);
}

/** A copy that stays in the graph. */
export function clone(x: Tensor): Tensor {
  // d clone(x) = dy
  const out = float32(x.data.length);
  out.set(x.data);
  return Tensor._fromOp(out, x.shape, [x], 'CloneBackward', (g) => {
    const gx = gradBufferOf(x);
    for (let i = 0; i < g.length; i++) gx[i] += g[i];
  });
}
