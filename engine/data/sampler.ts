/**
 * Samplers decide which samples make an epoch, and in what order (torch.utils.data.sampler).
 * Any iterable of indices with a `length` is a sampler, a plain array included.
 */
import { defaultGenerator, type Generator } from '../random';
import { checkPositiveInteger } from './validate';

/** An iterable of dataset indices (or of index batches) with the number it yields per pass. */
export interface Sampler<Index = number> extends Iterable<Index> {
  readonly length: number;
}

/**
 * A sampler that draws a whole epoch of indices at once. The DataLoader batches straight from that
 * array, with no iterator call per index; each `sampleEpoch()` is a fresh draw.
 */
export abstract class EpochSampler implements Sampler {
  abstract readonly length: number;
  abstract sampleEpoch(): Int32Array;

  [Symbol.iterator](): Iterator<number> {
    return this.sampleEpoch()[Symbol.iterator]();
  }
}

/** Anything with a length: a dataset, an array. */
export interface Sized {
  readonly length: number;
}

/** 0, 1, …, n-1 in order, every epoch. */
export class SequentialSampler extends EpochSampler {
  readonly dataSource: Sized;

  constructor(dataSource: Sized) {
    super();
    this.dataSource = dataSource;
  }

  get length(): number {
    return this.dataSource.length;
  }

  sampleEpoch(): Int32Array {
    const out = new Int32Array(this.dataSource.length);
    for (let i = 0; i < out.length; i++) out[i] = i;
    return out;
  }
}

export interface RandomSamplerOptions {
  /** Draw with replacement (samples may repeat); default false: a shuffled pass. */
  replacement?: boolean;
  /** How many indices per epoch; default the dataset's length. */
  numSamples?: number;
  generator?: Generator;
}

/** A new random order every epoch; with `replacement`, independent uniform draws. */
export class RandomSampler extends EpochSampler {
  readonly dataSource: Sized;
  readonly replacement: boolean;
  readonly generator: Generator | null;
  private readonly requestedSamples: number | null;

  constructor(dataSource: Sized, options: RandomSamplerOptions = {}) {
    super();
    this.dataSource = dataSource;
    this.replacement = options.replacement ?? false;
    this.requestedSamples = options.numSamples ?? null;
    this.generator = options.generator ?? null;
    if (this.requestedSamples === null && dataSource.length === 0) {
      throw new Error('RandomSampler cannot shuffle an empty dataset; it has 0 samples');
    }
    checkPositiveInteger('numSamples', this.numSamples);
  }

  /** Read each time: the dataset's size may change between epochs (as in torch). */
  get numSamples(): number {
    return this.requestedSamples ?? this.dataSource.length;
  }

  get length(): number {
    return this.numSamples;
  }

  sampleEpoch(): Int32Array {
    const n = this.dataSource.length;
    if (n === 0) throw new Error('RandomSampler cannot draw from an empty dataset');
    const generator = this.generator ?? defaultGenerator;
    const out = new Int32Array(this.numSamples);
    if (this.replacement) {
      for (let i = 0; i < out.length; i++) out[i] = generator.randint(n);
      return out;
    }
    // More samples than the dataset holds: whole permutations one after another, then part of one.
    for (let start = 0; start < out.length; start += n) {
      const permutation = generator.randperm(n);
      out.set(start + n <= out.length ? permutation : permutation.subarray(0, out.length - start), start);
    }
    return out;
  }
}

/** The given indices in a new random order every epoch. */
export class SubsetRandomSampler extends EpochSampler {
  readonly indices: Int32Array;
  readonly generator: Generator | null;

  constructor(indices: ArrayLike<number>, options: { generator?: Generator } = {}) {
    super();
    for (let i = 0; i < indices.length; i++) {
      if (!Number.isInteger(indices[i]) || indices[i] < 0) {
        throw new Error(`SubsetRandomSampler: indices must be integers ≥ 0; got ${indices[i]} at position ${i}`);
      }
    }
    this.indices = Int32Array.from(indices);
    this.generator = options.generator ?? null;
  }

  get length(): number {
    return this.indices.length;
  }

  sampleEpoch(): Int32Array {
    const permutation = (this.generator ?? defaultGenerator).randperm(this.indices.length);
    for (let i = 0; i < permutation.length; i++) permutation[i] = this.indices[permutation[i]];
    return permutation;
  }
}

/** Groups another sampler's indices into lists of `batchSize` (the last one shorter unless `dropLast`). */
export class BatchSampler implements Sampler<number[]> {
  readonly sampler: Sampler;
  readonly batchSize: number;
  readonly dropLast: boolean;

  constructor(sampler: Sampler, batchSize: number, dropLast: boolean) {
    checkPositiveInteger('batchSize', batchSize);
    this.sampler = sampler;
    this.batchSize = batchSize;
    this.dropLast = dropLast;
  }

  /** Batches per epoch: ⌊n / batchSize⌋ with `dropLast`, else ⌈n / batchSize⌉. */
  get length(): number {
    const n = this.sampler.length;
    return this.dropLast ? Math.floor(n / this.batchSize) : Math.ceil(n / this.batchSize);
  }

  *[Symbol.iterator](): Iterator<number[]> {
    let batch: number[] = [];
    for (const index of this.sampler) {
      batch.push(index);
      if (batch.length === this.batchSize) {
        yield batch;
        batch = [];
      }
    }
    if (batch.length > 0 && !this.dropLast) yield batch;
  }
}
