/** The table for the `data`, `model` and `loss` sections (see `field.ts`). All data and architecture settings are structural. */
import { DATASETS } from './datasets';
import type { Fields } from './field';
import type { NumberSpec } from './spec';
import {
  ACTIVATIONS,
  AUGMENTATIONS,
  DATASET_NAMES,
  INITIALISATIONS,
  LOSSES,
  type DataConfig,
  type ExperimentConfig,
  type LossConfig,
  type ModelConfig,
} from './types';

/** The generator's `manualSeed` takes any unsigned 32-bit integer. */
export const SEED_SPEC: NumberSpec = { kind: 'number', min: 0, max: 4294967295, integer: true };

const synthetic = (c: ExperimentConfig) => DATASETS[c.data.dataset].source === 'synthetic';
const classification = (c: ExperimentConfig) => DATASETS[c.data.dataset].task === 'classification';

export const DATA_FIELDS: Fields<DataConfig> = {
  dataset: {
    spec: { kind: 'choice', choices: DATASET_NAMES },
    default: 'spiral',
    change: 'structural',
    label: 'Data set',
    description: 'What the network learns: 2-D classes, a curve or surface to fit, or a small real data set.',
  },
  points: {
    spec: { kind: 'number', min: 20, max: 2000, integer: true },
    default: 400,
    change: 'structural',
    label: 'Number of points',
    description: 'How many points the synthetic data set draws, before the validation split. Few points make overfitting easy to see.',
    usedWhen: synthetic,
  },
  noise: {
    spec: { kind: 'number', min: 0, max: 1 },
    default: 0.1,
    change: 'structural',
    label: 'Noise',
    description: 'How far points scatter from the clean pattern. With more noise the classes overlap and no model can be perfect.',
    usedWhen: synthetic,
  },
  classes: {
    spec: { kind: 'number', min: 2, max: 5, integer: true },
    default: 2,
    change: 'structural',
    label: 'Classes',
    description: 'Number of classes: 2 to 5 blobs, or 2 to 3 spiral arms.',
    usedWhen: (c) => DATASETS[c.data.dataset].classRange !== undefined,
  },
  imbalance: {
    spec: { kind: 'number', min: 1, max: 20 },
    default: 1,
    change: 'structural',
    label: 'Class imbalance',
    description: 'Size of the largest class over the smallest: 1 is balanced, 20 keeps one minority example per 20. Watch the minority class recall.',
    usedWhen: classification,
  },
  validationFraction: {
    spec: { kind: 'number', min: 0.05, max: 0.5 },
    default: 0.2,
    change: 'structural',
    label: 'Validation fraction',
    description: 'Share of the data held out to check the model on examples it never trains on (split per class).',
  },
  augmentation: {
    spec: { kind: 'choice', choices: AUGMENTATIONS },
    default: 'none',
    change: 'structural',
    label: 'Augmentation',
    description: 'Make new training examples on the fly: jitter adds a little noise to every input; shift (digits only) also moves each image by one pixel. It fights overfitting.',
  },
  augmentationStd: {
    spec: { kind: 'number', min: 0, max: 1 },
    default: 0.05,
    change: 'structural',
    label: 'Augmentation noise',
    description: 'Standard deviation of the noise that augmentation adds, in standardised input units.',
    usedWhen: (c) => c.data.augmentation !== 'none',
  },
  seed: {
    spec: SEED_SPEC,
    default: 0,
    change: 'structural',
    label: 'Data seed',
    description: 'Fixes which points are drawn and how they are split, so the same seed gives the same data.',
  },
};

export const MODEL_FIELDS: Fields<ModelConfig> = {
  hiddenLayers: {
    spec: { kind: 'list', item: { kind: 'number', min: 1, max: 256, integer: true }, minLength: 0, maxLength: 6 },
    default: [16, 16],
    change: 'structural',
    label: 'Hidden layers',
    description: 'Number of neurons in each hidden layer. No hidden layer is a linear model, which can only draw straight boundaries.',
  },
  activation: {
    spec: { kind: 'choice', choices: ACTIVATIONS },
    default: 'relu',
    change: 'structural',
    label: 'Activation',
    description: 'The non-linearity after each hidden layer. With identity, any stack of layers is still one linear map.',
  },
  dropout: {
    spec: { kind: 'number', min: 0, max: 1, maxExclusive: true },
    default: 0,
    change: 'live',
    label: 'Dropout',
    description:
      'Probability of zeroing each hidden unit while training, so the network cannot lean on any one unit. ' +
      'Below 1: at 1 every unit is dropped, nothing reaches the output, and the 1/(1−p) rescaling divides by zero.',
  },
  init: {
    spec: { kind: 'choice', choices: INITIALISATIONS },
    default: 'default',
    change: 'structural',
    label: 'Initialisation',
    description: "How the weights start. 'default' is what nn.Linear does; zeros makes every neuron in a layer learn the same thing.",
  },
  initStd: {
    spec: { kind: 'number', min: 0, max: 100, minExclusive: true, logScale: true },
    default: 0.01,
    change: 'structural',
    label: 'Initial weight std',
    description: 'Spread of the normal initialisation. Try 0.001 (signals fade away) or 10 (activations saturate or explode).',
    usedWhen: (c) => c.model.init === 'normal',
  },
  batchNorm: {
    spec: { kind: 'boolean' },
    default: false,
    change: 'structural',
    label: 'Batch normalisation',
    description: 'Normalise each hidden layer over the batch before its activation; often lets larger learning rates work.',
  },
};

export const LOSS_FIELDS: Fields<LossConfig> = {
  type: {
    spec: { kind: 'choice', choices: LOSSES },
    default: 'crossEntropy',
    change: 'structural',
    label: 'Loss',
    description:
      'Cross-entropy for classes; mean squared error for numbers. MSE on one-hot classes works, but its gradients vanish when the model is confidently wrong.',
  },
  classWeights: {
    spec: { kind: 'classWeights', item: { kind: 'number', min: 0, max: 100 }, maxLength: 10 },
    default: 'none',
    change: 'live',
    label: 'Class weights',
    description: "How much each class counts in the loss. 'balanced' weighs classes by inverse frequency, so a rare class is not ignored.",
    usedWhen: classification,
  },
  labelSmoothing: {
    spec: { kind: 'number', min: 0, max: 0.5 },
    default: 0,
    torchDefault: 0,
    change: 'live',
    label: 'Label smoothing',
    description: 'Aim for slightly less than 100 % on the true class, which keeps the model from growing over-confident.',
    usedWhen: (c) => c.loss.type === 'crossEntropy',
  },
};
