/**
 * The table for the learning-rate scheduler: one entry per PyTorch scheduler with its arguments
 * (camelCased: `stepSize`, `tMax`, `etaMin`). All are structural: a schedule is a curve over the
 * whole run, and the page previews that curve from step 0, so changing it starts the run over and
 * keeps the preview true. Where PyTorch requires an argument, `default` is a value that shapes a
 * visible curve over the default 200 epochs.
 */
import type { Field, Fields, VariantSection } from './field';
import type { NumberSpec } from './spec';
import {
  ANNEAL_STRATEGIES,
  CYCLIC_MODES,
  SCHEDULER_INTERVALS,
  SCHEDULERS,
  THRESHOLD_MODES,
  type ExperimentConfig,
  type SchedulerConfig,
  type SchedulerInterval,
  type SchedulerTiming,
} from './types';

const STEPS_SPEC: NumberSpec = { kind: 'number', min: 1, max: 1000000, integer: true };
const FACTOR_SPEC: NumberSpec = { kind: 'number', min: 0, max: 1, minExclusive: true };
const LR_SPEC: NumberSpec = { kind: 'number', min: 0, max: 10, minExclusive: true, logScale: true };
const MOMENTUM_SPEC: NumberSpec = { kind: 'number', min: 0, max: 1, maxExclusive: true };

function timing(interval: SchedulerInterval): Fields<SchedulerTiming> {
  return {
    interval: {
      spec: { kind: 'choice', choices: SCHEDULER_INTERVALS },
      default: interval,
      change: 'structural',
      label: 'Step the scheduler every',
      description: "When scheduler.step() is called: after every epoch or after every batch ('step'). Step counts below are in the same unit.",
    },
    warmup: {
      spec: { kind: 'number', min: 0, max: 100000, integer: true },
      default: 0,
      change: 'structural',
      label: 'Warm-up',
      description: 'Raise the learning rate linearly from 1 % to 100 % over this many scheduler steps first; 0 = no warm-up.',
    },
  };
}

function gamma(value: number, torchDefault: number | undefined, description: string): Field<number> {
  return { spec: FACTOR_SPEC, default: value, torchDefault, change: 'structural', label: 'Gamma', description };
}

function cycleMomentum(base: number, max: number): {
  cycleMomentum: Field<boolean>;
  baseMomentum: Field<number>;
  maxMomentum: Field<number>;
} {
  const cycling = (c: ExperimentConfig) =>
    (c.scheduler.type === 'oneCycleLR' || c.scheduler.type === 'cyclicLR') && c.scheduler.cycleMomentum;
  return {
    cycleMomentum: {
      spec: { kind: 'boolean' },
      default: true,
      torchDefault: true,
      change: 'structural',
      label: 'Cycle momentum',
      description: "Move the optimizer's momentum (or Adam's β1) opposite to the learning rate. Adagrad has no momentum to cycle.",
    },
    baseMomentum: {
      spec: MOMENTUM_SPEC,
      default: base,
      torchDefault: base,
      change: 'structural',
      label: 'Base momentum',
      description: 'Momentum when the learning rate is highest.',
      usedWhen: cycling,
    },
    maxMomentum: {
      spec: MOMENTUM_SPEC,
      default: max,
      torchDefault: max,
      change: 'structural',
      label: 'Max momentum',
      description: 'Momentum when the learning rate is lowest.',
      usedWhen: cycling,
    },
  };
}

export const SCHEDULER_SECTION: VariantSection<SchedulerConfig> = {
  type: {
    spec: { kind: 'choice', choices: SCHEDULERS },
    default: 'none',
    change: 'structural',
    label: 'Learning-rate schedule',
    description: 'Change the learning rate as training goes on: big steps early to move fast, small steps late to settle.',
  },
  variants: {
    none: timing('epoch'),
    stepLR: {
      ...timing('epoch'),
      stepSize: {
        spec: STEPS_SPEC,
        default: 50,
        change: 'structural',
        label: 'Step size',
        description: 'Multiply the learning rate by gamma every this many scheduler steps.',
      },
      gamma: gamma(0.1, 0.1, 'Factor the learning rate is multiplied by at each drop.'),
    },
    multiStepLR: {
      ...timing('epoch'),
      milestones: {
        spec: { kind: 'list', item: STEPS_SPEC, minLength: 1, maxLength: 10, increasing: true },
        default: [100, 150],
        change: 'structural',
        label: 'Milestones',
        description: 'The scheduler steps at which the learning rate is multiplied by gamma, in increasing order.',
      },
      gamma: gamma(0.1, 0.1, 'Factor the learning rate is multiplied by at each milestone.'),
    },
    exponentialLR: {
      ...timing('epoch'),
      gamma: gamma(0.99, undefined, 'Factor the learning rate is multiplied by at every scheduler step.'),
    },
    cosineAnnealingLR: {
      ...timing('epoch'),
      tMax: {
        spec: STEPS_SPEC,
        default: 200,
        change: 'structural',
        label: 'T_max',
        description: 'Scheduler steps for the learning rate to fall along a half cosine to its minimum (then it rises again).',
      },
      etaMin: {
        spec: { kind: 'number', min: 0, max: 10 },
        default: 0,
        torchDefault: 0,
        change: 'structural',
        label: 'Minimum learning rate',
        description: 'The learning rate at the bottom of the cosine.',
      },
    },
    linearLR: {
      ...timing('epoch'),
      startFactor: {
        spec: FACTOR_SPEC,
        default: 1 / 3,
        torchDefault: 1 / 3,
        change: 'structural',
        label: 'Start factor',
        description: 'Fraction of the learning rate to start with.',
      },
      endFactor: {
        spec: { kind: 'number', min: 0, max: 1 },
        default: 1,
        torchDefault: 1,
        change: 'structural',
        label: 'End factor',
        description: 'Fraction of the learning rate to end with, reached after total iters.',
      },
      totalIters: {
        spec: STEPS_SPEC,
        default: 5,
        torchDefault: 5,
        change: 'structural',
        label: 'Total iters',
        description: 'Scheduler steps to go from the start factor to the end factor.',
      },
    },
    oneCycleLR: {
      ...timing('step'),
      maxLr: {
        spec: LR_SPEC,
        default: 0.1,
        change: 'structural',
        label: 'Max learning rate',
        description: "The peak of the cycle. The cycle replaces the optimizer's learning rate: it starts at maxLr / divFactor.",
      },
      pctStart: {
        spec: { kind: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
        default: 0.3,
        torchDefault: 0.3,
        change: 'structural',
        label: 'Rising share',
        description: 'Share of the run spent raising the learning rate to its peak.',
      },
      annealStrategy: {
        spec: { kind: 'choice', choices: ANNEAL_STRATEGIES },
        default: 'cos',
        torchDefault: 'cos',
        change: 'structural',
        label: 'Anneal strategy',
        description: 'Shape of the rise and fall: cosine or straight lines.',
      },
      divFactor: {
        spec: { kind: 'number', min: 1, max: 10000 },
        default: 25,
        torchDefault: 25,
        change: 'structural',
        label: 'Div factor',
        description: 'The cycle starts at maxLr / divFactor.',
      },
      finalDivFactor: {
        spec: { kind: 'number', min: 1, max: 1000000, logScale: true },
        default: 10000,
        torchDefault: 10000,
        change: 'structural',
        label: 'Final div factor',
        description: 'The cycle ends at the starting learning rate / finalDivFactor.',
      },
      threePhase: {
        spec: { kind: 'boolean' },
        default: false,
        torchDefault: false,
        change: 'structural',
        label: 'Three phases',
        description: 'Fall back to the start before the final annealing, rather than annealing straight from the peak.',
      },
      ...cycleMomentum(0.85, 0.95),
    },
    cyclicLR: {
      ...timing('step'),
      baseLr: {
        spec: LR_SPEC,
        default: 0.001,
        change: 'structural',
        label: 'Base learning rate',
        description: "The bottom of each cycle; it replaces the optimizer's learning rate.",
      },
      maxLr: {
        spec: LR_SPEC,
        default: 0.01,
        change: 'structural',
        label: 'Max learning rate',
        description: 'The top of each cycle.',
      },
      stepSizeUp: {
        spec: STEPS_SPEC,
        default: 2000,
        torchDefault: 2000,
        change: 'structural',
        label: 'Steps up',
        description: 'Scheduler steps from the bottom to the top of a cycle (and the same back down).',
      },
      mode: {
        spec: { kind: 'choice', choices: CYCLIC_MODES },
        default: 'triangular',
        torchDefault: 'triangular',
        change: 'structural',
        label: 'Mode',
        description: 'triangular repeats the same cycle; triangular2 halves its height each cycle; exp_range shrinks it by gamma per step.',
      },
      gamma: {
        ...gamma(1, 1, "Used by 'exp_range': the cycle's height shrinks by this factor every step."),
        usedWhen: (c) => c.scheduler.type === 'cyclicLR' && c.scheduler.mode === 'exp_range',
      },
      ...cycleMomentum(0.8, 0.9),
    },
    reduceLROnPlateau: {
      factor: {
        spec: { kind: 'number', min: 0, max: 1, minExclusive: true, maxExclusive: true },
        default: 0.1,
        torchDefault: 0.1,
        change: 'structural',
        label: 'Factor',
        description: 'Multiply the learning rate by this when the validation loss stops improving.',
      },
      patience: {
        spec: { kind: 'number', min: 0, max: 1000, integer: true },
        default: 10,
        torchDefault: 10,
        change: 'structural',
        label: 'Patience',
        description: 'Evaluations without improvement to wait before lowering the learning rate.',
      },
      threshold: {
        spec: { kind: 'number', min: 0, max: 1, logScale: true },
        default: 0.0001,
        torchDefault: 0.0001,
        change: 'structural',
        label: 'Threshold',
        description: 'How much better the validation loss must get to count as an improvement.',
      },
      thresholdMode: {
        spec: { kind: 'choice', choices: THRESHOLD_MODES },
        default: 'rel',
        torchDefault: 'rel',
        change: 'structural',
        label: 'Threshold mode',
        description: "'rel': better by a fraction of the best loss; 'abs': better by a fixed amount.",
      },
      cooldown: {
        spec: { kind: 'number', min: 0, max: 1000, integer: true },
        default: 0,
        torchDefault: 0,
        change: 'structural',
        label: 'Cooldown',
        description: 'Evaluations to wait after a reduction before watching again.',
      },
      minLr: {
        spec: { kind: 'number', min: 0, max: 10 },
        default: 0,
        torchDefault: 0,
        change: 'structural',
        label: 'Minimum learning rate',
        description: 'The learning rate never goes below this.',
      },
    },
  },
};
