/** Samplers: which indices make an epoch, in what order, how often. */
import { describe, expect, it } from 'vitest';
import { Generator, data, manualSeed, tensor } from '../index';

const sorted = (xs: Iterable<number>) => [...xs].sort((a, b) => a - b);
const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('SequentialSampler and RandomSampler', () => {
  it('SequentialSampler yields 0..n-1 every time', () => {
    const sampler = new data.SequentialSampler(range(5));
    expect([...sampler]).toEqual([0, 1, 2, 3, 4]);
    expect([...sampler]).toEqual([0, 1, 2, 3, 4]);
    expect(sampler.length).toBe(5);
  });

  it('RandomSampler gives a new permutation each epoch, repeatable from its seed', () => {
    const sampler = new data.RandomSampler(range(20), { generator: new Generator(3) });
    const first = [...sampler];
    const second = [...sampler];
    expect(sorted(first)).toEqual(range(20));
    expect(sorted(second)).toEqual(range(20));
    expect(second).not.toEqual(first);
    const again = new data.RandomSampler(range(20), { generator: new Generator(3) });
    expect([...again]).toEqual(first);
  });

  it('RandomSampler without a generator draws from the default one, so manualSeed repeats it', () => {
    const sampler = new data.RandomSampler(range(30));
    manualSeed(11);
    const a = [...sampler];
    manualSeed(11);
    expect([...sampler]).toEqual(a);
  });

  it('numSamples larger than the dataset: whole permutations, then part of one', () => {
    const sampler = new data.RandomSampler(range(4), { numSamples: 10, generator: new Generator(0) });
    const drawn = [...sampler];
    expect(sampler.length).toBe(10);
    expect(drawn).toHaveLength(10);
    expect(sorted(drawn.slice(0, 4))).toEqual([0, 1, 2, 3]);
    expect(sorted(drawn.slice(4, 8))).toEqual([0, 1, 2, 3]);
    expect(new Set(drawn.slice(8)).size).toBe(2);
  });

  it('with replacement, draws repeat and every index turns up about equally often', () => {
    const options = { replacement: true, numSamples: 8000, generator: new Generator(5) };
    const sampler = new data.RandomSampler(range(4), options);
    const counts = [0, 0, 0, 0];
    for (const i of sampler) counts[i]++;
    for (const c of counts) expect(Math.abs(c - 2000)).toBeLessThan(150); // σ ≈ 39
  });

  it('rejects a bad numSamples and an empty dataset', () => {
    expect(() => new data.RandomSampler(range(4), { numSamples: 0 })).toThrow(
      'numSamples must be a positive integer; got 0',
    );
    expect(() => new data.RandomSampler([])).toThrow('cannot shuffle an empty dataset');
  });
});

describe('SubsetRandomSampler and BatchSampler', () => {
  it('SubsetRandomSampler shuffles exactly the given indices', () => {
    const sampler = new data.SubsetRandomSampler([3, 9, 12, 40], { generator: new Generator(2) });
    const epochs = Array.from({ length: 6 }, () => [...sampler]);
    for (const e of epochs) expect(sorted(e)).toEqual([3, 9, 12, 40]);
    expect(new Set(epochs.map((e) => e.join())).size).toBeGreaterThan(1);
    expect(() => new data.SubsetRandomSampler([1, -2])).toThrow('got -2 at position 1');
  });

  it('BatchSampler groups indices like torch', () => {
    // torch: list(BatchSampler(SequentialSampler(range(10)), batch_size=3, drop_last=...))
    const keep = new data.BatchSampler(new data.SequentialSampler(range(10)), 3, false);
    expect([...keep]).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]);
    expect(keep.length).toBe(4);
    const drop = new data.BatchSampler(new data.SequentialSampler(range(10)), 3, true);
    expect([...drop]).toEqual([[0, 1, 2], [3, 4, 5], [6, 7, 8]]);
    expect(drop.length).toBe(3);
    expect(() => new data.BatchSampler(range(10), 0, false)).toThrow('batchSize must be a positive integer; got 0');
  });
});

describe('WeightedRandomSampler', () => {
  const weights = [1, 2, 0, 5, 2];
  const total = 10;

  it('with replacement, frequencies follow the weights and a zero weight never appears', () => {
    const draws = 20000;
    const sampler = new data.WeightedRandomSampler(weights, draws, { generator: new Generator(42) });
    const counts = new Array(weights.length).fill(0);
    for (const i of sampler) counts[i]++;
    expect(counts[2]).toBe(0);
    // Pearson's χ² over the 4 possible classes (3 degrees of freedom): 16.3 is the 0.1% point.
    let chiSquare = 0;
    weights.forEach((w, i) => {
      if (w === 0) return;
      const expected = (draws * w) / total;
      chiSquare += (counts[i] - expected) ** 2 / expected;
    });
    expect(chiSquare).toBeLessThan(16.3);
    // And the sampler is not trivially uniform: class 3 is drawn far more than class 0.
    expect(counts[3]).toBeGreaterThan(4 * counts[0]);
  });

  it('takes weights as a 1-D tensor', () => {
    const sampler = new data.WeightedRandomSampler(tensor([0, 0, 1]), 5, { generator: new Generator(1) });
    expect([...sampler]).toEqual([2, 2, 2, 2, 2]);
  });

  it('without replacement, no index repeats, zero weights never appear, heavy ones come first', () => {
    const sampler = new data.WeightedRandomSampler(weights, 4, { replacement: false, generator: new Generator(7) });
    const firstPicks = new Array(weights.length).fill(0);
    const epochs = 5000;
    for (let e = 0; e < epochs; e++) {
      const drawn = [...sampler];
      expect(sorted(drawn)).toEqual([0, 1, 3, 4]);
      firstPicks[drawn[0]]++;
    }
    // The first pick of each epoch is one draw ∝ weight: 0.1, 0.2, 0, 0.5, 0.2 (σ ≤ 36 per count).
    expect(firstPicks.map((c) => c / epochs)).toBeAllclose([0.1, 0.2, 0, 0.5, 0.2], { atol: 0.025 });
  });

  it('says what is wrong with bad weights or sample counts', () => {
    expect(() => new data.WeightedRandomSampler([1, -1, 2], 2)).toThrow(
      'weights must be non-negative; got -1 at index 1',
    );
    expect(() => new data.WeightedRandomSampler([1, NaN], 2)).toThrow(
      'weights must be finite numbers; got NaN at index 1',
    );
    expect(() => new data.WeightedRandomSampler([0, 0], 2)).toThrow('at least one positive weight');
    expect(() => new data.WeightedRandomSampler([1, 2], 0)).toThrow('numSamples must be a positive integer; got 0');
    expect(() => new data.WeightedRandomSampler([1, 0, 2], 3, { replacement: false })).toThrow(
      'Cannot draw 3 samples without replacement: only 2 weights are positive',
    );
    expect(() => new data.WeightedRandomSampler(tensor([[1, 2]]), 1)).toThrow('got shape [1, 2]');
  });
});
