/**
 * The kernels' fixed WebAssembly heap: blocks handed out aligned and apart, freed blocks merged
 * and reused, a full heap answering null (and `storage` an ordinary array then), and kernels
 * reading and writing heap-resident operands in place — the same numbers as copied ones.
 */
import { describe, expect, it } from 'vitest';
import { jsGemm } from '../ops/matmul';
import { Generator } from '../random';
import { WasmHeap } from '../wasm/heap';
import { availableBackends, kernelsFor } from '../wasm/kernels';

describe('WasmHeap', () => {
  it('hands out 16-byte-aligned, disjoint blocks and merges what is given back', () => {
    const heap = new WasmHeap();
    const total = heap.freeBytes();
    const a = heap.allocate(10);
    const b = heap.allocate(100);
    const c = heap.allocate(4000);
    for (const at of [a, b, c]) expect(at % 16).toBe(0);
    expect(a).toBeGreaterThan(0);
    expect(b).toBeGreaterThanOrEqual(a + 16);
    expect(c).toBeGreaterThanOrEqual(b + 112);
    expect(heap.freeBytes()).toBe(total - 16 - 112 - 4000);
    heap.release(b, 100);
    expect(heap.allocate(112)).toBe(b); // first fit: the hole b left
    heap.release(b, 112);
    heap.release(a, 10);
    heap.release(c, 4000);
    expect(heap.freeBytes()).toBe(total);
    // merged back into one block: the whole heap can be had at once again
    expect(heap.allocate(total)).toBe(16);
    expect(heap.allocate(16)).toBe(-1);
  });

  it('gives zeroed views of its memory, and null once only the kernels\' scratch reserve (a quarter) is left', () => {
    const heap = new WasmHeap();
    const big = heap.allocate(heap.freeBytes() - heap.byteLength / 4 - 64);
    expect(big).toBeGreaterThan(0);
    heap.floats.fill(7, 0, heap.floats.length);
    const view = heap.floatArray(16);
    expect(view).not.toBeNull();
    expect(Array.from(view!)).toEqual(new Array(16).fill(0));
    expect(view!.buffer).toBe(heap.memory.buffer);
    expect(heap.addressOf(view!, 3)).toBe(view!.byteOffset + 12);
    expect(heap.addressOf(new Float32Array(4))).toBe(-1);
    expect(heap.floatArray(1024)).toBeNull();
    // the reserve is still there for scratch
    expect(heap.allocate(1024 * 4)).toBeGreaterThan(0);
  });
});

const wasmBackends = availableBackends().filter((b) => b !== 'js') as ('wasm-relaxed-simd' | 'wasm-simd')[];

describe.each(wasmBackends)('%s kernels on heap-resident operands', (backend) => {
  it('compute in place what they compute on copies, and leave the arrays in the heap', () => {
    const kernels = kernelsFor(backend)!;
    const g = new Generator(11);
    const [m, n, k] = [19, 37, 45];
    const fill = (array: Float32Array) => {
      for (let i = 0; i < array.length; i++) array[i] = g.normal();
      return array;
    };
    const A = fill(kernels.storage(m * k)!);
    const B = fill(kernels.storage(n * k)!);
    const C = fill(kernels.storage(m * n)!);
    const copies = [A.slice(), B.slice(), C.slice()];
    const expected = C.slice();
    jsGemm.NT(m, n, k, A, 0, B, 0, expected, 0, true);
    const fromCopies = copies[2];
    expect(kernels.gemmNT(m, n, k, copies[0], 0, copies[1], 0, fromCopies, 0, true)).toBe(true);
    expect(kernels.gemmNT(m, n, k, A, 0, B, 0, C, 0, true)).toBe(true);
    expect(kernels.heap.addressOf(C)).toBeGreaterThan(0);
    expect(Array.from(C)).toEqual(Array.from(fromCopies));
    expect(C).toBeAllclose(expected, { atol: 1e-5, rtol: 1e-5 });
  });

  it('mix a resident operand with a copied one', () => {
    const kernels = kernelsFor(backend)!;
    const A = kernels.storage(8 * 3)!;
    A.forEach((_, i) => (A[i] = i));
    const B = Float32Array.from({ length: 3 * 5 }, (_, i) => 1 - i / 7);
    const C = new Float32Array(8 * 5);
    const expected = new Float32Array(8 * 5);
    jsGemm.NN(8, 5, 3, A, 0, B, 0, expected, 0, false);
    expect(kernels.gemmNN(8, 5, 3, A, 0, B, 0, C, 0, false)).toBe(true);
    expect(C).toBeAllclose(expected, { atol: 1e-5, rtol: 1e-6 });
  });
});
