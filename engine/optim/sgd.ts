/**
 * `torch.optim.SGD`, following torch 1.13's single-tensor loop operation by operation. Every
 * intermediate is rounded to float32 (`Math.fround`) where torch stores a float32 tensor, and
 * `a + α·b` is rounded once, as torch's fused multiply-add kernels do.
 */
import { heapZeros, Tensor } from '../tensor';
import { kernelsForElements } from '../wasm/kernels';
import { check, Optimizer, type ParamGroupInput } from './optimizer';

const f32 = Math.fround;

export interface SGDOptions {
  lr: number;
  momentum: number;
  dampening: number;
  weightDecay: number;
  nesterov: boolean;
  maximize: boolean;
}

export type SGDState = { momentumBuffer: Tensor | null };

/**
 * Stochastic gradient descent, with optional momentum and Nesterov momentum:
 *
 *   g ← ∇θ (−∇θ if maximize);  g ← g + λθ            (weight decay λ)
 *   b ← g on the first step, else b ← μb + (1 − τ)g  (momentum μ, dampening τ)
 *   g ← g + μb if nesterov, else g ← b
 *   θ ← θ − γg                                      (learning rate γ)
 *
 * Defaults: lr 1e-3 (PyTorch 2's default; 1.13 required it), momentum 0, dampening 0,
 * weightDecay 0, nesterov false, maximize false.
 */
export class SGD extends Optimizer<SGDOptions, SGDState> {
  constructor(params: Iterable<Tensor> | Iterable<ParamGroupInput<SGDOptions>>, options: Partial<SGDOptions> = {}) {
    super(params, {
      lr: 1e-3,
      momentum: 0,
      dampening: 0,
      weightDecay: 0,
      nesterov: false,
      maximize: false,
      ...options,
    });
  }

  protected validate(options: SGDOptions): void {
    check(options.lr >= 0, `Invalid learning rate: ${options.lr}`);
    check(options.momentum >= 0, `Invalid momentum value: ${options.momentum}`);
    check(options.weightDecay >= 0, `Invalid weight_decay value: ${options.weightDecay}`);
    check(
      !options.nesterov || (options.momentum > 0 && options.dampening === 0),
      'Nesterov momentum requires a momentum and zero dampening',
    );
  }

  step(): void {
    for (const group of this.paramGroups) {
      const negativeLr = f32(-group.lr);
      const weightDecay = f32(group.weightDecay);
      const momentum = f32(group.momentum);
      const keep = f32(1 - group.dampening);
      const { nesterov, maximize } = group;
      for (const param of group.params) {
        if (param.grad === null) continue;
        const state = this.stateOf(param, newSGDState);
        const theta = param.data;
        const gradient = param.grad.data;
        const wasm = kernelsForElements(theta.length);
        if (wasm !== null) {
          const firstStep = state.momentumBuffer === null;
          if (group.momentum !== 0 && firstStep) state.momentumBuffer = heapZeros(param.shape);
          const buffer = group.momentum === 0 ? null : (state.momentumBuffer as Tensor).data;
          if (wasm.sgdStep(theta, gradient, buffer, { negativeLr, weightDecay, momentum, keep, maximize, nesterov, firstStep })) continue;
          if (buffer !== null && firstStep) state.momentumBuffer = null; // as the loop below expects
        }
        if (group.momentum === 0) {
          for (let i = 0; i < theta.length; i++) {
            let g = maximize ? -gradient[i] : gradient[i];
            if (weightDecay !== 0) g = f32(g + weightDecay * theta[i]);
            theta[i] = f32(theta[i] + negativeLr * g);
          }
          continue;
        }
        // The buffer starts as a copy of the first gradient: no dampening on that step.
        const firstStep = state.momentumBuffer === null;
        if (state.momentumBuffer === null) {
          state.momentumBuffer = heapZeros(param.shape);
        }
        const buffer = state.momentumBuffer.data;
        for (let i = 0; i < theta.length; i++) {
          let g = maximize ? -gradient[i] : gradient[i];
          if (weightDecay !== 0) g = f32(g + weightDecay * theta[i]);
          buffer[i] = firstStep ? g : f32(f32(buffer[i] * momentum) + keep * g);
          g = nesterov ? f32(g + momentum * buffer[i]) : buffer[i];
          theta[i] = f32(theta[i] + negativeLr * g);
        }
      }
    }
  }
}

function newSGDState(): SGDState {
  return { momentumBuffer: null };
}
