/**
 * Which backend runs: the one PLAYGROUND_BACKEND names (each vitest project's), else the best this
 * Node has — relaxed SIMD, since vite.config.ts passes V8 its flag. A project that silently ran
 * the JavaScript kernels would otherwise pass every parity test without testing WebAssembly.
 */
import { describe, expect, it } from 'vitest';
import { matmul } from '../ops/matmul';
import { randn } from '../tensor';
import { availableBackends, backend, setBackend } from '../wasm/kernels';

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

  it('refuses a backend name it does not know', () => {
    expect(() => setBackend('webgpu' as never)).toThrow(/unknown backend webgpu/);
  });
});
