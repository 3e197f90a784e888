/** Datasets: TensorDataset rows, Subset, ConcatDataset, defaultCollate. */
import { describe, expect, it } from 'vitest';
import { Tensor, data, tensor } from '../index';

describe('TensorDataset', () => {
  const x = tensor([[0, 1], [2, 3], [4, 5]]);
  const y = tensor([7, 8, 9]);

  it('sample i is the i-th row of every tensor', () => {
    const ds = new data.TensorDataset(x, y);
    expect(ds.length).toBe(3);
    const [xi, yi] = ds.getItem(1);
    expect(xi.shape).toEqual([2]);
    expect(xi).toBeAllclose([2, 3]);
    expect(yi.shape).toEqual([]);
    expect(yi.item()).toBe(8);
  });

  it('rows are views sharing the storage, as in torch', () => {
    const ds = new data.TensorDataset(x.clone());
    ds.getItem(2)[0].data[0] = 40;
    expect(ds.tensors[0].data[4]).toBe(40);
  });

  it('rejects tensors whose first dimensions differ, and bad indices', () => {
    expect(() => new data.TensorDataset(x, tensor([1, 2]))).toThrow(
      'Size mismatch between tensors: tensor 0 has 3 rows but tensor 1 has 2',
    );
    expect(() => new data.TensorDataset()).toThrow('at least one tensor');
    expect(() => new data.TensorDataset(tensor(5))).toThrow('tensor 0 is 0-d');
    const ds = new data.TensorDataset(x);
    expect(() => ds.getItem(3)).toThrow('Index 3 is out of range for a dataset of 3 samples');
    expect(() => ds.getItem(-1)).toThrow('Index -1 is out of range');
  });
});

describe('Subset and ConcatDataset', () => {
  const ds = new data.TensorDataset(tensor([10, 11, 12, 13, 14]));

  it('Subset picks the given indices in order', () => {
    const subset = new data.Subset(ds, [4, 0, 2]);
    expect(subset.length).toBe(3);
    expect([0, 1, 2].map((i) => subset.getItem(i)[0].item())).toEqual([14, 10, 12]);
    expect(() => new data.Subset(ds, [5])).toThrow('Index 5 is out of range for a dataset of 5 samples');
  });

  it('ConcatDataset chains datasets end to end', () => {
    const other = new data.TensorDataset(tensor([20, 21]));
    const both = new data.ConcatDataset([ds, other, new data.TensorDataset(tensor([30]))]);
    expect(both.length).toBe(8);
    expect(both.cumulativeSizes).toEqual([5, 7, 8]);
    expect([...Array(8).keys()].map((i) => both.getItem(i)[0].item())).toEqual([10, 11, 12, 13, 14, 20, 21, 30]);
    expect(() => both.getItem(8)).toThrow('Index 8 is out of range for a dataset of 8 samples');
    expect(() => new data.ConcatDataset([])).toThrow('at least one dataset');
  });
});

describe('defaultCollate', () => {
  it('stacks tensors along a new first dimension and numbers into a 1-D tensor', () => {
    const batch = data.defaultCollate([
      [tensor([1, 2]), 0],
      [tensor([3, 4]), 1],
      [tensor([5, 6]), 2],
    ] as [Tensor, number][]);
    expect(batch[0].shape).toEqual([3, 2]);
    expect(batch[0]).toBeAllclose([[1, 2], [3, 4], [5, 6]]);
    expect(batch[1].shape).toEqual([3]);
    expect(batch[1]).toBeAllclose([0, 1, 2]);
  });

  it('collates plain objects key by key', () => {
    const batch = data.defaultCollate([
      { image: tensor([[1, 2]]), label: 3 },
      { image: tensor([[5, 6]]), label: 4 },
    ]);
    expect(batch.image.shape).toEqual([2, 1, 2]);
    expect(batch.label).toBeAllclose([3, 4]);
  });

  it('says what is wrong with a batch it cannot stack', () => {
    expect(() => data.defaultCollate([tensor([1, 2]), tensor([1, 2, 3])])).toThrow(
      'stack expects each tensor to be equal size, but got [2] at entry 0 and [3] at entry 1',
    );
    expect(() => data.defaultCollate(['a', 'b'])).toThrow('found string');
    expect(() => data.defaultCollate([])).toThrow('empty batch');
  });
});
