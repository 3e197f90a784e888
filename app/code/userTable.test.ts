/**
 * A table of one's own in the exported script (issue 13.1): the csv module reads the file as the
 * page did and the script trains and validates on the same rows, classes numbered the same.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { defaultConfig, setUserData, userDataInfo, USER_DATA_FILE, type ExperimentConfig } from '../../engine/train/config';
import { prepareData } from '../../engine/train/data';
import { readUserTable, tableData } from '../../engine/data/sets/userTable';
import { parseIris } from '../../engine/data/sets/realSets';
import { pytorchScript } from './script';
import { pythonMissing, runInOneProcess, skipMessage } from './testing/python';

afterEach(() => setUserData(null));

function iris(): string {
  const data = parseIris(readFileSync('public/datasets/iris.csv', 'utf8'));
  const rows = Array.from({ length: data.n }, (_, i) => [...data.x.subarray(i * 4, i * 4 + 4)].map((v) => String(Number(v.toPrecision(6)))).join(';') + `;"${data.classNames[data.y[i]]}"`);
  return ['sepal length;sepal width;"petal; length";petal width;species', ...rows].join('\r\n');
}
const curve = (): string => ['x\ty\tz', ...Array.from({ length: 90 }, (_, i) => `${(i / 45 - 1).toFixed(4)}\t${Math.cos(i).toFixed(4)}\t${(2 * Math.sin(i / 9) + 5).toFixed(5)}`)].join('\n');

function use(text: string, fileName: string, target: number, task: 'classification' | 'regression'): ExperimentConfig {
  const table = readUserTable(text);
  setUserData(userDataInfo(table, tableData(table, target, task), fileName, target));
  const config = defaultConfig();
  config.data.dataset = 'custom';
  if (task === 'regression') config.loss.type = 'mse';
  return config;
}

describe('the script for a table of one\'s own', () => {
  it('names the file and target, reads with csv, numbers the classes as the page does', () => {
    const text = pytorchScript(use(iris(), 'flowers.csv', 4, 'classification'), { language: 'en' }).text;
    expect(text).toContain('import csv');
    expect(text).toContain('CSV_FILE = "flowers.csv"');
    expect(text).toContain('TARGET = "species"');
    expect(text).toContain('csv.reader(f, delimiter=";")');
    expect(text).toContain('CLASS_NAMES = sorted({row[target] for row in rows})');
  });

  const missing = pythonMissing();
  it.skipIf(missing !== null)(missing === null ? 'PyTorch gets the same rows, split and scaling (classes and regression)' : skipMessage(missing), async () => {
    const folder = mkdtempSync(join(tmpdir(), 'playground-own-'));
    const cases = { flowers: [iris(), 4, 'classification'], curve: [curve(), 2, 'regression'] } as const;
    const scripts: Record<string, string> = {};
    const expected: Record<string, ReturnType<typeof prepareData>> = {};
    for (const [name, [text, target, task]] of Object.entries(cases)) {
      const path = join(folder, `${name}.csv`);
      writeFileSync(path, text);
      const config = use(text, path, target, task);
      scripts[name] = pytorchScript(config, { language: 'en' }).text;
      expected[name] = prepareData(config.data, { [USER_DATA_FILE]: text });
    }
    const runs = await runInOneProcess(scripts, { csvFiles: [], env: { PLAYGROUND_CHECK_DATA: '1' }, timeoutMs: 60_000 });
    for (const name of Object.keys(cases)) {
      const run = runs[name];
      expect(run.exitCode, run.output.slice(-2000)).toBe(0);
      const data = run.data as { train_x: number[][]; train_y: number[]; val_x: number[][]; val_y: number[]; n_train: number; n_val: number };
      const { train, validation } = expected[name];
      expect([data.n_train, data.n_val]).toEqual([train.n, validation.n]);
      const rows = (x: Float32Array, f: number) => Array.from({ length: 5 }, (_, i) => Array.from(x.subarray(i * f, (i + 1) * f)));
      expect(data.train_x).toBeAllclose(rows(train.x, train.features), { atol: 1e-6 });
      expect(data.val_x).toBeAllclose(rows(validation.x, validation.features), { atol: 1e-6 });
      expect(data.train_y.flat()).toBeAllclose(Array.from(train.y.subarray(0, 5)), { atol: 1e-6 });
      expect(data.val_y.flat()).toBeAllclose(Array.from(validation.y.subarray(0, 5)), { atol: 1e-6 });
    }
  }, 90_000);
});
