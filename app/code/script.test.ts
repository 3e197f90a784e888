/**
 * The generated program for a spread of experiments, kept as readable .py snapshots under
 * __snapshots__/ (review them like code), and the properties every program must have.
 */
import { describe, expect, it } from 'vitest';
import { validateConfig } from '../../engine/train/config';
import { pytorchScript } from './script';
import { EXPERIMENTS, type ExperimentName } from './testing/experiments';

const names = Object.keys(EXPERIMENTS) as ExperimentName[];

describe('pytorchScript snapshots', () => {
  it.each(names)('%s is a valid experiment', (name) => {
    const result = validateConfig(EXPERIMENTS[name]);
    expect(result.ok ? [] : result.errors).toEqual([]);
  });

  it.each(names)('%s (English comments)', async (name) => {
    const code = pytorchScript(EXPERIMENTS[name], { language: 'en' });
    await expect(code.text).toMatchFileSnapshot(`__snapshots__/${name}.en.py`);
  });

  it.each(['default', 'digitsAdamWCosine', 'zeroGradOff'] as const)('%s (Chinese comments)', async (name) => {
    const code = pytorchScript(EXPERIMENTS[name], { language: 'zh-CN' });
    await expect(code.text).toMatchFileSnapshot(`__snapshots__/${name}.zh-CN.py`);
  });
});
