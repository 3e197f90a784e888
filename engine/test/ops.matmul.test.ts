import { describe, expect, it } from 'vitest';
import { tensor, randn, Generator, Tensor, matmul, linear } from '../index';
import fixture from './fixtures/ops_matmul.json';
import { describePytorchParity, expectGradcheck, type OpsFixture } from './ops.fixture';

const g = new Generator(9);
const r = (...shape: number[]): Tensor => randn(shape, { generator: g });

describe('matmul', () => {
  const a = tensor([[1, 2, 3], [4, 5, 6]]);
  const b = tensor([[1, 0], [0, 1], [1, 1]]);
  it('2-D · 2-D is the matrix product', () => {
    expect(matmul(a, b)).toBeAllclose([[4, 5], [10, 11]]);
    expect(a.mm(b).shape).toEqual([2, 2]);
  });
  it('1-D operands are a row (left) or a column (right) and their dim is dropped', () => {
    const dot = matmul(tensor([1, 2, 3]), tensor([4, 5, 6]));
    expect(dot.shape).toEqual([]);
    expect(dot.item()).toBe(32);
    expect(matmul(a, tensor([1, 1, 1]))).toBeAllclose([6, 15]);
    expect(matmul(tensor([1, 1]), a)).toBeAllclose([5, 7, 9]);
  });
  it('batch dims broadcast', () => {
    const batch = tensor([[[1, 0], [0, 1]], [[2, 0], [0, 2]]]); // [2, 2, 2]
    const m = tensor([[1, 2], [3, 4]]);
    expect(matmul(batch, m)).toBeAllclose([[[1, 2], [3, 4]], [[2, 4], [6, 8]]]);
    expect(matmul(m, batch)).toBeAllclose([[[1, 2], [3, 4]], [[2, 4], [6, 8]]]);
    expect(matmul(r(2, 1, 3, 4), r(3, 4, 5)).shape).toEqual([2, 3, 3, 5]);
    expect(matmul(r(4), r(2, 4, 5)).shape).toEqual([2, 5]);
    expect(matmul(r(2, 3, 4), r(4)).shape).toEqual([2, 3]);
  });
  it('sums gradients over broadcast batches', () => {
    const m = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    matmul(tensor([[[1, 0], [0, 1]], [[2, 0], [0, 2]]]), m).sum().backward();
    // each batch adds Aᵀ·1: [[1,1],[1,1]] and [[2,2],[2,2]]
    expect(m.grad).toBeAllclose([[3, 3], [3, 3]]);
  });
  it.each([
    [[3, 4], [4, 5]],
    [[4], [4]],
    [[4], [4, 5]],
    [[3, 4], [4]],
    [[2, 3, 4], [4, 5]],
    [[2, 1, 3, 4], [3, 4, 5]],
    [[4], [2, 4, 5]],
    [[3, 4], [2, 4, 5]],
  ])('gradient of [%s] @ [%s] (central differences)', (sa, sb) => {
    expectGradcheck((x, y) => matmul(x, y), [r(...sa), r(...sb)]);
  });
  it("rejects shapes that cannot be multiplied with PyTorch's messages", () => {
    expect(() => matmul(r(2, 3), r(4, 5))).toThrow('mat1 and mat2 shapes cannot be multiplied (2x3 and 4x5)');
    expect(() => matmul(r(3), r(4))).toThrow('inconsistent tensor size, expected tensor [3] and src [4]');
    expect(() => matmul(tensor(1), r(3))).toThrow('both arguments to matmul need to be at least 1D, but they are 0D and 1D');
  });
});

describe('linear', () => {
  const x = tensor([[1, 2], [3, 4], [5, 6]]);
  const w = tensor([[1, 0], [1, -1]]);
  const bias = tensor([10, 20]);
  it('is x·Wᵀ + b for any number of leading dims', () => {
    expect(linear(x, w, bias)).toBeAllclose([[11, 19], [13, 19], [15, 19]]);
    expect(linear(x, w)).toBeAllclose([[1, -1], [3, -1], [5, -1]]);
    expect(linear(tensor([1, 2]), w, bias)).toBeAllclose([11, 19]);
    expect(linear(r(2, 3, 2), w, bias).shape).toEqual([2, 3, 2]);
  });
  it('gradients (central differences)', () => {
    expectGradcheck((a, b, c) => linear(a, b, c), [r(5, 3), r(4, 3), r(4)]);
    expectGradcheck((a, b) => linear(a, b), [r(2, 3, 3), r(2, 3)]);
  });
  it('names both shapes when they do not fit', () => {
    expect(() => linear(r(4, 3), r(2, 5))).toThrow('mat1 and mat2 shapes cannot be multiplied (4x3 and 5x2)');
    expect(() => linear(r(4, 3), r(2, 3), r(3))).toThrow('bias of shape [3] does not match 2 outputs');
  });
});

// Products sum in float64 and round once; PyTorch's float32 BLAS differs by a few ulps of the
// larger terms, within the default atol 1e-6 / rtol 1e-5 at these sizes.
describePytorchParity(fixture as OpsFixture);
