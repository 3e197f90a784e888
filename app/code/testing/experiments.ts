/**
 * Experiments the code-view tests use: a spread over data sets, optimizers, schedulers and the
 * loop's switches, each valid (checked by the tests with validateConfig).
 */
import { defaultConfig, defaultOptimizer, defaultScheduler, type ExperimentConfig } from '../../../engine/train/config';

type Edit = (c: ExperimentConfig) => void;

function experiment(edit: Edit): ExperimentConfig {
  const c = defaultConfig();
  edit(c);
  return c;
}

export const EXPERIMENTS = {
  /** The page's starting point: spiral, [16, 16] ReLU, Adam 0.01, 200 epochs. */
  default: experiment(() => {}),
  digitsAdamWCosine: experiment((c) => {
    c.data.dataset = 'digits';
    c.model.hiddenLayers = [64];
    c.model.dropout = 0.2;
    c.optimizer = { ...defaultOptimizer('adamw'), lr: 0.003 };
    c.scheduler = { ...defaultScheduler('cosineAnnealingLR'), tMax: 30, warmup: 3 };
    c.training.batchSize = 32;
    c.training.epochs = 30;
  }),
  breastCancerBalanced: experiment((c) => {
    c.data.dataset = 'breastCancer';
    c.data.imbalance = 5;
    c.loss.classWeights = 'balanced';
    c.training.sampler = 'weighted';
    c.optimizer = { ...defaultOptimizer('adam'), lr: 0.003 };
    c.training.epochs = 30;
  }),
  diabetesPlateau: experiment((c) => {
    c.data.dataset = 'diabetes';
    c.loss.type = 'mse';
    c.model.hiddenLayers = [32];
    c.optimizer = { ...defaultOptimizer('adam'), lr: 0.003, weightDecay: 0.001 };
    c.scheduler = { ...defaultScheduler('reduceLROnPlateau'), factor: 0.5, patience: 5 };
    c.training.earlyStopping = { enabled: true, patience: 15, minDelta: 0.001, restoreBestWeights: true };
    c.training.epochs = 60;
  }),
  zeroGradOff: experiment((c) => {
    c.data.dataset = 'moons';
    c.data.points = 300;
    c.optimizer = { ...defaultOptimizer('sgd'), lr: 0.002 };
    c.training.zeroGrad = false;
    c.training.epochs = 30;
  }),
  clippingOneCycle: experiment((c) => {
    c.data.dataset = 'circles';
    c.data.noise = 0.2;
    c.optimizer = { ...defaultOptimizer('sgd'), lr: 0.05, momentum: 0.9, nesterov: true };
    c.scheduler = { ...defaultScheduler('oneCycleLR'), maxLr: 0.2 };
    c.training.gradientClipping = { enabled: true, maxNorm: 0.5 };
    c.training.batchSize = 32;
    c.training.epochs = 40;
  }),
  mseOnClasses: experiment((c) => {
    c.data.dataset = 'blobs';
    c.data.classes = 3;
    c.data.noise = 0.3;
    c.loss.type = 'mse';
    c.model.activation = 'tanh';
    c.model.init = 'xavierUniform';
    c.training.epochs = 40;
  }),
  irisEmbedded: experiment((c) => {
    c.data.dataset = 'iris';
    c.model.hiddenLayers = [8];
    c.loss.labelSmoothing = 0.1;
    c.training.shuffle = false;
    c.training.dropLast = true;
    c.training.epochs = 60;
  }),
  cancerCyclic: experiment((c) => {
    c.data.dataset = 'breastCancer';
    c.model.batchNorm = true;
    c.model.init = 'kaimingNormal';
    c.scheduler = { ...defaultScheduler('cyclicLR'), baseLr: 0.001, maxLr: 0.01, stepSizeUp: 50 };
    c.training.epochs = 40;
  }),
  sineJitter: experiment((c) => {
    c.data.dataset = 'sine';
    c.data.points = 200;
    c.data.augmentation = 'jitter';
    c.data.augmentationStd = 0.02;
    c.loss.type = 'mse';
    c.model.hiddenLayers = [32, 32];
    c.model.activation = 'tanh';
    c.scheduler = { ...defaultScheduler('stepLR'), stepSize: 40, gamma: 0.5 };
    c.training.epochs = 120;
  }),
  xorStepWarmup: experiment((c) => {
    c.data.dataset = 'xor';
    c.data.imbalance = 3;
    c.model.activation = 'leakyRelu';
    c.model.init = 'kaimingUniform';
    c.optimizer = { ...defaultOptimizer('rmsprop'), lr: 0.005, momentum: 0.5 };
    c.scheduler = { ...defaultScheduler('oneCycleLR'), maxLr: 0.02, warmup: 20, interval: 'step' };
    c.loss.classWeights = [1, 2];
    c.training.epochs = 40;
  }),
  digitsShift: experiment((c) => {
    c.data.dataset = 'digits';
    c.data.augmentation = 'shift';
    c.data.augmentationStd = 0.05;
    c.model.hiddenLayers = [32];
    c.optimizer = { ...defaultOptimizer('adagrad'), lr: 0.05 };
    c.scheduler = { ...defaultScheduler('multiStepLR'), milestones: [10, 20] };
    c.training.epochs = 25;
  }),
  bumpsLinear: experiment((c) => {
    c.data.dataset = 'bumps';
    c.loss.type = 'mse';
    c.model.hiddenLayers = [];
    c.model.init = 'normal';
    c.model.initStd = 0.1;
    c.scheduler = { ...defaultScheduler('exponentialLR'), gamma: 0.98 };
    c.training.epochs = 20;
  }),
} satisfies Record<string, ExperimentConfig>;

export type ExperimentName = keyof typeof EXPERIMENTS;

/** A copy with another number of epochs (the run tests keep runs short). */
export function withEpochs(config: ExperimentConfig, epochs: number): ExperimentConfig {
  const copy = structuredClone(config);
  copy.training.epochs = epochs;
  if (copy.scheduler.type === 'cosineAnnealingLR') copy.scheduler.tMax = epochs;
  return copy;
}
