/**
 * The table for the optimizer: one entry per PyTorch optimizer, each with exactly its arguments.
 * Hyper-parameters PyTorch reads afresh at every step are live (PyTorch users change
 * `param_groups[0]['lr']` mid-run); `amsgrad`, `centered` and `initialAccumulatorValue` decide what
 * state the optimizer keeps from its first step, so changing them restarts the run.
 *
 * `default` is what the playground starts with when you pick that optimizer, `torchDefault` what
 * PyTorch uses when the argument is left out. They differ only for `lr`: PyTorch's 0.001 is too
 * slow to watch a small network learn in seconds.
 */
import type { Field, VariantSection } from './field';
import type { NumberSpec } from './spec';
import { OPTIMIZERS, type OptimizerConfig } from './types';

/** Up to 10 so that the "too large a learning rate diverges" lesson can be shown. */
const LR_SPEC: NumberSpec = { kind: 'number', min: 0, max: 10, minExclusive: true, logScale: true };
/** Torch allows any β in [0, 1); β = 1 would never forget and never update. */
const DECAY_SPEC: NumberSpec = { kind: 'number', min: 0, max: 1, maxExclusive: true };
const EPS_SPEC: NumberSpec = { kind: 'number', min: 0, max: 1, minExclusive: true, logScale: true };
const WEIGHT_DECAY_SPEC: NumberSpec = { kind: 'number', min: 0, max: 1, logScale: true };

function learningRate(playground: number, torch: number): Field<number> {
  return {
    spec: LR_SPEC,
    default: playground,
    torchDefault: torch,
    change: 'live',
    label: 'Learning rate',
    description: 'Size of each step down the loss. Too small and nothing moves; too large and the loss jumps around or becomes NaN.',
  };
}

function weightDecay(value: number, decoupled = false): Field<number> {
  return {
    spec: WEIGHT_DECAY_SPEC,
    default: value,
    torchDefault: value,
    change: 'live',
    label: 'Weight decay',
    description: decoupled
      ? 'Shrinks every weight a little each step, apart from the gradient step (AdamW). Keeps weights small and fights overfitting.'
      : 'Adds this times the weight to each gradient (an L2 penalty). Keeps weights small and fights overfitting.',
  };
}

function eps(value: number): Field<number> {
  return {
    spec: EPS_SPEC,
    default: value,
    torchDefault: value,
    change: 'live',
    label: 'Epsilon',
    description: 'A tiny number added to the denominator so the step never divides by zero.',
  };
}

function momentum(what: string): Field<number> {
  return {
    spec: DECAY_SPEC,
    default: 0,
    torchDefault: 0,
    change: 'live',
    label: 'Momentum',
    description: `How much of the previous step carries into the next (${what}). Momentum speeds through flat valleys and smooths zig-zags.`,
  };
}

const betas: Field<[number, number]> = {
  spec: { kind: 'list', item: DECAY_SPEC, minLength: 2, maxLength: 2 },
  default: [0.9, 0.999],
  torchDefault: [0.9, 0.999],
  change: 'live',
  label: 'Betas (β1, β2)',
  description: 'How slowly the running averages of the gradient (β1) and of its square (β2) forget old steps.',
};

const amsgrad: Field<boolean> = {
  spec: { kind: 'boolean' },
  default: false,
  torchDefault: false,
  change: 'structural',
  label: 'AMSGrad',
  description: 'Use the largest squared-gradient average seen so far, so the effective step never grows back.',
};

export const OPTIMIZER_SECTION: VariantSection<OptimizerConfig> = {
  type: {
    spec: { kind: 'choice', choices: OPTIMIZERS },
    default: 'adam',
    change: 'structural',
    label: 'Optimizer',
    description: 'The rule that turns gradients into weight updates. Adam adapts the step per weight; SGD takes the plain gradient step.',
  },
  variants: {
    sgd: {
      lr: learningRate(0.1, 0.001),
      momentum: momentum('the velocity'),
      dampening: {
        spec: { kind: 'number', min: 0, max: 1 },
        default: 0,
        torchDefault: 0,
        change: 'live',
        label: 'Dampening',
        description: 'Counts each new gradient only (1 − dampening) into the momentum. Nesterov needs 0.',
        usedWhen: (c) => c.optimizer.type === 'sgd' && c.optimizer.momentum > 0,
      },
      nesterov: {
        spec: { kind: 'boolean' },
        default: false,
        torchDefault: false,
        change: 'live',
        label: 'Nesterov',
        description: 'Look ahead along the momentum before taking the gradient; needs momentum above 0 and dampening 0.',
        usedWhen: (c) => c.optimizer.type === 'sgd' && c.optimizer.momentum > 0,
      },
      weightDecay: weightDecay(0),
    },
    adam: { lr: learningRate(0.01, 0.001), betas, eps: eps(1e-8), weightDecay: weightDecay(0), amsgrad },
    adamw: { lr: learningRate(0.01, 0.001), betas, eps: eps(1e-8), weightDecay: weightDecay(0.01, true), amsgrad },
    rmsprop: {
      lr: learningRate(0.01, 0.01),
      alpha: {
        spec: DECAY_SPEC,
        default: 0.99,
        torchDefault: 0.99,
        change: 'live',
        label: 'Alpha',
        description: 'How slowly the running average of the squared gradient forgets old steps.',
      },
      eps: eps(1e-8),
      weightDecay: weightDecay(0),
      momentum: momentum('on top of the scaled step'),
      centered: {
        spec: { kind: 'boolean' },
        default: false,
        torchDefault: false,
        change: 'structural',
        label: 'Centered',
        description: 'Divide by the variance of the gradient rather than its mean square.',
      },
    },
    adagrad: {
      lr: learningRate(0.1, 0.01),
      lrDecay: {
        spec: { kind: 'number', min: 0, max: 1 },
        default: 0,
        torchDefault: 0,
        change: 'live',
        label: 'Learning-rate decay',
        description: 'The step is lr / (1 + (t − 1) × decay) at step t.',
      },
      weightDecay: weightDecay(0),
      initialAccumulatorValue: {
        spec: { kind: 'number', min: 0, max: 10 },
        default: 0,
        torchDefault: 0,
        change: 'structural',
        label: 'Initial accumulator',
        description: 'Starting value of the sum of squared gradients; larger values make the first steps smaller.',
      },
      eps: eps(1e-10),
    },
  },
};
