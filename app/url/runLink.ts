/**
 * The parts of a link that say what happened in a run, beside the experiment it started with
 * (issue 10.5):
 * - live changes made while it ran, one pair each, step first: `change.412.optimizer.lr=0.05`
 *   (after 412 steps the learning rate became 0.05); opening the link replays them at those steps,
 *   so it gives the same curve, not only the final settings;
 * - a comparison of values (a sweep): `compare.optimizer.lr=0.0001,0.01,1`.
 * Both are checked like every setting: what cannot be used is listed and left out, the rest opens.
 */
import { changeOf, validateConfig, type ConfigError, type ExperimentConfig } from '../../engine/train/config';
import { diffConfig } from '../../engine/train/config/diff';
import { mergeSections, patchOf } from '../bridge/merge';
import type { LiveChange } from '../store/runs';
import { isSweepPath, MAX_SWEEP_VALUES, MIN_SWEEP_VALUES, parseSweepValues, sweepConfigs, type Sweep } from '../store/sweep';

/** What a link asks of the run beyond its settings: replay live changes, run a comparison. */
export interface LinkRun {
  changes: readonly LiveChange[];
  sweep: Sweep | null;
}

/** Most live changes a link replays (a class's run has a handful; a link is not a recording of every slider move). */
export const MAX_LINK_CHANGES = 50;
/** Steps past this are not a run anyone watched. */
const MAX_CHANGE_STEP = 10_000_000;

const CHANGE = /^change\.(\d+)\.(.+)$/;

/**
 * Takes the `change.…` pairs out of `raw`, decodes their values with `decode` (as the setting
 * would be read) and keeps those that are live settings, in step order, each checked on the
 * experiment as it stands after the ones before it.
 */
export function takeChanges(
  raw: Map<string, string>,
  config: ExperimentConfig,
  decode: (path: string, text: string, config: ExperimentConfig) => unknown,
  ignored: ConfigError[],
): LiveChange[] {
  const found: Array<{ key: string; step: number; path: string; text: string }> = [];
  for (const [key, text] of raw) {
    const match = CHANGE.exec(key);
    if (!key.startsWith('change.')) continue;
    raw.delete(key);
    const step = match ? Number(match[1]) : NaN;
    if (!match || !Number.isSafeInteger(step) || step > MAX_CHANGE_STEP) {
      ignored.push({ path: key.slice(0, 60), code: 'unknown', message: `${key.slice(0, 60)} is not a change at a step (change.<step>.<setting>=<value>).` });
      continue;
    }
    found.push({ key, step, path: match[2], text });
  }
  found.sort((a, b) => a.step - b.step);
  if (found.length > MAX_LINK_CHANGES) {
    ignored.push({ path: 'change', code: 'tooMany', got: String(found.length), message: `The link has ${found.length} changes during the run; at most ${MAX_LINK_CHANGES} are replayed.` });
    found.length = MAX_LINK_CHANGES;
  }
  const changes: LiveChange[] = [];
  let now = config;
  for (const { key, step, path, text } of found) {
    if (changeOf(path) !== 'live') {
      ignored.push({ path: key.slice(0, 60), code: 'conflict', got: text.slice(0, 40), message: `${path} cannot change while a run goes on (it starts a new run), so the change at step ${step} was left out.` });
      continue;
    }
    const value = decode(path, text, now);
    const checked = validateConfig(mergeSections(now, patchOf(path, value)));
    if (!checked.ok) {
      const error = checked.errors[0];
      ignored.push({ ...error, path: `${key.slice(0, 60)}`, message: `At step ${step}: ${error.message}` });
      continue;
    }
    if (diffConfig(now, checked.config).live.length === 0) continue;
    changes.push({ step, path, value });
    now = checked.config;
  }
  return changes;
}

export function changePairs(changes: readonly LiveChange[], encode: (value: unknown) => string): string[] {
  return changes.map((c) => `change.${c.step}.${c.path}=${encode(c.value)}`);
}

/** Takes the `compare.…` pair out of `raw` and checks it on `config`; null when there is none or it cannot run. */
export function takeSweep(raw: Map<string, string>, config: ExperimentConfig, ignored: ConfigError[]): Sweep | null {
  let sweep: Sweep | null = null;
  for (const [key, text] of raw) {
    if (key !== 'compare' && !key.startsWith('compare.')) continue;
    raw.delete(key);
    const path = key.slice('compare.'.length);
    if (!isSweepPath(path)) {
      ignored.push({ path: key.slice(0, 60), code: 'unknown', message: `${key.slice(0, 60)}: only the learning rate, batch size, dropout, weight decay, optimizer and scheduler can be compared.` });
      continue;
    }
    if (sweep !== null) {
      ignored.push({ path: key.slice(0, 60), code: 'conflict', message: `${key.slice(0, 60)}: a link compares one setting at a time; ${sweep.path} is compared.` });
      continue;
    }
    const values = parseSweepValues(path, text);
    if (values.length < MIN_SWEEP_VALUES || values.length > MAX_SWEEP_VALUES) {
      ignored.push({
        path: 'compare', code: 'tooMany', got: String(values.length),
        message: `The link asks to compare ${values.length} runs; a comparison runs ${MIN_SWEEP_VALUES} to ${MAX_SWEEP_VALUES}, so none was started.`,
      });
      continue;
    }
    const { errors } = sweepConfigs(config, { path, values });
    if (errors.length > 0) {
      ignored.push({ ...errors[0], path: `compare.${errors[0].path}`.slice(0, 60) });
      continue;
    }
    sweep = { path, values };
  }
  return sweep;
}

export function sweepPairs(sweep: Sweep | null): string[] {
  return sweep === null ? [] : [`compare.${sweep.path}=${sweep.values.map((v) => encodeURIComponent(String(v))).join(',')}`];
}
