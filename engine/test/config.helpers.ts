/** Helpers for the experiment-config tests: edit a copy of the default experiment by path. */
import { defaultConfig, type ExperimentConfig } from '../train/config';

/** A deep copy (structuredClone keeps NaN, Infinity and undefined, which the tests feed in on purpose). */
export function copy<T>(value: T): T {
  return structuredClone(value);
}

/**
 * The default experiment (or `base`) with `path` set to `value`; `undefined` deletes the key.
 * Paths are dotted, as in messages: `training.earlyStopping.patience`; missing or non-object parents become `{}`.
 */
export function withValue(path: string, value: unknown, base: ExperimentConfig = defaultConfig()): Record<string, unknown> {
  const out = copy(base) as unknown as Record<string, unknown>;
  const keys = path.split('.');
  let at = out;
  for (const key of keys.slice(0, -1)) {
    const next = at[key];
    if (typeof next !== 'object' || next === null) at[key] = {};
    at = at[key] as Record<string, unknown>;
  }
  const last = keys[keys.length - 1];
  if (value === undefined) delete at[last];
  else at[last] = value;
  return out;
}

/** The default experiment with several settings changed: `edit({ 'data.dataset': 'wine', 'loss.classWeights': [1, 2] })`. */
export function edit(changes: Record<string, unknown>, base: ExperimentConfig = defaultConfig()): ExperimentConfig {
  let out = copy(base);
  for (const [path, value] of Object.entries(changes)) out = withValue(path, value, out) as unknown as ExperimentConfig;
  return out;
}

/** Reads the value at a dotted path. */
export function valueAt(config: unknown, path: string): unknown {
  return path.split('.').reduce<unknown>((at, key) => (at as Record<string, unknown>)?.[key], config);
}

/** mulberry32: a small seeded generator, so the fuzz cases are the same on every run. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
