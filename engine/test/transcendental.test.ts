/**
 * The WebAssembly kernels built on eˣ (engine/wasm/assembly/transcendental.ts): tanh, sigmoid,
 * eˣ, softmax and log-softmax with their backward, and cross-entropy on them. Each is checked
 * against the exact value (float64, rounded once: the JavaScript kernels) in units in the last
 * place over a sweep, and op by op against the JavaScript backend on a long tensor with a tail.
 */
import { describe, expect, it } from 'vitest';
import { crossEntropy } from '../nn/functional';
import { sigmoid, tanh } from '../ops/elementwise';
import { logSoftmax, softmax } from '../ops/softmax';
import { Generator } from '../random';
import { tensor, type Tensor } from '../tensor';
import { availableBackends, backend, kernelsFor, setBackend, type MapKernel } from '../wasm/kernels';

/** How many float32 values lie between a and b (0 when equal; both finite, same sign or tiny). */
function ulps(a: number, b: number): number {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat32(0, a);
  view.setFloat32(4, b);
  const ia = view.getInt32(0);
  const ib = view.getInt32(4);
  const ordered = (i: number) => (i < 0 ? -0x80000000 - i : i);
  return Math.abs(ordered(ia) - ordered(ib));
}

const exact: Record<Exclude<MapKernel, 'reluForward'>, [(x: number) => number, number, number]> = {
  expForward: [Math.exp, -87, 88],
  tanhForward: [Math.tanh, -12, 12],
  sigmoidForward: [(x) => 1 / (1 + Math.exp(-x)), -16, 30],
};

const wasmBackends = availableBackends().filter((b) => b !== 'js') as Exclude<ReturnType<typeof backend>, 'js'>[];

describe.each(wasmBackends)('the %s kernels', (name) => {
  it.each(Object.keys(exact) as (keyof typeof exact)[])('%s is within 2 ulp of the exact value over 200,001 points', (kernel) => {
    const [f, lo, hi] = exact[kernel];
    const n = 200_001;
    const x = Float32Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / (n - 1));
    const out = new Float32Array(n);
    expect(kernelsFor(name)!.map(kernel, x, out)).toBe(true);
    let worst = 0;
    for (let i = 0; i < n; i++) worst = Math.max(worst, ulps(out[i], Math.fround(f(x[i]))));
    expect(worst).toBeLessThanOrEqual(2);
    // and it is not the exact function by accident of the test: the kernel's own rounding shows
    expect(worst).toBeGreaterThanOrEqual(1);
  });

  it('keeps NaN, and the tails: tanh(±∞) = ±1, σ(−∞) = 0, σ(∞) = 1, e^−∞ = 0, e¹⁰⁰ = ∞', () => {
    const x = Float32Array.from([NaN, Infinity, -Infinity, 0, -0, 1e-30, 100, -100]);
    const k = kernelsFor(name)!;
    const t = new Float32Array(8);
    const s = new Float32Array(8);
    const e = new Float32Array(8);
    k.map('tanhForward', x, t);
    k.map('sigmoidForward', x, s);
    k.map('expForward', x, e);
    expect(Number.isNaN(t[0]) && Number.isNaN(s[0]) && Number.isNaN(e[0])).toBe(true);
    expect(Array.from(t.subarray(1))).toEqual([1, -1, 0, -0, Math.fround(1e-30), 1, -1]);
    expect(Array.from(s.subarray(1, 5))).toEqual([1, 0, 0.5, 0.5]);
    expect(s[7]).toBeLessThan(1e-37);
    expect(e[2]).toBe(0);
    expect(e[6]).toBe(Infinity);
  });
});

type Case = [string, (x: Tensor) => Tensor];
const rows = 79;
const cols = 13; // three vectors and a tail of one per row

describe('ops on the kernels equal the JavaScript backend', () => {
  it.each<Case>([
    ['tanh', (x) => tanh(x)],
    ['sigmoid', (x) => sigmoid(x)],
    ['softmax(dim=-1)', (x) => softmax(x, -1)],
    ['logSoftmax(dim=-1)', (x) => logSoftmax(x, -1)],
    ['crossEntropy, weighted, label smoothing 0.1', (x) => crossEntropy(x, labels(), { weight: classWeights(), labelSmoothing: 0.1 })],
    ['crossEntropy, ignoreIndex 3, summed', (x) => crossEntropy(x, labels(), { ignoreIndex: 3, reduction: 'sum' })],
  ])('%s: forward and backward, 79×13', (_name, op) => {
    const before = backend();
    const g = new Generator(11);
    const xs = Float32Array.from({ length: rows * cols }, () => 4 * g.normal());
    const upstream = Float32Array.from({ length: rows * cols }, () => g.normal());
    const results = availableBackends().map((b) => {
      setBackend(b);
      const x = tensor(xs.slice(), { shape: [rows, cols], requiresGrad: true });
      const y = op(x);
      if (y.shape.length === 0) y.backward();
      else y.backward(tensor(upstream.slice(), { shape: [rows, cols] }));
      return { y: y.data.slice(), grad: x.grad!.data.slice() };
    });
    setBackend(before);
    const js = results[results.length - 1];
    for (const r of results.slice(0, -1)) {
      // float32 sums and 2-ulp functions against float64 rounded once
      expect(r.y).toBeAllclose(js.y, { atol: 1e-6, rtol: 1e-6 });
      expect(r.grad).toBeAllclose(js.grad, { atol: 1e-6, rtol: 1e-6 });
      // not the JavaScript loops by another path: float32 and float64 round apart somewhere
      expect(Array.from(r.y).some((v, i) => v !== js.y[i]) || Array.from(r.grad).some((v, i) => v !== js.grad[i])).toBe(true);
    }
  });
});

function labels(): Tensor {
  return tensor(Float32Array.from({ length: rows }, (_, i) => (i * 7) % cols));
}

function classWeights(): Tensor {
  return tensor(Float32Array.from({ length: cols }, (_, c) => 0.5 + c / cols));
}
