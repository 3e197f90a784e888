/**
 * Guided experiments: one per lesson of the training loop, each a small change to the default
 * experiment that makes one thing visible — a learning rate that blows up or crawls, StepLR's
 * steps, class imbalance and its two fixes, initialisations that break learning, the wrong loss,
 * a forgotten zero_grad, overfitting, early stopping. presets.test.ts runs every one of them and
 * checks, in numbers, that it shows what its card says.
 */
import type { Sweep } from '../store/sweep';
import {
  defaultConfig,
  defaultOptimizer,
  defaultScheduler,
  validateConfig,
  type ExperimentConfig,
} from '../../engine/train/config';
import { mergeSections } from '../bridge/merge';

/** The steps of the training loop, as the tutorial orders them. */
export const LOOP_STEPS = ['learningRate', 'data', 'forward', 'loss', 'backward', 'validation', 'repeat'] as const;
export type LoopStep = (typeof LOOP_STEPS)[number];

export const EXPERIMENT_IDS = [
  'lrTooLarge',
  'lrTooSmall',
  'lrFinder',
  'stepLR',
  'classImbalance',
  'zeroInit',
  'largeInit',
  'mseForClasses',
  'noZeroGrad',
  'overfitting',
  'earlyStopping',
] as const;
export type ExperimentId = (typeof EXPERIMENT_IDS)[number];

type Sections = Omit<ExperimentConfig, 'version'>;
/** Per section, the settings that differ from the default experiment. */
type Patch = { [K in keyof Sections]?: Partial<Sections[K]> };

export interface Experiment {
  id: ExperimentId;
  step: LoopStep;
  patch: Patch;
  /**
   * Steps a second at Normal while the lesson's run is unchanged, where its point comes before its
   * last epoch (see bridge/pace.ts); otherwise the run's length sets the pace.
   */
  pace?: number;
  /** the chart the card talks about, brought up beside the loss (the per-class table: beside the output) */
  focus?: LessonFocus;
  /** values the card offers to run side by side (see store/sweep.ts) */
  compare?: Sweep;
}

/** Too small, good, too large: the learning-rate lessons' comparison. */
const LR_COMPARISON: Sweep = { path: 'optimizer.lr', values: [0.0001, 0.01, 1] };

export type LessonFocus = 'learningRate' | 'gradients' | 'perClass' | 'lrFinder';

const sgd = (settings: Partial<ReturnType<typeof defaultOptimizer<'sgd'>>>) => ({ ...defaultOptimizer('sgd'), ...settings });

/** Few noisy points and a wide network: it learns the training set by heart. */
const overfit: Patch = {
  data: { dataset: 'moons', points: 40, noise: 0.5, validationFraction: 0.5 },
  model: { hiddenLayers: [128, 128] },
  training: { epochs: 300 },
};

export const EXPERIMENTS: readonly Experiment[] = [
  // Adam, the default optimizer, whose good rate here is the default 0.01: 1 blows up at once, 0.1
  // swings without improving, 1e-5 barely moves.
  { id: 'lrTooLarge', step: 'learningRate', patch: { optimizer: { lr: 1 } }, pace: 1, compare: LR_COMPARISON },
  { id: 'lrTooSmall', step: 'learningRate', patch: { optimizer: { lr: 1e-5 }, training: { epochs: 60 } }, compare: LR_COMPARISON },
  // Adam at 1e-4 crawls; the range test (its card beside the loss) suggests about 0.014
  { id: 'lrFinder', step: 'learningRate', patch: { optimizer: { lr: 1e-4 } }, focus: 'lrFinder' },
  {
    id: 'stepLR',
    step: 'learningRate',
    patch: {
      optimizer: sgd({ lr: 0.05, momentum: 0.9 }),
      scheduler: { ...defaultScheduler('stepLR'), stepSize: 60, gamma: 0.1 },
      training: { epochs: 180 },
    },
    focus: 'learningRate',
  },
  {
    id: 'classImbalance',
    step: 'data',
    patch: {
      data: { dataset: 'moons', imbalance: 20, noise: 0.5, validationFraction: 0.5 },
      optimizer: sgd({ lr: 0.1 }),
      training: { epochs: 20 },
    },
    focus: 'perClass',
  },
  { id: 'zeroInit', step: 'forward', patch: { model: { init: 'zeros' }, training: { epochs: 60 } } },
  { id: 'largeInit', step: 'forward', patch: { model: { init: 'normal', initStd: 2 }, training: { epochs: 60 } } },
  { id: 'mseForClasses', step: 'loss', patch: { loss: { type: 'mse' }, training: { epochs: 40 } } },
  { id: 'noZeroGrad', step: 'backward', patch: { training: { zeroGrad: false, epochs: 40 } }, focus: 'gradients' },
  { id: 'overfitting', step: 'validation', patch: overfit },
  {
    id: 'earlyStopping',
    step: 'repeat',
    patch: {
      ...overfit,
      training: { epochs: 300, earlyStopping: { enabled: true, patience: 20, minDelta: 0, restoreBestWeights: true } },
    },
    // it stops near epoch 24 of 300 (2 batches each): 24 s
    pace: 2,
  },
];

export function experimentById(id: ExperimentId): Experiment {
  return EXPERIMENTS.find((e) => e.id === id)!;
}

/** The whole experiment: the defaults with the preset's changes (a new optimizer or scheduler replaces its section). */
export function experimentConfig(id: ExperimentId): ExperimentConfig {
  const checked = validateConfig(mergeSections(defaultConfig(), experimentById(id).patch));
  if (!checked.ok) throw new Error(`experiment ${id}: ${checked.errors.map((e) => e.message).join('; ')}`);
  return checked.config;
}
