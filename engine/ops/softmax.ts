/**
 * softmax and logSoftmax along one dim, computed stably (the max is subtracted first). Along the
 * last dim of a long tensor the WebAssembly kernels run (float32, engine/wasm/assembly/
 * transcendental.ts); otherwise JavaScript loops in float64, rounded once.
 */
import { Tensor, gradBufferOf, normalizeDim } from '../tensor';
import { float32 } from '../arena';
import { kernelsForElements } from '../wasm/kernels';

interface Lanes {
  outer: number;
  n: number;
  inner: number;
}

function lanes(x: Tensor, dim: number): Lanes {
  const d = normalizeDim(dim, x.shape.length);
  if (x.shape.length === 0) return { outer: 1, n: 1, inner: 1 };
  return {
    outer: x.shape.slice(0, d).reduce((p, v) => p * v, 1),
    n: x.shape[d],
    inner: x.shape.slice(d + 1).reduce((p, v) => p * v, 1),
  };
}

/** y = log softmax(x) = x - max - log Σ exp(x - max);  dx = dy - softmax(x)·Σ dy */
export function logSoftmax(x: Tensor, dim: number): Tensor {
  const { outer, n, inner } = lanes(x, dim);
  const X = x.data;
  const out = float32(X.length);
  const wasm = inner === 1 ? kernelsForElements(X.length) : null;
  if (wasm === null || !wasm.rows('logSoftmaxRows', outer, n, X, out)) softmaxLoops(X, out, outer, n, inner, true);
  return Tensor._fromOp(out, x.shape, [x], 'LogSoftmaxBackward', (g) => {
    const gx = gradBufferOf(x);
    if (wasm !== null && wasm.rowsBackward('logSoftmaxBackwardRows', outer, n, out, g, gx)) return;
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        let s = 0;
        for (let k = 0; k < n; k++) s += g[base + k * inner];
        for (let k = 0; k < n; k++) {
          const j = base + k * inner;
          gx[j] += g[j] - Math.exp(out[j]) * s;
        }
      }
    }
  });
}

/** out = softmax(X), or log softmax with `log`, along the middle of [outer, n, inner], in float64 rounded once. */
export function softmaxLoops(X: Float32Array, out: Float32Array | Float64Array, outer: number, n: number, inner: number, log: boolean): void {
  for (let o = 0; o < outer; o++) {
    for (let i = 0; i < inner; i++) {
      const base = o * n * inner + i;
      let m = -Infinity;
      for (let k = 0; k < n; k++) m = Math.max(m, X[base + k * inner]);
      if (m === -Infinity) m = 0;
      let s = 0;
      for (let k = 0; k < n; k++) s += Math.exp(X[base + k * inner] - m);
      if (log) {
        const logZ = m + Math.log(s);
        for (let k = 0; k < n; k++) out[base + k * inner] = X[base + k * inner] - logZ;
      } else {
        for (let k = 0; k < n; k++) out[base + k * inner] = Math.exp(X[base + k * inner] - m) / s;
      }
    }
  }
}

/** y = softmax(x) = exp(x - max) / Σ exp(x - max);  dx = y·(dy - Σ y·dy) */
export function softmax(x: Tensor, dim: number): Tensor {
  const { outer, n, inner } = lanes(x, dim);
  const X = x.data;
  const out = float32(X.length);
  const wasm = inner === 1 ? kernelsForElements(X.length) : null;
  if (wasm === null || !wasm.rows('softmaxRows', outer, n, X, out)) softmaxLoops(X, out, outer, n, inner, false);
  return Tensor._fromOp(out, x.shape, [x], 'SoftmaxBackward', (g) => {
    const gx = gradBufferOf(x);
    if (wasm !== null && wasm.rowsBackward('softmaxBackwardRows', outer, n, out, g, gx)) return;
    for (let o = 0; o < outer; o++) {
      for (let i = 0; i < inner; i++) {
        const base = o * n * inner + i;
        let s = 0;
        for (let k = 0; k < n; k++) s += out[base + k * inner] * g[base + k * inner];
        for (let k = 0; k < n; k++) {
          const j = base + k * inner;
          gx[j] += out[j] * (g[j] - s);
        }
      }
    }
  });
}
