/** Every kind of bad value gets a specific message naming the field, the allowed values and what came. */
import { describe, expect, it } from 'vitest';
import { defaultConfig, parseConfig, validateConfig, type ConfigError } from '../train/config';
import { edit, withValue } from './config.helpers';

function errorsOf(input: unknown): ConfigError[] {
  const result = validateConfig(input);
  return result.ok ? [] : result.errors;
}

const sgd = () => edit({ optimizer: { type: 'sgd', lr: 0.1, momentum: 0, dampening: 0, nesterov: false, weightDecay: 0 } });
const multiStep = () =>
  edit({ scheduler: { type: 'multiStepLR', interval: 'epoch', warmup: 0, milestones: [100, 150], gamma: 0.1 } });

/** [path, bad value, the exact message]; each case changes one field of the default experiment. */
const CASES: Array<[string, unknown, string]> = [
  ['optimizer.lr', 'abc', 'optimizer.lr must be a positive number ≤ 10; got "abc"'],
  ['optimizer.lr', 0, 'optimizer.lr must be a positive number ≤ 10; got 0'],
  ['optimizer.lr', -3, 'optimizer.lr must be a positive number ≤ 10; got -3'],
  ['optimizer.lr', 11, 'optimizer.lr must be a positive number ≤ 10; got 11'],
  ['optimizer.lr', NaN, 'optimizer.lr must be a positive number ≤ 10; got NaN'],
  ['optimizer.lr', Infinity, 'optimizer.lr must be a positive number ≤ 10; got Infinity'],
  ['optimizer.lr', null, 'optimizer.lr must be a positive number ≤ 10; got null'],
  ['optimizer.lr', true, 'optimizer.lr must be a positive number ≤ 10; got true'],
  ['optimizer.lr', '0.1', 'optimizer.lr must be a positive number ≤ 10; got "0.1"'],
  ['optimizer.lr', [0.1], 'optimizer.lr must be a positive number ≤ 10; got [0.1]'],
  ['optimizer.lr', { value: 0.1 }, 'optimizer.lr must be a positive number ≤ 10; got an object'],
  ['optimizer.eps', 0, 'optimizer.eps must be a positive number ≤ 1; got 0'],
  ['optimizer.weightDecay', -0.01, 'optimizer.weightDecay must be a number from 0 to 1; got -0.01'],
  ['optimizer.betas', [0.9, 1], 'optimizer.betas[1] must be at least 0 and below 1; got 1'],
  ['optimizer.betas', [0.9], 'optimizer.betas must be a list of 2 numbers at least 0 and below 1; got a list of 1'],
  ['optimizer.betas', 0.9, 'optimizer.betas must be a list of 2 numbers at least 0 and below 1; got 0.9'],
  ['optimizer.amsgrad', 'no', 'optimizer.amsgrad must be true or false; got "no"'],
  ['training.batchSize', 0, 'training.batchSize must be an integer from 1 to 1024; got 0'],
  ['training.batchSize', 1.5, 'training.batchSize must be an integer from 1 to 1024; got 1.5'],
  ['training.batchSize', 2048, 'training.batchSize must be an integer from 1 to 1024; got 2048'],
  ['training.epochs', 10001, 'training.epochs must be an integer from 1 to 10000; got 10001'],
  ['training.seed', -1, 'training.seed must be an integer from 0 to 4294967295; got -1'],
  ['training.seed', 2 ** 32, 'training.seed must be an integer from 0 to 4294967295; got 4294967296'],
  ['training.zeroGrad', 'yes', 'training.zeroGrad must be true or false; got "yes"'],
  ['training.zeroGrad', 1, 'training.zeroGrad must be true or false; got 1'],
  ['training.sampler', 'balanced', 'training.sampler must be one of: none, weighted; got "balanced"'],
  ['training.earlyStopping.patience', 0, 'training.earlyStopping.patience must be an integer from 1 to 1000; got 0'],
  ['training.gradientClipping.maxNorm', 0, 'training.gradientClipping.maxNorm must be a positive number ≤ 100; got 0'],
  ['training.earlyStopping', true, 'training.earlyStopping must be an object of settings; got true'],
  ['model.dropout', 1, 'model.dropout must be at least 0 and below 1; got 1'],
  ['model.dropout', -0.1, 'model.dropout must be at least 0 and below 1; got -0.1'],
  ['model.hiddenLayers', [8, 0], 'model.hiddenLayers[1] must be an integer from 1 to 256; got 0'],
  ['model.hiddenLayers', [8, 300], 'model.hiddenLayers[1] must be an integer from 1 to 256; got 300'],
  ['model.hiddenLayers', [8, '8'], 'model.hiddenLayers[1] must be an integer from 1 to 256; got "8"'],
  ['model.hiddenLayers', [1, 2, 3, 4, 5, 6, 7], 'model.hiddenLayers must be a list of 0 to 6 integers from 1 to 256; got a list of 7'],
  ['model.hiddenLayers', '8,8', 'model.hiddenLayers must be a list of 0 to 6 integers from 1 to 256; got "8,8"'],
  [
    'model.activation',
    'swish',
    'model.activation must be one of: relu, leakyRelu, elu, gelu, silu, tanh, sigmoid, identity; got "swish"',
  ],
  ['model.initStd', 0, 'model.initStd must be a positive number ≤ 100; got 0'],
  ['model.batchNorm', null, 'model.batchNorm must be true or false; got null'],
  [
    'data.dataset',
    'mnist',
    'data.dataset must be one of: circles, xor, blobs, spiral, moons, sine, step, polynomial, plane, bumps, digits, iris, wine, breastCancer, diabetes, custom; got "mnist"',
  ],
  ['data.points', 10, 'data.points must be an integer from 20 to 2000; got 10'],
  ['data.noise', -1, 'data.noise must be a number from 0 to 1; got -1'],
  ['data.classes', 6, 'data.classes must be an integer from 2 to 5; got 6'],
  ['data.imbalance', 0.5, 'data.imbalance must be a number from 1 to 20; got 0.5'],
  ['data.validationFraction', 0.9, 'data.validationFraction must be a number from 0.05 to 0.5; got 0.9'],
  ['data.augmentation', 'flip', 'data.augmentation must be one of: none, jitter, shift; got "flip"'],
  ['loss.labelSmoothing', 0.6, 'loss.labelSmoothing must be a number from 0 to 0.5; got 0.6'],
  [
    'loss.classWeights',
    'auto',
    'loss.classWeights must be "none", "balanced" or a list of one weight per class (numbers from 0 to 100); got "auto"',
  ],
  ['loss.classWeights', [1, -1], 'loss.classWeights[1] must be a number from 0 to 100; got -1'],
  ['loss.classWeights', [0, 0], 'loss.classWeights must be a list with at least one weight above 0; got [0, 0]'],
  ['loss.type', 'hinge', 'loss.type must be one of: crossEntropy, mse; got "hinge"'],
  ['optimizer.type', 'lion', 'optimizer.type must be one of: sgd, adam, adamw, rmsprop, adagrad; got "lion"'],
  ['scheduler.interval', 'batch', 'scheduler.interval must be one of: epoch, step; got "batch"'],
  ['scheduler.warmup', -1, 'scheduler.warmup must be an integer from 0 to 100000; got -1'],
  ['data', 5, 'data must be an object of settings; got 5'],
  ['data', [1, 2], 'data must be an object of settings; got [1, 2]'],
  ['data.foo', 1, 'data.foo is not a setting'],
  ['foo', 1, 'foo is not a setting'],
  ['training.earlyStopping.patients', 3, 'training.earlyStopping.patients is not a setting'],
  ['data.noise', undefined, 'data.noise is missing; expected a number from 0 to 1'],
  ['training.earlyStopping', undefined, 'training.earlyStopping is missing'],
  ['model', undefined, 'model is missing'],
  ['version', 2, 'version 2 was written by a newer app; this one reads version 1, so only the settings it knows were kept'],
  ['version', '1', 'version must be 1; got "1"'],
  ['version', 0, 'version must be 1; got 0'],
  ['version', undefined, 'version is missing; expected 1'],
];

describe('validateConfig messages', () => {
  it('accepts the default experiment', () => {
    expect(validateConfig(defaultConfig())).toEqual({ ok: true, config: defaultConfig() });
  });

  it.each(CASES)('%s = %o → its one message', (path, value, message) => {
    const errors = errorsOf(withValue(path, value));
    expect(errors.map((e) => e.message)).toEqual([message]);
    expect(errors[0].path).toBe(message.split(' ')[0]);
  });

  it('names settings that belong to another optimizer or scheduler', () => {
    const betasOnSgd = withValue('optimizer.betas', [0.9, 0.999], sgd());
    expect(errorsOf(betasOnSgd).map((e) => e.message)).toEqual(['optimizer.betas is not a setting of sgd']);
    const gammaOnNone = withValue('scheduler.gamma', 0.5);
    expect(errorsOf(gammaOnNone).map((e) => e.message)).toEqual(['scheduler.gamma is not a setting of none']);
  });

  it('checks list order where order matters', () => {
    expect(errorsOf(withValue('scheduler.milestones', [100, 50], multiStep())).map((e) => e.message)).toEqual([
      'scheduler.milestones must be a list of 1 to 10 increasing integers from 1 to 1000000; got [100, 50]',
    ]);
    expect(errorsOf(withValue('scheduler.milestones', [100, 100], multiStep()))).toHaveLength(1);
  });

  it('answers a non-object experiment at the root', () => {
    for (const input of ['hello', 42, null, undefined, [1], true]) {
      const errors = errorsOf(input);
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ path: '', code: 'unreadable' });
      expect(errors[0].message).toMatch(/^The experiment must be an object of settings; got /);
    }
    expect(errorsOf('hello')[0].message).toBe('The experiment must be an object of settings; got "hello"');
  });

  it('reports every problem at once, each naming its path', () => {
    const input = edit({
      'optimizer.lr': 'abc',
      'training.batchSize': 0,
      'model.dropout': 1,
      'data.noise': NaN,
      'model.hiddenLayers': [0],
    });
    const errors = errorsOf(input);
    expect(errors.map((e) => e.path).sort()).toEqual(
      ['data.noise', 'model.dropout', 'model.hiddenLayers[0]', 'optimizer.lr', 'training.batchSize'].sort(),
    );
    for (const error of errors) expect(error.message.startsWith(`${error.path} `)).toBe(true);
  });

  it('cuts huge values short in the message, and caps the report of a hostile input', () => {
    const hugeString = withValue('data.noise', 'x'.repeat(1_000_000));
    const hugeListInput = withValue('model.hiddenLayers', new Array(1_000_000).fill(8));
    const manyKeys = Object.fromEntries(Array.from({ length: 100_000 }, (_, i) => [`k${i}`, i]));
    const manyKeysInput = { ...defaultConfig(), data: { ...defaultConfig().data, ...manyKeys } };
    const longKeyInput = withValue(`data.${'k'.repeat(100_000)}`, 1);
    const errors = errorsOf(hugeString);
    const hugeList = errorsOf(hugeListInput);
    const longKey = errorsOf(longKeyInput);
    const manyKeyErrors = errorsOf(manyKeysInput);
    expect(errors[0].message).toBe(`data.noise must be a number from 0 to 1; got "${'x'.repeat(40)}"… (1000000 characters)`);
    expect(hugeList[0].message).toBe('model.hiddenLayers must be a list of 0 to 6 integers from 1 to 256; got a list of 1000000');
    // A hostile input cannot make a huge report: 100 problems, then one line that counts the rest.
    expect(manyKeyErrors).toHaveLength(101);
    expect(manyKeyErrors[100]).toMatchObject({ code: 'tooMany', message: 'The experiment has 99900 more problems not listed here.' });
    expect(longKey[0].message).toBe(`data.${'k'.repeat(40)}… is not a setting`);
  });

  it('gives each problem a code the page can translate', () => {
    const codes = (input: unknown) => errorsOf(input).map((e) => e.code);
    expect(codes(withValue('data.foo', 1))).toEqual(['unknown']);
    expect(codes(withValue('data.noise', 7))).toEqual(['invalid']);
    expect(codes(withValue('data.noise', undefined))).toEqual(['missing']);
    expect(codes(withValue('version', 9))).toEqual(['version']);
    expect(codes(edit({ 'data.dataset': 'sine' }))).toEqual(['conflict']);
    expect(errorsOf(withValue('optimizer.lr', 'abc'))[0].got).toBe('"abc"');
  });

  it('keeps __proto__ and constructor keys out of the result and reports them', () => {
    const text = '{"__proto__": {"polluted": 1}, "data": {"constructor": {"prototype": {"polluted": 1}}, "__proto__": {"noise": 0.5}}}';
    const { config, ignored } = parseConfig(JSON.parse(text));
    expect(ignored.map((e) => e.message)).toEqual(['__proto__ is not a setting', 'data.constructor is not a setting', 'data.__proto__ is not a setting']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(config.data.noise).toBe(0.1);
    expect(validateConfig(config).ok).toBe(true);
  });

  it('does not read inherited names as settings', () => {
    // `toString` and `constructor` exist on every object's prototype; they must count as missing, not as values.
    const input = withValue('model', Object.create({ dropout: 0.5, hiddenLayers: [4] }));
    expect(errorsOf(input).filter((e) => e.code === 'missing').map((e) => e.path)).toContain('model.dropout');
    expect(parseConfig(input).config.model.dropout).toBe(0);
  });
});
