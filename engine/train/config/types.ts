/**
 * The experiment: one plain, versioned, JSON-serialisable object that says everything a run needs.
 * It is what the URL hash stores, what the worker builds a run from, and what the PyTorch code view
 * prints. Names follow PyTorch's arguments in camelCase (`weightDecay`, `stepSize`, `tMax`), so the
 * learner sees the same words on the page and in the generated code.
 *
 * The lists of names are `as const` arrays: the union types are derived from them, and the same
 * arrays are the choices the validator accepts, so a name can never be accepted by one and not the other.
 */

/** Bumped when a stored experiment would be read differently; `migrate.ts` lifts older ones. */
export const CONFIG_VERSION = 1;

export const DATASET_NAMES = [
  // 2-D classification, drawn in the playground
  'circles', 'xor', 'blobs', 'spiral', 'moons',
  // regression: 1-D curves and 2-D surfaces
  'sine', 'step', 'polynomial', 'plane', 'bumps',
  // real data sets shipped with the app
  'digits', 'iris', 'wine', 'breastCancer', 'diabetes',
  // a person's own CSV, loaded in the page (engine/train/config/userData.ts); it never travels in a link
  'custom',
] as const;
export type DatasetName = (typeof DATASET_NAMES)[number];

/** `jitter`: Gaussian noise on every input (on digits: on every pixel); `shift`: digits only, a random one-pixel move, then the same noise. */
export const AUGMENTATIONS = ['none', 'jitter', 'shift'] as const;
export type Augmentation = (typeof AUGMENTATIONS)[number];

export const ACTIVATIONS = ['relu', 'leakyRelu', 'elu', 'gelu', 'silu', 'tanh', 'sigmoid', 'identity'] as const;
export type ActivationName = (typeof ACTIVATIONS)[number];

/** `default` is what `nn.Linear` does on its own (kaiming_uniform_ with a=√5, bias U(±1/√fanIn)). */
export const INITIALISATIONS = [
  'default', 'kaimingUniform', 'kaimingNormal', 'xavierUniform', 'xavierNormal', 'zeros', 'normal',
] as const;
export type InitName = (typeof INITIALISATIONS)[number];

export const LOSSES = ['crossEntropy', 'mse'] as const;
export type LossName = (typeof LOSSES)[number];

export const OPTIMIZERS = ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad'] as const;
export type OptimizerName = (typeof OPTIMIZERS)[number];

export const SCHEDULERS = [
  'none', 'stepLR', 'multiStepLR', 'exponentialLR', 'cosineAnnealingLR', 'linearLR',
  'oneCycleLR', 'cyclicLR', 'reduceLROnPlateau',
] as const;
export type SchedulerName = (typeof SCHEDULERS)[number];

/** When `scheduler.step()` is called: after every epoch or after every batch. */
export const SCHEDULER_INTERVALS = ['epoch', 'step'] as const;
export type SchedulerInterval = (typeof SCHEDULER_INTERVALS)[number];

/** String values passed to PyTorch keep PyTorch's own spelling, so the code view prints them verbatim. */
export const CYCLIC_MODES = ['triangular', 'triangular2', 'exp_range'] as const;
export const ANNEAL_STRATEGIES = ['cos', 'linear'] as const;
export const THRESHOLD_MODES = ['rel', 'abs'] as const;

/** `none` is PyTorch's `sampler=None` (the loader's own order); `weighted` is a WeightedRandomSampler that evens out classes. */
export const SAMPLERS = ['none', 'weighted'] as const;
export type SamplerName = (typeof SAMPLERS)[number];

export interface DataConfig {
  dataset: DatasetName;
  /** How many points a synthetic set draws (real sets have their own size). */
  points: number;
  noise: number;
  /** Number of classes: blobs 2–5, spiral 2–3; every other set has its own fixed count. */
  classes: number;
  /** Largest class : smallest class, 1 = balanced … 20 = 1:20 (classification sets only). */
  imbalance: number;
  validationFraction: number;
  augmentation: Augmentation;
  /** σ of the Gaussian noise that `jitter` and `shift` add, in standardised input units. */
  augmentationStd: number;
  /** Seed of the data: which points are drawn and how they are split. */
  seed: number;
}

export interface ModelConfig {
  /** Widths of the hidden layers, input side first; [] is a linear model. */
  hiddenLayers: number[];
  activation: ActivationName;
  /** Probability that dropout zeroes a hidden unit during training. */
  dropout: number;
  init: InitName;
  /** Standard deviation for `init: 'normal'` (the "bad initialisation" lesson: try 0.001 or 10). */
  initStd: number;
  /** BatchNorm1d after each hidden Linear, before the activation. */
  batchNorm: boolean;
}

export type ClassWeights = 'none' | 'balanced' | number[];

export interface LossConfig {
  type: LossName;
  classWeights: ClassWeights;
  labelSmoothing: number;
}

export interface SgdConfig {
  type: 'sgd';
  lr: number;
  momentum: number;
  dampening: number;
  nesterov: boolean;
  weightDecay: number;
}
export interface AdamConfig {
  type: 'adam';
  lr: number;
  betas: [number, number];
  eps: number;
  weightDecay: number;
  amsgrad: boolean;
}
export interface AdamWConfig extends Omit<AdamConfig, 'type'> {
  type: 'adamw';
}
export interface RmspropConfig {
  type: 'rmsprop';
  lr: number;
  alpha: number;
  eps: number;
  weightDecay: number;
  momentum: number;
  centered: boolean;
}
export interface AdagradConfig {
  type: 'adagrad';
  lr: number;
  lrDecay: number;
  weightDecay: number;
  initialAccumulatorValue: number;
  eps: number;
}
export type OptimizerConfig = SgdConfig | AdamConfig | AdamWConfig | RmspropConfig | AdagradConfig;
/** The settings of one optimizer, e.g. `OptimizerOf<'sgd'>` is `SgdConfig`. */
export type OptimizerOf<T extends OptimizerName> = Extract<OptimizerConfig, { type: T }>;

/**
 * How often the scheduler steps, and an optional linear warm-up before it (built as PyTorch's
 * `SequentialLR([LinearLR(startFactor=WARMUP_START_FACTOR, totalIters=warmup), main], milestones=[warmup])`).
 * `warmup` is counted in the scheduler's own steps: epochs or batches, as `interval` says.
 */
export interface SchedulerTiming {
  interval: SchedulerInterval;
  warmup: number;
}
export interface NoSchedulerConfig extends SchedulerTiming {
  type: 'none';
}
export interface StepLRConfig extends SchedulerTiming {
  type: 'stepLR';
  stepSize: number;
  gamma: number;
}
export interface MultiStepLRConfig extends SchedulerTiming {
  type: 'multiStepLR';
  milestones: number[];
  gamma: number;
}
export interface ExponentialLRConfig extends SchedulerTiming {
  type: 'exponentialLR';
  gamma: number;
}
export interface CosineAnnealingLRConfig extends SchedulerTiming {
  type: 'cosineAnnealingLR';
  tMax: number;
  etaMin: number;
}
export interface LinearLRConfig extends SchedulerTiming {
  type: 'linearLR';
  startFactor: number;
  endFactor: number;
  totalIters: number;
}
/** `totalSteps` is not a setting: the run computes it as epochs × batches per epoch (or epochs, per `interval`). */
export interface OneCycleLRConfig extends SchedulerTiming {
  type: 'oneCycleLR';
  maxLr: number;
  pctStart: number;
  annealStrategy: (typeof ANNEAL_STRATEGIES)[number];
  divFactor: number;
  finalDivFactor: number;
  threePhase: boolean;
  cycleMomentum: boolean;
  baseMomentum: number;
  maxMomentum: number;
}
export interface CyclicLRConfig extends SchedulerTiming {
  type: 'cyclicLR';
  baseLr: number;
  maxLr: number;
  stepSizeUp: number;
  mode: (typeof CYCLIC_MODES)[number];
  gamma: number;
  cycleMomentum: boolean;
  baseMomentum: number;
  maxMomentum: number;
}
/**
 * Steps after every evaluation on the validation loss (mode 'min'), so it has no `interval`; and
 * PyTorch's SequentialLR cannot chain it, so it has no `warmup` either.
 */
export interface ReduceLROnPlateauConfig {
  type: 'reduceLROnPlateau';
  factor: number;
  patience: number;
  threshold: number;
  thresholdMode: (typeof THRESHOLD_MODES)[number];
  cooldown: number;
  minLr: number;
}
export type SchedulerConfig =
  | NoSchedulerConfig
  | StepLRConfig
  | MultiStepLRConfig
  | ExponentialLRConfig
  | CosineAnnealingLRConfig
  | LinearLRConfig
  | OneCycleLRConfig
  | CyclicLRConfig
  | ReduceLROnPlateauConfig;
export type SchedulerOf<T extends SchedulerName> = Extract<SchedulerConfig, { type: T }>;

export interface EarlyStoppingConfig {
  enabled: boolean;
  /** Evaluations without an improvement of at least `minDelta` before the run stops. */
  patience: number;
  minDelta: number;
  restoreBestWeights: boolean;
}

export interface GradientClippingConfig {
  enabled: boolean;
  /** `clip_grad_norm_(model.parameters(), maxNorm)`: the global L2 norm of all gradients. */
  maxNorm: number;
}

export interface TrainingConfig {
  batchSize: number;
  /** Reshuffle every epoch; only used with `sampler: 'none'` (a weighted sampler draws at random anyway). */
  shuffle: boolean;
  dropLast: boolean;
  sampler: SamplerName;
  epochs: number;
  /** Also evaluate every N optimizer steps; 0 = only at the end of each epoch. */
  evaluateEverySteps: number;
  earlyStopping: EarlyStoppingConfig;
  gradientClipping: GradientClippingConfig;
  /** Call `optimizer.zeroGrad()` before each backward pass; off reproduces the classic bug. */
  zeroGrad: boolean;
  /** Seed of the run: initial weights, batch order, dropout masks. */
  seed: number;
}

export interface ExperimentConfig {
  version: typeof CONFIG_VERSION;
  data: DataConfig;
  model: ModelConfig;
  loss: LossConfig;
  optimizer: OptimizerConfig;
  scheduler: SchedulerConfig;
  training: TrainingConfig;
}

/** Section names in the order they are read, shown and printed. */
export const SECTIONS = ['data', 'model', 'loss', 'optimizer', 'scheduler', 'training'] as const;
export type SectionName = (typeof SECTIONS)[number];

/** Warm-up starts at this fraction of the learning rate and rises linearly to all of it. */
export const WARMUP_START_FACTOR = 0.01;
