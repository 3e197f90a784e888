/**
 * The learning-rate range test (Leslie Smith, "Cyclical Learning Rates for Training Neural
 * Networks", 2017; fastai's `lr_find`): train a copy of the model for ~100 batches while the
 * learning rate grows exponentially from `startLr` to `endLr`, smooth the loss, and stop once it
 * has blown up. The loss falls fastest somewhere in between: a good learning rate is there, a
 * little before the minimum. The model and optimizer under training are not touched: the test
 * runs on a fresh copy of the experiment with the current weights loaded.
 */
import type { ExperimentConfig } from './config';
import type { DatasetTexts } from './data';
import { buildExperiment } from './build';
import { clipGradNorm } from '../optim';
import type { StateDict } from '../nn';

export interface LrFinderOptions {
  /** first learning rate (fastai: 1e-7) */
  startLr?: number;
  /** last learning rate (fastai: 10) */
  endLr?: number;
  /** batches from the first to the last rate (fastai: 100) */
  numIter?: number;
  /** the EMA weight of the smoothed loss, debiased as Adam's moments are (fastai: 0.98) */
  beta?: number;
  /** stop once the smoothed loss exceeds this many times its lowest (fastai: 4) */
  divergeThreshold?: number;
}

export interface LrFinderResult {
  /** the rate each batch was taken with */
  lrs: number[];
  /** each batch's loss, and the smoothed loss */
  losses: number[];
  smoothed: number[];
  /** the rate where the smoothed loss fell fastest per decade of rate (null: it never fell) */
  steepest: number | null;
  /** the rate with the lowest smoothed loss */
  minimum: number | null;
  /** what to use: the steepest descent, or a tenth of the minimum when the curve has no clear slope */
  suggestion: number | null;
  /** true when the loss blew up before `endLr` */
  diverged: boolean;
}

/** Points left out at the ends when looking for the steepest slope (fastai skips 10 and 5): the first are noise, the last the blow-up. */
const SKIP_START = 10;
const SKIP_END = 5;

/**
 * Runs the range test on `config` with the model's weights `state` (null: freshly initialised).
 * Deterministic: the same config, weights and options give the same curve.
 */
export function findLr(config: ExperimentConfig, texts: DatasetTexts, state: StateDict | null, options: LrFinderOptions = {}): LrFinderResult {
  const startLr = options.startLr ?? 1e-7;
  const endLr = options.endLr ?? 10;
  const numIter = Math.max(2, Math.floor(options.numIter ?? 100));
  const beta = options.beta ?? 0.98;
  const threshold = options.divergeThreshold ?? 4;
  if (!(startLr > 0 && endLr > startLr)) throw new Error(`findLr needs 0 < startLr < endLr (got ${startLr}, ${endLr})`);

  const built = buildExperiment(config, texts);
  const { model, lossFn, optimizer, trainLoader, settings } = built.setup;
  if (state !== null) model.loadStateDict(state);
  const parameters = model.parameters();
  const result: LrFinderResult = { lrs: [], losses: [], smoothed: [], steepest: null, minimum: null, suggestion: null, diverged: false };
  let average = 0;
  let best = Infinity;
  let batches = trainLoader[Symbol.iterator]();
  model.train();
  for (let i = 0; i < numIter; i++) {
    let next = batches.next();
    if (next.done) {
      batches = trainLoader[Symbol.iterator]();
      next = batches.next();
      if (next.done) break;
    }
    const [xb, yb] = next.value;
    built.setup.augment?.(xb);
    const lr = startLr * (endLr / startLr) ** (i / (numIter - 1));
    for (const group of optimizer.paramGroups) group.lr = lr;
    optimizer.zeroGrad();
    const loss = lossFn.forward(model.forward(xb), built.setup.lossTarget ? built.setup.lossTarget(yb) : yb);
    const value = loss.item();
    average = beta * average + (1 - beta) * value;
    const smoothed = average / (1 - beta ** (i + 1));
    result.lrs.push(lr);
    result.losses.push(value);
    result.smoothed.push(smoothed);
    if (!Number.isFinite(smoothed) || smoothed > threshold * best) {
      result.diverged = true;
      break;
    }
    if (smoothed < best) best = smoothed;
    loss.backward();
    if (settings.clipGradNorm !== null) clipGradNorm(parameters, settings.clipGradNorm);
    optimizer.step();
  }
  return { ...result, ...suggest(result.lrs, result.smoothed) };
}

/** The steepest descent (most negative d loss / d log10 lr, ends skipped), the minimum, and the suggestion. */
export function suggest(lrs: readonly number[], smoothed: readonly number[]): Pick<LrFinderResult, 'steepest' | 'minimum' | 'suggestion'> {
  const finite = smoothed.map((v, i) => (Number.isFinite(v) ? i : -1)).filter((i) => i >= 0);
  if (finite.length === 0) return { steepest: null, minimum: null, suggestion: null };
  const lowest = finite.reduce((a, b) => (smoothed[b] < smoothed[a] ? b : a));
  const minimum = lrs[lowest];
  let steepest: number | null = null;
  let slope = 0;
  const last = Math.min(lowest, smoothed.length - 1 - SKIP_END);
  for (let i = SKIP_START; i < last; i++) {
    const s = (smoothed[i + 1] - smoothed[i]) / (Math.log10(lrs[i + 1]) - Math.log10(lrs[i]));
    if (Number.isFinite(s) && s < slope) {
      slope = s;
      steepest = lrs[i];
    }
  }
  return { steepest, minimum, suggestion: steepest ?? minimum / 10 };
}
