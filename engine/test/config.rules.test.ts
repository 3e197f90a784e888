/** Rules between settings: each is reported by validateConfig with its reason, and fixed by parseConfig. */
import { describe, expect, it } from 'vitest';
import {
  OPTIMIZERS,
  SCHEDULERS,
  DATASET_NAMES,
  DATASETS,
  defaultConfig,
  defaultOptimizer,
  defaultScheduler,
  parseConfig,
  validateConfig,
  type ExperimentConfig,
} from '../train/config';
import { edit, valueAt } from './config.helpers';

const sgd = (changes: Record<string, unknown>) => ({ optimizer: { ...defaultOptimizer('sgd'), ...changes } });

/** [name, changes to the default experiment, path of the conflict, words the message must contain, the value parseConfig puts there]. */
const RULES: Array<[string, Record<string, unknown>, string, string, unknown]> = [
  [
    'cross-entropy needs classes',
    { 'data.dataset': 'sine' },
    'loss.type',
    'loss.type "crossEntropy" needs a classification data set, but sine is regression: cross-entropy scores the probability given to the true class, and a regression target is a number, not a class; use "mse"',
    'mse',
  ],
  [
    'class weights need classes',
    { 'data.dataset': 'diabetes', 'loss.type': 'mse', 'loss.classWeights': 'balanced' },
    'loss.classWeights',
    'loss.classWeights must be "none" here: diabetes is a regression data set and has no classes; got "balanced"',
    'none',
  ],
  [
    'class weights need cross-entropy',
    { 'loss.type': 'mse', 'loss.classWeights': [1, 2] },
    'loss.classWeights',
    'loss.classWeights must be "none" here: class weights need loss.type "crossEntropy" (PyTorch\'s MSELoss takes no weights); got [1, 2]',
    'none',
  ],
  [
    'one weight per class',
    { 'data.dataset': 'wine', 'loss.classWeights': [1, 2] },
    'loss.classWeights',
    'loss.classWeights must have one weight per class: 3 for wine; got a list of 2',
    'none',
  ],
  [
    'blobs count their own classes',
    { 'data.dataset': 'blobs', 'data.classes': 4, 'loss.classWeights': [1, 1, 1] },
    'loss.classWeights',
    'loss.classWeights must have one weight per class: 4 for blobs; got a list of 3',
    'none',
  ],
  [
    'label smoothing needs cross-entropy',
    { 'loss.type': 'mse', 'loss.labelSmoothing': 0.1 },
    'loss.labelSmoothing',
    'loss.labelSmoothing needs loss.type "crossEntropy" (it softens class targets); with "mse" it must be 0; got 0.1',
    0,
  ],
  [
    'spiral has 2 or 3 arms',
    { 'data.classes': 4 },
    'data.classes',
    'data.classes must be from 2 to 3 for spiral; got 4',
    2,
  ],
  [
    'shift is for images',
    { 'data.augmentation': 'shift' },
    'data.augmentation',
    'data.augmentation "shift" moves images by a pixel, so it needs the digits data set, not spiral; use "jitter" or "none"',
    'none',
  ],
  [
    'nesterov needs momentum',
    sgd({ nesterov: true }),
    'optimizer.nesterov',
    'optimizer.nesterov needs optimizer.momentum above 0 and optimizer.dampening 0, as in PyTorch; got momentum 0 and dampening 0',
    false,
  ],
  [
    'nesterov needs zero dampening',
    sgd({ nesterov: true, momentum: 0.9, dampening: 0.1 }),
    'optimizer.nesterov',
    'optimizer.nesterov needs optimizer.momentum above 0 and optimizer.dampening 0, as in PyTorch; got momentum 0.9 and dampening 0.1',
    false,
  ],
  [
    'weighted sampling needs classes',
    { 'data.dataset': 'bumps', 'loss.type': 'mse', 'training.sampler': 'weighted' },
    'training.sampler',
    'training.sampler "weighted" evens out classes, so it needs a classification data set; bumps is regression',
    'none',
  ],
  [
    'adagrad has no momentum to cycle',
    { optimizer: defaultOptimizer('adagrad'), scheduler: defaultScheduler('oneCycleLR') },
    'scheduler.cycleMomentum',
    'scheduler.cycleMomentum needs an optimizer with momentum or betas; adagrad has neither, so it must be false',
    false,
  ],
  [
    'a cycle bottom below its top',
    { scheduler: { ...defaultScheduler('cyclicLR'), baseLr: 0.1, maxLr: 0.01 } },
    'scheduler.baseLr',
    'scheduler.baseLr is the bottom of the cycle, so it must not be above scheduler.maxLr (0.01); got 0.1',
    0.001,
  ],
];

describe('cross-field rules', () => {
  it.each(RULES)('%s', (_name, changes, path, message, fixed) => {
    const input = edit(changes);
    const result = validateConfig(input);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual([{ path, code: 'conflict', message, got: expect.any(String) }]);

    const { config, ignored } = parseConfig(input);
    expect(ignored.map((e) => e.path)).toEqual([path]);
    expect(valueAt(config, path)).toEqual(fixed);
    expect(validateConfig(config).ok).toBe(true);
  });

  it('allows what PyTorch allows: MSE on classes, nesterov with momentum, weights that match', () => {
    const fine: Array<Record<string, unknown>> = [
      { 'loss.type': 'mse' },
      sgd({ nesterov: true, momentum: 0.9 }),
      { 'data.dataset': 'wine', 'loss.classWeights': [1, 2, 0.5] },
      { 'data.dataset': 'blobs', 'data.classes': 5, 'loss.classWeights': [1, 1, 1, 1, 5] },
      { 'data.dataset': 'spiral', 'data.classes': 3 },
      { 'data.dataset': 'digits', 'data.augmentation': 'shift' },
      { 'data.dataset': 'digits', 'data.augmentation': 'jitter' },
      { 'data.dataset': 'breastCancer', 'training.sampler': 'weighted', 'data.imbalance': 20 },
      { 'data.dataset': 'diabetes', 'loss.type': 'mse' },
      // `classes` is only read by blobs and spiral; elsewhere it is kept for switching back.
      { 'data.dataset': 'circles', 'data.classes': 5 },
      { optimizer: defaultOptimizer('adagrad'), scheduler: { ...defaultScheduler('cyclicLR'), cycleMomentum: false } },
    ];
    for (const changes of fine) expect(validateConfig(edit(changes))).toMatchObject({ ok: true });
  });

  it('quietly picks the fitting default when the person did not choose the conflicting value', () => {
    // Only the data set was given: the default loss (cross-entropy) is replaced by MSE without complaint.
    const { config, ignored } = parseConfig({ data: { dataset: 'diabetes' } });
    expect(ignored).toEqual([]);
    expect(config.loss.type).toBe('mse');
    // A bad loss type is reported once, as bad, not again as a conflict.
    const bad = parseConfig({ data: { dataset: 'sine' }, loss: { type: 'hinge' } });
    expect(bad.ignored.map((e) => e.message)).toEqual(['loss.type must be one of: crossEntropy, mse; got "hinge"']);
    expect(bad.config.loss.type).toBe('mse');
  });

  it('catches a conflict that a fix creates (cross-entropy → MSE leaves label smoothing stranded)', () => {
    const { config, ignored } = parseConfig(edit({ 'data.dataset': 'step', 'loss.labelSmoothing': 0.2 }));
    expect(ignored.map((e) => e.path)).toEqual(['loss.type', 'loss.labelSmoothing']);
    expect(config.loss).toEqual({ type: 'mse', classWeights: 'none', labelSmoothing: 0 });
  });

  it('every data set, optimizer and scheduler combines with the defaults into a valid experiment', () => {
    let checked = 0;
    // (custom: below, with a table loaded)
    for (const dataset of DATASET_NAMES.filter((d) => d !== 'custom')) {
      for (const optimizer of OPTIMIZERS) {
        for (const scheduler of SCHEDULERS) {
          const config: ExperimentConfig = {
            ...defaultConfig(),
            optimizer: defaultOptimizer(optimizer),
            scheduler: defaultScheduler(scheduler),
          };
          config.data.dataset = dataset;
          if (DATASETS[dataset].task === 'regression') config.loss.type = 'mse';
          const cycles = scheduler === 'oneCycleLR' || scheduler === 'cyclicLR';
          const result = validateConfig(config);
          if (optimizer === 'adagrad' && cycles) expect(result.ok).toBe(false);
          else expect(result, `${dataset} + ${optimizer} + ${scheduler}`).toMatchObject({ ok: true });
          checked++;
        }
      }
    }
    expect(checked).toBe(15 * 5 * 9);
  });
});
