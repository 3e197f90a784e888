/** DataLoader: batch counts, order, reshuffling, determinism, alignment of inputs and targets. */
import { describe, expect, it } from 'vitest';
import { Generator, Tensor, data, manualSeed, tensor } from '../index';

/** n samples: x row i is [i, 10·i + 1], y[i] = i, so every row says which sample it is. */
function numbered(n: number) {
  const x = tensor(Array.from({ length: n }, (_, i) => [i, 10 * i + 1]));
  const y = tensor(Array.from({ length: n }, (_, i) => i));
  return new data.TensorDataset(x, y);
}

/** The sample ids of one epoch, checking on the way that x and y stayed aligned. */
function epochIds(loader: Iterable<Tensor[]>): number[][] {
  const batches: number[][] = [];
  for (const [xb, yb] of loader) {
    const ids = Array.from(yb.data);
    expect(xb.shape).toEqual([ids.length, 2]);
    expect(xb).toBeAllclose(ids.map((i) => [i, 10 * i + 1]));
    batches.push(ids);
  }
  return batches;
}

const range = (n: number) => Array.from({ length: n }, (_, i) => i);
const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);

describe('DataLoader batches', () => {
  it('103 samples in batches of 10: 11 batches, the last of 3; dropLast keeps 10', () => {
    const keep = new data.DataLoader(numbered(103), { batchSize: 10 });
    const batches = epochIds(keep);
    expect(keep.length).toBe(11);
    expect(batches.map((b) => b.length)).toEqual([...new Array(10).fill(10), 3]);
    const drop = new data.DataLoader(numbered(103), { batchSize: 10, dropLast: true });
    expect(drop.length).toBe(10);
    expect(epochIds(drop).map((b) => b.length)).toEqual(new Array(10).fill(10));
  });

  it('without shuffle, samples come in order and batch shapes stack a new first dimension', () => {
    const loader = new data.DataLoader(numbered(7), { batchSize: 3 });
    expect(epochIds(loader)).toEqual([[0, 1, 2], [3, 4, 5], [6]]);
    const [xb, yb] = loader.iter().next().value as Tensor[];
    expect(xb.shape).toEqual([3, 2]);
    expect(yb.shape).toEqual([3]);
  });

  it('batchSize defaults to 1', () => {
    const loader = new data.DataLoader(numbered(4));
    expect(loader.length).toBe(4);
    expect(epochIds(loader)).toEqual([[0], [1], [2], [3]]);
  });

  it('with shuffle, every sample appears exactly once per epoch, in a new order each epoch', () => {
    const loader = new data.DataLoader(numbered(103), { batchSize: 10, shuffle: true, generator: new Generator(42) });
    const first = epochIds(loader).flat();
    const second = epochIds(loader).flat();
    expect(sorted(first)).toEqual(range(103));
    expect(sorted(second)).toEqual(range(103));
    expect(first).not.toEqual(range(103));
    expect(second).not.toEqual(first);
  });

  it('the same seed gives identical batches across two loaders, epoch after epoch', () => {
    const make = (seed: number) =>
      new data.DataLoader(numbered(50), { batchSize: 8, shuffle: true, generator: new Generator(seed) });
    const a = make(42);
    const b = make(42);
    for (let epoch = 0; epoch < 3; epoch++) expect(epochIds(a)).toEqual(epochIds(b));
    expect(epochIds(make(43))).not.toEqual(epochIds(make(42)));
  });

  it('without a generator, shuffling follows manualSeed', () => {
    const loader = new data.DataLoader(numbered(30), { batchSize: 4, shuffle: true });
    manualSeed(5);
    const a = epochIds(loader);
    manualSeed(5);
    expect(epochIds(loader)).toEqual(a);
  });

  it('an iterator can be advanced by hand, a batch at a time (as a time-sliced training loop does)', () => {
    const loader = new data.DataLoader(numbered(5), { batchSize: 2 });
    const it = loader.iter();
    expect(Array.from((it.next().value as Tensor[])[1].data)).toEqual([0, 1]);
    expect(Array.from((it.next().value as Tensor[])[1].data)).toEqual([2, 3]);
    expect(Array.from((it.next().value as Tensor[])[1].data)).toEqual([4]);
    expect(it.next().done).toBe(true);
  });
});

describe('DataLoader with splits, samplers and custom datasets', () => {
  it('loads the rows of a randomSplit part, aligned', () => {
    const [train, validation] = data.randomSplit(numbered(40), [0.75, 0.25], { generator: new Generator(1) });
    const loader = new data.DataLoader(train, { batchSize: 8, shuffle: true, generator: new Generator(2) });
    expect(loader.length).toBe(4);
    expect(sorted(epochIds(loader).flat())).toEqual(sorted(Array.from(train.indices)));
    const inOrder = new data.DataLoader(validation, { batchSize: 4 });
    expect(epochIds(inOrder).flat()).toEqual(Array.from(validation.indices));
  });

  it('a nested Subset maps indices through both levels', () => {
    const inner = new data.Subset(numbered(10), [9, 8, 7, 6, 5]);
    const outer = new data.Subset(inner, [4, 0]);
    expect(epochIds(new data.DataLoader(outer, { batchSize: 2 }))).toEqual([[5, 9]]);
  });

  it('takes a sampler; its length sets the number of batches', () => {
    const weights = range(20).map((i) => (i < 10 ? 1 : 0));
    const sampler = new data.WeightedRandomSampler(weights, 30, { generator: new Generator(3) });
    const loader = new data.DataLoader(numbered(20), { batchSize: 4, sampler });
    expect(loader.length).toBe(8);
    const ids = epochIds(loader).flat();
    expect(ids).toHaveLength(30);
    expect(Math.max(...ids)).toBeLessThan(10);
  });

  it('takes a plain array as sampler, and a batchSampler', () => {
    const bySampler = new data.DataLoader(numbered(10), { batchSize: 2, sampler: [9, 3, 3, 0, 5] });
    expect(epochIds(bySampler)).toEqual([[9, 3], [3, 0], [5]]);
    const byBatches = new data.DataLoader(numbered(10), { batchSampler: [[1, 2, 3], [7], [0, 0]] });
    expect(byBatches.batchSize).toBeNull();
    expect(byBatches.length).toBe(3);
    expect(epochIds(byBatches)).toEqual([[1, 2, 3], [7], [0, 0]]);
  });

  it('the row-copying fast path gives the same batches as getItem + defaultCollate, long rows included', () => {
    // Rows of 3 and of 100 floats: both copy strategies of the fast path.
    const n = 25;
    const x = tensor(Array.from({ length: n }, (_, i) => Array.from({ length: 100 }, (_, j) => i * 1000 + j)));
    const z = tensor(Array.from({ length: n }, (_, i) => [[i, -i, 0.5 * i]]));
    const fast = new data.TensorDataset(x, z);
    const slow = new data.ConcatDataset([fast]); // not a TensorDataset: goes sample by sample
    const options = (seed: number) => ({ batchSize: 6, shuffle: true, generator: new Generator(seed) });
    const fastBatches = [...new data.DataLoader(fast, options(9))];
    const slowBatches = [...new data.DataLoader(slow, options(9))];
    expect(fastBatches.map((b) => b.map((t) => t.shape))).toEqual(slowBatches.map((b) => b.map((t) => t.shape)));
    expect(fastBatches[0][1].shape).toEqual([6, 1, 3]);
    fastBatches.forEach((batch, k) => {
      expect(Array.from(batch[0].data)).toEqual(Array.from(slowBatches[k][0].data));
      expect(Array.from(batch[1].data)).toEqual(Array.from(slowBatches[k][1].data));
    });
    const firstIds = Array.from({ length: 6 }, (_, r) => fastBatches[0][0].data[r * 100] / 1000);
    expect(fastBatches[0][1]).toBeAllclose(firstIds.map((i) => [[i, -i, 0.5 * i]]));
  });

  it('a custom dataset goes through getItem and defaultCollate', () => {
    class Squares extends data.Dataset<{ x: Tensor; label: number }> {
      readonly length = 5;
      getItem(i: number) {
        return { x: tensor([i, i * i]), label: i % 2 };
      }
    }
    const [batch] = new data.DataLoader(new Squares(), { batchSize: 5 });
    expect(batch.x).toBeAllclose([[0, 0], [1, 1], [2, 4], [3, 9], [4, 16]]);
    expect(batch.label).toBeAllclose([0, 1, 0, 1, 0]);
  });

  it('a TensorDataset subclass that overrides getItem (augmentation) is honoured', () => {
    class Doubled extends data.TensorDataset {
      getItem(i: number): Tensor[] {
        return super.getItem(i).map((t) => t.mul(2));
      }
    }
    const ds = new Doubled(tensor([1, 2, 3]));
    const batches = [...new data.DataLoader(ds, { batchSize: 3 })];
    expect(batches[0][0]).toBeAllclose([2, 4, 6]);
  });

  it('a collateFn makes the batch', () => {
    const loader = new data.DataLoader(numbered(6), {
      batchSize: 4,
      collateFn: (samples) => samples.map(([, y]) => y.item()),
    });
    expect([...loader]).toEqual([[0, 1, 2, 3], [4, 5]]);
  });
});

describe('DataLoader errors', () => {
  const ds = numbered(10);

  it('says which argument is wrong', () => {
    expect(() => new data.DataLoader(ds, { batchSize: 0 })).toThrow('batchSize must be a positive integer; got 0');
    expect(() => new data.DataLoader(ds, { batchSize: 2.5 })).toThrow('batchSize must be a positive integer; got 2.5');
    expect(() => new data.DataLoader(ds, { shuffle: true, sampler: [0, 1] })).toThrow(
      'sampler option is mutually exclusive with shuffle',
    );
    expect(() => new data.DataLoader(ds, { batchSize: 4, batchSampler: [[0, 1]] })).toThrow(
      'batchSampler option is mutually exclusive with batchSize, shuffle, sampler, and dropLast',
    );
  });

  it('an index outside the dataset is an error, not a silent wrong row', () => {
    expect(() => [...new data.DataLoader(ds, { sampler: [3, 10] })]).toThrow(
      'Index 10 is out of range for a dataset of 10 samples',
    );
    expect(() => [...new data.DataLoader(ds, { batchSampler: [[1.5]] })]).toThrow('Index 1.5 is out of range');
    const sampler = new data.SubsetRandomSampler([0, 12]);
    expect(() => [...new data.DataLoader(ds, { sampler })]).toThrow('Index 12 is out of range');
  });
});
