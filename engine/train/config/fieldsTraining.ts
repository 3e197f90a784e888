/**
 * The table for the `training` section. The loop's knobs (evaluation, early stopping, clipping,
 * zero_grad) are live: the loop reads them at every step. What shapes the DataLoader (batch size,
 * order, sampler) and the run's length are structural, as rebuilding the loader is in PyTorch, and
 * because schedulers such as OneCycleLR are built for a fixed number of steps.
 */
import { DATASETS } from './datasets';
import type { Fields } from './field';
import { SEED_SPEC } from './fieldsDataModel';
import { SAMPLERS, type TrainingConfig } from './types';

export const TRAINING_FIELDS: Fields<TrainingConfig> = {
  batchSize: {
    spec: { kind: 'number', min: 1, max: 1024, integer: true },
    default: 16,
    change: 'structural',
    label: 'Batch size',
    description: 'Examples per optimizer step. Small batches give noisy, frequent steps; large ones smooth, rare steps. (It must not exceed the training set.)',
  },
  shuffle: {
    spec: { kind: 'boolean' },
    default: true,
    torchDefault: false,
    change: 'structural',
    label: 'Shuffle',
    description: 'Draw the batches in a new random order every epoch. Without it, sorted data gives batches of one class.',
    usedWhen: (c) => c.training.sampler === 'none',
  },
  dropLast: {
    spec: { kind: 'boolean' },
    default: false,
    torchDefault: false,
    change: 'structural',
    label: 'Drop last batch',
    description: 'Skip the last, smaller batch of each epoch.',
  },
  sampler: {
    spec: { kind: 'choice', choices: SAMPLERS },
    default: 'none',
    change: 'structural',
    label: 'Sampler',
    description: "'weighted' draws rare classes more often (WeightedRandomSampler), so batches look balanced even when the data is not.",
    usedWhen: (c) => DATASETS[c.data.dataset].task === 'classification',
  },
  epochs: {
    spec: { kind: 'number', min: 1, max: 10000, integer: true },
    default: 200,
    change: 'structural',
    label: 'Epochs',
    description: 'Passes over the training set before the run ends.',
  },
  evaluateEverySteps: {
    spec: { kind: 'number', min: 0, max: 100000, integer: true },
    default: 0,
    change: 'live',
    label: 'Evaluate every N steps',
    description: 'Also measure the validation loss every N steps; 0 measures it once per epoch.',
  },
  earlyStopping: {
    enabled: {
      spec: { kind: 'boolean' },
      default: false,
      change: 'live',
      label: 'Early stopping',
      description: 'Stop when the validation loss has not improved for a while: it stops before overfitting sets in.',
    },
    patience: {
      spec: { kind: 'number', min: 1, max: 1000, integer: true },
      default: 20,
      change: 'live',
      label: 'Patience',
      description: 'How many evaluations without improvement to wait before stopping.',
      usedWhen: (c) => c.training.earlyStopping.enabled,
    },
    minDelta: {
      spec: { kind: 'number', min: 0, max: 10 },
      default: 0,
      change: 'live',
      label: 'Minimum improvement',
      description: 'A drop in validation loss smaller than this does not count as an improvement.',
      usedWhen: (c) => c.training.earlyStopping.enabled,
    },
    restoreBestWeights: {
      spec: { kind: 'boolean' },
      default: true,
      change: 'live',
      label: 'Restore best weights',
      description: 'When stopping, go back to the weights of the best validation loss.',
      usedWhen: (c) => c.training.earlyStopping.enabled,
    },
  },
  gradientClipping: {
    enabled: {
      spec: { kind: 'boolean' },
      default: false,
      change: 'live',
      label: 'Gradient clipping',
      description: 'Scale the gradients down when their overall length exceeds a limit (clip_grad_norm_), which tames sudden huge steps.',
    },
    maxNorm: {
      spec: { kind: 'number', min: 0, max: 100, minExclusive: true, logScale: true },
      default: 1,
      change: 'live',
      label: 'Max gradient norm',
      description: 'The longest gradient (L2 norm over all parameters) allowed before it is scaled down.',
      usedWhen: (c) => c.training.gradientClipping.enabled,
    },
  },
  zeroGrad: {
    spec: { kind: 'boolean' },
    default: true,
    change: 'live',
    label: 'zero_grad each step',
    description: 'Clear the old gradients before each backward pass. Turn it off to see the classic bug: gradients pile up and the steps grow.',
  },
  seed: {
    spec: SEED_SPEC,
    default: 0,
    change: 'structural',
    label: 'Training seed',
    description: 'Fixes the initial weights, the batch order and the dropout masks, so the same seed gives the same curve.',
  },
};
