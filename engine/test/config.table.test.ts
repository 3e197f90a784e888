/** The field table: defaults, ranges, the live/structural split, and the data set facts. */
import { describe, expect, it } from 'vitest';
import {
  CONFIG_VERSION,
  DATASETS,
  DATASET_NAMES,
  FIELD_ENTRIES,
  OPTIMIZERS,
  SCHEDULERS,
  SCHEMA,
  changeOf,
  datasetSize,
  defaultConfig,
  defaultOptimizer,
  defaultScheduler,
  fieldAt,
  fieldsOf,
  numClasses,
  numFeatures,
  numOutputs,
  validateConfig,
} from '../train/config';
import { checkValue } from '../train/config/spec';
import { edit } from './config.helpers';

describe('the default experiment', () => {
  it('is valid, versioned and JSON through and through', () => {
    const config = defaultConfig();
    expect(config.version).toBe(CONFIG_VERSION);
    expect(validateConfig(config)).toEqual({ ok: true, config });
    expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  });

  it('is the spiral with a [16, 16] ReLU network and Adam at 0.01, batches of 16, 200 epochs', () => {
    const config = defaultConfig();
    expect(config.data).toMatchObject({ dataset: 'spiral', classes: 2, noise: 0.1, points: 400, validationFraction: 0.2 });
    expect(config.model).toMatchObject({ hiddenLayers: [16, 16], activation: 'relu', dropout: 0, init: 'default' });
    expect(config.optimizer).toEqual({ type: 'adam', lr: 0.01, betas: [0.9, 0.999], eps: 1e-8, weightDecay: 0, amsgrad: false });
    expect(config.scheduler).toEqual({ type: 'none', interval: 'epoch', warmup: 0 });
    expect(config.training).toMatchObject({ batchSize: 16, epochs: 200, shuffle: true, zeroGrad: true });
  });

  it('is a new object on every call', () => {
    const first = defaultConfig();
    first.model.hiddenLayers.push(3);
    first.training.earlyStopping.enabled = true;
    expect(defaultConfig().model.hiddenLayers).toEqual([16, 16]);
    expect(defaultConfig().training.earlyStopping.enabled).toBe(false);
  });
});

describe('the field table', () => {
  it('has a valid default (and PyTorch default), a label and a short description for every field', () => {
    expect(FIELD_ENTRIES.length).toBeGreaterThan(100);
    for (const { path, field } of FIELD_ENTRIES) {
      expect(checkValue(field.spec, field.default, path), path).toBeNull();
      if (field.torchDefault !== undefined) expect(checkValue(field.spec, field.torchDefault, path), path).toBeNull();
      expect(field.label.length, path).toBeGreaterThan(2);
      expect(field.description.length, path).toBeGreaterThan(20);
      expect(field.description.length, path).toBeLessThan(260);
    }
  });

  it("has one entry per optimizer and scheduler, and each type's defaults are valid", () => {
    expect(Object.keys(SCHEMA.optimizer.variants)).toEqual([...OPTIMIZERS]);
    expect(Object.keys(SCHEMA.scheduler.variants)).toEqual([...SCHEDULERS]);
    for (const type of OPTIMIZERS) expect(validateConfig({ ...defaultConfig(), optimizer: defaultOptimizer(type) }).ok).toBe(true);
    for (const type of SCHEDULERS) expect(validateConfig({ ...defaultConfig(), scheduler: defaultScheduler(type) }).ok).toBe(true);
  });

  it('uses PyTorch defaults, except a learning rate that learns visibly', () => {
    expect(defaultOptimizer('sgd')).toEqual({ type: 'sgd', lr: 0.1, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 });
    expect(defaultOptimizer('adamw')).toMatchObject({ weightDecay: 0.01, eps: 1e-8 });
    expect(defaultOptimizer('rmsprop')).toMatchObject({ lr: 0.01, alpha: 0.99, eps: 1e-8, momentum: 0, centered: false });
    expect(defaultOptimizer('adagrad')).toMatchObject({ eps: 1e-10, lrDecay: 0, initialAccumulatorValue: 0 });
    expect(fieldAt('optimizer.lr', 'adam')?.torchDefault).toBe(0.001);
    expect(defaultScheduler('linearLR')).toMatchObject({ startFactor: 1 / 3, endFactor: 1, totalIters: 5 });
    expect(defaultScheduler('reduceLROnPlateau')).toEqual({
      type: 'reduceLROnPlateau', factor: 0.1, patience: 10, threshold: 1e-4, thresholdMode: 'rel', cooldown: 0, minLr: 0,
    });
  });

  it('steps OneCycleLR and CyclicLR per batch, the others per epoch, and ReduceLROnPlateau after each evaluation', () => {
    const intervals = Object.fromEntries(SCHEDULERS.map((type) => [type, (defaultScheduler(type) as { interval?: string }).interval]));
    expect(intervals).toEqual({
      none: 'epoch', stepLR: 'epoch', multiStepLR: 'epoch', exponentialLR: 'epoch', cosineAnnealingLR: 'epoch',
      linearLR: 'epoch', oneCycleLR: 'step', cyclicLR: 'step', reduceLROnPlateau: undefined,
    });
  });

  it('draws the learning rate, eps, weight decay and initial std on a log scale', () => {
    const logScale = [...new Set(FIELD_ENTRIES.filter((e) => e.field.spec.kind === 'number' && e.field.spec.logScale).map((e) => e.path))];
    for (const path of ['optimizer.lr', 'optimizer.eps', 'optimizer.weightDecay', 'model.initStd']) expect(logScale).toContain(path);
    expect(logScale).not.toContain('model.dropout');
  });

  it('gives a shared path the same kind in every optimizer and scheduler', () => {
    const kinds = new Map<string, Set<string>>();
    for (const { path, field } of FIELD_ENTRIES) kinds.set(path, (kinds.get(path) ?? new Set()).add(field.change));
    for (const [path, set] of kinds) expect([...set], path).toHaveLength(1);
  });

  it('marks exactly these settings live; everything else restarts the run', () => {
    const live = [...new Set(FIELD_ENTRIES.filter((e) => e.field.change === 'live').map((e) => e.path))].sort();
    expect(live).toEqual(
      [
        'model.dropout',
        'loss.classWeights', 'loss.labelSmoothing',
        'optimizer.lr', 'optimizer.momentum', 'optimizer.dampening', 'optimizer.nesterov', 'optimizer.weightDecay',
        'optimizer.betas', 'optimizer.eps', 'optimizer.alpha', 'optimizer.lrDecay',
        'training.evaluateEverySteps', 'training.zeroGrad',
        'training.earlyStopping.enabled', 'training.earlyStopping.patience', 'training.earlyStopping.minDelta',
        'training.earlyStopping.restoreBestWeights',
        'training.gradientClipping.enabled', 'training.gradientClipping.maxNorm',
      ].sort(),
    );
    for (const path of ['data.dataset', 'data.seed', 'model.hiddenLayers', 'model.activation', 'model.init', 'training.seed',
      'training.batchSize', 'training.epochs', 'optimizer.type', 'optimizer.amsgrad', 'scheduler.type', 'scheduler.gamma', 'loss.type']) {
      expect(changeOf(path), path).toBe('structural');
    }
    expect(changeOf('no.such.path')).toBe('structural');
  });

  it("lists an experiment's own fields, and which of them it uses", () => {
    const used = (config = defaultConfig()) => fieldsOf(config).filter((e) => e.used).map((e) => e.path);
    const all = fieldsOf(defaultConfig()).map((e) => e.path);
    expect(all).toContain('optimizer.betas');
    expect(all).not.toContain('optimizer.momentum');
    expect(used()).toContain('data.noise');
    expect(used()).not.toContain('model.initStd');
    expect(used()).not.toContain('training.earlyStopping.patience');
    const digits = used(edit({ 'data.dataset': 'digits' }));
    expect(digits).not.toContain('data.noise');
    expect(digits).not.toContain('data.classes');
    expect(used(edit({ 'model.init': 'normal' }))).toContain('model.initStd');
    expect(used(edit({ 'data.dataset': 'sine', 'loss.type': 'mse' }))).not.toContain('training.sampler');
  });
});

describe('data sets', () => {
  it('knows the task, inputs, classes and size of each', () => {
    const facts = Object.fromEntries(
      DATASET_NAMES.map((dataset) => {
        const config = edit({ 'data.dataset': dataset, 'loss.type': DATASETS[dataset].task === 'regression' ? 'mse' : 'crossEntropy' });
        return [dataset, [DATASETS[dataset].task[0], numFeatures(config), numClasses(config), numOutputs(config), datasetSize(config)]];
      }),
    );
    expect(facts).toEqual({
      circles: ['c', 2, 2, 2, 400], xor: ['c', 2, 2, 2, 400], blobs: ['c', 2, 2, 2, 400], spiral: ['c', 2, 2, 2, 400],
      moons: ['c', 2, 2, 2, 400], sine: ['r', 1, 0, 1, 400], step: ['r', 1, 0, 1, 400], polynomial: ['r', 1, 0, 1, 400],
      plane: ['r', 2, 0, 1, 400], bumps: ['r', 2, 0, 1, 400], digits: ['c', 64, 10, 10, 1797], iris: ['c', 4, 3, 3, 150],
      wine: ['c', 13, 3, 3, 178], breastCancer: ['c', 30, 2, 2, 569], diabetes: ['r', 10, 0, 1, 442],
      // no table of one's own loaded (see datasets.user.test.ts)
      custom: ['c', 0, 0, 0, 0],
    });
  });

  it('lets blobs and spiral choose their number of classes; the others ignore data.classes', () => {
    expect(numClasses(edit({ 'data.dataset': 'blobs', 'data.classes': 5 }))).toBe(5);
    expect(numClasses(edit({ 'data.dataset': 'spiral', 'data.classes': 3 }))).toBe(3);
    expect(numClasses(edit({ 'data.dataset': 'moons', 'data.classes': 4 }))).toBe(2);
    expect(numOutputs(edit({ 'data.dataset': 'blobs', 'data.classes': 4 }))).toBe(4);
  });
});
