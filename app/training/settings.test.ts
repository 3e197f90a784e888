import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultOptimizer, defaultScheduler, fieldAt, validateConfig, type ExperimentConfig } from '../../engine/train/config';
import { mergeDeep } from '../../workers/session';
import {
  classWeightsFor,
  optimizerParameters,
  patchFor,
  schedulerParameters,
  shownFields,
  sliderRange,
  switchLoss,
  switchOptimizer,
  switchScheduler,
  type Patch,
} from './settings';

function config(edit: (c: ExperimentConfig) => void = () => {}): ExperimentConfig {
  const c = defaultConfig();
  edit(c);
  return c;
}

/** What the worker does with a patch, then the same strict check changeConfig makes. */
function apply(c: ExperimentConfig, patch: Patch) {
  return validateConfig(mergeDeep(c, patch));
}

const range = { schedulerSteps: 200, stepsPerEpoch: 20, lr: 0.01 };

describe('which settings the panel shows', () => {
  it("shows the chosen optimizer's own hyper-parameters in the schema's order", () => {
    expect(optimizerParameters(config())).toEqual(['optimizer.betas', 'optimizer.eps', 'optimizer.amsgrad']);
    const sgd = config((c) => (c.optimizer = defaultOptimizer('sgd')));
    expect(optimizerParameters(sgd)).toEqual(['optimizer.momentum']);
    const sgdMomentum = config((c) => (c.optimizer = { ...defaultOptimizer('sgd'), momentum: 0.9 }));
    expect(optimizerParameters(sgdMomentum)).toEqual(['optimizer.momentum', 'optimizer.dampening', 'optimizer.nesterov']);
    expect(optimizerParameters(config((c) => (c.optimizer = defaultOptimizer('rmsprop'))))).toEqual([
      'optimizer.alpha', 'optimizer.eps', 'optimizer.momentum', 'optimizer.centered',
    ]);
    expect(optimizerParameters(config((c) => (c.optimizer = defaultOptimizer('adagrad'))))).toEqual([
      'optimizer.lrDecay', 'optimizer.initialAccumulatorValue', 'optimizer.eps',
    ]);
  });

  it('hides interval and warm-up without a schedule, and interval and warm-up for ReduceLROnPlateau (it has neither)', () => {
    const none = shownFields(config());
    expect(none.has('scheduler.interval')).toBe(false);
    expect(none.has('scheduler.warmup')).toBe(false);
    const step = shownFields(config((c) => (c.scheduler = defaultScheduler('stepLR'))));
    expect(step.has('scheduler.interval') && step.has('scheduler.warmup')).toBe(true);
    const plateau = config((c) => (c.scheduler = defaultScheduler('reduceLROnPlateau')));
    expect(shownFields(plateau).has('scheduler.interval')).toBe(false);
    expect(schedulerParameters(plateau)).toEqual([
      'scheduler.factor', 'scheduler.patience', 'scheduler.threshold', 'scheduler.thresholdMode', 'scheduler.cooldown', 'scheduler.minLr',
    ]);
  });

  it("shows CyclicLR's gamma only in exp_range mode and momentum cycling only for optimizers with a momentum", () => {
    const cyclic = config((c) => (c.scheduler = defaultScheduler('cyclicLR')));
    expect(schedulerParameters(cyclic)).not.toContain('scheduler.gamma');
    const expRange = config((c) => (c.scheduler = { ...defaultScheduler('cyclicLR'), mode: 'exp_range' }));
    expect(schedulerParameters(expRange)).toContain('scheduler.gamma');
    const adagrad = config((c) => {
      c.optimizer = defaultOptimizer('adagrad');
      c.scheduler = { ...defaultScheduler('oneCycleLR'), cycleMomentum: false };
    });
    expect(schedulerParameters(adagrad).filter((p) => p.includes('omentum'))).toEqual([]);
  });

  it('hides class weights, label smoothing and the sampler where they cannot act', () => {
    const regression = shownFields(config((c) => ((c.data.dataset = 'sine'), (c.loss.type = 'mse'))));
    for (const path of ['loss.classWeights', 'loss.labelSmoothing', 'training.sampler']) expect(regression.has(path)).toBe(false);
    const mseOnClasses = shownFields(config((c) => (c.loss.type = 'mse')));
    expect(mseOnClasses.has('loss.classWeights')).toBe(false);
    expect(mseOnClasses.has('training.sampler')).toBe(true);
    const weighted = shownFields(config((c) => (c.training.sampler = 'weighted')));
    expect(weighted.has('training.shuffle')).toBe(false);
  });

  it('shows early-stopping details and the clipping norm only when switched on', () => {
    expect(shownFields(config()).has('training.earlyStopping.patience')).toBe(false);
    expect(shownFields(config((c) => (c.training.earlyStopping.enabled = true))).has('training.earlyStopping.patience')).toBe(true);
    expect(shownFields(config((c) => (c.training.gradientClipping.enabled = true))).has('training.gradientClipping.maxNorm')).toBe(true);
  });
});

describe('what a change sends', () => {
  it('sends a nested group whole, with one value changed', () => {
    const c = config();
    expect(patchFor(c, 'optimizer.lr', 0.3)).toEqual({ optimizer: { lr: 0.3 } });
    expect(patchFor(c, 'training.earlyStopping.patience', 7)).toEqual({
      training: { earlyStopping: { enabled: false, patience: 7, minDelta: 0, restoreBestWeights: true } },
    });
    const checked = apply(c, patchFor(c, 'training.earlyStopping.patience', 7));
    expect(checked.ok && checked.config.training.earlyStopping.patience).toBe(7);
  });

  it('switching the optimizer sends its defaults and keeps the learning rate', () => {
    const c = config((x) => (x.optimizer.lr = 0.003));
    const patch = switchOptimizer(c, 'sgd');
    expect(patch).toEqual({ optimizer: { ...defaultOptimizer('sgd'), lr: 0.003 } });
    const checked = apply(c, patch);
    expect(checked.ok && checked.config.optimizer).toEqual({ type: 'sgd', lr: 0.003, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 });
  });

  it('switching to Adagrad under a momentum-cycling schedule turns the cycling off, so the change is accepted', () => {
    const c = config((x) => (x.scheduler = defaultScheduler('oneCycleLR')));
    const patch = switchOptimizer(c, 'adagrad');
    expect(apply(c, patch).ok).toBe(true);
    const cyclic = switchScheduler(config((x) => (x.optimizer = defaultOptimizer('adagrad'))), 'cyclicLR');
    expect(cyclic.scheduler).toMatchObject({ type: 'cyclicLR', cycleMomentum: false });
  });

  it('switching the schedule sends its defaults and keeps the warm-up', () => {
    const c = config((x) => (x.scheduler = { ...defaultScheduler('stepLR'), warmup: 5 }));
    const patch = switchScheduler(c, 'cosineAnnealingLR');
    expect(patch.scheduler).toEqual({ ...defaultScheduler('cosineAnnealingLR'), warmup: 5 });
    const checked = apply(c, patch);
    expect(checked.ok && checked.config.scheduler).toEqual({ type: 'cosineAnnealingLR', interval: 'epoch', warmup: 5, tMax: 200, etaMin: 0 });
  });

  it('switching to MSE clears class weights and label smoothing, which MSE cannot take', () => {
    const c = config((x) => ((x.loss.classWeights = 'balanced'), (x.loss.labelSmoothing = 0.1)));
    const checked = apply(c, switchLoss(c, 'mse'));
    expect(checked.ok && checked.config.loss).toEqual({ type: 'mse', classWeights: 'none', labelSmoothing: 0 });
  });

  it('custom class weights start at 1 for each class', () => {
    const blobs = config((x) => ((x.data.dataset = 'blobs'), (x.data.classes = 4)));
    expect(classWeightsFor(blobs, 'custom')).toEqual([1, 1, 1, 1]);
    expect(classWeightsFor(blobs, 'balanced')).toBe('balanced');
  });
});

describe('slider ranges', () => {
  it('puts the learning rate on a log slider from 1e-5 to 10, and step counts up to the run length', () => {
    const lr = fieldAt('optimizer.lr', 'sgd')!.spec;
    expect(lr.kind === 'number' && sliderRange('optimizer.lr', lr, range)).toEqual({ min: 1e-5, max: 10, logScale: true });
    const stepSize = fieldAt('scheduler.stepSize', 'stepLR')!.spec;
    expect(stepSize.kind === 'number' && sliderRange('scheduler.stepSize', stepSize, { ...range, schedulerSteps: 4000 }).max).toBe(4000);
    const gamma = fieldAt('scheduler.gamma', 'exponentialLR')!.spec;
    expect(gamma.kind === 'number' && sliderRange('scheduler.gamma', gamma, range, 'exponentialLR').min).toBe(0.9);
  });
});
