import { describe, expect, it } from 'vitest';
import { tensor, eq, ne, gt, ge, lt, le, where, randn, Generator } from '../index';
import fixture from './fixtures/ops_compare.json';
import { describePytorchParity, expectGradcheck, type OpsFixture } from './ops.fixture';

describe('comparisons return 0/1 without a gradient', () => {
  const a = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
  const b = tensor([3, 2, 7]);
  it.each([
    ['eq', eq(a, b), [[0, 1, 0], [0, 0, 0]]],
    ['ne', ne(a, b), [[1, 0, 1], [1, 1, 1]]],
    ['gt', gt(a, b), [[0, 0, 0], [1, 1, 0]]],
    ['ge', ge(a, b), [[0, 1, 0], [1, 1, 0]]],
    ['lt', lt(a, b), [[1, 0, 1], [0, 0, 1]]],
    ['le', le(a, b), [[1, 1, 1], [0, 0, 1]]],
    ['gt scalar', gt(a, 3), [[0, 0, 0], [1, 1, 1]]],
    ['le scalar', a.le(2), [[1, 1, 0], [0, 0, 0]]],
    ['eq method', a.eq(tensor([[1], [5]])), [[1, 0, 0], [0, 1, 0]]],
  ])('%s', (_name, out, expected) => {
    expect(out).toBeAllclose(expected as number[][], { atol: 0, rtol: 0 });
    expect(out.requiresGrad).toBe(false);
    expect(out.gradFn).toBeNull();
  });
  it('NaN equals nothing, not even itself', () => {
    const n = tensor([NaN, 1]);
    expect(eq(n, n)).toBeAllclose([0, 1]);
    expect(ne(n, NaN)).toBeAllclose([1, 1]);
  });
  it('broadcast errors name the sizes', () => {
    expect(() => gt(tensor([1, 2]), tensor([1, 2, 3]))).toThrow('The size of tensor a (2) must match the size of tensor b (3)');
  });
});

describe('where', () => {
  it('picks x where the condition is nonzero, y elsewhere, with broadcasting', () => {
    const c = tensor([1, 0, 1]);
    expect(where(c, tensor([[1, 2, 3], [4, 5, 6]]), tensor([[-1], [-2]]))).toBeAllclose([[1, -1, 3], [4, -2, 6]]);
    expect(where(c, tensor([7, 8, 9]), 0)).toBeAllclose([7, 0, 9]);
    expect(where(c, 1, -1)).toBeAllclose([1, -1, 1]);
    expect(tensor([5, 6, 7]).where(c, 0)).toBeAllclose([5, 0, 7]);
  });
  it('sends the gradient to x where true and to y where false, summed over broadcasts', () => {
    const x = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
    const y = tensor([[10], [20]], { requiresGrad: true });
    where(tensor([1, 0, 0]), x, y).sum().backward();
    expect(x.grad).toBeAllclose([[1, 0, 0], [1, 0, 0]]);
    expect(y.grad).toBeAllclose([[2], [2]]);
  });
  it('gradient (central differences)', () => {
    const g = new Generator(3);
    const c = tensor([[1, 0, 1], [0, 0, 1]]);
    expectGradcheck((x, y) => where(c, x, y), [randn([2, 3], { generator: g }), randn([3], { generator: g })]);
    expectGradcheck((x) => where(tensor([0, 1]), x, 2), [randn([3, 2], { generator: g })]);
  });
});

describePytorchParity(fixture as OpsFixture);
