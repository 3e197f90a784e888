import { describe, expect, it } from 'vitest';
import { prepareData } from '../../engine/train/data';
import { DATASET_NAMES, DATASETS, defaultConfig, type ExperimentConfig } from '../../engine/train/config';
import type { DataPoints } from '../../workers/session';
import { batchesPerEpoch, expectedSplit, loaderSummary, pointsMatchConfig, roundRatio, splitOfPoints, trainingClassCounts } from './summary';

function pointsOf(config: ExperimentConfig): DataPoints {
  const { raw } = prepareData(config.data, {});
  const t = raw.train;
  return {
    task: t.task,
    features: t.features,
    classes: t.task === 'classification' ? t.classes : 0,
    classNames: t.task === 'classification' ? t.classNames : [],
    imageShape: null,
    train: { x: raw.train.x, y: raw.train.y, n: raw.train.n },
    validation: { x: raw.validation.x, y: raw.validation.y, n: raw.validation.n },
  };
}

function config(data: Partial<ExperimentConfig['data']>): ExperimentConfig {
  const c = defaultConfig();
  Object.assign(c.data, data);
  if (DATASETS[c.data.dataset].task === 'regression') c.loss.type = 'mse';
  return c;
}

describe('the loader summary', () => {
  it('counts batches per epoch with and without drop_last', () => {
    expect(batchesPerEpoch(320, 16, false)).toBe(20);
    expect(batchesPerEpoch(321, 16, false)).toBe(21);
    expect(batchesPerEpoch(321, 16, true)).toBe(20);
    expect(batchesPerEpoch(10, 16, true)).toBe(0);
    expect(batchesPerEpoch(10, 16, false)).toBe(1);
    expect(batchesPerEpoch(0, 16, false)).toBe(0);
  });

  it('says what happens to the last, smaller batch', () => {
    expect(loaderSummary(320, 80, 16, false)).toEqual({ train: 320, validation: 80, batchSize: 16, batches: 20, lastBatch: 0, dropped: 0 });
    expect(loaderSummary(1437, 360, 32, false)).toMatchObject({ batches: 45, lastBatch: 29, dropped: 0 });
    expect(loaderSummary(1437, 360, 32, true)).toMatchObject({ batches: 44, lastBatch: 0, dropped: 29 });
  });

  it('works out the default split (400 points, 20 % held out) from the experiment alone', () => {
    expect(expectedSplit(defaultConfig())).toEqual({ train: 320, validation: 80, trainPerClass: [160, 160] });
  });

  it('shows an imbalance of 1 : 20 in the class counts', () => {
    // classSizes(400, 2, 20) = [381, 19]; each class keeps 80 % to train: 305 and 15
    const split = expectedSplit(config({ dataset: 'moons', imbalance: 20 }));
    expect(split).toEqual({ train: 320, validation: 80, trainPerClass: [305, 15] });
  });

  it('agrees with the engine for every synthetic set and setting tried', () => {
    const cases: Array<Partial<ExperimentConfig['data']>> = [
      { dataset: 'spiral', classes: 3, points: 250, validationFraction: 0.33, imbalance: 4 },
      { dataset: 'blobs', classes: 5, points: 97, validationFraction: 0.5, imbalance: 20 },
      { dataset: 'xor', points: 20, validationFraction: 0.05, imbalance: 1.5 },
      { dataset: 'sine', points: 123, validationFraction: 0.25 },
      { dataset: 'bumps', points: 2000, validationFraction: 0.05 },
    ];
    for (const data of cases) {
      const c = config(data);
      const points = pointsOf(c);
      expect(expectedSplit(c), JSON.stringify(data)).toEqual(splitOfPoints(points));
      expect(pointsMatchConfig(points, c)).toBe(true);
    }
  });

  it('leaves real sets to the worker', () => {
    const real = DATASET_NAMES.filter((d) => DATASETS[d].source === 'real');
    for (const dataset of real) expect(expectedSplit(config({ dataset }))).toBeNull();
  });

  it('counts training samples per class from the labels', () => {
    const points = pointsOf(config({ dataset: 'blobs', classes: 3, points: 300, imbalance: 1 }));
    expect(trainingClassCounts(points)).toEqual([80, 80, 80]);
    expect(trainingClassCounts(pointsOf(config({ dataset: 'sine' })))).toBeNull();
  });

  it("notices points that belong to the previous experiment", () => {
    const spiral = pointsOf(defaultConfig());
    expect(pointsMatchConfig(spiral, config({ dataset: 'moons' }))).toBe(true); // same shape of data: fine to show
    expect(pointsMatchConfig(spiral, config({ points: 500 }))).toBe(false);
    expect(pointsMatchConfig(spiral, config({ dataset: 'spiral', classes: 3 }))).toBe(false);
    expect(pointsMatchConfig(spiral, config({ dataset: 'sine' }))).toBe(false);
    expect(pointsMatchConfig(spiral, config({ dataset: 'iris' }))).toBe(false);
  });

  it('rounds the imbalance ratio r of 1 : r to one decimal', () => {
    expect(roundRatio(1)).toBe(1);
    expect(roundRatio(20)).toBe(20);
    expect(roundRatio(2.54)).toBe(2.5);
    expect(roundRatio(1.96)).toBe(2);
  });
});
