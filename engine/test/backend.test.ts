/**
 * Which backend runs: the one PLAYGROUND_BACKEND names (each vitest project's), else the best this
 * Node has — relaxed SIMD, since vite.config.ts passes V8 its flag. A project that silently ran
 * the JavaScript kernels would otherwise pass every parity test without testing WebAssembly.
 */
import { describe, expect, it } from 'vitest';
import { linear, matmul } from '../ops/matmul';
import { relu } from '../ops/elementwise';
import { Adagrad, Adam, AdamW, RMSprop, SGD } from '../optim';
import { Linear } from '../nn';
import { Generator } from '../random';
import { randn, tensor, type Tensor } from '../tensor';
import { availableBackends, backend, kernelsFor, setBackend, wasmKernels } from '../wasm/kernels';

describe('backend', () => {
  it('is the one this project asked for, or the best available', () => {
    expect(backend()).toBe(process.env.PLAYGROUND_BACKEND ?? 'wasm-relaxed-simd');
    expect(availableBackends()).toEqual(['wasm-relaxed-simd', 'wasm-simd', 'js']);
  });

  it('gives the same product on each backend, to float32 rounding', () => {
    const before = backend();
    const a = randn([33, 70]);
    const b = randn([70, 21]);
    const products = availableBackends().map((name) => {
      setBackend(name);
      return matmul(a, b);
    });
    setBackend(before);
    for (const p of products.slice(1)) expect(p).toBeAllclose(products[0], { atol: 1e-5, rtol: 1e-5 });
  });

  // 1027 elements: whole vectors and a scalar tail of 3. Relaxed SIMD fuses the multiply-adds as
  // the JavaScript loops' exact products do; plain SIMD rounds once more.
  it.each([
    ['Adam', (p: Tensor) => new Adam([p], { lr: 0.01 })],
    ['AdamW', (p: Tensor) => new AdamW([p], { lr: 0.01, weightDecay: 0.1 })],
    ['SGD', (p: Tensor) => new SGD([p], { lr: 0.01 })],
    ['SGD with momentum, dampening and weight decay', (p: Tensor) => new SGD([p], { lr: 0.01, momentum: 0.9, dampening: 0.2, weightDecay: 0.01 })],
    ['SGD with Nesterov momentum, maximizing', (p: Tensor) => new SGD([p], { lr: 0.01, momentum: 0.9, nesterov: true, maximize: true })],
    ['Adagrad', (p: Tensor) => new Adagrad([p], { lr: 0.1 })],
    ['Adagrad with lr decay, weight decay and an initial accumulator, maximizing', (p: Tensor) => new Adagrad([p], { lr: 0.1, lrDecay: 0.1, weightDecay: 0.01, initialAccumulatorValue: 0.1, maximize: true })],
    ['RMSprop', (p: Tensor) => new RMSprop([p], { lr: 0.01 })],
    ['RMSprop centered, with momentum and weight decay', (p: Tensor) => new RMSprop([p], { lr: 0.01, centered: true, momentum: 0.9, weightDecay: 0.01 })],
  ] as const)('takes the same %s steps on each backend, to float32 rounding', (_name, make) => {
    const before = backend();
    const g = new Generator(3);
    const start = Float32Array.from({ length: 1027 }, () => g.normal());
    const grads = Array.from({ length: 5 }, () => Float32Array.from({ length: 1027 }, () => g.normal()));
    const results = availableBackends().map((name) => {
      setBackend(name);
      const param = tensor(start.slice(), { requiresGrad: true });
      const optimizer = make(param);
      for (const grad of grads) {
        param.grad = tensor(grad.slice());
        optimizer.step();
      }
      return param.data;
    });
    setBackend(before);
    const moved = results[0].reduce((s, x, i) => Math.max(s, Math.abs(x - start[i])), 0);
    expect(moved).toBeGreaterThan(0.02);
    for (const r of results.slice(1)) expect(r).toBeAllclose(results[0], { atol: 1e-6, rtol: 1e-6 });
  });

  it('takes relu forward and backward alike on each backend: NaN kept, −0 to 0, a tail of 3', () => {
    const before = backend();
    const g = new Generator(5);
    const values = Float32Array.from({ length: 1027 }, () => g.normal());
    values[10] = NaN;
    values[11] = -0;
    values[1026] = -1; // in the scalar tail
    const upstream = Float32Array.from({ length: 1027 }, () => g.normal());
    const results = availableBackends().map((name) => {
      setBackend(name);
      const x = tensor(values.slice(), { requiresGrad: true });
      const y = relu(x);
      y.backward(tensor(upstream.slice()));
      return { y: Array.from(y.data), grad: Array.from(x.grad!.data) };
    });
    setBackend(before);
    expect(Number.isNaN(results[0].y[10])).toBe(true);
    expect(Object.is(results[0].y[11], 0)).toBe(true);
    expect(results[0].grad[1026]).toBe(0);
    for (const r of results.slice(1)) {
      expect(Object.is(r.y[11], 0)).toBe(true);
      expect(r.y).toEqual(results[0].y);
      expect(r.grad).toEqual(results[0].grad);
    }
  });

  it('sums squares and squared differences in float64 on each WebAssembly backend, as the JavaScript loop does', () => {
    const g = new Generator(13);
    const a = Float32Array.from({ length: 1027 }, () => 1e3 * g.normal());
    const b = Float32Array.from(a, (v) => v + g.normal());
    let squares = 0;
    let differences = 0;
    for (let i = 0; i < a.length; i++) {
      squares += a[i] * a[i];
      differences += (a[i] - b[i]) * (a[i] - b[i]);
    }
    for (const name of availableBackends()) {
      if (name === 'js') continue;
      const k = kernelsFor(name)!;
      // float32 sums would be off by ~1e-5 here; float64 ones in another order by ~1e-15
      expect(Math.abs(k.sumSquares(a)! - squares) / squares).toBeLessThan(1e-13);
      expect(Math.abs(k.sumSquaredDifferences(a, b)! - differences) / differences).toBeLessThan(1e-13);
    }
  });

  it('computes a linear layer with bias, and its three gradients, alike on each backend', () => {
    const before = backend();
    const g = new Generator(9);
    const draw = (n: number) => Float32Array.from({ length: n }, () => g.normal());
    const [rows, inputs, outputs] = [33, 70, 21];
    const [xs, ws, bs, up] = [draw(rows * inputs), draw(outputs * inputs), draw(outputs), draw(rows * outputs)];
    const results = availableBackends().map((name) => {
      setBackend(name);
      const x = tensor(xs.slice(), { shape: [rows, inputs], requiresGrad: true });
      const w = tensor(ws.slice(), { shape: [outputs, inputs], requiresGrad: true });
      const b = tensor(bs.slice(), { requiresGrad: true });
      const y = linear(x, w, b);
      y.backward(tensor(up.slice(), { shape: [rows, outputs] }));
      return [y.data, x.grad!.data, w.grad!.data, b.grad!.data];
    });
    setBackend(before);
    // a bias of N(0, 1) left out, or a gradient missed, would be off by far more than this
    for (const r of results.slice(1)) r.forEach((values, i) => expect(values).toBeAllclose(results[0][i], { atol: 2e-5, rtol: 1e-5 }));
  });

  it('keeps parameters and optimizer state in the WebAssembly heap (in place for the kernels), short ones out', () => {
    const layer = new Linear(64, 32);
    const optimizer = new Adam(layer.parameters());
    layer.weight.grad = randn([32, 64]);
    layer.bias!.grad = randn([32]);
    optimizer.step();
    const state = optimizer.state.get(layer.weight) as { expAvg: Tensor; expAvgSq: Tensor };
    const heap = wasmKernels()?.heap ?? null;
    const inHeap = (t: Tensor) => heap !== null && heap.addressOf(t.data) > 0;
    const wasm = backend() !== 'js';
    expect([inHeap(layer.weight), inHeap(state.expAvg), inHeap(state.expAvgSq)]).toEqual([wasm, wasm, wasm]);
    expect(inHeap(layer.bias!)).toBe(false); // 32 < WASM_MIN_ELEMENTS
    if (!wasm) expect(kernelsFor('wasm-simd')!.heap.addressOf(layer.weight.data)).toBe(-1);
  });

  it('refuses a backend name it does not know', () => {
    expect(() => setBackend('webgpu' as never)).toThrow(/unknown backend webgpu/);
  });
});
