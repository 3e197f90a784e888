/** randomSplit: a dataset cut into random, non-overlapping parts (torch.utils.data.random_split). */
import { defaultGenerator, type Generator } from '../random';
import { Subset, type Dataset } from './dataset';
import { formatList } from './validate';

/** torch checks `math.isclose(sum, 1)`: relative tolerance 1e-9. */
function isCloseToOne(x: number): boolean {
  return Math.abs(x - 1) <= 1e-9 * Math.max(1, Math.abs(x));
}

/**
 * Sizes from fractions, as torch ≥ 1.13: floor(n · fraction) each, then the samples left over go
 * one at a time to the parts in order (round-robin). 11 samples at [0.7, 0.2, 0.1] → [8, 2, 1].
 */
function sizesFromFractions(n: number, fractions: readonly number[]): number[] {
  const sizes = fractions.map((fraction, i) => {
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new Error(`Fraction at index ${i} is not between 0 and 1; got ${fraction}`);
    }
    return Math.floor(n * fraction);
  });
  const remainder = n - sizes.reduce((a, b) => a + b, 0);
  for (let i = 0; i < remainder; i++) sizes[i % sizes.length] += 1;
  return sizes;
}

/**
 * Splits `dataset` into `lengths.length` Subsets of a random permutation. `lengths` are either
 * sample counts summing to the dataset's length, or fractions summing to 1.
 */
export function randomSplit<T>(
  dataset: Dataset<T>,
  lengths: readonly number[],
  options: { generator?: Generator } = {},
): Subset<T>[] {
  if (lengths.length === 0) throw new Error('randomSplit needs at least one length; got []');
  const n = dataset.length;
  const total = lengths.reduce((a, b) => a + b, 0);
  let sizes: readonly number[] = lengths;
  if (isCloseToOne(total) && total <= 1) {
    sizes = sizesFromFractions(n, lengths);
  } else {
    if (lengths.some((length) => !Number.isInteger(length) || length < 0)) {
      throw new Error(
        `randomSplit lengths must be whole counts ≥ 0 summing to the dataset's length (${n}), or fractions ` +
          `summing to 1; got ${formatList(lengths)}, which sum to ${total}`,
      );
    }
    if (total !== n) {
      throw new Error(
        `Sum of input lengths (${total}) does not equal the length of the input dataset (${n}); ` +
          `lengths were ${formatList(lengths)}`,
      );
    }
  }
  const permutation = (options.generator ?? defaultGenerator).randperm(n);
  let offset = 0;
  return sizes.map((size) => {
    const part = new Subset(dataset, permutation.subarray(offset, offset + size));
    offset += size;
    return part;
  });
}
