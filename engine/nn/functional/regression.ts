/**
 * Regression losses: functions of the difference d = input - target, element by element, then
 * reduced. Input and target broadcast as in PyTorch (which warns when their shapes differ: an
 * output of [N, 1] against a target of [N] broadcasts to [N, N], almost never what was meant).
 */
import { Tensor, gradBufferOf } from '../../tensor';
import { broadcastIndex, broadcastShapes } from '../../ops';
import { checkReduction, reduceLosses, sameShape, sharedGradient, type Reduction } from './reduction';
import { float64 } from '../../arena';

interface DifferenceRule {
  /** loss of one element as a function of d = input - target */
  loss: (d: number) => number;
  /** its derivative with respect to d (input gets +, target gets -) */
  slope: (d: number) => number;
}

function differenceLoss(input: Tensor, target: Tensor, reduction: Reduction, rule: DifferenceRule, gradFn: string): Tensor {
  const mode = checkReduction(reduction);
  const shape = sameShape(input.shape, target.shape) ? input.shape : broadcastShapes(input.shape, target.shape);
  const inputAt = broadcastIndex(input.shape, shape);
  const targetAt = broadcastIndex(target.shape, shape);
  const X = input.data;
  const T = target.data;
  const n = shape.reduce((p, d) => p * d, 1);
  const losses = float64(n);
  for (let j = 0; j < n; j++) losses[j] = rule.loss(X[inputAt ? inputAt[j] : j] - T[targetAt ? targetAt[j] : j]);
  const { data, shape: outShape } = reduceLosses(losses, mode, n, shape);
  return Tensor._fromOp(data, outShape, [input, target], gradFn, (g) => {
    const shared = sharedGradient(g, mode, n);
    const gx = input.requiresGrad ? gradBufferOf(input) : null;
    const gt = target.requiresGrad ? gradBufferOf(target) : null;
    for (let j = 0; j < n; j++) {
      const xi = inputAt ? inputAt[j] : j;
      const ti = targetAt ? targetAt[j] : j;
      const dd = (mode === 'none' ? g[j] : shared) * rule.slope(X[xi] - T[ti]);
      if (gx) gx[xi] += dd;
      if (gt) gt[ti] -= dd;
    }
  });
}

export interface RegressionLossOptions {
  reduction?: Reduction;
}

// d(d²) = 2d
const squaredError: DifferenceRule = { loss: (d) => d * d, slope: (d) => 2 * d };
// d|d| = sign(d) (0 at 0)
const absoluteError: DifferenceRule = { loss: Math.abs, slope: (d) => (d > 0 ? 1 : d < 0 ? -1 : 0) };

/** `F.mse_loss`: mean of (input - target)². */
export function mseLoss(input: Tensor, target: Tensor, options: RegressionLossOptions = {}): Tensor {
  return differenceLoss(input, target, options.reduction ?? 'mean', squaredError, 'MseLossBackward');
}

/** `F.l1_loss`: mean of |input - target|. */
export function l1Loss(input: Tensor, target: Tensor, options: RegressionLossOptions = {}): Tensor {
  return differenceLoss(input, target, options.reduction ?? 'mean', absoluteError, 'L1LossBackward');
}

/** `F.huber_loss`: ½d² where |d| ≤ delta, delta·(|d| - ½delta) beyond (squared near 0, linear far away). */
export function huberLoss(input: Tensor, target: Tensor, options: RegressionLossOptions & { delta?: number } = {}): Tensor {
  const delta = options.delta ?? 1.0;
  if (!(delta > 0)) throw new Error(`huber_loss does not support non-positive values for delta; got ${delta}`);
  return differenceLoss(
    input,
    target,
    options.reduction ?? 'mean',
    {
      loss: (d) => (Math.abs(d) <= delta ? 0.5 * d * d : delta * (Math.abs(d) - 0.5 * delta)),
      // slope = d inside [-delta, delta], ±delta outside
      slope: (d) => (d < -delta ? -delta : d > delta ? delta : d),
    },
    'HuberLossBackward',
  );
}

/** `F.smooth_l1_loss`: ½d²/beta where |d| < beta, |d| - ½beta beyond (= Huber / beta; L1 when beta = 0). */
export function smoothL1Loss(input: Tensor, target: Tensor, options: RegressionLossOptions & { beta?: number } = {}): Tensor {
  const beta = options.beta ?? 1.0;
  if (!(beta >= 0)) throw new Error(`smooth_l1_loss does not support negative values for beta; got ${beta}`);
  const rule: DifferenceRule =
    beta === 0
      ? absoluteError
      : {
          loss: (d) => (Math.abs(d) < beta ? (0.5 * d * d) / beta : Math.abs(d) - 0.5 * beta),
          // slope = d/beta inside (-beta, beta), ±1 outside
          slope: (d) => (d <= -beta ? -1 : d >= beta ? 1 : d / beta),
        };
  return differenceLoss(input, target, options.reduction ?? 'mean', rule, 'SmoothL1LossBackward');
}
