/**
 * Shape checks for matmul and linear, with PyTorch's messages. Kept apart from matmul.ts so
 * that the kernels there can change without touching what a learner reads when shapes are wrong.
 */
import type { Tensor } from '../tensor';

/** Throws PyTorch's message when `a @ b` is impossible (the batch dims are checked by broadcasting). */
export function checkMatmulShapes(a: Tensor, b: Tensor): void {
  const ra = a.shape.length;
  const rb = b.shape.length;
  if (ra === 0 || rb === 0) {
    throw new Error(`both arguments to matmul need to be at least 1D, but they are ${ra}D and ${rb}D`);
  }
  if (ra === 1 && rb === 1) {
    if (a.shape[0] !== b.shape[0]) {
      throw new Error(
        `inconsistent tensor size, expected tensor [${a.shape[0]}] and src [${b.shape[0]}] to have the same ` +
          `number of elements, but got ${a.shape[0]} and ${b.shape[0]} elements respectively`,
      );
    }
    return;
  }
  const k = a.shape[ra - 1];
  const k2 = rb === 1 ? b.shape[0] : b.shape[rb - 2];
  if (k === k2) return;
  const n = rb === 1 ? 1 : b.shape[rb - 1];
  // Like PyTorch, a batch times one matrix is reported as one tall matrix product.
  const rows = ra === 1 ? 1 : rb <= 2 ? a.data.length / k : a.shape[ra - 2];
  throw new Error(
    `mat1 and mat2 shapes cannot be multiplied (${rows}x${k} and ${k2}x${n}); ` +
      `shapes [${a.shape.join(', ')}] and [${b.shape.join(', ')}]`,
  );
}

/** Throws when x [..., in], weight [out, in], bias [out] do not fit `F.linear`. */
export function checkLinearShapes(x: Tensor, weight: Tensor, bias: Tensor | null): void {
  if (weight.shape.length !== 2) {
    throw new Error(`linear: weight must be 2-D [outFeatures, inFeatures]; got shape [${weight.shape.join(', ')}]`);
  }
  if (x.shape.length === 0) throw new Error('linear: input must have at least 1 dimension; got a 0-d tensor');
  const [outFeatures, inFeatures] = weight.shape;
  const have = x.shape[x.shape.length - 1];
  if (have !== inFeatures) {
    const rows = x.shape.slice(0, -1).reduce((p, d) => p * d, 1);
    throw new Error(`mat1 and mat2 shapes cannot be multiplied (${rows}x${have} and ${inFeatures}x${outFeatures})`);
  }
  if (bias !== null && (bias.shape.length !== 1 || bias.shape[0] !== outFeatures)) {
    throw new Error(`linear: bias of shape [${bias.shape.join(', ')}] does not match ${outFeatures} outputs`);
  }
}
