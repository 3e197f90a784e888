/**
 * parseConfig is the door for untrusted input (URL hash, pasted JSON): it must never throw, must
 * keep every valid field, and must always hand back an experiment that passes validateConfig.
 */
import { describe, expect, it } from 'vitest';
import {
  FIELD_ENTRIES,
  MAX_CONFIG_TEXT,
  defaultConfig,
  defaultOptimizer,
  defaultScheduler,
  parseConfig,
  parseConfigText,
  validateConfig,
  type ConfigError,
  type ExperimentConfig,
  type OptimizerName,
  type SchedulerName,
  type Spec,
} from '../train/config';
import { copy, edit, seededRandom, valueAt, withValue } from './config.helpers';

/** Every problem names its field first (or is about the experiment as a whole). */
function expectNamedPaths(errors: ConfigError[]): void {
  for (const error of errors) {
    if (error.path === '') expect(error.message).toMatch(/^The experiment /);
    else expect(error.message.startsWith(`${error.path} `), error.message).toBe(true);
  }
}

/** The checks every parse must pass, whatever came in. */
function expectSound(input: unknown): ExperimentConfig {
  const { config, ignored } = parseConfig(input);
  expect(validateConfig(config)).toEqual({ ok: true, config });
  expect(JSON.parse(JSON.stringify(config))).toEqual(config);
  expect(parseConfig(config)).toEqual({ config, ignored: [] });
  expectNamedPaths(ignored);
  const strict = validateConfig(input);
  if (strict.ok) expect(strict.config).toEqual(config);
  else expectNamedPaths(strict.errors);
  return config;
}

describe('parseConfig keeps what is valid', () => {
  it('fills a partial experiment from the defaults, without complaint', () => {
    const { config, ignored } = parseConfig({ optimizer: { lr: 0.1 } });
    expect(ignored).toEqual([]);
    expect(config).toEqual(edit({ 'optimizer.lr': 0.1 }));
    expect(parseConfig({})).toEqual({ config: defaultConfig(), ignored: [] });
  });

  it("fills a newly named optimizer or scheduler from that type's own defaults", () => {
    const { config, ignored } = parseConfig({ optimizer: { type: 'sgd', momentum: 0.9 }, scheduler: { type: 'oneCycleLR' } });
    expect(ignored).toEqual([]);
    expect(config.optimizer).toEqual({ ...defaultOptimizer('sgd'), momentum: 0.9 });
    expect(config.scheduler).toEqual(defaultScheduler('oneCycleLR'));
    expect(config.scheduler).toMatchObject({ interval: 'step' });
  });

  it('keeps the valid fields next to invalid ones and says what it ignored', () => {
    const { config, ignored } = parseConfig({
      data: { dataset: 'moons', noise: 'lots', points: 600 },
      model: { hiddenLayers: [4, 4, 4], dropout: 1.5 },
      optimizer: { type: 'sgd', lr: 0.5, betas: [0.9, 0.99] },
      training: { batchSize: 32, earlyStopping: { enabled: true, patience: -2 } },
      colour: 'red',
    });
    expect(config.data).toMatchObject({ dataset: 'moons', noise: 0.1, points: 600 });
    expect(config.model).toMatchObject({ hiddenLayers: [4, 4, 4], dropout: 0 });
    expect(config.optimizer).toEqual({ ...defaultOptimizer('sgd'), lr: 0.5 });
    expect(config.training.batchSize).toBe(32);
    expect(config.training.earlyStopping).toEqual({ enabled: true, patience: 20, minDelta: 0, restoreBestWeights: true });
    expect(ignored.map((e) => e.message)).toEqual([
      'colour is not a setting',
      'data.noise must be a number from 0 to 1; got "lots"',
      'model.dropout must be at least 0 and below 1; got 1.5',
      'optimizer.betas is not a setting of sgd',
      'training.earlyStopping.patience must be an integer from 1 to 1000; got -2',
    ]);
  });

  it('keeps an invalid type from wiping out valid settings that fit the default type', () => {
    const { config, ignored } = parseConfig({ optimizer: { type: 'lion', lr: 0.003, betas: [0.8, 0.9] } });
    expect(config.optimizer).toEqual({ ...defaultOptimizer('adam'), lr: 0.003, betas: [0.8, 0.9] });
    expect(ignored.map((e) => e.path)).toEqual(['optimizer.type']);
  });

  it('keeps every field set to any valid value (each field, 20 random values)', () => {
    const random = seededRandom(7);
    let kept = 0;
    for (const entry of FIELD_ENTRIES) {
      for (let i = 0; i < 20; i++) {
        const section = entry.path.split('.')[0];
        const base = defaultConfig();
        if (entry.variant && section === 'optimizer') base.optimizer = defaultOptimizer(entry.variant as OptimizerName);
        if (entry.variant && section === 'scheduler') base.scheduler = defaultScheduler(entry.variant as SchedulerName);
        if (entry.path.endsWith('.type')) continue;
        const value = validValue(entry.field.spec, random);
        const { config, ignored } = parseConfig(withValue(entry.path, value, base));
        if (ignored.length === 0) {
          expect(valueAt(config, entry.path), entry.path).toEqual(value);
          kept++;
        } else {
          // Only a rule between fields may refuse a valid value (e.g. 4 spiral arms), and it says so.
          expect(ignored.map((e) => e.code), ignored[0].message).toEqual(['conflict']);
        }
      }
    }
    expect(kept).toBeGreaterThan(FIELD_ENTRIES.length * 15);
  });

  it('reads experiments without a version as the current version, and migrates nothing else away', () => {
    const { version: _, ...withoutVersion } = edit({ 'optimizer.lr': 0.2 });
    expect(parseConfig(withoutVersion)).toEqual({ config: edit({ 'optimizer.lr': 0.2 }), ignored: [] });
    // A newer app's experiment is read where it fits, and the person is told.
    const newer = parseConfig({ ...edit({ 'optimizer.lr': 0.2 }), version: 3 });
    expect(newer.config).toEqual(edit({ 'optimizer.lr': 0.2 }));
    expect(newer.ignored.map((e) => e.code)).toEqual(['version']);
  });
});

describe('round trips', () => {
  it('JSON.stringify → parse → validate is the identity, for the default and edited experiments', () => {
    const experiments = [
      defaultConfig(),
      edit({ 'data.dataset': 'digits', 'data.augmentation': 'shift', 'model.hiddenLayers': [64], 'model.dropout': 0.3 }),
      edit({ optimizer: { ...defaultOptimizer('sgd'), momentum: 0.9, nesterov: true }, scheduler: defaultScheduler('multiStepLR') }),
      edit({ 'data.dataset': 'diabetes', 'loss.type': 'mse', 'model.hiddenLayers': [], 'training.gradientClipping.enabled': true }),
      edit({ 'data.dataset': 'wine', 'loss.classWeights': [1, 0.5, 2], 'loss.labelSmoothing': 0.1, 'model.init': 'normal', 'model.initStd': 10 }),
    ];
    for (const experiment of experiments) {
      const text = JSON.stringify(experiment);
      expect(validateConfig(JSON.parse(text))).toEqual({ ok: true, config: experiment });
      expect(parseConfigText(text)).toEqual({ config: experiment, ignored: [] });
      expect(JSON.stringify(parseConfigText(text).config)).toBe(text);
    }
  });

  it('returns fresh objects: editing the result never touches the input or the defaults', () => {
    const input = defaultConfig();
    const { config } = parseConfig(input);
    config.model.hiddenLayers.push(99);
    config.optimizer.type === 'adam' && (config.optimizer.betas[0] = 0.5);
    expect(input).toEqual(defaultConfig());
    expect(defaultConfig().model.hiddenLayers).toEqual([16, 16]);
  });
});

describe('parseConfigText', () => {
  it('answers broken, oversized and non-object text with the default experiment and a reason', () => {
    const broken = parseConfigText('{"optimizer": {"lr": 0.1}');
    expect(broken.config).toEqual(defaultConfig());
    expect(broken.ignored[0].message).toMatch(/^The experiment is not valid JSON \(/);

    const huge = parseConfigText(`{"a":"${'x'.repeat(1_000_000)}"}`);
    expect(huge.ignored[0].message).toBe(
      `The experiment text is too long (1000008 characters; at most ${MAX_CONFIG_TEXT}); the default experiment is used`,
    );
    expect(parseConfigText('"hello"').ignored[0].message).toBe('The experiment must be an object of settings; got "hello"');
    expect(parseConfigText('{"optimizer": {"lr": 0.1}}').config.optimizer.lr).toBe(0.1);
  });
});

describe('parseConfig never throws', () => {
  it('survives hostile objects: throwing getters, Proxies, cycles, odd prototypes and types', () => {
    const throwingGetter = copy(defaultConfig()) as unknown as Record<string, unknown>;
    Object.defineProperty(throwingGetter.model, 'dropout', { get: () => { throw new Error('boom'); }, enumerable: true });
    const trap = () => { throw new Error('trap'); };
    const hostileProxy = new Proxy({}, { ownKeys: trap, get: trap, has: trap, getOwnPropertyDescriptor: trap });
    const cyclic: Record<string, unknown> = { ...copy(defaultConfig()) };
    cyclic.data = cyclic;
    const noPrototype = Object.assign(Object.create(null), { optimizer: Object.assign(Object.create(null), { lr: 0.3 }) });

    const inputs: unknown[] = [
      throwingGetter, hostileProxy, cyclic, noPrototype,
      withValue('model.hiddenLayers', new Float32Array([8, 8])),
      withValue('model.hiddenLayers', [, 8]), // eslint-disable-line no-sparse-arrays
      withValue('optimizer.lr', 10n), withValue('optimizer.lr', Symbol('lr')), withValue('optimizer.lr', () => 0.1),
      withValue('data', new Date()), withValue('data', new Map([['noise', 0.5]])), Object.freeze(defaultConfig()),
      new Proxy(defaultConfig(), {}), 12n, Symbol('x'), () => 1, NaN,
    ];
    for (const input of inputs) {
      expect(() => parseConfig(input)).not.toThrow();
      expect(() => validateConfig(input)).not.toThrow();
      expectSound(input);
    }
    expect(parseConfig(noPrototype).config.optimizer.lr).toBe(0.3);
    expect(parseConfig(hostileProxy).ignored[0].message).toMatch(/^The experiment could not be read \(trap\)/);
  });

  it('2,000 seeded random inputs: never throws, always a valid experiment, every problem named', () => {
    const random = seededRandom(20240601);
    let withProblems = 0;
    for (let i = 0; i < 2000; i++) {
      const input = i % 2 === 0 ? randomValue(random, 0) : mutatedDefault(random);
      let config: ExperimentConfig | undefined;
      expect(() => (config = expectSound(input))).not.toThrow();
      expect(config).toBeDefined();
      if (!validateConfig(input).ok) withProblems++;
    }
    // The generator must actually produce bad input most of the time, or this test could not fail.
    expect(withProblems).toBeGreaterThan(1500);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

// ---------- seeded generators ----------

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)];

/** A random value that `spec` accepts. */
function validValue(spec: Spec, random: () => number): unknown {
  switch (spec.kind) {
    case 'boolean':
      return random() < 0.5;
    case 'choice':
      return pick(random, spec.choices);
    case 'classWeights':
      return pick(random, ['none', 'balanced'] as const);
    case 'list': {
      const length = spec.minLength + Math.floor(random() * (Math.min(spec.maxLength, 6) - spec.minLength + 1));
      const items = Array.from({ length }, () => validValue(spec.item, random) as number);
      if (!spec.increasing) return items;
      let at = 0;
      return items.map(() => (at += 1 + Math.floor(random() * 100)));
    }
    case 'number': {
      const { min, max, integer, logScale } = spec;
      let value: number;
      if (logScale && max > 0) {
        const low = Math.log(Math.max(min, max * 1e-8));
        value = Math.exp(low + random() * (Math.log(max) - low));
      } else {
        value = min + random() * (max - min);
      }
      if (integer) value = Math.min(max, Math.max(min, Math.round(value)));
      const tooLow = spec.minExclusive ? value <= min : value < min;
      const tooHigh = spec.maxExclusive ? value >= max : value > max;
      return tooLow || tooHigh ? (min + max) / 2 : value;
    }
  }
}

const INTERESTING_NUMBERS = [0, -0, 1, -1, 0.5, 1e-8, 0.01, 10, 11, 16, 200, 256, 1024, 4294967295, 2 ** 53, 1e308, NaN, Infinity, -Infinity];
const KEYS = [
  ...new Set(FIELD_ENTRIES.flatMap((entry) => entry.path.split('.'))),
  'version', 'type', '__proto__', 'constructor', 'prototype', 'toString', 'hasOwnProperty', 'polluted', '', 'x'.repeat(100),
];
const STRINGS = [
  ...new Set(FIELD_ENTRIES.flatMap((entry) => (entry.field.spec.kind === 'choice' ? entry.field.spec.choices : []))),
  'none', 'balanced', '', 'abc', '0.1', 'true', '__proto__', 'NaN', 'x'.repeat(2000),
];

/** Any JSON-like value, with a bias towards the keys and words of real experiments. */
function randomValue(random: () => number, depth: number): unknown {
  const roll = Math.floor(random() * (depth > 3 ? 7 : 10));
  switch (roll) {
    case 0: return pick(random, INTERESTING_NUMBERS);
    case 1: return (random() - 0.3) * 10 ** Math.floor(random() * 8 - 4);
    case 2: return Math.floor(random() * 300) - 20;
    case 3: return pick(random, STRINGS);
    case 4: return random() < 0.5;
    case 5: return random() < 0.5 ? null : undefined;
    case 6: return Array.from({ length: Math.floor(random() * 9) }, () => (random() < 0.7 ? Math.floor(random() * 40) : random()));
    case 7: return Array.from({ length: Math.floor(random() * 4) }, () => randomValue(random, depth + 1));
    default: {
      const object: Record<string, unknown> = {};
      const count = Math.floor(random() * 8);
      for (let k = 0; k < count; k++) {
        // defineProperty, so a '__proto__' key becomes an own key, as JSON.parse makes it.
        Object.defineProperty(object, pick(random, KEYS), { value: randomValue(random, depth + 1), enumerable: true, configurable: true, writable: true });
      }
      return object;
    }
  }
}

/** The default experiment (sometimes with another optimizer or scheduler) with 1–6 fields replaced, deleted or added. */
function mutatedDefault(random: () => number): unknown {
  const base = defaultConfig();
  if (random() < 0.5) base.optimizer = defaultOptimizer(pick(random, ['sgd', 'adam', 'adamw', 'rmsprop', 'adagrad'] as const));
  if (random() < 0.5) base.scheduler = defaultScheduler(pick(random, ['none', 'stepLR', 'cosineAnnealingLR', 'oneCycleLR', 'cyclicLR', 'reduceLROnPlateau'] as const));
  let out = copy(base) as unknown as Record<string, unknown>;
  const paths = [...FIELD_ENTRIES.map((entry) => entry.path), 'data', 'model', 'training.earlyStopping', 'data.extra', 'version'];
  const changes = 1 + Math.floor(random() * 6);
  for (let k = 0; k < changes; k++) {
    const path = pick(random, paths);
    const entry = FIELD_ENTRIES.find((e) => e.path === path);
    const value = entry && random() < 0.4 ? validValue(entry.field.spec, random) : random() < 0.1 ? undefined : randomValue(random, 2);
    out = withValue(path, value, out as unknown as ExperimentConfig);
  }
  return out;
}
