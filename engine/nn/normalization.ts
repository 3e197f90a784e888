/** `nn.LayerNorm` and `nn.BatchNorm1d`. */
import { Tensor, heapZeros, ones, zeros } from '../tensor';
import { Module, Parameter } from './module';
import { batchNorm, layerNorm } from './functional/normalization';
import { pyBool, pyFloat, pyTuple } from './repr';

export interface LayerNormOptions {
  eps?: number;
  /** learn a per-element scale (weight, starts at 1) and shift (bias, starts at 0); default true */
  elementwiseAffine?: boolean;
}

/** Normalises each sample over its last dims (`normalizedShape`) to mean 0, variance 1, then scales and shifts. */
export class LayerNorm extends Module {
  readonly normalizedShape: number[];
  eps: number;
  readonly elementwiseAffine: boolean;
  weight: Parameter | null;
  bias: Parameter | null;

  constructor(normalizedShape: number | readonly number[], options: LayerNormOptions = {}) {
    super();
    this.normalizedShape = typeof normalizedShape === 'number' ? [normalizedShape] : normalizedShape.slice();
    this.eps = options.eps ?? 1e-5;
    this.elementwiseAffine = options.elementwiseAffine ?? true;
    this.weight = this.elementwiseAffine ? Parameter(ones(this.normalizedShape)) : null;
    this.bias = this.elementwiseAffine ? Parameter(heapZeros(this.normalizedShape)) : null;
  }

  protected override _getName(): string {
    return 'LayerNorm';
  }

  forward(input: Tensor): Tensor {
    return layerNorm(input, this.normalizedShape, { weight: this.weight, bias: this.bias, eps: this.eps });
  }

  override extraRepr(): string {
    return `${pyTuple(this.normalizedShape)}, eps=${pyFloat(this.eps)}, elementwise_affine=${pyBool(this.elementwiseAffine)}`;
  }
}

export interface BatchNormOptions {
  eps?: number;
  /** running = (1 - momentum)·running + momentum·batch; null: a plain average over all batches so far */
  momentum?: number | null;
  /** learn a per-channel scale and shift (default true) */
  affine?: boolean;
  /** keep running statistics for eval mode (default true); without them eval uses batch statistics */
  trackRunningStats?: boolean;
}

/**
 * Normalises each channel of [N, C] or [N, C, L] input over the batch. In train mode it uses the
 * batch's mean and (biased) variance and updates the running statistics (with the unbiased
 * variance); in eval mode it uses the running statistics. Buffers keep PyTorch's names:
 * `running_mean`, `running_var`, `num_batches_tracked`.
 */
export class BatchNorm1d extends Module {
  readonly numFeatures: number;
  eps: number;
  momentum: number | null;
  readonly affine: boolean;
  readonly trackRunningStats: boolean;
  weight: Parameter | null;
  bias: Parameter | null;

  constructor(numFeatures: number, options: BatchNormOptions = {}) {
    super();
    if (!Number.isInteger(numFeatures) || numFeatures < 1) {
      throw new Error(`BatchNorm1d: numFeatures must be a whole number ≥ 1; got ${numFeatures}`);
    }
    this.numFeatures = numFeatures;
    this.eps = options.eps ?? 1e-5;
    this.momentum = options.momentum === undefined ? 0.1 : options.momentum;
    this.affine = options.affine ?? true;
    this.trackRunningStats = options.trackRunningStats ?? true;
    this.weight = this.affine ? Parameter(ones([numFeatures])) : null;
    this.bias = this.affine ? Parameter(heapZeros([numFeatures])) : null;
    const track = this.trackRunningStats;
    this.registerBuffer('running_mean', track ? zeros([numFeatures]) : null);
    this.registerBuffer('running_var', track ? ones([numFeatures]) : null);
    this.registerBuffer('num_batches_tracked', track ? zeros([]) : null);
  }

  protected override _getName(): string {
    return 'BatchNorm1d';
  }

  /** The `running_mean` buffer (null without trackRunningStats). */
  get runningMean(): Tensor | null {
    return this.getBuffer('running_mean');
  }

  /** The `running_var` buffer (null without trackRunningStats). */
  get runningVar(): Tensor | null {
    return this.getBuffer('running_var');
  }

  /** The `num_batches_tracked` buffer: how many train-mode batches updated the running statistics. */
  get numBatchesTracked(): Tensor | null {
    return this.getBuffer('num_batches_tracked');
  }

  /** Running mean back to 0, running variance to 1, batch count to 0. */
  resetRunningStats(): void {
    this.runningMean?.data.fill(0);
    this.runningVar?.data.fill(1);
    this.numBatchesTracked?.data.fill(0);
  }

  /** Running statistics reset, weight back to 1 and bias to 0. */
  resetParameters(): void {
    this.resetRunningStats();
    this.weight?.data.fill(1);
    this.bias?.data.fill(0);
  }

  forward(input: Tensor): Tensor {
    if (input.shape.length !== 2 && input.shape.length !== 3) {
      throw new Error(`expected 2D or 3D input (got ${input.shape.length}D input)`);
    }
    if (input.shape[1] !== this.numFeatures) {
      throw new Error(
        `BatchNorm1d(${this.numFeatures}) expects ${this.numFeatures} features in dimension 1 of its input; ` +
          `got input of shape [${input.shape.join(', ')}]`,
      );
    }
    const runningMean = this.runningMean;
    const runningVar = this.runningVar;
    const counter = this.numBatchesTracked;
    const counting = this.training && this.trackRunningStats && counter !== null;
    const batchesSeen = counting ? counter.data[0] + 1 : 0;
    // momentum null: the running statistics are the plain average of all batches so far
    const factor = this.momentum ?? (counting ? 1 / batchesSeen : 0);
    // Batch statistics in train mode, and in eval mode too when there are no running ones.
    const useBatchStats = this.training || (runningMean === null && runningVar === null);
    const useRunning = !this.training || this.trackRunningStats;
    const out = batchNorm(input, useRunning ? runningMean : null, useRunning ? runningVar : null, {
      weight: this.weight,
      bias: this.bias,
      training: useBatchStats,
      momentum: factor,
      eps: this.eps,
    });
    if (counting) counter.data[0] = batchesSeen; // only once the batch was accepted
    return out;
  }

  override extraRepr(): string {
    const momentum = this.momentum === null ? 'None' : pyFloat(this.momentum);
    return (
      `${this.numFeatures}, eps=${pyFloat(this.eps)}, momentum=${momentum}, affine=${pyBool(this.affine)}, ` +
      `track_running_stats=${pyBool(this.trackRunningStats)}`
    );
  }
}
