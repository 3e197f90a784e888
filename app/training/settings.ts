/**
 * Which settings of the loss, optimizer, schedule and loop an experiment shows, what a change of
 * one sends to `changeConfig`, and the ranges their sliders cover. Pure functions of the config.
 */
import {
  defaultOptimizer,
  defaultScheduler,
  fieldsOf,
  numClasses,
  type ExperimentConfig,
  type LossName,
  type NumberSpec,
  type OptimizerName,
  type SchedulerName,
} from '../../engine/train/config';

export type Patch = { [K in keyof ExperimentConfig]?: unknown };

/** The sections this panel shows. */
const OWN = ['loss.', 'optimizer.', 'scheduler.', 'training.'];

/**
 * Paths of the settings that act in this experiment: the schema's own answer (`fieldsOf`, the
 * chosen optimizer's and scheduler's fields, `usedWhen`), less a few the schema keeps but the run
 * does not use: interval and warm-up without a schedule (build.ts builds none), class weights with
 * MSE (PyTorch's MSELoss takes none) and momentum cycling for Adagrad, which has no momentum.
 */
export function shownFields(config: ExperimentConfig): Set<string> {
  const hidden = new Set<string>();
  if (config.scheduler.type === 'none') hidden.add('scheduler.interval').add('scheduler.warmup');
  if (config.loss.type === 'mse') hidden.add('loss.classWeights');
  if (config.optimizer.type === 'adagrad') {
    hidden.add('scheduler.cycleMomentum').add('scheduler.baseMomentum').add('scheduler.maxMomentum');
  }
  const out = new Set<string>();
  for (const entry of fieldsOf(config)) {
    if (entry.used && OWN.some((prefix) => entry.path.startsWith(prefix)) && !hidden.has(entry.path)) out.add(entry.path);
  }
  return out;
}

/** Settings drawn by the section itself, not in the list of the type's own parameters. */
const OWN_CONTROLS = new Set(['optimizer.type', 'optimizer.lr', 'optimizer.weightDecay', 'scheduler.type', 'scheduler.interval', 'scheduler.warmup']);

/** The chosen optimizer's own hyper-parameters that apply, in the schema's order (momentum, dampening, nesterov for SGD …). */
export function optimizerParameters(config: ExperimentConfig): string[] {
  return [...shownFields(config)].filter((path) => path.startsWith('optimizer.') && !OWN_CONTROLS.has(path));
}

/** The chosen schedule's own parameters that apply (StepLR: step size, gamma …). */
export function schedulerParameters(config: ExperimentConfig): string[] {
  return [...shownFields(config)].filter((path) => path.startsWith('scheduler.') && !OWN_CONTROLS.has(path));
}

/** The value at a dotted path (`training.earlyStopping.patience`). */
export function valueAt(config: ExperimentConfig, path: string): unknown {
  let node: unknown = config;
  for (const key of path.split('.')) node = (node as Record<string, unknown> | undefined)?.[key];
  return node;
}

/**
 * The patch that sets one value. changeConfig merges a section key by key, so a nested group
 * (early stopping, clipping) is sent whole with the one value changed.
 */
export function patchFor(config: ExperimentConfig, path: string, value: unknown): Patch {
  const [section, ...rest] = path.split('.');
  const build = (node: unknown, keys: string[]): unknown => {
    const [key, ...more] = keys;
    if (more.length === 0) return { [key]: value };
    const child = (node as Record<string, unknown>)[key];
    return { [key]: { ...(child as object), ...(build(child, more) as object) } };
  };
  const sectionValue = (config as unknown as Record<string, unknown>)[section];
  return { [section]: build(sectionValue, rest) } as Patch;
}

/** Momentum cycling needs a momentum to cycle; Adagrad has none, so a cycling schedule turns it off. */
function withoutCycleMomentum<S extends ExperimentConfig['scheduler']>(scheduler: S, optimizer: OptimizerName): S {
  if (optimizer !== 'adagrad') return scheduler;
  if ((scheduler.type === 'oneCycleLR' || scheduler.type === 'cyclicLR') && scheduler.cycleMomentum) {
    return { ...scheduler, cycleMomentum: false };
  }
  return scheduler;
}

/** A new optimizer starts from its own defaults and keeps the learning rate the person chose. */
export function switchOptimizer(config: ExperimentConfig, type: OptimizerName): Patch {
  const patch: Patch = { optimizer: { ...defaultOptimizer(type), lr: config.optimizer.lr } };
  const scheduler = withoutCycleMomentum(config.scheduler, type);
  if (scheduler !== config.scheduler) patch.scheduler = scheduler;
  return patch;
}

/** A new schedule starts from its own defaults, keeping the warm-up (when both have one). */
export function switchScheduler(config: ExperimentConfig, type: SchedulerName): Patch {
  const next = defaultScheduler(type);
  const old = config.scheduler;
  if ('warmup' in next && 'warmup' in old && old.type !== 'none') next.warmup = old.warmup;
  return { scheduler: withoutCycleMomentum(next, config.optimizer.type) };
}

/** MSE takes no class weights and no label smoothing, so switching to it clears both. */
export function switchLoss(config: ExperimentConfig, type: LossName): Patch {
  if (type === 'mse') return { loss: { type, classWeights: 'none', labelSmoothing: 0 } };
  return { loss: { type } };
}

export type ClassWeightMode = 'none' | 'balanced' | 'custom';

export function classWeightMode(config: ExperimentConfig): ClassWeightMode {
  const w = config.loss.classWeights;
  return Array.isArray(w) ? 'custom' : w;
}

/** Custom weights start at 1 for every class (the same as none), ready to be changed one by one. */
export function classWeightsFor(config: ExperimentConfig, mode: ClassWeightMode): ExperimentConfig['loss']['classWeights'] {
  if (mode !== 'custom') return mode;
  const current = config.loss.classWeights;
  const classes = numClasses(config);
  return Array.isArray(current) && current.length === classes ? current : new Array<number>(classes).fill(1);
}

export interface SliderRange {
  min: number;
  max: number;
  step?: number;
  logScale?: boolean;
  integer?: boolean;
}

/** What the slider's range depends on beyond the setting itself. */
export interface RangeContext {
  /** scheduler steps in the run (epochs, or epochs × batches) */
  schedulerSteps: number;
  stepsPerEpoch: number;
  lr: number;
}

const LOG_LR: SliderRange = { min: 1e-5, max: 10, logScale: true };
const STEPS = (c: RangeContext): SliderRange => ({ min: 1, max: Math.max(10, c.schedulerSteps), integer: true });

/** Slider ranges where the schema's range would make a poor slider (a seed up to 4e9, β₂ near 1). Typed values may go to the schema's limits. */
const RANGES: Record<string, SliderRange | ((c: RangeContext) => SliderRange)> = {
  'loss.labelSmoothing': { min: 0, max: 0.5, step: 0.01 },
  'optimizer.lr': LOG_LR,
  'optimizer.momentum': { min: 0, max: 0.99, step: 0.01 },
  'optimizer.dampening': { min: 0, max: 1, step: 0.01 },
  'optimizer.alpha': { min: 0.5, max: 0.999, step: 0.001 },
  'optimizer.eps': { min: 1e-12, max: 0.1, logScale: true },
  'optimizer.weightDecay': { min: 1e-6, max: 1, logScale: true },
  'optimizer.lrDecay': { min: 0, max: 0.1, step: 0.001 },
  'optimizer.initialAccumulatorValue': { min: 0, max: 10, step: 0.1 },
  'optimizer.betas[0]': { min: 0, max: 0.999, step: 0.001 },
  'optimizer.betas[1]': { min: 0.9, max: 0.9999, step: 0.0001 },
  'scheduler.warmup': (c) => ({ min: 0, max: Math.max(10, Math.floor(c.schedulerSteps / 2)), integer: true }),
  'scheduler.stepSize': STEPS,
  'scheduler.tMax': STEPS,
  'scheduler.totalIters': STEPS,
  'scheduler.stepSizeUp': STEPS,
  'scheduler.gamma': { min: 0.01, max: 1, step: 0.01 },
  'scheduler.gamma@exponentialLR': { min: 0.9, max: 1, step: 0.001 },
  'scheduler.gamma@cyclicLR': { min: 0.99, max: 1, step: 0.0001 },
  'scheduler.etaMin': (c) => ({ min: 0, max: c.lr, step: c.lr / 100 }),
  'scheduler.minLr': (c) => ({ min: 0, max: c.lr, step: c.lr / 100 }),
  'scheduler.startFactor': { min: 0.01, max: 1, step: 0.01 },
  'scheduler.endFactor': { min: 0, max: 1, step: 0.01 },
  'scheduler.maxLr': LOG_LR,
  'scheduler.baseLr': LOG_LR,
  'scheduler.pctStart': { min: 0.05, max: 0.95, step: 0.01 },
  'scheduler.divFactor': { min: 1, max: 10000, logScale: true },
  'scheduler.finalDivFactor': { min: 1, max: 1e6, logScale: true },
  'scheduler.baseMomentum': { min: 0, max: 0.99, step: 0.01 },
  'scheduler.maxMomentum': { min: 0, max: 0.99, step: 0.01 },
  'scheduler.factor': { min: 0.05, max: 0.95, step: 0.05 },
  'scheduler.patience': { min: 0, max: 100, integer: true },
  'scheduler.threshold': { min: 1e-6, max: 1, logScale: true },
  'scheduler.cooldown': { min: 0, max: 100, integer: true },
  'training.batchSize': { min: 1, max: 1024, logScale: true, integer: true },
  'training.epochs': { min: 1, max: 10000, logScale: true, integer: true },
  'training.evaluateEverySteps': (c) => ({ min: 0, max: Math.max(100, 5 * c.stepsPerEpoch), integer: true }),
  'training.earlyStopping.patience': { min: 1, max: 200, integer: true },
  'training.earlyStopping.minDelta': { min: 0, max: 0.1, step: 0.001 },
  'training.gradientClipping.maxNorm': { min: 0.01, max: 100, logScale: true },
  'training.seed': { min: 0, max: 1000, integer: true },
};

/** The slider range for a setting (`variant`: the optimizer or scheduler type, where ranges differ by type). */
export function sliderRange(path: string, spec: NumberSpec, context: RangeContext, variant?: string): SliderRange {
  const entry = (variant !== undefined ? RANGES[`${path}@${variant}`] : undefined) ?? RANGES[path];
  if (entry) return typeof entry === 'function' ? entry(context) : entry;
  return { min: spec.min, max: spec.max, integer: spec.integer, logScale: spec.logScale };
}
