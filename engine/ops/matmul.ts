/**
 * Matrix products. Three kernels cover forward and backward without materialising transposes:
 *   gemmNN: C = A·B,  gemmNT: C = A·Bᵀ,  gemmTN: C = Aᵀ·B
 * Each runs on the backend in force (engine/wasm/kernels.ts): WebAssembly SIMD for products of
 * at least WASM_MIN_PRODUCT multiply-adds, else the JavaScript kernel (`jsGemm`), one strided
 * kernel that sums each output element in a JS double, in order over k, and rounds once to
 * float32 — the same value as a float64 reference.
 */
import { Tensor, gradBufferOf } from '../tensor';
import { kernelsForProduct } from '../wasm/kernels';
import { broadcastShapes } from './elementwise';
import { checkLinearShapes, checkMatmulShapes } from './matmulShapes';
import { float32, int32 } from '../arena';

type Gemm = (
  m: number, n: number, k: number,
  A: Float32Array, aOff: number, B: Float32Array, bOff: number,
  C: Float32Array, cOff: number, accumulate: boolean,
) => void;

/** The JavaScript kernels, whatever the backend (tests compare the backends through them). */
export const jsGemm: Record<'NN' | 'NT' | 'TN', Gemm> = {
  NN: (m, n, k, A, aOff, B, bOff, C, cOff, accumulate) => gemmStrided(m, n, k, A, aOff, k, 1, B, bOff, 1, n, C, cOff, accumulate),
  NT: (m, n, k, A, aOff, B, bOff, C, cOff, accumulate) => gemmStrided(m, n, k, A, aOff, k, 1, B, bOff, k, 1, C, cOff, accumulate),
  TN: (m, n, k, A, aOff, B, bOff, C, cOff, accumulate) => gemmStrided(m, n, k, A, aOff, 1, m, B, bOff, 1, n, C, cOff, accumulate),
};

/** A form on the backend in force, falling back to JavaScript for a small product or a full heap. */
function dispatched(form: keyof typeof jsGemm): Gemm {
  const js = jsGemm[form];
  const method = `gemm${form}` as const;
  return (m, n, k, A, aOff, B, bOff, C, cOff, accumulate) => {
    const wasm = kernelsForProduct(m * n * k);
    if (wasm === null || !wasm[method](m, n, k, A, aOff, B, bOff, C, cOff, accumulate)) js(m, n, k, A, aOff, B, bOff, C, cOff, accumulate);
  };
}

/** C[m×n] (+)= A[m×k] · B[k×n] */
export const gemmNN = dispatched('NN');
/** C[m×n] (+)= A[m×k] · B[n×k]ᵀ */
export const gemmNT = dispatched('NT');
/** C[m×n] (+)= A[k×m]ᵀ · B[k×n] */
export const gemmTN = dispatched('TN');

/**
 * Columns of C per cache block. The block's slice of B (for linear's forward: 64 weight rows of
 * up to ~1k floats) stays in L2 while every 4-row strip of A runs over it, and each strip (4·k
 * floats) stays in L1 across the block's 4×4 tiles.
 */
const COLUMN_BLOCK = 64;

/**
 * C[i, j] (+)= Σ_p a(i, p)·b(p, j), row-major C[m×n] at cOff, where
 *   a(i, p) = A[aOff + i·aRow + p·aDepth],   b(p, j) = B[bOff + j·bCol + p·bDepth].
 * Strides let one kernel read either operand transposed in place. The work is 4×4 tiles of C,
 * each summed in 16 local doubles (registers, mostly) from 8 loads per step of p: plain JS has no
 * SIMD, so reuse within registers is what makes it ~4× faster than one dot product at a time.
 */
function gemmStrided(
  m: number, n: number, k: number,
  A: Float32Array, aOff: number, aRow: number, aDepth: number,
  B: Float32Array, bOff: number, bCol: number, bDepth: number,
  C: Float32Array, cOff: number, accumulate: boolean,
): void {
  const m4 = m - (m % 4);
  const n4 = n - (n % 4);
  for (let j0 = 0; j0 < n4; j0 += COLUMN_BLOCK) {
    const jEnd = Math.min(j0 + COLUMN_BLOCK, n4);
    for (let i = 0; i < m4; i += 4) {
      for (let j = j0; j < jEnd; j += 4) {
        tile4x4(k, A, aOff + i * aRow, aRow, aDepth, B, bOff + j * bCol, bCol, bDepth, C, cOff + i * n + j, n, accumulate);
      }
    }
  }
  // The ragged edges (fewer than 4 rows or columns left) one element at a time.
  if (n4 < n) edge(0, m, n4, n, n, k, A, aOff, aRow, aDepth, B, bOff, bCol, bDepth, C, cOff, accumulate);
  if (m4 < m) edge(m4, m, 0, n4, n, k, A, aOff, aRow, aDepth, B, bOff, bCol, bDepth, C, cOff, accumulate);
}

/** One 4×4 tile of C at c (row stride n): 16 dot products over k sharing their loads. */
function tile4x4(
  k: number,
  A: Float32Array, a: number, aRow: number, aDepth: number,
  B: Float32Array, b: number, bCol: number, bDepth: number,
  C: Float32Array, c: number, n: number, accumulate: boolean,
): void {
  let c00 = 0, c01 = 0, c02 = 0, c03 = 0;
  let c10 = 0, c11 = 0, c12 = 0, c13 = 0;
  let c20 = 0, c21 = 0, c22 = 0, c23 = 0;
  let c30 = 0, c31 = 0, c32 = 0, c33 = 0;
  const aRow2 = 2 * aRow, aRow3 = 3 * aRow;
  const bCol2 = 2 * bCol, bCol3 = 3 * bCol;
  for (let p = 0; p < k; p++) {
    const a0 = A[a], a1 = A[a + aRow], a2 = A[a + aRow2], a3 = A[a + aRow3];
    const b0 = B[b], b1 = B[b + bCol], b2 = B[b + bCol2], b3 = B[b + bCol3];
    c00 += a0 * b0; c01 += a0 * b1; c02 += a0 * b2; c03 += a0 * b3;
    c10 += a1 * b0; c11 += a1 * b1; c12 += a1 * b2; c13 += a1 * b3;
    c20 += a2 * b0; c21 += a2 * b1; c22 += a2 * b2; c23 += a2 * b3;
    c30 += a3 * b0; c31 += a3 * b1; c32 += a3 * b2; c33 += a3 * b3;
    a += aDepth;
    b += bDepth;
  }
  const r1 = c + n, r2 = c + 2 * n, r3 = c + 3 * n;
  if (accumulate) {
    C[c] += c00; C[c + 1] += c01; C[c + 2] += c02; C[c + 3] += c03;
    C[r1] += c10; C[r1 + 1] += c11; C[r1 + 2] += c12; C[r1 + 3] += c13;
    C[r2] += c20; C[r2 + 1] += c21; C[r2 + 2] += c22; C[r2 + 3] += c23;
    C[r3] += c30; C[r3 + 1] += c31; C[r3 + 2] += c32; C[r3 + 3] += c33;
  } else {
    C[c] = c00; C[c + 1] = c01; C[c + 2] = c02; C[c + 3] = c03;
    C[r1] = c10; C[r1 + 1] = c11; C[r1 + 2] = c12; C[r1 + 3] = c13;
    C[r2] = c20; C[r2 + 1] = c21; C[r2 + 2] = c22; C[r2 + 3] = c23;
    C[r3] = c30; C[r3 + 1] = c31; C[r3 + 2] = c32; C[r3 + 3] = c33;
  }
}

/** Rows [i0, i1) × columns [j0, j1) of C, one dot product per element. */
function edge(
  i0: number, i1: number, j0: number, j1: number, n: number, k: number,
  A: Float32Array, aOff: number, aRow: number, aDepth: number,
  B: Float32Array, bOff: number, bCol: number, bDepth: number,
  C: Float32Array, cOff: number, accumulate: boolean,
): void {
  for (let i = i0; i < i1; i++) {
    for (let j = j0; j < j1; j++) {
      let a = aOff + i * aRow;
      let b = bOff + j * bCol;
      let s = 0;
      for (let p = 0; p < k; p++) {
        s += A[a] * B[b];
        a += aDepth;
        b += bDepth;
      }
      const c = cOff + i * n + j;
      if (accumulate) C[c] += s;
      else C[c] = s;
    }
  }
}

/**
 * `torch.matmul(a, b)`: 1-D·1-D is a dot product, 2-D·2-D a matrix product, and higher ranks are
 * batches of matrices whose batch dims broadcast. A 1-D operand is treated as a row (left) or
 * column (right) vector and that dim is removed from the result.
 */
export function matmul(a: Tensor, b: Tensor): Tensor {
  checkMatmulShapes(a, b);
  const aShape = a.shape.length === 1 ? [1, a.shape[0]] : a.shape;
  const bShape = b.shape.length === 1 ? [b.shape[0], 1] : b.shape;
  const m = aShape[aShape.length - 2];
  const k = aShape[aShape.length - 1];
  const n = bShape[bShape.length - 1];
  const aBatch = aShape.slice(0, -2);
  const bBatch = bShape.slice(0, -2);
  const batch = broadcastShapes(aBatch, bBatch);
  const batchCount = batch.reduce((p, d) => p * d, 1);
  const aIndex = batchIndex(aBatch, batch);
  const bIndex = batchIndex(bBatch, batch);
  const outShape = [...batch];
  if (a.shape.length > 1) outShape.push(m);
  if (b.shape.length > 1) outShape.push(n);

  const out = float32(batchCount * m * n);
  for (let t = 0; t < batchCount; t++) {
    gemmNN(m, n, k, a.data, aIndex[t] * m * k, b.data, bIndex[t] * k * n, out, t * m * n, false);
  }
  return Tensor._fromOp(out, outShape, [a, b], 'MmBackward', (g) => {
    // dA = dC·Bᵀ, dB = Aᵀ·dC (summed over broadcast batches by accumulation)
    if (a.requiresGrad) {
      const ga = gradBufferOf(a);
      for (let t = 0; t < batchCount; t++) {
        gemmNT(m, k, n, g, t * m * n, b.data, bIndex[t] * k * n, ga, aIndex[t] * m * k, true);
      }
    }
    if (b.requiresGrad) {
      const gb = gradBufferOf(b);
      for (let t = 0; t < batchCount; t++) {
        gemmTN(k, n, m, a.data, aIndex[t] * m * k, g, t * m * n, gb, bIndex[t] * k * n, true);
      }
    }
  });
}

/** For each batch of the broadcast batch shape, which batch of the operand it reads. */
function batchIndex(operand: readonly number[], batch: readonly number[]): Int32Array {
  const count = batch.reduce((p, d) => p * d, 1);
  const index = int32(count);
  const offset = batch.length - operand.length;
  for (let t = 0; t < count; t++) {
    let rest = t;
    let flat = 0;
    let stride = 1;
    for (let d = batch.length - 1; d >= 0; d--) {
      const coord = rest % batch[d];
      rest = Math.floor(rest / batch[d]);
      const od = d - offset;
      if (od >= 0) {
        if (operand[od] !== 1) flat += coord * stride;
        stride *= operand[od];
      }
    }
    index[t] = flat;
  }
  return index;
}

/**
 * `F.linear(x, weight, bias)` = x·weightᵀ + bias, fused into one op (as PyTorch's addmm) so that a
 * Linear layer costs one graph node. x: [..., in], weight: [out, in], bias: [out].
 */
export function linear(x: Tensor, weight: Tensor, bias: Tensor | null = null): Tensor {
  checkLinearShapes(x, weight, bias);
  const inFeatures = weight.shape[1];
  const outFeatures = weight.shape[0];
  const rows = x.data.length / inFeatures;
  const out = float32(rows * outFeatures);
  const wasm = kernelsForProduct(rows * outFeatures * inFeatures);
  if (wasm === null || !wasm.linearForward(rows, inFeatures, outFeatures, x.data, weight.data, bias?.data ?? null, out)) {
    jsGemm.NT(rows, outFeatures, inFeatures, x.data, 0, weight.data, 0, out, 0, false);
    if (bias !== null) {
      const B = bias.data;
      for (let r = 0; r < rows; r++) {
        const o = r * outFeatures;
        for (let j = 0; j < outFeatures; j++) out[o + j] += B[j];
      }
    }
  }
  const outShape = [...x.shape.slice(0, -1), outFeatures];
  const parents = bias === null ? [x, weight] : [x, weight, bias];
  return Tensor._fromOp(out, outShape, parents, 'AddmmBackward', (g) => {
    if (x.requiresGrad) gemmNN(rows, inFeatures, outFeatures, g, 0, weight.data, 0, gradBufferOf(x), 0, true);
    if (weight.requiresGrad) gemmTN(outFeatures, inFeatures, rows, g, 0, x.data, 0, gradBufferOf(weight), 0, true);
    if (bias !== null && bias.requiresGrad) {
      const gb = gradBufferOf(bias);
      if (wasm !== null && wasm.columnSums(rows, outFeatures, g, gb)) return;
      for (let j = 0; j < outFeatures; j++) {
        let s = 0;
        for (let r = 0; r < rows; r++) s += g[r * outFeatures + j];
        gb[j] += s;
      }
    }
  });
}
