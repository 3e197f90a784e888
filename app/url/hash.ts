/**
 * The experiment in the URL hash, compact and readable: only the settings that differ from the
 * defaults, as `path=value` pairs — `#v=1&data.dataset=moons&optimizer.type=sgd&optimizer.lr=0.3`.
 * A teacher can read (and even edit) a shared link. Reading goes through the schema's lenient
 * parser: a malformed or hostile hash falls back to the default field by field and lists what it
 * ignored and why.
 */
import { EXPERIMENT_IDS, type ExperimentId } from '../experiments/presets';
import { embedPairs, takeEmbed, type EmbedView } from './embed';
import { changePairs, sweepPairs, takeChanges, takeSweep } from './runLink';
import type { LiveChange } from '../store/runs';
import type { Sweep } from '../store/sweep';
import {
  CONFIG_VERSION,
  defaultConfig,
  defaultOptimizer,
  defaultScheduler,
  fieldAt,
  OPTIMIZERS,
  parseConfig,
  SCHEDULERS,
  type ConfigError,
  type ExperimentConfig,
} from '../../engine/train/config';

/**
 * Longest hash we read; a link longer than this is not one we wrote. (Ours stay under ~2,000
 * characters; room is left so that an over-long part, like a comparison of 1,000 values, is
 * refused on its own with the rest of the link kept.)
 */
export const MAX_HASH_LENGTH = 16000;
const MAX_PAIRS = 200;

type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

function encodeValue(value: unknown): string {
  if (Array.isArray(value)) return value.map((v) => String(v)).join(',');
  return String(value);
}

/** Adds `path=value` for every leaf of `values` that differs from `base`. */
function diffPairs(prefix: string, values: Record<string, unknown>, base: Record<string, unknown>, out: string[]): void {
  for (const [key, value] of Object.entries(values)) {
    const path = `${prefix}.${key}`;
    const baseValue = base?.[key];
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      diffPairs(path, value as Record<string, unknown>, (baseValue ?? {}) as Record<string, unknown>, out);
    } else if (!same(value, baseValue)) {
      out.push(`${path}=${encodePart(value)}`);
    }
  }
}

/** What a link says happened in the run, beside the experiment it started with (see runLink.ts). */
export interface RunInLink {
  /** live changes made while the run went on */
  changes?: readonly LiveChange[];
  /** values compared side by side */
  sweep?: Sweep | null;
}

const encodePart = (value: unknown) => encodeURIComponent(encodeValue(value)).replace(/%2C/g, ',');

/**
 * The hash (without '#') for an experiment: the version, then what differs from the defaults, then
 * the live changes during its run and a comparison, if any (runLink.ts), then the guided
 * experiment whose card is open, if any (`lesson=classImbalance`), then the embedded view, if any
 * (see embed.ts).
 */
export function encodeHash(config: ExperimentConfig, lesson: ExperimentId | null = null, embed: EmbedView | null = null, run: RunInLink = {}): string {
  const defaults = defaultConfig();
  const pairs = [`v=${CONFIG_VERSION}`];
  for (const section of ['data', 'model', 'loss', 'optimizer', 'scheduler', 'training'] as const) {
    const values = config[section] as unknown as Record<string, unknown>;
    let base = defaults[section] as unknown as Record<string, unknown>;
    if (section === 'optimizer' || section === 'scheduler') {
      const type = config[section].type;
      if (type !== defaults[section].type) pairs.push(`${section}.type=${type}`);
      base = (section === 'optimizer' ? defaultOptimizer(config.optimizer.type) : defaultScheduler(config.scheduler.type)) as unknown as Record<string, unknown>;
    }
    diffPairs(section, values, base, pairs);
  }
  pairs.push(...changePairs(run.changes ?? [], encodePart), ...sweepPairs(run.sweep ?? null));
  if (lesson !== null) pairs.push(`lesson=${lesson}`);
  pairs.push(...embedPairs(embed));
  return pairs.join('&');
}

/** Turns one text value into what the field holds; text that does not fit is kept as text, so the message can quote it. */
function decodeValue(path: string, text: string, variant: string | undefined): Json {
  const field = fieldAt(path, variant);
  if (!field) return text;
  const spec = field.spec;
  const number = (t: string): Json => (t.trim() === '' || Number.isNaN(Number(t)) ? t : Number(t));
  switch (spec.kind) {
    case 'number':
      return number(text);
    case 'boolean':
      return text === 'true' || text === '1' ? true : text === 'false' || text === '0' ? false : text;
    case 'choice':
      return text;
    case 'list':
      return text === '' ? [] : text.split(',').map(number);
    case 'classWeights':
      return text === 'none' || text === 'balanced' ? text : text.split(',').map(number);
  }
}

function setPath(target: Record<string, Json>, path: string[], value: Json): void {
  let node = target;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i];
    const next = node[key];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[key] = {};
    node = node[key] as Record<string, Json>;
  }
  node[path[path.length - 1]] = value;
}

export interface DecodedHash {
  config: ExperimentConfig;
  /** what was in the link but could not be used, with why */
  ignored: ConfigError[];
  /** true when the hash said nothing (the default experiment) */
  empty: boolean;
  /** the guided experiment whose card the link opens */
  lesson: ExperimentId | null;
  /** the embedded view the link asks for; null: the whole page */
  embed: EmbedView | null;
  /** live changes to replay during the run, in step order */
  changes: LiveChange[];
  /** values to compare side by side */
  sweep: Sweep | null;
}

/** Reads a hash (with or without '#'); never throws. */
export function decodeHash(hash: string): DecodedHash {
  const text = hash.startsWith('#') ? hash.slice(1) : hash;
  if (text.trim() === '') return { config: defaultConfig(), ignored: [], empty: true, lesson: null, embed: null, changes: [], sweep: null };
  if (text.length > MAX_HASH_LENGTH) {
    return {
      config: defaultConfig(),
      ignored: [{ path: '', code: 'unreadable', message: `The link's settings are too long (${text.length} characters); the default experiment is shown.` }],
      empty: false,
      lesson: null,
      embed: null,
      changes: [],
      sweep: null,
    };
  }
  const input: Record<string, Json> = {};
  const ignored: ConfigError[] = [];
  const pairs = text.split('&').filter((p) => p !== '').slice(0, MAX_PAIRS);
  const raw = new Map<string, string>();
  for (const pair of pairs) {
    const eq = pair.indexOf('=');
    let key: string;
    let value: string;
    try {
      key = decodeURIComponent(eq < 0 ? pair : pair.slice(0, eq));
      value = eq < 0 ? '' : decodeURIComponent(pair.slice(eq + 1));
    } catch {
      ignored.push({ path: pair.slice(0, 40), code: 'unreadable', message: `The link part "${pair.slice(0, 40)}" is not readable.` });
      continue;
    }
    raw.set(key, value);
  }
  const version = raw.get('v');
  raw.delete('v');
  const lessonText = raw.get('lesson');
  raw.delete('lesson');
  let lesson: ExperimentId | null = null;
  if (lessonText !== undefined) {
    if ((EXPERIMENT_IDS as readonly string[]).includes(lessonText)) lesson = lessonText as ExperimentId;
    else ignored.push({ path: 'lesson', code: 'invalid', got: lessonText.slice(0, 40), message: `lesson: "${lessonText.slice(0, 40)}" is not a guided experiment.` });
  }
  const embed = takeEmbed(raw, ignored);
  const runPairs = new Map([...raw].filter(([key]) => key.startsWith('change.') || key === 'compare' || key.startsWith('compare.')));
  for (const key of runPairs.keys()) raw.delete(key);
  if (version !== undefined) input.version = Number(version);
  const optimizerType = raw.get('optimizer.type') ?? defaultConfig().optimizer.type;
  const schedulerType = raw.get('scheduler.type') ?? defaultConfig().scheduler.type;
  for (const [key, value] of raw) {
    const parts = key.split('.');
    if (parts.some((p) => p === '' || p === '__proto__' || p === 'constructor' || p === 'prototype')) {
      ignored.push({ path: key.slice(0, 60), code: 'unknown', message: `${key.slice(0, 60)} is not a setting.` });
      continue;
    }
    const variant = parts[0] === 'optimizer' ? optimizerType : parts[0] === 'scheduler' ? schedulerType : undefined;
    setPath(input, parts, decodeValue(key, value, variant));
  }
  // Settings of the chosen optimizer/scheduler type start from that type's defaults.
  for (const [section, type] of [['optimizer', optimizerType], ['scheduler', schedulerType]] as const) {
    const known = section === 'optimizer' ? (OPTIMIZERS as readonly string[]).includes(type) : (SCHEDULERS as readonly string[]).includes(type);
    if (!known) continue; // the parser reports the unknown type and keeps the default section
    const given = (input[section] ?? {}) as Record<string, Json>;
    const base = section === 'optimizer' ? defaultOptimizer(type as never) : defaultScheduler(type as never);
    input[section] = { ...(base as unknown as Record<string, Json>), ...given, type };
  }
  const parsed = parseConfig(input);
  // the changes and the comparison are checked on the experiment the link opens
  const runIgnored: ConfigError[] = [];
  const decodeOn = (path: string, value: string, on: ExperimentConfig) =>
    decodeValue(path, value, path.startsWith('optimizer.') ? on.optimizer.type : path.startsWith('scheduler.') ? on.scheduler.type : undefined);
  const changes = takeChanges(runPairs, parsed.config, decodeOn, runIgnored);
  const sweep = takeSweep(runPairs, parsed.config, runIgnored);
  return { config: parsed.config, ignored: [...ignored, ...parsed.ignored, ...runIgnored], empty: false, lesson, embed, changes, sweep };
}
