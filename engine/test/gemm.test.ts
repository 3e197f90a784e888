/**
 * The matmul kernels of every backend this Node can run (JavaScript, WebAssembly SIMD, and with
 * relaxed SIMD where V8 has it) against a float64 reference, on sizes that hit every path of the
 * blocked kernels: whole tiles, ragged row and column edges, more than one column block, operands
 * at offsets inside larger buffers, and accumulate = true. Elements of C outside the target
 * region must stay untouched.
 */
import { describe, expect, it } from 'vitest';
import { jsGemm } from '../ops/matmul';
import { Generator } from '../random';
import { availableBackends, kernelsFor, type Backend } from '../wasm/kernels';

type Kernel = (typeof jsGemm)['NN'];
type Form = keyof typeof jsGemm;

/** Where element (i, p) of the left operand and (p, j) of the right one live, per form. */
const layouts: Record<Form, { a: (i: number, p: number, m: number, k: number) => number; b: (p: number, j: number, n: number, k: number) => number }> = {
  NN: { a: (i, p, _m, k) => i * k + p, b: (p, j, n) => p * n + j },
  NT: { a: (i, p, _m, k) => i * k + p, b: (p, j, _n, k) => j * k + p },
  TN: { a: (i, p, m) => p * m + i, b: (p, j, n) => p * n + j },
};

function kernelOf(backend: Backend, form: Form): Kernel {
  if (backend === 'js') return jsGemm[form];
  const wasm = kernelsFor(backend);
  if (wasm === null) throw new Error(`${backend} is not available`);
  const method = { NN: wasm.gemmNN, NT: wasm.gemmNT, TN: wasm.gemmTN }[form];
  return method.bind(wasm);
}

/**
 * How far a float32 sum of k products may be from the exact one, relative to Σ|products|:
 * JavaScript's float64 sum rounds once (half an ulp); WebAssembly's float32 sums round at each
 * of at most k/4 + 4 additions per lane and across lanes (γ_n = n·2⁻²⁴). Either bound fails on
 * a wrong or missing term.
 */
function tolerance(backend: Backend, k: number): number {
  return backend === 'js' ? FLOAT32_EPSILON : ((Math.ceil(k / 4) + 4) * FLOAT32_EPSILON) / 2;
}

const A_OFFSET = 3;
const B_OFFSET = 5;
const C_OFFSET = 7;
const GUARD = 9; // extra elements after C's region
const SENTINEL = -12345;
const FLOAT32_EPSILON = 2 ** -23;

function randomArray(length: number, g: Generator): Float32Array {
  const out = new Float32Array(length);
  for (let i = 0; i < length; i++) out[i] = g.normal();
  return out;
}

/** Runs one kernel on random operands at offsets; checks `samples` elements (all when null). */
function check(backend: Backend, form: Form, m: number, n: number, k: number, accumulate: boolean, samples: number | null): void {
  const kernel = kernelOf(backend, form);
  const { a, b } = layouts[form];
  const name = `${backend} ${form}`;
  const g = new Generator(m * 1000 + n * 10 + k);
  const A = randomArray(A_OFFSET + m * k, g);
  const B = randomArray(B_OFFSET + k * n, g);
  const C = new Float32Array(C_OFFSET + m * n + GUARD).fill(SENTINEL);
  const before = randomArray(m * n, g);
  if (accumulate) C.set(before, C_OFFSET);

  kernel(m, n, k, A, A_OFFSET, B, B_OFFSET, C, C_OFFSET, accumulate);

  for (let x = 0; x < C_OFFSET; x++) expect(C[x], `${name}: wrote before C`).toBe(SENTINEL);
  for (let x = C_OFFSET + m * n; x < C.length; x++) expect(C[x], `${name}: wrote after C`).toBe(SENTINEL);

  const count = samples ?? m * n;
  for (let s = 0; s < count; s++) {
    const e = samples === null ? s : g.randint(m * n);
    const i = Math.floor(e / n);
    const j = e % n;
    let exact = accumulate ? before[e] : 0;
    let magnitude = Math.abs(exact);
    for (let p = 0; p < k; p++) {
      const product = A[A_OFFSET + a(i, p, m, k)] * B[B_OFFSET + b(p, j, n, k)];
      exact += product;
      magnitude += Math.abs(product);
    }
    const error = Math.abs(C[C_OFFSET + e] - exact);
    if (!(error <= tolerance(backend, k) * magnitude + 1e-30)) {
      throw new Error(`${name} ${m}×${n}×${k} accumulate=${accumulate}: C[${i}, ${j}] = ${C[C_OFFSET + e]}, expected ${exact}`);
    }
  }
}

const sizes: [number, number, number][] = [
  [1, 1, 1],
  [3, 5, 7],
  [4, 4, 4],
  [8, 12, 1],
  [5, 4, 3],
  [4, 6, 2],
  [10, 8, 2], // the tiny playground net's first layer
  [17, 33, 65],
  [9, 130, 11], // more than one column block, with a ragged last block
  [4, 8, 1], // one WebAssembly 4×8 tile
  [12, 140, 9], // two WebAssembly column blocks, then a 4-wide edge
  [5, 263, 5], // 8-wide and 4-wide and single columns; a last row alone
  [9, 67, 7], // WebAssembly's dot form: two row blocks of B, an odd last row, a k tail of 3
  [6, 37, 130],
];

const cases = availableBackends().flatMap((backend) => (['NN', 'NT', 'TN'] as const).map((form) => [backend, form] as const));

it('runs WebAssembly SIMD in this Node (the CI machine)', () => {
  expect(availableBackends()).toContain('wasm-simd');
});

describe.each(cases)('%s %s', (backend, form) => {
  it.each(sizes)('equals a float64 reference at %i×%i×%i', (m, n, k) => {
    check(backend, form, m, n, k, false, null);
    check(backend, form, m, n, k, true, null);
  });

  it('equals a float64 reference at 64×784×256 (sampled), overwriting and accumulating', () => {
    check(backend, form, 64, 784, 256, false, 400);
    check(backend, form, 64, 784, 256, true, 400);
  });

  it('treats k = 0 as an empty sum', () => {
    const C = new Float32Array([1, 2, 3, 4]);
    kernelOf(backend, form)(2, 2, 0, new Float32Array(0), 0, new Float32Array(0), 0, C, 0, true);
    expect(Array.from(C)).toEqual([1, 2, 3, 4]);
    kernelOf(backend, form)(2, 2, 0, new Float32Array(0), 0, new Float32Array(0), 0, C, 0, false);
    expect(Array.from(C)).toEqual([0, 0, 0, 0]);
  });
});
