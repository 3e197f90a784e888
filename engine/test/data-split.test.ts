/** randomSplit: sizes as torch computes them (checked with Debian's torch 1.13), disjoint and complete parts. */
import { describe, expect, it } from 'vitest';
import { Generator, data, tensor } from '../index';

function rangeDataset(n: number) {
  return new data.TensorDataset(tensor(Array.from({ length: n }, (_, i) => i)));
}

function values(subset: data.Subset<unknown>): number[] {
  return Array.from(subset.indices);
}

describe('randomSplit', () => {
  // torch.utils.data.random_split(range(n), fractions) lengths, from /usr/bin/python3 with torch 1.13.
  const torchSizes: [number, number[], number[]][] = [
    [10, [0.7, 0.2, 0.1], [7, 2, 1]],
    [11, [0.7, 0.2, 0.1], [8, 2, 1]],
    [13, [0.7, 0.2, 0.1], [10, 2, 1]],
    [3, [0.7, 0.2, 0.1], [3, 0, 0]],
    [11, [0.5, 0.5], [6, 5]],
    [11, [0.8, 0.2], [9, 2]],
    [10, [0.33, 0.33, 0.34], [4, 3, 3]],
    [13, [0.33, 0.33, 0.34], [5, 4, 4]],
    [1, [0.33, 0.33, 0.34], [1, 0, 0]],
  ];
  it.each(torchSizes)('%i samples split by %j gives sizes %j, as torch does', (n, fractions, sizes) => {
    const parts = data.randomSplit(rangeDataset(n), fractions, { generator: new Generator(0) });
    expect(parts.map((p) => p.length)).toEqual(sizes);
  });

  it('takes counts too, and the parts are disjoint and cover the dataset', () => {
    const parts = data.randomSplit(rangeDataset(50), [30, 15, 5], { generator: new Generator(1) });
    expect(parts.map((p) => p.length)).toEqual([30, 15, 5]);
    const all = parts.flatMap(values).sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: 50 }, (_, i) => i));
    // Shuffled, not cut in order.
    expect(values(parts[0])).not.toEqual(Array.from({ length: 30 }, (_, i) => i));
    // Each part reads through to the right rows.
    expect(parts[1].getItem(3)[0].item()).toBe(parts[1].indices[3]);
  });

  it('the same generator seed gives the same split; another seed does not', () => {
    const split = (seed: number) =>
      data.randomSplit(rangeDataset(40), [0.8, 0.2], { generator: new Generator(seed) }).map(values);
    expect(split(7)).toEqual(split(7));
    expect(split(7)).not.toEqual(split(8));
  });

  it('rejects lengths that do not add up, negative fractions and fractional counts', () => {
    const ds = rangeDataset(10);
    expect(() => data.randomSplit(ds, [5, 4])).toThrow(
      'Sum of input lengths (9) does not equal the length of the input dataset (10)',
    );
    expect(() => data.randomSplit(ds, [0.5, 0.4])).toThrow(
      'or fractions summing to 1; got [0.5, 0.4], which sum to 0.9',
    );
    expect(() => data.randomSplit(ds, [1.5, -0.5])).toThrow('Fraction at index 0 is not between 0 and 1; got 1.5');
    expect(() => data.randomSplit(ds, [2.5, 7.5])).toThrow('got [2.5, 7.5]');
    expect(() => data.randomSplit(ds, [12, -2])).toThrow('whole counts ≥ 0');
    expect(() => data.randomSplit(ds, [])).toThrow('at least one length');
  });
});
