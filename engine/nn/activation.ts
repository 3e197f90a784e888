/** Activation layers: each wraps the function of the same name in `nn.functional`. */
import type { Tensor } from '../tensor';
import { Module } from './module';
import * as F from './functional';
import { pyFloat, pyString } from './repr';

/** relu(x) = max(x, 0) */
export class ReLU extends Module {
  protected override _getName(): string {
    return 'ReLU';
  }
  forward(input: Tensor): Tensor {
    return F.relu(input);
  }
}

/** leakyRelu(x) = x if x > 0 else negativeSlope·x */
export class LeakyReLU extends Module {
  negativeSlope: number;
  constructor(negativeSlope = 0.01) {
    super();
    this.negativeSlope = negativeSlope;
  }
  protected override _getName(): string {
    return 'LeakyReLU';
  }
  forward(input: Tensor): Tensor {
    return F.leakyRelu(input, this.negativeSlope);
  }
  override extraRepr(): string {
    return `negative_slope=${pyFloat(this.negativeSlope)}`;
  }
}

/** elu(x) = x if x > 0 else alpha·(eˣ - 1) */
export class ELU extends Module {
  alpha: number;
  constructor(alpha = 1.0) {
    super();
    this.alpha = alpha;
  }
  protected override _getName(): string {
    return 'ELU';
  }
  forward(input: Tensor): Tensor {
    return F.elu(input, this.alpha);
  }
  override extraRepr(): string {
    return `alpha=${pyFloat(this.alpha)}`;
  }
}

/** gelu(x) = x·Φ(x) (Φ: the standard normal CDF), or its tanh approximation. */
export class GELU extends Module {
  approximate: F.GeluApproximate;
  constructor(approximate: F.GeluApproximate = 'none') {
    super();
    if (approximate !== 'none' && approximate !== 'tanh') {
      throw new Error(`approximate argument must be either none or tanh. Got '${String(approximate)}'.`);
    }
    this.approximate = approximate;
  }
  protected override _getName(): string {
    return 'GELU';
  }
  forward(input: Tensor): Tensor {
    return F.gelu(input, this.approximate);
  }
  override extraRepr(): string {
    return `approximate=${pyString(this.approximate)}`;
  }
}

/** silu(x) = x·σ(x) */
export class SiLU extends Module {
  protected override _getName(): string {
    return 'SiLU';
  }
  forward(input: Tensor): Tensor {
    return F.silu(input);
  }
}

/** tanh(x) = (eˣ - e⁻ˣ)/(eˣ + e⁻ˣ) */
export class Tanh extends Module {
  protected override _getName(): string {
    return 'Tanh';
  }
  forward(input: Tensor): Tensor {
    return F.tanh(input);
  }
}

/** σ(x) = 1/(1 + e⁻ˣ) */
export class Sigmoid extends Module {
  protected override _getName(): string {
    return 'Sigmoid';
  }
  forward(input: Tensor): Tensor {
    return F.sigmoid(input);
  }
}

/** softplus(x) = log(1 + e^(βx))/β (x itself where βx > threshold) */
export class Softplus extends Module {
  beta: number;
  threshold: number;
  constructor(beta = 1, threshold = 20) {
    super();
    this.beta = beta;
    this.threshold = threshold;
  }
  protected override _getName(): string {
    return 'Softplus';
  }
  forward(input: Tensor): Tensor {
    return F.softplus(input, this.beta, this.threshold);
  }
  override extraRepr(): string {
    return `beta=${this.beta}, threshold=${this.threshold}`;
  }
}

/** softmax(x)ᵢ = e^xᵢ / Σⱼ e^xⱼ along `dim` (values in (0, 1) that sum to 1). */
export class Softmax extends Module {
  dim: number;
  constructor(dim: number) {
    super();
    this.dim = dim;
  }
  protected override _getName(): string {
    return 'Softmax';
  }
  forward(input: Tensor): Tensor {
    return F.softmax(input, this.dim);
  }
  override extraRepr(): string {
    return `dim=${this.dim}`;
  }
}

/** logSoftmax(x)ᵢ = xᵢ - log Σⱼ e^xⱼ along `dim`. */
export class LogSoftmax extends Module {
  dim: number;
  constructor(dim: number) {
    super();
    this.dim = dim;
  }
  protected override _getName(): string {
    return 'LogSoftmax';
  }
  forward(input: Tensor): Tensor {
    return F.logSoftmax(input, this.dim);
  }
  override extraRepr(): string {
    return `dim=${this.dim}`;
  }
}
