/**
 * The matrix products bench:gemm measures — each linear layer of the digits and mnist workloads
 * as its forward and two backward products — and their GFLOP/s on one backend, through the
 * engine's own entry points. Shared by Node (bench/gemm.ts) and the Chromium worker.
 */
import { gemmNN, gemmNT, gemmTN } from '../engine/ops/matmul';
import { setBackend, type Backend } from '../engine/wasm/kernels';
import { defaultMeasure, stepsPerSecond } from './measure';
import { workloads } from './workloads';

export type GemmForm = 'NN' | 'NT' | 'TN';

export interface GemmCase {
  /** where it comes from: `mnist 784→256 forward` */
  label: string;
  form: GemmForm;
  m: number;
  n: number;
  k: number;
}

/** Each linear layer of each workload (but the tiny one), as its three products. */
export function gemmCases(): GemmCase[] {
  const cases: GemmCase[] = [];
  for (const w of workloads.filter((x) => x.name !== 'tiny')) {
    for (let l = 0; l + 1 < w.layers.length; l++) {
      const [inputs, outputs, batch] = [w.layers[l], w.layers[l + 1], w.batchSize];
      const layer = `${w.name} ${inputs}→${outputs} b${batch}`;
      cases.push({ label: `${layer} forward x·Wᵀ`, form: 'NT', m: batch, n: outputs, k: inputs });
      cases.push({ label: `${layer} dx = dy·W`, form: 'NN', m: batch, n: inputs, k: outputs });
      cases.push({ label: `${layer} dW = dyᵀ·x`, form: 'TN', m: outputs, n: inputs, k: batch });
    }
  }
  return cases;
}

/** Operand sizes: A is m×k (NN, NT) or k×m (TN); B is k×n (NN, TN) or n×k (NT). */
function operands(c: GemmCase): { a: Float32Array; b: Float32Array; out: Float32Array } {
  const fill = (n: number) => Float32Array.from({ length: n }, (_, i) => Math.sin(i * 0.37));
  return { a: fill(c.m * c.k), b: fill(c.k * c.n), out: new Float32Array(c.m * c.n) };
}

export function measureOurs(c: GemmCase, backend: Backend, measure = defaultMeasure): number {
  setBackend(backend);
  const { a, b, out } = operands(c);
  const kernel = { NN: gemmNN, NT: gemmNT, TN: gemmTN }[c.form];
  const rate = stepsPerSecond(() => kernel(c.m, c.n, c.k, a, 0, b, 0, out, 0, false), measure);
  return (rate * 2 * c.m * c.n * c.k) / 1e9;
}

