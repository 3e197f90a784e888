/**
 * How long a run is, in the units the training panel talks in: examples in the training split,
 * batches per epoch (what `len(train_loader)` says), and scheduler steps over the whole run.
 */
import { datasetSize, type ExperimentConfig } from '../../engine/train/config';

/** Examples in the training split: from the worker once it has the data, estimated from the settings before. */
export function trainSize(config: ExperimentConfig, points: { train: { n: number } } | null): number {
  if (points) return points.train.n;
  return Math.round(datasetSize(config) * (1 - config.data.validationFraction));
}

/** `len(DataLoader)`: ⌈n / batch⌉ batches, or ⌊n / batch⌋ with drop_last. */
export function batchesPerEpoch(trainCount: number, batchSize: number, dropLast: boolean): number {
  if (trainCount <= 0 || batchSize <= 0) return 0;
  return dropLast ? Math.floor(trainCount / batchSize) : Math.ceil(trainCount / batchSize);
}

/** How many times `scheduler.step()` is called over the run: once per epoch, or once per batch. */
export function schedulerSteps(config: ExperimentConfig, stepsPerEpoch: number): number {
  const s = config.scheduler;
  const perBatch = s.type !== 'none' && s.type !== 'reduceLROnPlateau' && s.interval === 'step';
  return perBatch ? config.training.epochs * stepsPerEpoch : config.training.epochs;
}

/** The power of two nearest to `value` (on a log scale), within [min, max]: batch sizes 1, 2, 4 … 1024. */
export function nearestPowerOfTwo(value: number, min = 1, max = 1024): number {
  if (!(value > 0)) return min;
  return Math.min(max, Math.max(min, 2 ** Math.round(Math.log2(value))));
}
