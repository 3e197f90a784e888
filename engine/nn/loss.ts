/**
 * Loss modules: each holds its options and calls the function of the same name in
 * `nn.functional`; `forward(input, target)` returns the loss. Class weights are registered as
 * buffers named `weight` and `pos_weight`, as in PyTorch, so they are part of `stateDict()`.
 */
import type { Tensor } from '../tensor';
import { Module } from './module';
import * as F from './functional';
import { checkReduction, type Reduction } from './functional/reduction';

/** The shared part of every loss: the reduction, checked once here and again at each call. */
abstract class Loss extends Module {
  reduction: Reduction;

  constructor(reduction: Reduction = 'mean') {
    super();
    this.reduction = checkReduction(reduction);
  }

  abstract override forward(input: Tensor, target: Tensor): Tensor;
}

export interface LossOptions {
  reduction?: Reduction;
}

/** Mean squared error: mean of (input - target)². */
export class MSELoss extends Loss {
  constructor(options: LossOptions = {}) {
    super(options.reduction);
  }
  protected override _getName(): string {
    return 'MSELoss';
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return F.mseLoss(input, target, { reduction: this.reduction });
  }
}

/** Mean absolute error: mean of |input - target|. */
export class L1Loss extends Loss {
  constructor(options: LossOptions = {}) {
    super(options.reduction);
  }
  protected override _getName(): string {
    return 'L1Loss';
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return F.l1Loss(input, target, { reduction: this.reduction });
  }
}

/** Squared error near the target, absolute error (times delta) beyond `delta`: robust to outliers. */
export class HuberLoss extends Loss {
  delta: number;
  constructor(options: LossOptions & { delta?: number } = {}) {
    super(options.reduction);
    this.delta = options.delta ?? 1.0;
  }
  protected override _getName(): string {
    return 'HuberLoss';
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return F.huberLoss(input, target, { reduction: this.reduction, delta: this.delta });
  }
}

/** Huber loss divided by `beta`: ½d²/beta below beta, |d| - ½beta above. */
export class SmoothL1Loss extends Loss {
  beta: number;
  constructor(options: LossOptions & { beta?: number } = {}) {
    super(options.reduction);
    this.beta = options.beta ?? 1.0;
  }
  protected override _getName(): string {
    return 'SmoothL1Loss';
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return F.smoothL1Loss(input, target, { reduction: this.reduction, beta: this.beta });
  }
}

export interface NLLLossOptions extends LossOptions {
  /** one weight per class */
  weight?: Tensor | null;
  ignoreIndex?: number;
}

/** Negative log-likelihood on log-probabilities (after LogSoftmax): -weight[t]·input[t]. */
export class NLLLoss extends Loss {
  ignoreIndex: number;
  constructor(options: NLLLossOptions = {}) {
    super(options.reduction);
    this.ignoreIndex = options.ignoreIndex ?? -100;
    this.registerBuffer('weight', options.weight ?? null);
  }
  protected override _getName(): string {
    return 'NLLLoss';
  }
  /** The class weights (the `weight` buffer; assign to change them). */
  get weight(): Tensor | null {
    return this.getBuffer('weight');
  }
  set weight(weight: Tensor | null) {
    this.registerBuffer('weight', weight);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return F.nllLoss(input, target, { weight: this.weight, ignoreIndex: this.ignoreIndex, reduction: this.reduction });
  }
}

export interface CrossEntropyLossOptions extends NLLLossOptions {
  labelSmoothing?: number;
}

/**
 * Cross-entropy on raw scores (logits) [N, C] against class indices [N] (or class probabilities
 * [N, C]): LogSoftmax and NLLLoss in one step, with optional class weights, ignored targets and
 * label smoothing. 'mean' divides by the total weight of the targets.
 */
export class CrossEntropyLoss extends Loss {
  ignoreIndex: number;
  labelSmoothing: number;
  constructor(options: CrossEntropyLossOptions = {}) {
    super(options.reduction);
    this.ignoreIndex = options.ignoreIndex ?? -100;
    this.labelSmoothing = options.labelSmoothing ?? 0;
    if (!(this.labelSmoothing >= 0 && this.labelSmoothing <= 1)) {
      throw new Error(`label_smoothing must be between 0.0 and 1.0. Got: ${this.labelSmoothing}`);
    }
    this.registerBuffer('weight', options.weight ?? null);
  }
  protected override _getName(): string {
    return 'CrossEntropyLoss';
  }
  /** The class weights (the `weight` buffer; assign to change them). */
  get weight(): Tensor | null {
    return this.getBuffer('weight');
  }
  set weight(weight: Tensor | null) {
    this.registerBuffer('weight', weight);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return F.crossEntropy(input, target, {
      weight: this.weight,
      ignoreIndex: this.ignoreIndex,
      reduction: this.reduction,
      labelSmoothing: this.labelSmoothing,
    });
  }
}

export interface BCELossOptions extends LossOptions {
  /** rescales each element's loss (broadcasts onto the input) */
  weight?: Tensor | null;
}

/** Binary cross-entropy on probabilities (after a Sigmoid). Prefer BCEWithLogitsLoss: it is stabler. */
export class BCELoss extends Loss {
  constructor(options: BCELossOptions = {}) {
    super(options.reduction);
    this.registerBuffer('weight', options.weight ?? null);
  }
  protected override _getName(): string {
    return 'BCELoss';
  }
  get weight(): Tensor | null {
    return this.getBuffer('weight');
  }
  set weight(weight: Tensor | null) {
    this.registerBuffer('weight', weight);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return F.binaryCrossEntropy(input, target, { weight: this.weight, reduction: this.reduction });
  }
}

export interface BCEWithLogitsLossOptions extends BCELossOptions {
  /** weight of the positive examples, one per class */
  posWeight?: Tensor | null;
}

/** Sigmoid and binary cross-entropy in one numerically stable step, on raw scores (logits). */
export class BCEWithLogitsLoss extends Loss {
  constructor(options: BCEWithLogitsLossOptions = {}) {
    super(options.reduction);
    this.registerBuffer('weight', options.weight ?? null);
    this.registerBuffer('pos_weight', options.posWeight ?? null);
  }
  protected override _getName(): string {
    return 'BCEWithLogitsLoss';
  }
  get weight(): Tensor | null {
    return this.getBuffer('weight');
  }
  set weight(weight: Tensor | null) {
    this.registerBuffer('weight', weight);
  }
  /** The `pos_weight` buffer. */
  get posWeight(): Tensor | null {
    return this.getBuffer('pos_weight');
  }
  set posWeight(posWeight: Tensor | null) {
    this.registerBuffer('pos_weight', posWeight);
  }
  forward(input: Tensor, target: Tensor): Tensor {
    return F.binaryCrossEntropyWithLogits(input, target, {
      weight: this.weight,
      posWeight: this.posWeight,
      reduction: this.reduction,
    });
  }
}
