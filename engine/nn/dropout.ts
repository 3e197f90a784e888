/** `nn.Dropout`: randomly zeroes activations while training, to discourage co-adaptation. */
import type { Tensor } from '../tensor';
import type { Generator } from '../random';
import { Module } from './module';
import { checkDropoutProbability, dropout } from './functional/dropout';
import { pyBool, pyFloat } from './repr';

/**
 * In train mode each element is zeroed with probability `p` and the survivors are scaled by
 * 1/(1-p) (inverted dropout), so eval mode can pass inputs through unchanged. `p` may be changed
 * between steps (the playground's live dropout control); it must stay in [0, 1].
 */
export class Dropout extends Module {
  private _p = 0.5;
  /** where the masks are drawn from (default: the global generator) */
  generator: Generator | undefined;

  constructor(p = 0.5, options: { generator?: Generator } = {}) {
    super();
    this.p = p;
    this.generator = options.generator;
  }

  /** The probability of zeroing an element. */
  get p(): number {
    return this._p;
  }

  set p(p: number) {
    checkDropoutProbability(p);
    this._p = p;
  }

  protected override _getName(): string {
    return 'Dropout';
  }

  forward(input: Tensor): Tensor {
    return dropout(input, this._p, this.training, { generator: this.generator });
  }

  override extraRepr(): string {
    return `p=${pyFloat(this._p)}, inplace=${pyBool(false)}`;
  }
}
