/**
 * `torch.optim.Adam` and `torch.optim.AdamW`, following torch 1.13's single-tensor loop operation
 * by operation (float32 rounding where torch stores a float32 tensor; `a + α·b` rounded once, as
 * torch's fused multiply-add kernels do). They differ only in how weight decay enters.
 */
import { heapZeros, Tensor } from '../tensor';
import { check, Optimizer, type ParamGroup, type ParamGroupInput } from './optimizer';
import { kernelsForElements } from '../wasm/kernels';

const f32 = Math.fround;

export interface AdamOptions {
  lr: number;
  betas: [number, number];
  eps: number;
  weightDecay: number;
  amsgrad: boolean;
  maximize: boolean;
}

export type AdamState = {
  step: number;
  expAvg: Tensor;
  expAvgSq: Tensor;
  /** Only with amsgrad: the largest `expAvgSq` seen so far. */
  maxExpAvgSq: Tensor | null;
};

type AdamParams = Iterable<Tensor> | Iterable<ParamGroupInput<AdamOptions>>;

/** What Adam and AdamW share; not exported, so `AdamW` is not an `Adam` (as in PyTorch). */
abstract class AdamFamily extends Optimizer<AdamOptions, AdamState> {
  /** AdamW shrinks θ directly; Adam adds λθ to the gradient. */
  protected abstract readonly decoupledWeightDecay: boolean;

  protected validate(options: AdamOptions): void {
    const [beta1, beta2] = options.betas;
    check(options.lr >= 0, `Invalid learning rate: ${options.lr}`);
    check(options.eps >= 0, `Invalid epsilon value: ${options.eps}`);
    check(beta1 >= 0 && beta1 < 1, `Invalid beta parameter at index 0: ${beta1}`);
    check(beta2 >= 0 && beta2 < 1, `Invalid beta parameter at index 1: ${beta2}`);
    check(options.weightDecay >= 0, `Invalid weight_decay value: ${options.weightDecay}`);
  }

  step(): void {
    for (const group of this.paramGroups) {
      for (const param of group.params) {
        if (param.grad === null) continue;
        updateParameter(param, param.grad, this.stateOf(param, newAdamState), group, this.decoupledWeightDecay);
      }
    }
  }
}

/**
 * Adam (Kingma & Ba), with weight decay added to the gradient (L2 regularisation):
 *
 *   g ← ∇θ (−∇θ if maximize);  g ← g + λθ
 *   m ← β₁m + (1 − β₁)g;  v ← β₂v + (1 − β₂)g²;  (amsgrad: v̂ ← max(v̂, v), used for v)
 *   θ ← θ − γ/(1 − β₁ᵗ) · m / (√v / √(1 − β₂ᵗ) + ε)
 *
 * Defaults: lr 1e-3, betas [0.9, 0.999], eps 1e-8, weightDecay 0, amsgrad false, maximize false.
 */
export class Adam extends AdamFamily {
  protected readonly decoupledWeightDecay = false;

  constructor(params: AdamParams, options: Partial<AdamOptions> = {}) {
    super(params, { ...adamDefaults(0), ...options });
  }
}

/**
 * AdamW (Loshchilov & Hutter): Adam with weight decay decoupled from the gradient,
 *
 *   θ ← θ(1 − γλ), then the Adam update with no λ in the gradient.
 *
 * Defaults as Adam's, except weightDecay 1e-2.
 */
export class AdamW extends AdamFamily {
  protected readonly decoupledWeightDecay = true;

  constructor(params: AdamParams, options: Partial<AdamOptions> = {}) {
    super(params, { ...adamDefaults(1e-2), ...options });
  }
}

function adamDefaults(weightDecay: number): AdamOptions {
  return { lr: 1e-3, betas: [0.9, 0.999], eps: 1e-8, weightDecay, amsgrad: false, maximize: false };
}

function newAdamState(param: Tensor): AdamState {
  return { step: 0, expAvg: heapZeros(param.shape), expAvgSq: heapZeros(param.shape), maxExpAvgSq: null };
}

function updateParameter(
  param: Tensor,
  grad: Tensor,
  state: AdamState,
  group: ParamGroup<AdamOptions>,
  decoupledWeightDecay: boolean,
): void {
  const { lr, amsgrad, maximize } = group;
  const [beta1, beta2] = group.betas;
  state.step += 1;
  // Scalars as torch makes them: bias corrections in float64 (Python), then cast to float32.
  const biasCorrection1 = 1 - beta1 ** state.step;
  const biasCorrection2Sqrt = f32(Math.sqrt(1 - beta2 ** state.step));
  const negativeStepSize = f32(-(lr / biasCorrection1));
  const beta1F = f32(beta1);
  const beta2F = f32(beta2);
  const oneMinusBeta1 = f32(1 - beta1);
  const oneMinusBeta2 = f32(1 - beta2);
  const eps = f32(group.eps);
  const weightDecay = f32(group.weightDecay);
  const decay = f32(1 - lr * group.weightDecay);
  if (amsgrad && state.maxExpAvgSq === null) {
    state.maxExpAvgSq = heapZeros(param.shape);
  }
  const theta = param.data;
  const gradient = grad.data;
  const m = state.expAvg.data;
  const v = state.expAvgSq.data;
  if (!amsgrad && !maximize && (decoupledWeightDecay || weightDecay === 0)) {
    // The common case without per-element branches (same operations, so the same bits), in
    // WebAssembly SIMD when the backend has it (fused multiply-adds there: float32 rounding apart).
    const wasm = kernelsForElements(theta.length);
    const scalars = { beta1: beta1F, beta2: beta2F, oneMinusBeta1, oneMinusBeta2, negativeStepSize, biasCorrection2Sqrt, eps, decay: decoupledWeightDecay ? decay : 1 };
    if (wasm !== null && wasm.adamStep(theta, gradient, m, v, scalars)) return;
    if (decoupledWeightDecay) for (let i = 0; i < theta.length; i++) theta[i] = f32(theta[i] * decay);
    for (let i = 0; i < theta.length; i++) {
      const g = gradient[i];
      const mi = f32(f32(m[i] * beta1F) + oneMinusBeta1 * g);
      const vi = f32(f32(v[i] * beta2F) + f32(oneMinusBeta2 * g) * g);
      m[i] = mi;
      v[i] = vi;
      const denominator = f32(f32(f32(Math.sqrt(vi)) / biasCorrection2Sqrt) + eps);
      theta[i] = f32(theta[i] + f32(f32(negativeStepSize * mi) / denominator));
    }
    return;
  }
  const vMax = amsgrad ? (state.maxExpAvgSq as Tensor).data : v;
  for (let i = 0; i < theta.length; i++) {
    let g = maximize ? -gradient[i] : gradient[i];
    if (decoupledWeightDecay) theta[i] = f32(theta[i] * decay);
    else if (weightDecay !== 0) g = f32(g + weightDecay * theta[i]);
    m[i] = f32(f32(m[i] * beta1F) + oneMinusBeta1 * g);
    v[i] = f32(f32(v[i] * beta2F) + f32(oneMinusBeta2 * g) * g);
    if (amsgrad) vMax[i] = Math.max(vMax[i], v[i]);
    const denominator = f32(f32(f32(Math.sqrt(vMax[i])) / biasCorrection2Sqrt) + eps);
    theta[i] = f32(theta[i] + f32(f32(negativeStepSize * m[i]) / denominator));
  }
}
