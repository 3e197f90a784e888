/**
 * `torch.optim.RMSprop`, following torch 1.13's single-tensor loop operation by operation
 * (float32 rounding where torch stores a float32 tensor; `a + α·b` rounded once, as torch's
 * fused multiply-add kernels do).
 */
import { heapZeros, Tensor } from '../tensor';
import { kernelsForElements } from '../wasm/kernels';
import { check, Optimizer, type ParamGroupInput } from './optimizer';

const f32 = Math.fround;

export interface RMSpropOptions {
  lr: number;
  alpha: number;
  eps: number;
  weightDecay: number;
  momentum: number;
  centered: boolean;
  maximize: boolean;
}

export type RMSpropState = {
  step: number;
  squareAvg: Tensor;
  /** Only with momentum > 0. */
  momentumBuffer: Tensor | null;
  /** Only when centered: the running average of the gradient. */
  gradAvg: Tensor | null;
};

/**
 * RMSprop (Hinton): divides the gradient by a running root mean square of recent gradients.
 *
 *   g ← ∇θ (−∇θ if maximize);  g ← g + λθ
 *   v ← αv + (1 − α)g²;  centered: ḡ ← αḡ + (1 − α)g, and v − ḡ² is used for v
 *   momentum μ > 0: b ← μb + g / (√v + ε), θ ← θ − γb;  otherwise θ ← θ − γ g / (√v + ε)
 *
 * Defaults: lr 1e-2, alpha 0.99, eps 1e-8, weightDecay 0, momentum 0, centered false, maximize false.
 */
export class RMSprop extends Optimizer<RMSpropOptions, RMSpropState> {
  constructor(
    params: Iterable<Tensor> | Iterable<ParamGroupInput<RMSpropOptions>>,
    options: Partial<RMSpropOptions> = {},
  ) {
    super(params, {
      lr: 1e-2,
      alpha: 0.99,
      eps: 1e-8,
      weightDecay: 0,
      momentum: 0,
      centered: false,
      maximize: false,
      ...options,
    });
  }

  protected validate(options: RMSpropOptions): void {
    check(options.lr >= 0, `Invalid learning rate: ${options.lr}`);
    check(options.eps >= 0, `Invalid epsilon value: ${options.eps}`);
    check(options.momentum >= 0, `Invalid momentum value: ${options.momentum}`);
    check(options.weightDecay >= 0, `Invalid weight_decay value: ${options.weightDecay}`);
    check(options.alpha >= 0, `Invalid alpha value: ${options.alpha}`);
  }

  step(): void {
    for (const group of this.paramGroups) {
      const { centered, maximize } = group;
      const useMomentum = group.momentum > 0;
      const negativeLr = f32(-group.lr);
      const alpha = f32(group.alpha);
      const oneMinusAlpha = f32(1 - group.alpha);
      const eps = f32(group.eps);
      const weightDecay = f32(group.weightDecay);
      const momentum = f32(group.momentum);
      for (const param of group.params) {
        if (param.grad === null) continue;
        const state = this.stateOf(param, newRMSpropState);
        state.step += 1;
        // Made on first use, so momentum or centering can be switched on while training.
        if (useMomentum && state.momentumBuffer === null) state.momentumBuffer = heapZeros(param.shape);
        if (centered && state.gradAvg === null) state.gradAvg = heapZeros(param.shape);
        const theta = param.data;
        const gradient = param.grad.data;
        const squareAvg = state.squareAvg.data;
        const buffer = useMomentum ? (state.momentumBuffer as Tensor).data : squareAvg;
        const gradAvg = centered ? (state.gradAvg as Tensor).data : squareAvg;
        const wasm = kernelsForElements(theta.length);
        const scalars = { negativeLr, alpha, oneMinusAlpha, eps, weightDecay, momentum, maximize };
        if (wasm !== null && wasm.rmspropStep(theta, gradient, squareAvg, useMomentum ? buffer : null, centered ? gradAvg : null, scalars)) continue;
        for (let i = 0; i < theta.length; i++) {
          let g = maximize ? -gradient[i] : gradient[i];
          if (weightDecay !== 0) g = f32(g + weightDecay * theta[i]);
          squareAvg[i] = f32(f32(squareAvg[i] * alpha) + f32(oneMinusAlpha * g) * g);
          let avg: number;
          if (centered) {
            gradAvg[i] = f32(f32(gradAvg[i] * alpha) + oneMinusAlpha * g);
            avg = f32(Math.sqrt(f32(squareAvg[i] - gradAvg[i] * gradAvg[i])));
          } else {
            avg = f32(Math.sqrt(squareAvg[i]));
          }
          avg = f32(avg + eps);
          if (useMomentum) {
            buffer[i] = f32(f32(buffer[i] * momentum) + f32(g / avg));
            theta[i] = f32(theta[i] + negativeLr * buffer[i]);
          } else {
            theta[i] = f32(theta[i] + f32(f32(negativeLr * g) / avg));
          }
        }
      }
    }
  }
}

function newRMSpropState(param: Tensor): RMSpropState {
  return { step: 0, squareAvg: heapZeros(param.shape), momentumBuffer: null, gradAvg: null };
}
