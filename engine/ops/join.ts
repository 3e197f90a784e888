/** Joining tensors: `cat` along an existing dim, `stack` along a new one. */
import { Tensor, gradBufferOf, normalizeDim } from '../tensor';
import { float32 } from '../arena';

/**
 * Lays the inputs side by side: each output row (one per index of the dims before `dim`) is the
 * concatenation of one chunk of every input, `chunks[t]` elements long. Backward slices the
 * gradient back into the same chunks.
 */
function join(tensors: readonly Tensor[], outer: number, chunks: readonly number[], outShape: number[], gradFn: string): Tensor {
  const rowLength = chunks.reduce((p, c) => p + c, 0);
  const out = float32(outer * rowLength);
  let start = 0;
  for (let t = 0; t < tensors.length; t++) {
    const src = tensors[t].data;
    const chunk = chunks[t];
    for (let o = 0; o < outer; o++) out.set(src.subarray(o * chunk, (o + 1) * chunk), o * rowLength + start);
    start += chunk;
  }
  // d cat(x₀, x₁, ...) = the slices of dy that each xₜ filled
  return Tensor._fromOp(out, outShape, tensors.slice(), gradFn, (g) => {
    let begin = 0;
    for (let t = 0; t < tensors.length; t++) {
      const x = tensors[t];
      const chunk = chunks[t];
      if (x.requiresGrad) {
        const gx = gradBufferOf(x);
        for (let o = 0; o < outer; o++) {
          const from = o * rowLength + begin;
          const to = o * chunk;
          for (let i = 0; i < chunk; i++) gx[to + i] += g[from + i];
        }
      }
      begin += chunk;
    }
  });
}

/**
 * `torch.cat(tensors, dim)`: joins tensors along an existing dimension; all other sizes must
 * match. Like PyTorch, 1-D empty tensors (shape [0]) are skipped.
 */
export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw new Error('torch.cat(): expected a non-empty list of Tensors');
  tensors.forEach((t, i) => {
    if (t.shape.length === 0) throw new Error(`zero-dimensional tensor (at position ${i}) cannot be concatenated`);
  });
  const kept = tensors.filter((t) => !(t.shape.length === 1 && t.shape[0] === 0));
  if (kept.length === 0) return join(tensors.slice(0, 1), 1, [0], [0], 'CatBackward');
  const first = kept[0];
  const ndim = first.shape.length;
  const d = normalizeDim(dim, ndim);
  kept.forEach((t) => {
    if (t.shape.length !== ndim) {
      throw new Error(`Tensors must have same number of dimensions: got ${ndim} and ${t.shape.length}`);
    }
  });
  kept.forEach((t) => {
    for (let i = 0; i < ndim; i++) {
      if (i !== d && t.shape[i] !== first.shape[i]) {
        throw new Error(
          `Sizes of tensors must match except in dimension ${d}. Expected size ${first.shape[i]} but got size ` +
            `${t.shape[i]} for tensor number ${tensors.indexOf(t)} in the list.`,
        );
      }
    }
  });
  const outer = first.shape.slice(0, d).reduce((p, v) => p * v, 1);
  const inner = first.shape.slice(d + 1).reduce((p, v) => p * v, 1);
  const outShape = first.shape.slice();
  outShape[d] = kept.reduce((p, t) => p + t.shape[d], 0);
  return join(kept, outer, kept.map((t) => t.shape[d] * inner), outShape, 'CatBackward');
}

/** `torch.concat`: another name for `cat`. */
export const concat = cat;

/** `torch.stack(tensors, dim)`: joins same-shaped tensors along a new dimension at `dim`. */
export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw new Error('stack expects a non-empty TensorList');
  const shape = tensors[0].shape;
  const d = normalizeDim(dim, shape.length + 1);
  tensors.forEach((t, i) => {
    if (t.shape.length !== shape.length || t.shape.some((s, j) => s !== shape[j])) {
      throw new Error(
        `stack expects each tensor to be equal size, but got [${shape.join(', ')}] at entry 0 and ` +
          `[${t.shape.join(', ')}] at entry ${i}`,
      );
    }
  });
  const outer = shape.slice(0, d).reduce((p, v) => p * v, 1);
  const inner = shape.slice(d).reduce((p, v) => p * v, 1);
  const outShape = [...shape.slice(0, d), tensors.length, ...shape.slice(d)];
  return join(tensors, outer, tensors.map(() => inner), outShape, 'StackBackward');
}
