/** `nn.Linear`, and the two shape-only layers `nn.Identity` and `nn.Flatten`. */
import { Tensor, heapZeros } from '../tensor';
import { flatten, linear } from '../ops';
import type { Generator } from '../random';
import { Module, Parameter } from './module';
import { calculateFanInAndFanOut, kaimingUniform_, uniform_ } from './init';
import { pyBool } from './repr';

function checkSize(what: string, value: number): void {
  if (!Number.isInteger(value) || value < 0) throw new Error(`Linear: ${what} must be a whole number ≥ 0; got ${value}`);
}

export interface LinearOptions {
  /** learn an additive bias (default true) */
  bias?: boolean;
  /** where the initial weights are drawn from (default: the global generator) */
  generator?: Generator;
}

/**
 * y = x·Wᵀ + b, with W [outFeatures, inFeatures] and b [outFeatures]. One graph node per call.
 * Initialised as PyTorch does: W and b ~ U(-1/√inFeatures, 1/√inFeatures).
 */
export class Linear extends Module {
  readonly inFeatures: number;
  readonly outFeatures: number;
  weight: Parameter;
  bias: Parameter | null;

  constructor(inFeatures: number, outFeatures: number, options: LinearOptions = {}) {
    super();
    checkSize('inFeatures', inFeatures);
    checkSize('outFeatures', outFeatures);
    this.inFeatures = inFeatures;
    this.outFeatures = outFeatures;
    this.weight = Parameter(heapZeros([outFeatures, inFeatures]));
    this.bias = options.bias === false ? null : Parameter(heapZeros([outFeatures]));
    this.resetParameters(options.generator);
  }

  protected override _getName(): string {
    return 'Linear';
  }

  /**
   * PyTorch's `reset_parameters`: kaiming_uniform_(W, a=√5), which gives the bound
   * √3·√(2/(1+5))/√fanIn = 1/√fanIn, then the bias from U(-1/√fanIn, 1/√fanIn).
   */
  resetParameters(generator?: Generator): void {
    kaimingUniform_(this.weight, { a: Math.sqrt(5), generator });
    if (this.bias !== null) {
      const [fanIn] = calculateFanInAndFanOut(this.weight);
      const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      uniform_(this.bias, -bound, bound, { generator });
    }
  }

  forward(input: Tensor): Tensor {
    return linear(input, this.weight, this.bias);
  }

  override extraRepr(): string {
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${pyBool(this.bias !== null)}`;
  }
}

/** Returns its input unchanged (a placeholder layer). */
export class Identity extends Module {
  protected override _getName(): string {
    return 'Identity';
  }

  forward(input: Tensor): Tensor {
    return input;
  }
}

/** Flattens dims startDim..endDim into one: [N, 1, 28, 28] → [N, 784] by default. */
export class Flatten extends Module {
  readonly startDim: number;
  readonly endDim: number;

  constructor(startDim = 1, endDim = -1) {
    super();
    this.startDim = startDim;
    this.endDim = endDim;
  }

  protected override _getName(): string {
    return 'Flatten';
  }

  forward(input: Tensor): Tensor {
    return flatten(input, this.startDim, this.endDim);
  }

  override extraRepr(): string {
    return `start_dim=${this.startDim}, end_dim=${this.endDim}`;
  }
}
