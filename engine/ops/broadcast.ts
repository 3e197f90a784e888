/**
 * Broadcasting (NumPy/PyTorch rules): shapes line up from the right; a dimension of size 1 (or a
 * missing leading one) repeats to match the other. Ops read their inputs through an index map
 * built once per call, and send gradients back through the same map ("unbroadcast").
 */
import { int32 } from '../arena';

/** Whether two shapes are identical. */
export function sameShape(a: readonly number[], b: readonly number[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The broadcast shape of two shapes, or PyTorch's error. */
export function broadcastShapes(a: readonly number[], b: readonly number[]): number[] {
  const n = Math.max(a.length, b.length);
  const out = new Array<number>(n);
  for (let i = 0; i < n; i++) {
    const da = a[a.length - n + i] ?? 1;
    const db = b[b.length - n + i] ?? 1;
    if (da !== db && da !== 1 && db !== 1) {
      throw new Error(
        `The size of tensor a (${da}) must match the size of tensor b (${db}) at non-singleton dimension ${i}` +
          ` (shapes [${a.join(', ')}] and [${b.join(', ')}])`,
      );
    }
    out[i] = da === 1 ? db : da;
  }
  return out;
}

/**
 * For each element of a tensor of shape `outShape`, the index of the element of a tensor of shape
 * `inShape` that broadcasts onto it. Null when the shapes have the same elements (no map needed).
 * `inShape` must broadcast to `outShape` (callers check with `broadcastShapes` first).
 */
export function broadcastIndex(inShape: readonly number[], outShape: readonly number[]): Int32Array | null {
  let inSize = 1;
  for (const d of inShape) inSize *= d;
  let outSize = 1;
  for (const d of outShape) outSize *= d;
  if (inSize === outSize) return null;
  const map = int32(outSize);
  if (inSize === 1) return map;
  const n = outShape.length;
  const offset = n - inShape.length;

  // Fast case: the input is a suffix of the output shape behind leading 1s (a bias over a
  // batch), so it simply repeats: index = i mod inSize.
  let j = inShape.length - 1;
  while (j >= 0 && inShape[j] === outShape[offset + j]) j--;
  let leadingOnes = true;
  for (let i = 0; i <= j; i++) if (inShape[i] !== 1) leadingOnes = false;
  if (leadingOnes) {
    for (let i = 0; i < outSize; i++) map[i] = i % inSize;
    return map;
  }

  // General case: walk the output with an odometer; a broadcast dim has input stride 0.
  const inStrides = new Array<number>(n).fill(0);
  let stride = 1;
  for (let i = inShape.length - 1; i >= 0; i--) {
    inStrides[offset + i] = inShape[i] === 1 ? 0 : stride;
    stride *= inShape[i];
  }
  const counter = new Array<number>(n).fill(0);
  let at = 0;
  for (let i = 0; i < outSize; i++) {
    map[i] = at;
    for (let d = n - 1; d >= 0; d--) {
      counter[d]++;
      at += inStrides[d];
      if (counter[d] < outShape[d]) break;
      at -= inStrides[d] * counter[d];
      counter[d] = 0;
    }
  }
  return map;
}
