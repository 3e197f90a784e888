/**
 * Every comment of the generated program, in English. The Chinese table (comments.zh-CN.ts) has
 * the type of this one, so a comment missing in one language does not compile. Comments say why
 * the code is as it is, in the learner's words; '\n' starts a new comment line.
 */
import type { DatasetName, InitName, OptimizerName, SchedulerName } from '../../engine/train/config';

type Synthetic = 'circles' | 'xor' | 'blobs' | 'spiral' | 'moons' | 'sine' | 'step' | 'polynomial' | 'plane' | 'bumps';

export const COMMENTS_EN = {
  header: {
    title:
      'Training Playground: the PyTorch program for this experiment.\n' +
      'Same data, model, loss, optimizer, schedule and training loop as in the playground.\n' +
      'Needs only Python 3 with PyTorch and NumPy:  pip install torch numpy',
    run: (file: string): string => `Run it:  python ${file}`,
    notebook: 'Run the cells from top to bottom (Run All).',
    files: (files: string[]): string =>
      `It reads ${files.join(' and ')} from its own folder: download ${files.length > 1 ? 'them' : 'it'} beside the code in the playground.`,
  },
  sections: {
    setup: 'Imports and seed',
    random: "The playground's random numbers",
    data: (dataset: DatasetName): string => `The data set: ${dataset}`,
    loader: 'Batches: the DataLoader',
    model: 'The model',
    init: 'Initialisation',
    loss: 'The loss',
    optimizer: 'The optimizer',
    scheduler: 'The learning-rate schedule',
    evaluate: 'Evaluation',
    training: 'The training loop',
    result: 'Result',
  },
  setup: {
    seed:
      "The training seed fixes PyTorch's random numbers: initial weights, batch order, dropout masks.\n" +
      "PyTorch's generator is not the playground's, so the weights start elsewhere and the curves differ\n" +
      'a little from the page; the data below are drawn exactly as in the playground.',
  },
  random: {
    intro:
      "A copy of the playground's random number generator (xoshiro128**, seeded by splitmix32), so that\n" +
      'this script draws exactly the same points and the same train/validation split as the page.\n' +
      'Python integers never overflow, so every 32-bit step is masked with & MASK.',
    normal: 'Box–Muller: two normal numbers per draw; the second is kept for the next call',
    randint: 'uniform in [0, n), without modulo bias',
    randperm: 'a random order of 0 … n-1 (Fisher–Yates)',
    f32: 'The playground stores every number as a 32-bit float; rounding the same way keeps the numbers equal.',
    round: "JavaScript's Math.round (Python's round() rounds halves to the even number).",
  },
  data: {
    about: {
      circles: 'A disc inside a ring: class 0 is the disc (radius ≤ 0.5), class 1 the ring (0.7 … 1).',
      xor: 'XOR: class 0 where x1 and x2 have the same sign, class 1 where they differ.',
      blobs: 'Gaussian blobs: one class per blob, the centres evenly spaced on a circle.',
      spiral: 'Interleaved spiral arms, one class per arm: a straight line cannot separate them.',
      moons: 'Two interleaving half circles (like scikit-learn’s make_moons).',
      sine: 'A curve to fit: y = sin(πx), x uniform in [-1, 1], noise on y.',
      step: 'A curve to fit: a jump from -1 to +1 at x = 0, noise on y.',
      polynomial: 'A curve to fit: y = 4x³ - 3x, x uniform in [-1, 1], noise on y.',
      plane: 'A surface to fit: the tilted plane y = (x1 + x2) / 2, noise on y.',
      bumps: 'A surface to fit: six Gaussian bumps of alternating sign, noise on y.',
      digits: 'Handwritten digits: 1797 pictures of 8 × 8 grey levels (0 … 16), ten classes.',
      iris: "Fisher's iris flowers: 150 rows, 4 measurements in cm, 3 species.",
      wine: 'Wines of three cultivars: 178 rows, 13 chemical measurements.',
      breastCancer: 'Breast cancer diagnosis: 569 rows, 30 measurements of cell nuclei; 0 malignant, 1 benign.',
      diabetes: 'Diabetes: 442 patients, 10 measurements; the target is the disease progression a year later.',
      custom: 'Your own table, read from its CSV file: every column but the target is a feature.',
    } satisfies Record<DatasetName, string>,
    sameAsPlayground:
      "The same algorithm, settings and seed as the playground's generator, so the points are the same.",
    sameSplit: 'The same rows and the same train/validation split as in the playground (same seed).',
    seed: 'which points are drawn and how they are split',
    points: 'points before the split',
    noise: 'σ = 0.25 × noise, in the square [-1, 1]²',
    classes: 'number of classes',
    imbalance: 'largest class : smallest class',
    validationFraction: 'share held out for validation',
    classSizes:
      'Points per class: shares ∝ ratio^(-c/(classes-1)), so the first class has `ratio` times as many as\n' +
      'the last; rounded by largest remainder so they add up to n.',
    pointSet:
      'Class by class the noise-free shape, then Gaussian noise on every coordinate, then a shuffle\n' +
      '(a set sorted by class would teach the wrong thing to a loader without shuffling).',
    shape: {
      circles: 'Class 0: radius uniform in [0, 0.5]; class 1: radius uniform in [0.7, 1]; angle uniform.',
      xor: '|x1|, |x2| uniform in [0.05, 1]; the signs agree for class 0 and differ for class 1.',
      blobs: 'Centres on a circle of radius 0.7, the first at 45°; spread 0.08 before the noise.',
      spiral: 'Point i of m on arm c: radius t = i/m, angle 2π(1.75·t + c/arms).',
      moons: "make_moons' half circles, moved and scaled into [-1, 1] × [-0.5, 0.5].",
      sine: 'y = sin(πx)',
      step: 'y = -1 left of 0, +1 from 0 on: easy for ReLU, hard for smooth activations',
      polynomial: 'y = 4x³ - 3x: two bends',
      plane: 'y = (x1 + x2) / 2',
      bumps: 'Six Gaussian bumps (σ = 0.25) of height ±1 on a 3 × 2 grid.',
    } satisfies Record<Synthetic, string>,
    curveSet: 'Inputs first, then the targets, then noise on the targets (σ = 0.25 × noise).',
    surfaceSet: 'Inputs (x1, x2) first, then the targets, then noise on the targets (σ = 0.25 × noise).',
    embedded: (rows: number): string =>
      `The data set is small (${rows} rows), so it travels inside this script: the playground's CSV, as is.\n` +
      'First line: rows, features and the class names; then the features and the class of each row.',
    userTable: (file: string, target: string): string =>
      `Your table: save it as ${file} next to this script (or in the folder a notebook runs in).\n` +
      `Column "${target}" is the target; every other column is a feature, read as a number.`,
    download: (files: string[]): string =>
      `The playground's file${files.length > 1 ? 's' : ''} ${files.join(' and ')}: download ${files.length > 1 ? 'them' : 'it'} beside the code\n` +
      'in the playground and save next to this script (or in the folder a notebook runs in).',
    noSubsample: 'Class imbalance 1: every row is kept (a larger ratio would drop rows of the smaller classes).',
    subsample:
      'Class imbalance: drop rows at random until the largest class has IMBALANCE times the rows of the\n' +
      "smallest — the playground's subsampling, with the same random numbers.",
    splitStratified:
      'Hold out a validation set: each class sends round(count × fraction) of its rows to validation,\n' +
      'so both parts keep the class proportions (stratified); then both parts are shuffled.',
    split: 'Hold out a validation set: round(n × fraction) random rows that the model never trains on.',
    noScaling: 'The generated sets already live in [-1, 1]: no scaling, so the model sees the coordinates of the picture.',
    digitsScaling:
      'Grey levels 0 … 16 become 0 … 1. All pixels share one scale, so they are divided by 16 rather than\n' +
      'standardised (that would blow up the nearly blank border pixels).',
    standardise:
      'Standardise every column with the mean and standard deviation of the TRAINING rows only:\n' +
      'statistics of all rows would leak the validation set into training. A constant column stays as it is.',
    standardiseTarget: 'The target too: losses are then in (standard deviations of the target)², as in the playground.',
    tensors: 'Inputs as float32 tensors, classes as int64 (what CrossEntropyLoss expects).',
    regressionShape: 'One column per target: the model outputs shape (n, 1), and MSELoss wants the same shape.',
    check: 'PLAYGROUND_CHECK_DATA=1 prints the first rows and stops: the playground\'s tests compare them with its own.',
  },
  loader: {
    batchSize: 'Batch size: examples per optimizer step. Small batches give noisy, frequent steps; large ones smooth, rare steps.',
    epochs: 'One epoch is one pass over the training set.',
    shuffle: 'shuffle=True: a new random order every epoch, so no batch is always the same.',
    noShuffle: 'shuffle=False: the same order every epoch (the generated sets are shuffled once when drawn).',
    dropLast: 'drop_last=True: the last, smaller batch of each epoch is skipped.',
    weightedSampler:
      'WeightedRandomSampler: each row is drawn with probability ∝ 1 / (rows of its class), with\n' +
      'replacement, so rare classes come up as often as common ones. (shuffle cannot be combined with a sampler.)',
    noAugmentation: 'No augmentation: every epoch sees the training rows exactly as they are.',
    jitter: 'Augmentation (jitter): fresh Gaussian noise on every input of every batch, so the model cannot memorise exact values.',
    shift:
      'Augmentation (shift): each picture moves one pixel up, down, left or right, or stays (chance 1/5 each),\n' +
      'blank pixels coming in at the edge; then pixel noise, clipped to 0 … 1.',
  },
  model: {
    layers:
      'Each hidden layer: Linear → [BatchNorm1d] → activation → [Dropout], then a Linear to the outputs —\n' +
      "the playground's layer order.",
    linear: 'No hidden layer: a linear model, which can only draw straight boundaries.',
    noDropout: 'Dropout p = 0: no dropout layer (it would pass everything through).',
    logits: (n: number): string => `${n} logits, one per class (CrossEntropyLoss applies the softmax)`,
    prediction: 'the predicted value',
  },
  init: {
    torchRandom: "These weights come from PyTorch's random numbers: same recipe as the playground, other numbers.",
    default: "'default': nn.Linear initialises itself (kaiming_uniform_ with a = √5, bias from U(±1/√fan_in)).",
    about: {
      kaimingUniform: 'Kaiming (He) uniform: keeps the signal size through ReLU-like layers. Biases start at 0.',
      kaimingNormal: 'Kaiming (He) normal: keeps the signal size through ReLU-like layers. Biases start at 0.',
      xavierUniform: 'Xavier (Glorot) uniform: keeps the signal size through tanh/sigmoid layers. Biases start at 0.',
      xavierNormal: 'Xavier (Glorot) normal: keeps the signal size through tanh/sigmoid layers. Biases start at 0.',
      zeros: 'All weights zero: every neuron of a layer computes the same thing and gets the same update — they never differ.',
      normal: 'Normal with a fixed std: too small and the signal fades layer by layer, too large and it explodes or saturates.',
    } satisfies Record<Exclude<InitName, 'default'>, string>,
  },
  loss: {
    crossEntropy: 'Cross-entropy: −log of the probability the model gives the true class (softmax of the logits).',
    noWeights: 'Every class counts the same (no class weights).',
    balanced:
      "'balanced' class weights: n / (classes × rows of the class), counted on the training split, so a\n" +
      'rare class adds as much to the loss as a common one.',
    explicitWeights: 'Class weights: how much a mistake on each class counts in the loss.',
    labelSmoothing: (value: number): string =>
      `Label smoothing ${value}: aim for a little less than 100 % on the true class, which keeps the model from growing over-confident.`,
    mseRegression: 'Mean squared error: the average of (prediction − target)².',
    mseOnClasses:
      'MSE on classes: the targets become one-hot rows such as [0, 1, 0]. It learns, but slowly: when the\n' +
      'model is confidently wrong the squared error gives small gradients, while cross-entropy (the usual\n' +
      'choice for classes) punishes confident mistakes hard and learns faster.',
  },
  optimizer: {
    about: {
      sgd: 'SGD: a plain step down the gradient, lr × gradient (with momentum, a rolling average of steps).',
      adam: 'Adam: a step per weight, scaled by running averages of the gradient and of its square.',
      adamw: 'AdamW: Adam with weight decay applied to the weights directly, apart from the gradient.',
      rmsprop: 'RMSprop: divides each step by a running average of the squared gradient.',
      adagrad: 'Adagrad: divides each step by the root of all squared gradients so far, so steps shrink over time.',
    } satisfies Record<OptimizerName, string>,
    argument: {
      lr: 'Learning rate: too large a step and the loss jumps around or diverges; too small and learning crawls.',
      momentum: 'Momentum: how much of the previous step carries into the next; speeds through flat valleys.',
      dampening: 'Dampening: each new gradient counts only (1 − dampening) into the momentum.',
      nesterov: 'Nesterov: look ahead along the momentum before taking the gradient.',
      weightDecay: 'Weight decay: adds this × weight to each gradient (an L2 penalty) and keeps weights small.',
      weightDecayDecoupled: 'Weight decay: shrinks every weight a little each step, apart from the gradient step.',
      betas: 'Betas: how slowly the running averages of the gradient (β1) and of its square (β2) forget.',
      eps: 'Eps: a tiny number in the denominator, so a step never divides by zero.',
      amsgrad: 'AMSGrad: use the largest squared-gradient average so far, so the step never grows back.',
      alpha: 'Alpha: how slowly the running average of the squared gradient forgets.',
      centered: 'Centered: divide by the variance of the gradient rather than its mean square.',
      lrDecay: 'Learning-rate decay: the step is lr / (1 + (t − 1) × lr_decay) at step t.',
      initialAccumulatorValue: 'Initial accumulator: a starting sum of squared gradients; larger makes the first steps smaller.',
    },
  },
  scheduler: {
    none: 'No schedule: the learning rate stays the same for the whole run.',
    about: {
      stepLR: 'StepLR: multiply the learning rate by gamma every step_size scheduler steps.',
      multiStepLR: 'MultiStepLR: multiply the learning rate by gamma at each milestone.',
      exponentialLR: 'ExponentialLR: multiply the learning rate by gamma at every scheduler step.',
      cosineAnnealingLR: 'CosineAnnealingLR: the learning rate falls along a half cosine to eta_min over T_max steps.',
      linearLR: 'LinearLR: the learning rate moves in a straight line from start_factor × lr to end_factor × lr.',
      oneCycleLR:
        'OneCycleLR: the learning rate rises from max_lr / div_factor to max_lr, then anneals far below\n' +
        "the start, over the whole run (it replaces the optimizer's lr).",
      cyclicLR: "CyclicLR: the learning rate goes up and down between base_lr and max_lr (it replaces the optimizer's lr).",
      reduceLROnPlateau:
        'ReduceLROnPlateau: when the validation loss stops improving for `patience` epochs, multiply the\n' +
        'learning rate by `factor`. It reads the validation loss, so it steps after each evaluation.',
    } satisfies Record<Exclude<SchedulerName, 'none'>, string>,
    everyStep: 'This schedule steps after every batch: scheduler.step() sits in the inner loop.',
    everyEpoch: 'This schedule steps once per epoch: scheduler.step() comes after the evaluation.',
    noMomentumToCycle: 'This optimizer has no momentum to cycle (momentum is 0), so the playground does not cycle it either.',
    oldTorchCyclic: 'PyTorch before 2.3 cannot cycle Adam’s β1 in CyclicLR (the playground does): then only the learning rate cycles.',
    warmupEpochs: (n: number): string =>
      `Warm-up: the learning rate rises in a straight line from 1 % to 100 % over the first ${n} epoch${n === 1 ? '' : 's'},\n` +
      'then the schedule below takes over (SequentialLR chains them).',
    warmupSteps: (n: number): string =>
      `Warm-up: the learning rate rises in a straight line from 1 % to 100 % over the first ${n} batch${n === 1 ? '' : 'es'},\n` +
      'then the schedule below takes over (SequentialLR chains them).',
  },
  loop: {
    checkpoint: (file: string): string =>
      'Weights saved by the playground ("Save model" writes a .json checkpoint): to start from them\n' +
      `(the optimizer starts afresh), run  PLAYGROUND_CHECKPOINT=training-playground-….json python ${file}\n` +
      'or write the file\'s name in place of os.environ.get(...).',
    evaluate:
      'Loss and accuracy (R² for regression) on a whole split, as the playground measures the validation split\n' +
      'after each epoch: eval mode (dropout off, batch norm uses its running averages), no graph (torch.no_grad).',
    r2: 'R² = 1 − squared error / spread of the targets: 0 is no better than the mean, 1 is perfect.',
    maxNorm: 'Gradient clipping: scale all gradients down together when their overall length exceeds MAX_NORM.',
    noEarlyStopping: 'Early stopping is off: the run trains for all EPOCHS epochs.',
    earlyStopping:
      'Early stopping: stop when the validation loss has not improved by MIN_DELTA for PATIENCE epochs,\n' +
      'keeping a copy of the weights of the best epoch.',
    zeroGrad: 'PyTorch adds new gradients to .grad; clear the old ones first.',
    noZeroGrad:
      '↑ switched off in the playground: PyTorch ADDS each backward pass to .grad, so without zero_grad the\n' +
      'gradients of all earlier steps pile up, every step uses their sum, and the steps grow — the classic\n' +
      'bug. Put the line back to fix it.',
    diverged:
      'Training has diverged when the loss is NaN or infinite, or when its running average\n' +
      '(smoothed over about 20 steps) climbs past DIVERGENCE_FACTOR times the first loss:\n' +
      'stop, by the same rule as the playground.',
    backward: 'Backpropagation: the gradient of the loss for every weight, into .grad.',
    clip: 'Scale the gradients down when their overall (L2) length exceeds MAX_NORM: it tames sudden huge steps.',
    schedulerEveryStep: 'The schedule steps after every batch.',
    schedulerEveryEpoch: 'The schedule steps once per epoch.',
    schedulerPlateau: 'ReduceLROnPlateau watches the validation loss.',
    epochEnd: 'After each epoch: both splits in the units the playground shows.',
    running: 'For the training curve: each batch’s loss and outputs as trained on (train mode, before the step).',
    trainFromBatches:
      'Training loss and accuracy as the playground plots them: the mean over this epoch’s batches, in train\n' +
      'mode (dropout on), free of a second pass. The validation split is measured whole, in eval mode.',
    improvement: 'An improvement must beat the best validation loss so far by more than MIN_DELTA.',
    restore: 'Go back to the weights of the best epoch.',
    noRestore: 'restore best weights is off: keep the weights of the last epoch.',
    final: 'The model as it ends (after early stopping: the best weights), both splits measured whole in eval mode.',
    machineReadable: 'One machine-readable line at the end; the playground\'s tests read it.',
  },
};

export type Comments = typeof COMMENTS_EN;
