/**
 * `torch.optim.Adagrad`, following torch 1.13's single-tensor loop operation by operation
 * (float32 rounding where torch stores a float32 tensor; `a + α·b` rounded once, as torch's
 * fused multiply-add kernels do). Long parameters take the WebAssembly kernel
 * (engine/wasm/assembly/optim.ts), which does the same float32 steps.
 */
import { heapZeros, Tensor } from '../tensor';
import { check, Optimizer, type ParamGroupInput } from './optimizer';
import { kernelsForElements } from '../wasm/kernels';

const f32 = Math.fround;

export interface AdagradOptions {
  lr: number;
  lrDecay: number;
  weightDecay: number;
  initialAccumulatorValue: number;
  eps: number;
  maximize: boolean;
}

export type AdagradState = { step: number; sum: Tensor };

/**
 * Adagrad (Duchi et al.): each weight's step shrinks with the sum of its squared gradients.
 *
 *   g ← ∇θ (−∇θ if maximize);  g ← g + λθ
 *   γ̃ ← γ / (1 + (t − 1)η)     (lr decay η)
 *   s ← s + g²                  (s starts at initialAccumulatorValue)
 *   θ ← θ − γ̃ g / (√s + ε)
 *
 * Defaults: lr 1e-2, lrDecay 0, weightDecay 0, initialAccumulatorValue 0, eps 1e-10, maximize false.
 */
export class Adagrad extends Optimizer<AdagradOptions, AdagradState> {
  constructor(
    params: Iterable<Tensor> | Iterable<ParamGroupInput<AdagradOptions>>,
    options: Partial<AdagradOptions> = {},
  ) {
    super(params, {
      lr: 1e-2,
      lrDecay: 0,
      weightDecay: 0,
      initialAccumulatorValue: 0,
      eps: 1e-10,
      maximize: false,
      ...options,
    });
    // As in torch, the state exists from the start (the accumulator holds its initial value).
    for (const group of this.paramGroups) {
      for (const param of group.params) this.state.set(param, newAdagradState(param, group.initialAccumulatorValue));
    }
  }

  protected validate(options: AdagradOptions): void {
    check(options.lr >= 0, `Invalid learning rate: ${options.lr}`);
    check(options.lrDecay >= 0, `Invalid lr_decay value: ${options.lrDecay}`);
    check(options.weightDecay >= 0, `Invalid weight_decay value: ${options.weightDecay}`);
    check(
      options.initialAccumulatorValue >= 0,
      `Invalid initial_accumulator_value value: ${options.initialAccumulatorValue}`,
    );
    check(options.eps >= 0, `Invalid epsilon value: ${options.eps}`);
  }

  step(): void {
    for (const group of this.paramGroups) {
      const { maximize, lrDecay } = group;
      const eps = f32(group.eps);
      const weightDecay = f32(group.weightDecay);
      for (const param of group.params) {
        if (param.grad === null) continue;
        let state = this.state.get(param);
        if (state === undefined) {
          // A group added later gets its state here.
          state = newAdagradState(param, group.initialAccumulatorValue);
          this.state.set(param, state);
        }
        state.step += 1;
        const negativeLr = f32(-(group.lr / (1 + (state.step - 1) * lrDecay)));
        const theta = param.data;
        const gradient = param.grad.data;
        const sum = state.sum.data;
        const wasm = kernelsForElements(theta.length);
        if (wasm !== null && wasm.adagradStep(theta, gradient, sum, negativeLr, weightDecay, eps, maximize)) continue;
        for (let i = 0; i < theta.length; i++) {
          let g = maximize ? -gradient[i] : gradient[i];
          if (weightDecay !== 0) g = f32(g + weightDecay * theta[i]);
          sum[i] = f32(sum[i] + g * g);
          const std = f32(f32(Math.sqrt(sum[i])) + eps);
          theta[i] = f32(theta[i] + f32(f32(negativeLr * g) / std));
        }
      }
    }
  }
}

function newAdagradState(param: Tensor, initialAccumulatorValue: number): AdagradState {
  const sum = heapZeros(param.shape);
  sum.data.fill(initialAccumulatorValue);
  return { step: 0, sum };
}
