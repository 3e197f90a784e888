/**
 * The `custom` data set (issue 13.1): a person's table registered in this realm trains like a
 * bundled real set (standardised on the training rows, split per class); without one, an experiment
 * naming it is refused with a message and a fix.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { buildExperiment } from '../train/build';
import { DATASETS, defaultConfig, numFeatures, numOutputs, setUserData, userDataInfo, validateConfig, USER_DATA_FILE, type UserDataInfo } from '../train/config';
import { filesFor } from '../train/data';
import { parseIris } from '../data/sets/realSets';
import { readUserTable, tableData } from '../data/sets/userTable';
import type { EvaluationRecord } from '../train/trainer';

/** Iris written as a person's CSV: a header, the species as text. */
function irisCsv(): string {
  const iris = parseIris(readFileSync('public/datasets/iris.csv', 'utf8'));
  const rows = Array.from({ length: iris.n }, (_, i) => [...iris.x.subarray(i * 4, i * 4 + 4)].map((v) => String(Number(v.toPrecision(6)))).join(';') + `;${iris.classNames[iris.y[i]]}`);
  return ['sepal length;sepal width;petal length;petal width;species', ...rows].join('\n');
}

export function registerTable(text: string, fileName: string, target: number, task: 'classification' | 'regression'): UserDataInfo {
  const table = readUserTable(text);
  const info = userDataInfo(table, tableData(table, target, task), fileName, target);
  setUserData(info);
  return info;
}

afterEach(() => setUserData(null));

describe('the custom data set', () => {
  it('is refused while no table is loaded, with a fix back to the default set', () => {
    const config = defaultConfig();
    config.data.dataset = 'custom';
    const checked = validateConfig(config);
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.errors.map((e) => e.path)).toEqual(['data.dataset']);
    expect(checked.errors[0].message).toMatch(/none is loaded on this page \(a link never carries the data\)/);
  });

  it('takes its task, inputs and classes from the table, and trains like a real set', () => {
    const text = irisCsv();
    registerTable(text, 'iris-mine.csv', 4, 'classification');
    const config = defaultConfig();
    config.data.dataset = 'custom';
    config.training.epochs = 40;
    expect(validateConfig(config).ok).toBe(true);
    expect(DATASETS.custom).toEqual({ task: 'classification', source: 'user', features: 4, classes: 3, size: 150 });
    expect([numFeatures(config), numOutputs(config)]).toEqual([4, 3]);
    expect(filesFor('custom')).toEqual([USER_DATA_FILE]);
    const evaluations: EvaluationRecord[] = [];
    const built = buildExperiment(config, { [USER_DATA_FILE]: text }, { onEvaluation: (e) => evaluations.push(e) });
    // standardised on the training rows: each input's training mean is 0
    const train = built.data.train;
    for (let j = 0; j < 4; j++) {
      let sum = 0;
      for (let i = 0; i < train.n; i++) sum += train.x[i * 4 + j];
      expect(Math.abs(sum / train.n)).toBeLessThan(1e-5);
    }
    expect(built.data.raw.validation.n).toBe(30);
    while (built.trainer.canStep) built.trainer.runEpoch();
    expect(evaluations.at(-1)!.validation.classification!.accuracy).toBeGreaterThan(0.9);
  });

  it('is a regression when the table says so: MSE, one output, the target standardised', () => {
    const rows = Array.from({ length: 120 }, (_, i) => `${(i / 60 - 1).toFixed(3)},${(3 * Math.sin(i / 20) + 10).toFixed(4)}`);
    const text = ['x,y', ...rows].join('\n');
    registerTable(text, 'curve.csv', 1, 'regression');
    const config = defaultConfig();
    config.data.dataset = 'custom';
    config.loss.type = 'mse';
    expect(validateConfig(config).ok).toBe(true);
    config.loss.type = 'crossEntropy';
    expect(validateConfig(config).ok).toBe(false);
    config.loss.type = 'mse';
    const built = buildExperiment(config, { [USER_DATA_FILE]: text });
    expect(numOutputs(config)).toBe(1);
    const y = built.data.train.y;
    expect(Math.abs(y.reduce((a, b) => a + b, 0) / y.length)).toBeLessThan(1e-5);
  });
});
