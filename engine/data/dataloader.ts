/**
 * DataLoader: walks a dataset in mini-batches, an epoch per pass (torch.utils.data.DataLoader).
 *
 *   const loader = new DataLoader(dataset, { batchSize: 32, shuffle: true, generator });
 *   for (const [xb, yb] of loader) { ... }   // one epoch; the next pass is reshuffled
 */
import type { Generator } from '../random';
import { defaultCollate, gatherRows, type Collated } from './collate';
import { Dataset, Subset, TensorDataset } from './dataset';
import { BatchSampler, EpochSampler, RandomSampler, SequentialSampler, type Sampler } from './sampler';
import { checkIndex, checkPositiveInteger } from './validate';

export interface DataLoaderOptions<T, B> {
  /** Samples per batch; default 1. */
  batchSize?: number;
  /** A new random order every epoch; default false. Not together with `sampler`. */
  shuffle?: boolean;
  /** Which indices make an epoch, and their order. */
  sampler?: Sampler;
  /** Yields whole batches of indices; then batchSize, shuffle, sampler and dropLast must be left unset. */
  batchSampler?: Sampler<ArrayLike<number>>;
  /** Drop the last batch when it is smaller than batchSize; default false. */
  dropLast?: boolean;
  /** Draws the shuffle order; default the engine's default generator. */
  generator?: Generator;
  /** Turns a list of samples into a batch; default `defaultCollate` (stack along a new first dimension). */
  collateFn?: (samples: T[]) => B;
}

export class DataLoader<T, B = Collated<T>> implements Iterable<B> {
  readonly dataset: Dataset<T>;
  /** null when a custom batchSampler decides the batches. */
  readonly batchSize: number | null;
  readonly dropLast: boolean;
  readonly sampler: Sampler;
  readonly batchSampler: Sampler<ArrayLike<number>>;
  readonly generator: Generator | null;
  readonly collateFn: (samples: T[]) => B;
  private readonly customBatchSampler: boolean;
  private readonly defaultCollation: boolean;

  constructor(dataset: Dataset<T>, options: DataLoaderOptions<T, B> = {}) {
    const { shuffle = false, dropLast = false, sampler, batchSampler } = options;
    if (sampler !== undefined && shuffle) throw new Error('sampler option is mutually exclusive with shuffle');
    if (batchSampler !== undefined) {
      const batchSizeGiven = options.batchSize !== undefined && options.batchSize !== 1;
      if (batchSizeGiven || shuffle || sampler !== undefined || dropLast) {
        throw new Error('batchSampler option is mutually exclusive with batchSize, shuffle, sampler, and dropLast');
      }
    }
    const batchSize = options.batchSize ?? 1;
    checkPositiveInteger('batchSize', batchSize);

    this.dataset = dataset;
    this.generator = options.generator ?? null;
    this.sampler = sampler ?? this.defaultSampler(shuffle);
    this.customBatchSampler = batchSampler !== undefined;
    this.batchSampler = batchSampler ?? new BatchSampler(this.sampler, batchSize, dropLast);
    this.batchSize = batchSampler ? null : batchSize;
    this.dropLast = batchSampler ? false : dropLast;
    this.defaultCollation = options.collateFn === undefined;
    this.collateFn = options.collateFn ?? (defaultCollate as unknown as (samples: T[]) => B);
  }

  private defaultSampler(shuffle: boolean): Sampler {
    if (!shuffle) return new SequentialSampler(this.dataset);
    return new RandomSampler(this.dataset, { generator: this.generator ?? undefined });
  }

  /** Batches per epoch: `len(loader)`. */
  get length(): number {
    return this.batchSampler.length;
  }

  /** One epoch's iterator: `iter(loader)`. */
  iter(): Iterator<B> {
    return this[Symbol.iterator]();
  }

  *[Symbol.iterator](): Iterator<B> {
    // One index buffer per epoch, refilled for every batch: no allocation per step but the batch.
    const rows = { indices: new Int32Array(this.batchSize ?? 1) };
    const fetch = this.batchFetcher();
    for (const count of this.indexBatches(rows)) yield fetch(rows.indices, count);
  }

  /** Fills `rows.indices` with each batch's dataset indices in turn and yields how many there are. */
  private *indexBatches(rows: { indices: Int32Array }): Iterable<number> {
    const size = this.dataset.length;
    if (this.customBatchSampler) {
      for (const batch of this.batchSampler) {
        if (batch.length > rows.indices.length) rows.indices = new Int32Array(batch.length);
        for (let k = 0; k < batch.length; k++) {
          checkIndex(batch[k], size);
          rows.indices[k] = batch[k];
        }
        yield batch.length;
      }
      return;
    }
    const batchSize = rows.indices.length;
    if (this.sampler instanceof EpochSampler) {
      const epoch = this.sampler.sampleEpoch();
      for (let start = 0; start < epoch.length; start += batchSize) {
        const count = Math.min(batchSize, epoch.length - start);
        if (count < batchSize && this.dropLast) return;
        for (let k = 0; k < count; k++) rows.indices[k] = epoch[start + k];
        yield count;
      }
      return;
    }
    let count = 0;
    for (const index of this.sampler) {
      checkIndex(index, size);
      rows.indices[count++] = index;
      if (count === batchSize) {
        yield count;
        count = 0;
      }
    }
    if (count > 0 && !this.dropLast) yield count;
  }

  /**
   * How a batch is made from its indices. A TensorDataset (possibly inside Subsets, as randomSplit
   * makes) whose getItem is not overridden takes the fast path: indices are mapped through the
   * Subsets in place and the rows copied straight into the batch. Anything else: getItem per
   * sample, then collateFn.
   */
  private batchFetcher(): (indices: Int32Array, count: number) => B {
    const subsetMaps: Int32Array[] = [];
    let root: Dataset<unknown> = this.dataset;
    while (root instanceof Subset && root.getItem === Subset.prototype.getItem) {
      subsetMaps.push(root.indices);
      root = root.dataset;
    }
    if (this.defaultCollation && root instanceof TensorDataset && root.getItem === TensorDataset.prototype.getItem) {
      const tensors = root;
      return (indices, count) => {
        for (const map of subsetMaps) {
          for (let k = 0; k < count; k++) {
            checkIndex(indices[k], map.length);
            indices[k] = map[indices[k]];
          }
        }
        // B is Collated<Tensor[]> = Tensor[] here: default collation of a TensorDataset.
        return gatherRows(tensors, indices, count) as unknown as B;
      };
    }
    const dataset = this.dataset;
    return (indices, count) => {
      const samples: T[] = new Array(count);
      for (let k = 0; k < count; k++) {
        checkIndex(indices[k], dataset.length);
        samples[k] = dataset.getItem(indices[k]);
      }
      return this.collateFn(samples);
    };
  }
}
