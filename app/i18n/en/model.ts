/** The Model panel (the forward pass): the network diagram, its layers, activation, dropout and initialisation. */
export const model = {
  title: 'Model',

  // the diagram
  diagramLabel: (shape: string) => `Network diagram: ${shape}`,
  shapeInputs: (n: number, names: string) => (n === 1 ? `1 input (${names})` : names ? `${n} inputs (${names})` : `${n} inputs`),
  shapeOutputs: (n: number, names: string) => (n === 1 ? `1 output (${names})` : names ? `${n} outputs (${names})` : `${n} outputs`),
  inputsHeader: (n: number) => (n === 1 ? '1 input' : `${n} inputs`),
  outputsHeader: (n: number, classification: boolean) => (classification ? `${n} classes` : 'output'),
  layerHeader: (n: number) => `Layer ${n}`,
  prediction: 'ŷ',
  notDrawn: (n: number) => `${n} more units, not drawn`,
  neuron: (layer: number, unit: number) => `Hidden layer ${layer}, neuron ${unit}`,

  // editing the layers
  addLayer: 'layer',
  addLayerLabel: 'Add a hidden layer',
  removeLayer: 'layer',
  removeLayerLabel: 'Remove the last hidden layer',
  layerCount: (n: number) => (n === 0 ? 'No hidden layer: a linear model' : n === 1 ? '1 hidden layer' : `${n} hidden layers`),
  /** what the ⓘ beside the layer count is about */
  layersName: 'hidden layers',
  layersTip:
    'Each hidden layer is an nn.Linear followed by the activation. With no hidden layer the model is linear: it can only draw a straight boundary. More and wider layers fit more complex shapes, but train slower and overfit more easily. Changing the layers restarts the run.',
  widthLabel: (layer: number) => `Units in hidden layer ${layer}`,
  widen: (layer: number, to: number) => `Widen hidden layer ${layer} to ${to} units`,
  narrow: (layer: number, to: number) => `Narrow hidden layer ${layer} to ${to} units`,
  widthError: (min: number, max: number) => `A layer has a whole number of units, from ${min} to ${max}.`,
  restarts: 'Changing this restarts the run.',
  restartsAfter: (what: string) => `${what}. Changing this restarts the run.`,

  // legend
  legendPositive: 'positive weight',
  legendNegative: 'negative weight (dashed)',
  legendWidth: (largest: string) => `thicker = larger |w| (thickest: ${largest})`,
  legendAllZero: 'every weight is 0',
  legendBroken: 'some weights are not numbers (NaN): the run has diverged',
  legendWaiting: 'the weights appear once the run has started',
  legendPictures: 'Inside each neuron: its output over the input plane (x₁ across, x₂ up) — blue positive, orange negative, pale near 0.',
  legendHover: 'Hover over or tab to a hidden neuron to see it larger.',
  legendMore: 'Wide layers show their first and last units; the number at the top is the full width.',

  // activation statistics under each layer
  statsTitle: 'Layer statistics',
  statsKey: 'Under each layer: μ mean · σ spread · dead: share of units that output 0 for every sample',
  statsTip:
    'Measured on the validation set at the last evaluation: μ is the mean of the layer\u2019s outputs, σ how spread out they are, and “dead” the share of units that output 0 for every sample — dead ReLUs, which no longer learn. Healthy: σ roughly between 0.1 and a few, few dead units. A σ in the hundreds means the outputs explode; a σ near 0 means the signal fades away.',
  statMean: 'μ',
  statStd: 'σ',
  statDead: 'dead',
  statsPending: 'after the first evaluation',
  statsWaiting: (layer: number) => `Hidden layer ${layer}: statistics appear after the first evaluation.`,
  statsNone: 'Identity has no activation statistics.',
  statsSentence: (layer: number, mean: string, std: string, dead: string) =>
    `Hidden layer ${layer} on the validation set: mean ${mean}, standard deviation ${std}, ${dead} of its units dead.`,
  warnDead: (layer: number, share: string) =>
    `Layer ${layer}: ${share} of its units are dead — they output 0 for every sample and have stopped learning. A smaller learning rate, Leaky ReLU or He initialisation helps.`,
  warnExploding: (layer: number, std: string) =>
    `Layer ${layer}: the outputs explode (σ ${std}). The starting weights are too large: try PyTorch's default, He or Xavier, or batch normalisation.`,
  warnFading: (layer: number, std: string) =>
    `Layer ${layer}: the signal fades away (σ ${std}). The starting weights are too small, so almost nothing reaches the output and learning stalls.`,

  // the neuron tooltip
  tipRange: (min: string, max: string) => `Output over the plane: ${min} to ${max}`,
  tipFlat: 'Outputs 0 everywhere on the plane.',
  tipBias: (bias: string) => `Bias: ${bias}`,
  tipAxes: 'x₁ across, x₂ up',
  tipCurveAxes: 'x from −1 (left) to 1 (right)',
  tipCurveRange: (min: string, max: string) => `Output over x: ${min} to ${max}`,
  tipCurveFlat: 'Outputs 0 for every x.',
  tipNoPlane: 'Pictures of what a neuron computes are drawn for the 1-D and 2-D data sets.',
  tipWaiting: 'Waiting for the network…',

  // settings
  settingsLabel: 'Layer settings',
  checkpoint: {
    title: 'Keep this model',
    hint: 'Save writes one .json file: the settings, the weights, the optimizer\'s state and the step. Load it later (here or on another computer) and training goes on from there. Nothing is uploaded: the file stays on your computer.',
    save: 'Save model',
    saveTip: 'Downloads the model as it is now (weights, optimizer state, schedule, step) as a .json checkpoint.',
    load: 'Load model…',
    loadTip: 'Continues from a .json checkpoint saved by Save model: its settings, weights and step replace this run (which is kept in the runs table).',
    python: 'In PyTorch: the exported program reads the same file (its CHECKPOINT lines, after evaluate).',
    loaded: (step: number) => `Loaded the model saved at step ${step}: its settings and weights are in place and the run waits there. Press Play to train on.`,
    notSaved: (key: string) => `The model was not saved: its weights are no longer numbers (${key} holds NaN or ∞; the run diverged), so there is nothing to keep. Reset the run or lower the learning rate, then save.`,
    refused: (why: string) => `This file could not be loaded, so the run is as it was. ${why}`,
  },
  noHiddenNote: 'Activation, dropout and batch normalisation act on hidden layers; a linear model has none.',
  activation: 'Activation',
  activationTip:
    'The non-linearity after each hidden layer. ReLU is the usual choice; watch the “dead” share under each layer — a ReLU unit that outputs 0 for every input has stopped learning (Leaky ReLU, ELU, GELU and SiLU cannot die this way). Tanh and Sigmoid flatten out for large inputs, so their gradients vanish in deep networks. With Identity the whole network is one linear map: only straight boundaries.',
  activations: {
    relu: 'ReLU',
    leakyRelu: 'Leaky ReLU',
    elu: 'ELU',
    gelu: 'GELU',
    silu: 'SiLU',
    tanh: 'Tanh',
    sigmoid: 'Sigmoid',
    identity: 'Identity (linear)',
  },
  dropout: 'Dropout p',
  dropoutTip:
    'While training, each hidden unit is set to 0 with probability p (the others are scaled by 1/(1−p)), so the network cannot lean on any one unit. It fights overfitting: watch the gap between training and validation loss shrink. Too high and the network cannot fit even the training data. Applies at once, without a restart.',
  dropoutError: 'Dropout p is a number from 0 up to (not including) 1.',
  init: 'Initialisation',
  initTip:
    'How the weights start. PyTorch\u2019s default suits most networks; He (Kaiming) is made for ReLU, Xavier (Glorot) for Tanh and Sigmoid. Zeros: every unit in a layer learns the same thing — the symmetry is never broken. A normal with a large std (try 10): the outputs explode and the loss starts huge.',
  inits: {
    default: 'Default (PyTorch\u2019s nn.Linear)',
    kaimingUniform: 'Kaiming uniform (He)',
    kaimingNormal: 'Kaiming normal (He)',
    xavierUniform: 'Xavier uniform (Glorot)',
    xavierNormal: 'Xavier normal (Glorot)',
    zeros: 'Zeros',
    normal: 'Normal with std…',
  },
  initStd: 'Initial weight std',
  initStdTip:
    'The standard deviation of the starting weights. Try 0.001: the signal fades to nothing and learning stalls. Try 10: the outputs explode and the loss starts huge. Watch σ under each layer.',
  initStdError: 'The std is a number above 0, at most 100.',
  batchNorm: 'Batch normalisation',
  batchNormTip:
    'Normalises each hidden layer\u2019s outputs over the batch before the activation (nn.BatchNorm1d), keeping them near mean 0 and std 1. It often lets larger learning rates work and rescues a bad initialisation.',
};
