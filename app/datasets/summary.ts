/**
 * What the data loader will make of the data: how many samples train and validate, how many batches
 * an epoch has, and how many training samples each class has (so an imbalance is visible).
 */
import { classSizes } from '../../engine/data/sets';
import { DATASETS, numClasses, type ExperimentConfig } from '../../engine/train/config';
import type { DataPoints } from '../../workers/session';

export interface LoaderSummary {
  train: number;
  validation: number;
  batchSize: number;
  /** Optimizer steps per epoch: ⌈train / batch⌉, or ⌊train / batch⌋ with drop_last. */
  batches: number;
  /** Size of the last, smaller batch (0 when the batches come out even or drop_last drops it). */
  lastBatch: number;
  /** Samples left out of every epoch by drop_last. */
  dropped: number;
}

/** Batches per epoch of `DataLoader(train, batch_size, drop_last)`. */
export function batchesPerEpoch(train: number, batchSize: number, dropLast: boolean): number {
  if (!(train > 0) || !(batchSize > 0)) return 0;
  return dropLast ? Math.floor(train / batchSize) : Math.ceil(train / batchSize);
}

export function loaderSummary(train: number, validation: number, batchSize: number, dropLast: boolean): LoaderSummary {
  const remainder = batchSize > 0 ? train % batchSize : 0;
  return {
    train,
    validation,
    batchSize,
    batches: batchesPerEpoch(train, batchSize, dropLast),
    lastBatch: dropLast ? 0 : remainder,
    dropped: dropLast ? remainder : 0,
  };
}

/** Training samples per class (`counts[c]` = rows of the training split with label c); null for regression. */
export function trainingClassCounts(points: DataPoints): number[] | null {
  if (points.task !== 'classification' || points.classes < 1) return null;
  const counts = new Array<number>(points.classes).fill(0);
  const y = points.train.y;
  for (let i = 0; i < points.train.n; i++) {
    const c = y[i];
    if (c >= 0 && c < points.classes) counts[c]++;
  }
  return counts;
}

export interface SplitCounts {
  train: number;
  validation: number;
  /** Training samples per class; null for regression. */
  trainPerClass: number[] | null;
}

/**
 * The split a synthetic set will get, worked out from the experiment alone, the way the engine does
 * it: class c draws `classSizes(points, classes, imbalance)[c]` points and sends round(m · fraction)
 * of its m points to validation, keeping at least one to train (regression: the same over all
 * points). So the summary is right the moment a setting changes, before the worker has redrawn the
 * data. Real sets are files (and imbalance drops rows at random): null, ask the worker's points.
 */
export function expectedSplit(config: ExperimentConfig): SplitCounts | null {
  const info = DATASETS[config.data.dataset];
  if (info.source !== 'synthetic') return null;
  const { points, validationFraction, imbalance } = config.data;
  const held = (m: number) => (m === 0 ? 0 : Math.min(m - 1, Math.round(m * validationFraction)));
  if (info.task === 'regression') {
    const validation = held(points);
    return { train: points - validation, validation, trainPerClass: null };
  }
  const perClass = Array.from(classSizes(points, numClasses(config), imbalance), (m) => m - held(m));
  const train = perClass.reduce((a, b) => a + b, 0);
  return { train, validation: points - train, trainPerClass: perClass };
}

/** The split of the worker's points (training samples per class counted from the labels). */
export function splitOfPoints(points: DataPoints): SplitCounts {
  return { train: points.train.n, validation: points.validation.n, trainPerClass: trainingClassCounts(points) };
}

/**
 * Whether the worker's data belong to this experiment: after a change the page holds the old run's
 * points until the new ones arrive, and a summary of the old data would mislead.
 */
export function pointsMatchConfig(points: DataPoints, config: ExperimentConfig): boolean {
  const info = DATASETS[config.data.dataset];
  if (points.task !== info.task || points.features !== info.features) return false;
  if (info.task === 'classification' && points.classes !== numClasses(config)) return false;
  const total = points.train.n + points.validation.n;
  // synthetic sets draw exactly `data.points`; real sets are their file, minus what imbalance drops
  if (info.source === 'synthetic') return total === config.data.points;
  return config.data.imbalance === 1 || info.task === 'regression' ? total === info.size : total <= (info.size ?? total);
}

/** The r of "1 : r" as people write it: to one decimal, without a trailing .0. */
export function roundRatio(ratio: number): number {
  return Number(ratio.toFixed(1));
}
