/**
 * A sweep: the current experiment run once for each of a few values of one setting, the runs side
 * by side (issue 10.3) — "lr = 1e-4, 1e-2, 1", "dropout 0 vs 0.5", SGD vs Adam. This file is the
 * pure part: which settings can be swept, what values they take, and the experiment each value
 * gives; bridge/sweep.ts runs them.
 */
import {
  defaultOptimizer,
  defaultScheduler,
  OPTIMIZERS,
  SCHEDULERS,
  validateConfig,
  type ConfigError,
  type ExperimentConfig,
  type OptimizerName,
  type SchedulerName,
} from '../../engine/train/config';
import { mergeSections, patchOf } from '../bridge/merge';

export const SWEEP_PATHS = ['optimizer.lr', 'training.batchSize', 'model.dropout', 'optimizer.weightDecay', 'optimizer.type', 'scheduler.type'] as const;
export type SweepPath = (typeof SWEEP_PATHS)[number];

export type SweepValue = number | string;

export interface Sweep {
  path: SweepPath;
  values: SweepValue[];
}

/** A sweep compares at least two values and at most this many (each is a run, and a worker while it runs). */
export const MAX_SWEEP_VALUES = 6;
export const MIN_SWEEP_VALUES = 2;

export const isSweepPath = (path: string): path is SweepPath => (SWEEP_PATHS as readonly string[]).includes(path);

/** Whether the setting takes names (an optimizer, a scheduler) rather than numbers. */
export const namedSweep = (path: SweepPath): boolean => path === 'optimizer.type' || path === 'scheduler.type';

/** The names a named setting takes. */
export function sweepChoices(path: SweepPath): readonly string[] {
  if (path === 'optimizer.type') return OPTIMIZERS;
  if (path === 'scheduler.type') return SCHEDULERS;
  return [];
}

/**
 * The experiment `base` with `path` set to `value`. Another optimizer keeps the learning rate (SGD
 * and Adam compared at one rate, the rest of each at its PyTorch defaults); another scheduler
 * starts from its defaults.
 */
export function sweepConfig(base: ExperimentConfig, path: SweepPath, value: SweepValue): { config: ExperimentConfig } | { errors: ConfigError[] } {
  let patch: Record<string, unknown>;
  if (path === 'optimizer.type') {
    if (!(OPTIMIZERS as readonly string[]).includes(String(value))) return { errors: [notOne(path, value, OPTIMIZERS)] };
    patch = { optimizer: { ...defaultOptimizer(value as OptimizerName), lr: base.optimizer.lr } };
  } else if (path === 'scheduler.type') {
    if (!(SCHEDULERS as readonly string[]).includes(String(value))) return { errors: [notOne(path, value, SCHEDULERS)] };
    patch = { scheduler: defaultScheduler(value as SchedulerName) };
  } else {
    patch = patchOf(path, value);
  }
  const checked = validateConfig(mergeSections(base, patch));
  return checked.ok ? { config: checked.config } : { errors: checked.errors };
}

function notOne(path: string, value: SweepValue, choices: readonly string[]): ConfigError {
  return { path, code: 'invalid', got: String(value).slice(0, 40), message: `${path}: "${String(value).slice(0, 40)}" is not one of ${choices.join(', ')}.` };
}

/**
 * The experiments of a sweep on `base`, one per value, or why it cannot run: too few or too many
 * values, one given twice, or a value the setting does not take (the first error of each).
 */
export function sweepConfigs(base: ExperimentConfig, sweep: Sweep): { configs: ExperimentConfig[]; errors: ConfigError[] } {
  const { path, values } = sweep;
  if (values.length < MIN_SWEEP_VALUES || values.length > MAX_SWEEP_VALUES) {
    const message = `${path}: a comparison runs ${MIN_SWEEP_VALUES} to ${MAX_SWEEP_VALUES} values side by side; ${values.length} were given.`;
    return { configs: [], errors: [{ path, code: 'tooMany', got: String(values.length), message }] };
  }
  const seen = new Set(values.map((v) => String(v)));
  if (seen.size < values.length) return { configs: [], errors: [{ path, code: 'invalid', message: `${path}: a value is given twice; each run needs its own.` }] };
  const configs: ExperimentConfig[] = [];
  const errors: ConfigError[] = [];
  for (const value of values) {
    const made = sweepConfig(base, path, value);
    if ('config' in made) configs.push(made.config);
    else errors.push(made.errors[0]);
  }
  return errors.length > 0 ? { configs: [], errors } : { configs, errors: [] };
}

/** Reads values typed as text ("0.0001, 0.01, 1" or "sgd adam"): numbers for numeric settings, names otherwise. */
export function parseSweepValues(path: SweepPath, text: string): SweepValue[] {
  const parts = text.split(/[\s,;]+/).filter((p) => p !== '');
  if (namedSweep(path)) return parts;
  return parts.map((p) => (Number.isNaN(Number(p)) ? p : Number(p)));
}

/** Values worth comparing first for each setting, around the experiment's own. */
export function suggestedValues(base: ExperimentConfig, path: SweepPath): SweepValue[] {
  const round = (x: number) => Number(x.toPrecision(2));
  switch (path) {
    case 'optimizer.lr': {
      const lr = base.optimizer.lr;
      return [round(lr / 10), lr, round(lr * 10)];
    }
    case 'training.batchSize': {
      const b = base.training.batchSize;
      return [...new Set([Math.max(1, Math.round(b / 4)), b, b * 4])];
    }
    case 'model.dropout':
      return [0, 0.25, 0.5];
    case 'optimizer.weightDecay':
      return [0, 0.0001, 0.01];
    case 'optimizer.type':
      return ['sgd', 'adam', 'rmsprop'];
    case 'scheduler.type':
      return ['none', 'stepLR', 'cosineAnnealingLR'];
  }
}

/** The value a config has at a sweep's path (what the runs table and the label show). */
export function sweepValueOf(config: ExperimentConfig, path: SweepPath): SweepValue {
  const [section, key] = path.split('.') as [keyof ExperimentConfig, string];
  return (config[section] as unknown as Record<string, SweepValue>)[key];
}
