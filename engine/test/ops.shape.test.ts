import { describe, expect, it } from 'vitest';
import { tensor, arange, randn, Generator, Tensor, reshape, flatten, squeeze, unsqueeze, transpose, permute, expand, broadcastTo, cat, concat, stack, clone } from '../index';
import fixture from './fixtures/ops_shape.json';
import { describePytorchParity, expectGradcheck, type OpsFixture } from './ops.fixture';

const g = new Generator(11);
const r = (...shape: number[]): Tensor => randn(shape, { generator: g });
const x234 = (): Tensor => arange(24).reshape(2, 3, 4);

describe('views: reshape, flatten, squeeze, unsqueeze', () => {
  it('reshape(-1) infers the size and shares storage', () => {
    const x = x234();
    const y = x.reshape(-1);
    expect(y.shape).toEqual([24]);
    expect(y.data).toBe(x.data);
    expect(reshape(x, [4, -1]).shape).toEqual([4, 6]);
    expect(x.view(3, 8).shape).toEqual([3, 8]);
    expect(tensor([[5]]).reshape([]).shape).toEqual([]);
  });
  it('rejects impossible shapes with PyTorch messages', () => {
    expect(() => x234().reshape(5, -1)).toThrow("shape '[5, -1]' is invalid for input of size 24");
    expect(() => x234().reshape(-1, -1)).toThrow('only one dimension can be inferred');
  });
  it('flatten, squeeze and unsqueeze', () => {
    expect(flatten(x234()).shape).toEqual([24]);
    expect(flatten(x234(), 1).shape).toEqual([2, 12]);
    expect(flatten(x234(), 0, 1).shape).toEqual([6, 4]);
    expect(flatten(tensor(3)).shape).toEqual([1]);
    expect(squeeze(r(2, 1, 3, 1)).shape).toEqual([2, 3]);
    expect(squeeze(r(2, 1, 3, 1), 1).shape).toEqual([2, 3, 1]);
    expect(squeeze(r(2, 1, 3), 0).shape).toEqual([2, 1, 3]);
    expect(unsqueeze(r(2, 3), 0).shape).toEqual([1, 2, 3]);
    expect(unsqueeze(r(2, 3), -1).shape).toEqual([2, 3, 1]);
    expect(unsqueeze(tensor(3), 0).shape).toEqual([1]);
  });
  it('gradients pass through unchanged (central differences)', () => {
    expectGradcheck((t) => t.reshape(-1), [r(2, 3)]);
    expectGradcheck((t) => flatten(t, 1), [r(2, 2, 2)]);
    expectGradcheck((t) => unsqueeze(squeeze(t), 1), [r(2, 1, 3)]);
    expectGradcheck((t) => clone(t), [r(3)]);
  });
});

describe('transpose and permute', () => {
  it('transpose swaps two dims', () => {
    const t = transpose(tensor([[1, 2, 3], [4, 5, 6]]), 0, 1);
    expect(t.toArray()).toEqual([[1, 4], [2, 5], [3, 6]]);
    expect(tensor([[1, 2]]).T.shape).toEqual([2, 1]);
    const t3 = transpose(x234(), 0, 2);
    expect(t3.shape).toEqual([4, 3, 2]);
    // element [i][j][k] of the transpose is element [k][j][i] of the input
    expect((t3.toArray() as number[][][])[3][1][0]).toBe(0 * 12 + 1 * 4 + 3);
    expect(transpose(x234(), -1, -2).shape).toEqual([2, 4, 3]);
  });
  it('permute reorders dims', () => {
    const p = permute(x234(), [2, 0, 1]);
    expect(p.shape).toEqual([4, 2, 3]);
    // p[k][i][j] = x[i][j][k] = 12i + 4j + k
    expect((p.toArray() as number[][][])[3][1][2]).toBe(12 + 8 + 3);
    expect(x234().permute(1, 2, 0).shape).toEqual([3, 4, 2]);
  });
  it('rejects bad dims with PyTorch messages', () => {
    expect(() => transpose(tensor([1, 2]), 0, 1)).toThrow('Dimension out of range (expected to be in range of [-1, 0], but got 1)');
    expect(() => permute(r(2, 3), [0, 0])).toThrow('permute(): duplicate dims are not allowed.');
    expect(() => permute(r(2, 3), [0])).toThrow('input.dim() = 2 is not equal to len(dims) = 1');
  });
  it('gradients are the inverse permutation (central differences)', () => {
    expectGradcheck((t) => transpose(t, 0, 1), [r(3, 2)]);
    expectGradcheck((t) => transpose(t, 0, 2), [r(2, 3, 2)]);
    expectGradcheck((t) => permute(t, [1, 2, 0]), [r(2, 3, 2)]);
  });
});

describe('expand and broadcastTo', () => {
  it('repeats size-1 dims and adds leading ones; -1 keeps a size', () => {
    expect(expand(tensor([[1], [2]]), [2, 3]).toArray()).toEqual([[1, 1, 1], [2, 2, 2]]);
    expect(tensor([1, 2]).expand(2, -1).toArray()).toEqual([[1, 2], [1, 2]]);
    expect(broadcastTo(tensor([[1], [2]]), [2, 2, 2]).toArray()).toEqual([[[1, 1], [2, 2]], [[1, 1], [2, 2]]]);
    expect(tensor([3]).expandAs(r(2, 2)).toArray()).toEqual([[3, 3], [3, 3]]);
  });
  it('sums the gradient over the repeats', () => {
    const x = tensor([[1], [2]], { requiresGrad: true });
    expand(x, [3, 2, 4]).sum().backward();
    expect(x.grad).toBeAllclose([[12], [12]]);
    expectGradcheck((t) => expand(t, [2, 4, 3]), [r(2, 1, 3)]);
  });
  it('rejects a size that does not match', () => {
    expect(() => expand(r(2, 3), [2, 4])).toThrow(
      'The expanded size of the tensor (4) must match the existing size (3) at non-singleton dimension 1.',
    );
    expect(() => expand(r(2, 3), [3])).toThrow('the number of sizes provided (1) must be greater or equal');
  });
});

describe('cat and stack', () => {
  const a = tensor([[1, 2], [3, 4]]);
  const b = tensor([[5, 6]]);
  it('cat joins along an existing dim', () => {
    expect(cat([a, b]).toArray()).toEqual([[1, 2], [3, 4], [5, 6]]);
    expect(cat([a, tensor([[7], [8]])], 1).toArray()).toEqual([[1, 2, 7], [3, 4, 8]]);
    expect(concat([a, a], -1).shape).toEqual([2, 4]);
    expect(cat([tensor([1, 2]), tensor([3])]).toArray()).toEqual([1, 2, 3]);
  });
  it('stack joins along a new dim', () => {
    expect(stack([tensor([1, 2]), tensor([3, 4])]).toArray()).toEqual([[1, 2], [3, 4]]);
    expect(stack([tensor([1, 2]), tensor([3, 4])], 1).toArray()).toEqual([[1, 3], [2, 4]]);
    expect(stack([a, a], 2).shape).toEqual([2, 2, 2]);
    expect(stack([tensor(1), tensor(2)]).toArray()).toEqual([1, 2]);
  });
  it('slices the gradient back to each input', () => {
    const x = tensor([[1, 2]], { requiresGrad: true });
    const y = tensor([[3, 4], [5, 6]], { requiresGrad: true });
    cat([x, y, x]).backward(tensor([[1, 2], [3, 4], [5, 6], [7, 8]]));
    expect(x.grad).toBeAllclose([[8, 10]]);
    expect(y.grad).toBeAllclose([[3, 4], [5, 6]]);
  });
  it('gradients (central differences)', () => {
    expectGradcheck((p, q) => cat([p, q], 1), [r(2, 3), r(2, 2)]);
    expectGradcheck((p, q) => cat([p, q], 1), [r(2, 1, 2), r(2, 3, 2)]);
    expectGradcheck((p, q) => stack([p, q], 1), [r(2, 3), r(2, 3)]);
    expectGradcheck((p, q) => stack([p, q], -1), [r(2, 3), r(2, 3)]);
  });
  it('rejects mismatched inputs with PyTorch messages', () => {
    expect(() => cat([])).toThrow('torch.cat(): expected a non-empty list of Tensors');
    expect(() => cat([a, tensor([[1, 2, 3]])])).toThrow(
      'Sizes of tensors must match except in dimension 0. Expected size 2 but got size 3 for tensor number 1 in the list.',
    );
    expect(() => stack([a, b])).toThrow('stack expects each tensor to be equal size, but got [2, 2] at entry 0 and [1, 2] at entry 1');
    expect(() => stack([])).toThrow('stack expects a non-empty TensorList');
  });
});

describePytorchParity(fixture as OpsFixture);
