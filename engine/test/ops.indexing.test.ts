import { describe, expect, it } from 'vitest';
import { tensor, randn, Generator, Tensor, gather, indexSelect, maskedFill } from '../index';
import fixture from './fixtures/ops_indexing.json';
import { describePytorchParity, expectGradcheck, type OpsFixture } from './ops.fixture';

const g = new Generator(17);
const r = (...shape: number[]): Tensor => randn(shape, { generator: g });
const x = tensor([[1, 2, 3], [4, 5, 6]]);

describe('gather', () => {
  it('picks one element per index along dim', () => {
    expect(gather(x, 1, tensor([[2, 0], [1, 1]]))).toBeAllclose([[3, 1], [5, 5]]);
    expect(gather(x, 0, tensor([[1, 0, 1]]))).toBeAllclose([[4, 2, 6]]);
  });
  it('accepts an index smaller than the input in other dims', () => {
    const t = tensor([[[0, 1, 2], [3, 4, 5], [6, 7, 8]], [[9, 10, 11], [12, 13, 14], [15, 16, 17]]]); // [2,3,3]
    // index [1, 2, 2] along dim 2: out[a][b][c] = t[a][b][index[a][b][c]]
    expect(gather(t, 2, tensor([[[2, 0], [1, 1]]]))).toBeAllclose([[[2, 0], [4, 4]]]);
  });
  it('adds the gradient of repeated indices', () => {
    const t = tensor([[1, 2, 3]], { requiresGrad: true });
    gather(t, 1, tensor([[0, 0, 2, 0]])).sum().backward();
    expect(t.grad).toBeAllclose([[3, 0, 1]]);
    expectGradcheck((a) => gather(a, 1, tensor([[0, 0, 3], [1, 2, 1], [3, 3, 3]])), [r(3, 4)]);
    expectGradcheck((a) => gather(a, 0, tensor([[[1, 0]], [[1, 1]]])), [r(2, 3, 2)]);
  });
  it('rejects bad indices with PyTorch messages', () => {
    expect(() => gather(x, 1, tensor([[3], [0]]))).toThrow('index 3 is out of bounds for dimension 1 with size 3');
    expect(() => gather(x, 1, tensor([0, 1]))).toThrow('Index tensor must have the same number of dimensions as input tensor');
    expect(() => gather(x, 1, tensor([[0], [1], [2]]))).toThrow('Size does not match at dimension 0 expected index [3, 1]');
  });
});

describe('indexSelect', () => {
  it('takes whole slices in index order, repeats allowed', () => {
    expect(indexSelect(x, 0, tensor([1, 1, 0]))).toBeAllclose([[4, 5, 6], [4, 5, 6], [1, 2, 3]]);
    expect(indexSelect(x, 1, tensor([2, 0]))).toBeAllclose([[3, 1], [6, 4]]);
  });
  it('adds the gradient of repeated rows', () => {
    const t = tensor([[1, 2], [3, 4]], { requiresGrad: true });
    indexSelect(t, 0, tensor([1, 1, 1])).sum().backward();
    expect(t.grad).toBeAllclose([[0, 0], [3, 3]]);
    expectGradcheck((a) => indexSelect(a, 1, tensor([3, 3, 1])), [r(3, 4)]);
    expectGradcheck((a) => indexSelect(a, 0, tensor([2, 0, 2, 2])), [r(3, 2)]);
  });
  it('rejects an index out of range', () => {
    expect(() => indexSelect(x, 1, tensor([3]))).toThrow('index 3 is out of bounds for dimension 1 with size 3');
  });
});

describe('maskedFill', () => {
  it('fills where the mask is nonzero, broadcasting the mask', () => {
    expect(maskedFill(x, tensor([0, 1, 0]), -1)).toBeAllclose([[1, -1, 3], [4, -1, 6]]);
    // a [2,1] mask is not a trailing broadcast: row 0 is filled, row 1 kept
    expect(maskedFill(x, tensor([[1], [0]]), 0)).toBeAllclose([[0, 0, 0], [4, 5, 6]]);
    expect(maskedFill(tensor([1, 2]), tensor([[1, 0], [0, 1]]), 9)).toBeAllclose([[9, 2], [1, 9]]);
  });
  it('blocks the gradient where filled', () => {
    const t = tensor([[1, 2, 3], [4, 5, 6]], { requiresGrad: true });
    maskedFill(t, tensor([[1], [0]]), -Infinity).exp().sum().backward();
    expect(t.grad).toBeAllclose([[0, 0, 0], [Math.exp(4), Math.exp(5), Math.exp(6)]], { rtol: 1e-6 });
    expectGradcheck((a) => maskedFill(a, tensor([[0], [1], [0]]), 3), [r(3, 4)]);
  });
  it('rejects a mask that does not broadcast', () => {
    expect(() => maskedFill(x, tensor([0, 1]), 0)).toThrow('The size of tensor a (2) must match the size of tensor b (3)');
  });
});

describePytorchParity(fixture as OpsFixture);
