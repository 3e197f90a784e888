/**
 * From an `ExperimentConfig` to a ready training run: the model, loss, optimizer, scheduler and
 * DataLoader a PyTorch user would write for it — and `applyLiveSettings`, which changes a running
 * one in place the way a PyTorch user could between two steps.
 */
import { Generator } from '../random';
import { Tensor } from '../tensor';
import * as nn from '../nn';
import * as optim from '../optim';
import * as data from '../data';
import * as sets from '../data/sets';
import type { LabeledData } from '../data/sets';
import { WARMUP_START_FACTOR, numOutputs, type ExperimentConfig, type ModelConfig, type OptimizerConfig, type SchedulerConfig } from './config';
import { prepareData, type DatasetTexts, type PreparedData } from './data';
import { Trainer, type SchedulerHandle, type TrainerEvents, type TrainerSettings, type TrainerSetup } from './trainer';
import { float32 } from '../arena';

export interface BuiltExperiment {
  config: ExperimentConfig;
  data: PreparedData;
  setup: TrainerSetup;
  trainer: Trainer;
  /** the one generator of the run (initialisation, shuffling, sampling, dropout, augmentation): a checkpoint keeps its state */
  generator: Generator;
}

function activation(name: ModelConfig['activation']): nn.Module {
  switch (name) {
    case 'relu': return new nn.ReLU();
    case 'leakyRelu': return new nn.LeakyReLU();
    case 'elu': return new nn.ELU();
    case 'gelu': return new nn.GELU();
    case 'silu': return new nn.SiLU();
    case 'tanh': return new nn.Tanh();
    case 'sigmoid': return new nn.Sigmoid();
    case 'identity': return new nn.Identity();
  }
}

/** The nonlinearity name torch.nn.init's gain table uses for an activation. */
function gainName(name: ModelConfig['activation']): 'relu' | 'leaky_relu' | 'tanh' | 'sigmoid' | 'linear' {
  if (name === 'relu' || name === 'gelu' || name === 'silu' || name === 'elu') return 'relu';
  if (name === 'leakyRelu') return 'leaky_relu';
  if (name === 'tanh' || name === 'sigmoid') return name;
  return 'linear';
}

function initialise(linear: nn.Linear, model: ModelConfig, generator: Generator): void {
  const w = linear.weight;
  const b = linear.bias;
  const nonlinearity = gainName(model.activation);
  switch (model.init) {
    case 'default': return; // nn.Linear's own kaiming_uniform_(a=√5) and bias U(±1/√fanIn)
    case 'kaimingUniform': nn.init.kaimingUniform_(w, { nonlinearity, generator }); break;
    case 'kaimingNormal': nn.init.kaimingNormal_(w, { nonlinearity, generator }); break;
    case 'xavierUniform': nn.init.xavierUniform_(w, { gain: nn.init.calculateGain(nonlinearity), generator }); break;
    case 'xavierNormal': nn.init.xavierNormal_(w, { gain: nn.init.calculateGain(nonlinearity), generator }); break;
    case 'zeros': nn.init.zeros_(w); break;
    case 'normal': nn.init.normal_(w, 0, model.initStd, { generator }); break;
  }
  if (b) nn.init.zeros_(b);
}

/**
 * Linear → [BatchNorm1d] → activation → Dropout for each hidden layer, then a Linear to the
 * outputs. Dropout is always there (p = 0 is the identity) so that p can change while training.
 */
export function buildModel(inputs: number, outputs: number, config: ModelConfig, generator: Generator): nn.Sequential {
  const model = new nn.Sequential();
  let width = inputs;
  const linears: nn.Linear[] = [];
  for (const hidden of config.hiddenLayers) {
    const linear = new nn.Linear(width, hidden, { generator });
    linears.push(linear);
    model.append(linear);
    if (config.batchNorm) model.append(new nn.BatchNorm1d(hidden));
    model.append(activation(config.activation));
    model.append(new nn.Dropout(config.dropout, { generator }));
    width = hidden;
  }
  const head = new nn.Linear(width, outputs, { generator });
  linears.push(head);
  model.append(head);
  for (const linear of linears) initialise(linear, config, generator);
  return model;
}

export function buildOptimizer(config: OptimizerConfig, parameters: Tensor[]): optim.Optimizer {
  switch (config.type) {
    case 'sgd': {
      const { lr, momentum, dampening, nesterov, weightDecay } = config;
      return new optim.SGD(parameters, { lr, momentum, dampening, nesterov, weightDecay });
    }
    case 'adam':
    case 'adamw': {
      const { lr, betas, eps, weightDecay, amsgrad } = config;
      const options = { lr, betas: [betas[0], betas[1]] as [number, number], eps, weightDecay, amsgrad };
      return config.type === 'adam' ? new optim.Adam(parameters, options) : new optim.AdamW(parameters, options);
    }
    case 'rmsprop': {
      const { lr, alpha, eps, weightDecay, momentum, centered } = config;
      return new optim.RMSprop(parameters, { lr, alpha, eps, weightDecay, momentum, centered });
    }
    case 'adagrad': {
      const { lr, lrDecay, weightDecay, initialAccumulatorValue, eps } = config;
      return new optim.Adagrad(parameters, { lr, lrDecay, weightDecay, initialAccumulatorValue, eps });
    }
  }
}

type StepScheduler = { step(): void };

/**
 * The scheduler, with its linear warm-up as PyTorch's SequentialLR, and when it steps.
 * `stepsPerEpoch` turns epochs into batches for schedulers that step every batch.
 */
export function buildScheduler(
  config: SchedulerConfig,
  optimizer: optim.Optimizer,
  epochs: number,
  stepsPerEpoch: number,
): SchedulerHandle | null {
  const s = optim.lrScheduler;
  if (config.type === 'none') return null;
  if (config.type === 'reduceLROnPlateau') {
    const { factor, patience, threshold, thresholdMode, cooldown, minLr } = config;
    const plateau = new s.ReduceLROnPlateau(optimizer, { mode: 'min', factor, patience, threshold, thresholdMode, cooldown, minLr });
    return {
      interval: 'epoch',
      step: (validationLoss) => plateau.step(validationLoss),
      state: () => ({ plateau: plateau.stateDict() }),
      load: (state) => {
        if ('plateau' in state) plateau.loadStateDict(state.plateau as Parameters<typeof plateau.loadStateDict>[0]);
      },
    };
  }
  const total = config.interval === 'step' ? epochs * stepsPerEpoch : epochs;
  const make = (): StepScheduler => {
    switch (config.type) {
      case 'stepLR': return new s.StepLR(optimizer, { stepSize: config.stepSize, gamma: config.gamma });
      case 'multiStepLR': return new s.MultiStepLR(optimizer, { milestones: config.milestones, gamma: config.gamma });
      case 'exponentialLR': return new s.ExponentialLR(optimizer, { gamma: config.gamma });
      case 'cosineAnnealingLR': return new s.CosineAnnealingLR(optimizer, { tMax: config.tMax, etaMin: config.etaMin });
      case 'linearLR': return new s.LinearLR(optimizer, { startFactor: config.startFactor, endFactor: config.endFactor, totalIters: config.totalIters });
      case 'oneCycleLR': {
        const { maxLr, pctStart, annealStrategy, divFactor, finalDivFactor, threePhase, cycleMomentum, baseMomentum, maxMomentum } = config;
        return new s.OneCycleLR(optimizer, {
          maxLr, totalSteps: Math.max(2, total - config.warmup), pctStart, annealStrategy, divFactor, finalDivFactor,
          threePhase, cycleMomentum: cycleMomentum && hasMomentum(optimizer), baseMomentum, maxMomentum,
        });
      }
      case 'cyclicLR': {
        const { baseLr, maxLr, stepSizeUp, mode, gamma, cycleMomentum, baseMomentum, maxMomentum } = config;
        return new s.CyclicLR(optimizer, {
          baseLr, maxLr, stepSizeUp, mode, gamma,
          cycleMomentum: cycleMomentum && hasMomentum(optimizer), baseMomentum, maxMomentum,
        });
      }
    }
  };
  let scheduler: StepScheduler;
  if (config.warmup > 0) {
    const warmup = new s.LinearLR(optimizer, { startFactor: WARMUP_START_FACTOR, endFactor: 1, totalIters: config.warmup });
    const main = make() as ConstructorParameters<typeof s.SequentialLR>[1]['schedulers'][number];
    scheduler = new s.SequentialLR(optimizer, { schedulers: [warmup, main], milestones: [config.warmup] });
  } else {
    scheduler = make();
  }
  // OneCycleLR refuses to step past its last step; the run may go on (more epochs set live).
  let stepsLeft = config.type === 'oneCycleLR' ? total - 1 : Infinity;
  let steps = 0;
  const step = () => {
    steps++;
    if (stepsLeft-- > 0) scheduler.step();
  };
  return {
    interval: config.interval,
    step,
    // every schedule but ReduceLROnPlateau is a function of its step count: replaying it is exact
    state: () => ({ steps }),
    load: (state) => {
      if (!('steps' in state)) return;
      for (let i = steps; i < state.steps; i++) step();
    },
  };
}

/** Momentum cycling needs a momentum (SGD/RMSprop) or β₁ (Adam/AdamW) to cycle. */
function hasMomentum(optimizer: optim.Optimizer): boolean {
  const group = optimizer.paramGroups[0] as unknown as Record<string, unknown>;
  return 'betas' in group || (typeof group.momentum === 'number' && group.momentum > 0);
}

export function trainerSettings(config: ExperimentConfig): TrainerSettings {
  const t = config.training;
  return {
    epochs: t.epochs,
    zeroGrad: t.zeroGrad,
    clipGradNorm: t.gradientClipping.enabled ? t.gradientClipping.maxNorm : null,
    evalEverySteps: t.evaluateEverySteps,
    earlyStopping: { ...t.earlyStopping },
  };
}

function asTensors(part: LabeledData, outputs: number): { x: Tensor; y: Tensor } {
  const x = new Tensor(part.x, [part.n, part.features]);
  const y = part.task === 'regression' && outputs === 1 ? new Tensor(part.y, [part.n, 1]) : new Tensor(part.y, [part.n]);
  return { x, y };
}

/** One-hot rows for MSE on class labels: the "why not MSE for classification" lesson. */
function oneHot(classes: number): (y: Tensor) => Tensor {
  return (y) => {
    const out = float32(y.data.length * classes);
    for (let i = 0; i < y.data.length; i++) out[i * classes + y.data[i]] = 1;
    return new Tensor(out, [y.data.length, classes]);
  };
}

/** The class weights the config asks for, or null (balanced: n / (classes · count), as sklearn). */
function classWeightTensor(config: ExperimentConfig, train: LabeledData): Tensor | null {
  if (train.task !== 'classification') return null;
  const { classWeights } = config.loss;
  if (classWeights === 'balanced') return new Tensor(sets.balancedClassWeights(train.y, train.classes), [train.classes]);
  if (Array.isArray(classWeights)) return new Tensor(Float32Array.from(classWeights), [classWeights.length]);
  return null;
}

function buildLoss(config: ExperimentConfig, train: LabeledData): nn.Module {
  if (config.loss.type === 'mse') return new nn.MSELoss();
  if (train.task !== 'classification') {
    throw new Error('Cross-entropy needs classes; this data set is a regression set, so use MSE.');
  }
  return new nn.CrossEntropyLoss({ weight: classWeightTensor(config, train) ?? undefined, labelSmoothing: config.loss.labelSmoothing });
}

/** Builds the whole run. Throws a sentence when the config cannot run (e.g. an empty epoch). */
export function buildExperiment(config: ExperimentConfig, texts: DatasetTexts = {}, events: TrainerEvents = {}): BuiltExperiment {
  const prepared = prepareData(config.data, texts);
  const { train, validation } = prepared;
  const outputs = numOutputs(config);
  const generator = new Generator(config.training.seed);
  const model = buildModel(train.features, outputs, config.model, generator);
  const lossFn = buildLoss(config, train);
  const optimizer = buildOptimizer(config.optimizer, model.parameters());

  const t = config.training;
  if (t.dropLast && t.batchSize > train.n) {
    throw new Error(
      `training.batchSize (${t.batchSize}) is larger than the training set (${train.n} samples) and dropLast is on, so an epoch would have no batch.`,
    );
  }
  const trainTensors = asTensors(train, outputs);
  const dataset = new data.TensorDataset(trainTensors.x, trainTensors.y);
  const sampler =
    t.sampler === 'weighted' && train.task === 'classification'
      ? new data.WeightedRandomSampler(sets.sampleWeights(train.y, train.classes), train.n, { replacement: true, generator })
      : undefined;
  const trainLoader = new data.DataLoader(dataset, {
    batchSize: t.batchSize,
    shuffle: sampler ? false : t.shuffle,
    sampler,
    dropLast: t.dropLast,
    generator,
  });
  const scheduler = buildScheduler(config.scheduler, optimizer, t.epochs, trainLoader.length);

  const augmentation = config.data.augmentation;
  const sigma = config.data.augmentationStd;
  const imageShape = train.imageShape as readonly [number, number] | undefined;
  const augment =
    augmentation === 'none'
      ? undefined
      : (x: Tensor) => {
          if (augmentation === 'shift' && imageShape) {
            // pixels are in [0, 1] here (divided by 16), so the noise is clipped to that range
            sets.augmentBatch(x.data, { shifts: true, pixelNoise: sigma, pixelRange: [0, 1] }, generator, imageShape, x.data);
          } else {
            sets.addJitter(x.data, sigma, generator, x.data);
          }
        };

  const setup: TrainerSetup = {
    model,
    lossFn,
    optimizer,
    scheduler,
    trainLoader,
    train: trainTensors,
    validation: asTensors(validation, outputs),
    task: train.task,
    outputs,
    lossTarget: config.loss.type === 'mse' && train.task === 'classification' ? oneHot(outputs) : undefined,
    augment,
    settings: trainerSettings(config),
  };
  return { config, data: prepared, setup, trainer: new Trainer(setup, events), generator };
}

/**
 * Applies the live fields of `config` to a running experiment, as a PyTorch user could between two
 * steps: optimizer hyper-parameters through `paramGroups`, dropout p, clipping, the zero_grad
 * switch, epochs and early stopping. The caller decides (with `diffConfig`) that nothing
 * structural changed.
 */
export function applyLiveSettings(built: BuiltExperiment, config: ExperimentConfig): void {
  const groups = built.setup.optimizer.paramGroups as unknown as Array<Record<string, unknown>>;
  const { type: _type, ...hyperParameters } = config.optimizer;
  for (const group of groups) {
    for (const [key, value] of Object.entries(hyperParameters)) {
      group[key] = Array.isArray(value) ? [...value] : value;
    }
  }
  for (const module of built.setup.model.modules()) {
    if (module instanceof nn.Dropout) module.p = config.model.dropout;
  }
  const loss = built.setup.lossFn;
  if (loss instanceof nn.CrossEntropyLoss) {
    loss.labelSmoothing = config.loss.labelSmoothing;
    loss.weight = classWeightTensor(config, built.data.train);
  }
  Object.assign(built.setup.settings, trainerSettings(config));
  built.config = config;
}
