/**
 * The script's data are the playground's data: the generated sets point for point (a port of the
 * generator and its random numbers), the real sets row for row after the same subsampling, split
 * and scaling. Needs Python with torch and numpy; skipped, saying so, where they are missing.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../engine/train/config';
import { prepareData } from '../../engine/train/data';
import { pytorchScript } from './script';
import { EXPERIMENTS } from './testing/experiments';
import { datasetTexts } from './testing/playground';
import { pythonMissing, runInOneProcess, skipMessage, type ScriptRun } from './testing/python';

function dataOf(edit: (d: ExperimentConfig['data']) => void): ExperimentConfig {
  const config = structuredClone(EXPERIMENTS.default);
  edit(config.data);
  return config;
}

/** Every generated set, with settings that exercise noise 0 and 1, imbalance, 3–4 classes and other seeds; and the real sets. */
const CASES: Record<string, ExperimentConfig> = {
  circles: dataOf((d) => Object.assign(d, { dataset: 'circles', noise: 0.3, imbalance: 2 })),
  xor: dataOf((d) => Object.assign(d, { dataset: 'xor', seed: 5 })),
  blobs: dataOf((d) => Object.assign(d, { dataset: 'blobs', classes: 4, noise: 0.5, seed: 7, points: 333 })),
  spiral: dataOf((d) => Object.assign(d, { dataset: 'spiral', classes: 3, imbalance: 4, seed: 123, validationFraction: 0.3 })),
  moons: dataOf((d) => Object.assign(d, { dataset: 'moons', points: 101, noise: 0 })),
  sine: dataOf((d) => Object.assign(d, { dataset: 'sine', seed: 4294967295 })),
  step: dataOf((d) => Object.assign(d, { dataset: 'step', noise: 1 })),
  polynomial: dataOf((d) => Object.assign(d, { dataset: 'polynomial', points: 50 })),
  plane: dataOf((d) => Object.assign(d, { dataset: 'plane', validationFraction: 0.5 })),
  bumps: dataOf((d) => Object.assign(d, { dataset: 'bumps', seed: 42, points: 2000 })),
  iris: dataOf((d) => Object.assign(d, { dataset: 'iris' })),
  wine: dataOf((d) => Object.assign(d, { dataset: 'wine', imbalance: 3, seed: 9 })),
  breastCancer: dataOf((d) => Object.assign(d, { dataset: 'breastCancer', imbalance: 5 })),
  digits: dataOf((d) => Object.assign(d, { dataset: 'digits', validationFraction: 0.1 })),
  diabetes: (() => {
    const config = dataOf((d) => Object.assign(d, { dataset: 'diabetes' }));
    config.loss.type = 'mse';
    return config;
  })(),
};
const GENERATED = ['circles', 'xor', 'blobs', 'spiral', 'moons', 'sine', 'step', 'polynomial', 'plane', 'bumps'];

const missing = pythonMissing();
if (missing) console.warn(`app/code/data.test.ts: ${skipMessage(missing)}`);

const rows = (x: Float32Array, features: number, n: number) =>
  Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * features, (i + 1) * features)));
const sum = (values: Float32Array) => values.reduce((a, b) => a + b, 0);

describe.skipIf(missing !== null)(`the script draws the playground's data${missing ? ` — ${skipMessage(missing)}` : ''}`, () => {
  let runs: Record<string, ScriptRun> = {};
  beforeAll(async () => {
    const scripts = Object.fromEntries(Object.entries(CASES).map(([name, c]) => [name, pytorchScript(c, { language: 'en' }).text]));
    runs = await runInOneProcess(scripts, {
      csvFiles: ['digits.csv', 'breast_cancer.csv', 'diabetes_data.csv', 'diabetes_target.csv'],
      env: { PLAYGROUND_CHECK_DATA: '1' },
      timeoutMs: 50_000,
    });
  }, 60_000);

  it.each(Object.keys(CASES))('%s', (name) => {
    const config = CASES[name];
    const run = runs[name];
    expect(run?.exitCode, run?.output).toBe(0);
    const data = run.data as {
      train_x: number[][]; train_y: (number | number[])[]; val_x: number[][]; val_y: (number | number[])[];
      n_train: number; n_val: number; sums: number[];
    };
    const { train, validation } = prepareData(config.data, datasetTexts(config));
    expect([data.n_train, data.n_val]).toEqual([train.n, validation.n]);
    const first = Math.min(5, validation.n);
    const expected = {
      train_x: rows(train.x, train.features, 5),
      train_y: Array.from(train.y.subarray(0, 5)),
      val_x: rows(validation.x, validation.features, first),
      val_y: Array.from(validation.y.subarray(0, first)),
    };
    const got = { ...data, train_y: data.train_y.flat(), val_y: data.val_y.flat() };
    if (GENERATED.includes(name)) {
      // The same float32 numbers, bit for bit.
      expect({ train_x: got.train_x, train_y: got.train_y, val_x: got.val_x, val_y: got.val_y }).toEqual(expected);
      expect(data.sums).toBeAllclose([sum(train.x), sum(train.y), sum(validation.x), sum(validation.y)], { rtol: 1e-9, atol: 1e-9 });
    } else {
      // Standardising sums in another order (numpy), so the last float32 bit may differ.
      expect(got.train_x).toBeAllclose(expected.train_x, { atol: 1e-6 });
      expect(got.val_x).toBeAllclose(expected.val_x, { atol: 1e-6 });
      expect(got.train_y).toBeAllclose(expected.train_y, { atol: 1e-6 });
      expect(got.val_y).toBeAllclose(expected.val_y, { atol: 1e-6 });
      expect(data.sums).toBeAllclose([sum(train.x), sum(train.y), sum(validation.x), sum(validation.y)], { atol: 1e-3 });
    }
  });
});
