/** A comparison as one PyTorch program: one function with the value as parameter where it can be, each run as the single-value program. */
import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../../engine/train/config';
import { sweepConfigs, type Sweep } from '../store/sweep';
import { pytorchScript } from './script';
import { sweepScript } from './sweep';
import { pythonMissing, runInOneProcess, skipMessage } from './testing/python';

const short = (): ExperimentConfig => {
  const c = defaultConfig();
  c.training.epochs = 4;
  return c;
};

describe('sweepScript', () => {
  it('writes a learning-rate comparison as one function of the value, the data once', () => {
    const text = sweepScript(short(), { path: 'optimizer.lr', values: [0.0001, 0.01, 1] }, { language: 'en' })!;
    expect(text.split('\n')[0]).toBe('# Compares optimizer.lr = [0.0001, 0.01, 1.0]: the experiment once per value, as the playground ran them side by side.');
    expect(text).toContain('SWEEP = [0.0001, 0.01, 1.0]');
    expect(text).toContain('def train(value):');
    expect(text).toContain('torch.optim.Adam(model.parameters(), lr=value)');
    expect(text).toContain('for value in SWEEP:');
    expect(text.match(/point_set\(POINTS/g)).toHaveLength(1); // the data are drawn once
    expect(text.match(/^def train\(/gm)).toHaveLength(1);
  });

  it('gives each optimizer (and dropout 0, which has no layer) a function of its own', () => {
    const optimizers = sweepScript(short(), { path: 'optimizer.type', values: ['sgd', 'adam'] }, { language: 'zh-CN' })!;
    expect(optimizers).toContain('def train_sgd():');
    expect(optimizers).toContain('def train_adam():');
    expect(optimizers).toContain('for value, train in zip(SWEEP, [train_sgd, train_adam]):');
    expect(optimizers.split('\n')[0]).toMatch(/^# 比较 optimizer\.type/);
    const dropout = sweepScript(short(), { path: 'model.dropout', values: [0, 0.5] }, { language: 'en' })!;
    expect(dropout).toContain('def train_0():');
    expect(dropout).toContain('def train_0_5():');
  });

  it('refuses a comparison that cannot run', () => {
    expect(sweepScript(short(), { path: 'optimizer.lr', values: [0.1] }, { language: 'en' })).toBeNull();
  });

  const missing = pythonMissing();
  it.skipIf(missing !== null)(missing === null ? 'runs with PyTorch: each value ends as its own program does' : skipMessage(missing), async () => {
    for (const sweep of [{ path: 'optimizer.lr', values: [0.001, 0.05] }, { path: 'optimizer.type', values: ['sgd', 'rmsprop'] }] as Sweep[]) {
      const { configs } = sweepConfigs(short(), sweep);
      const scripts: Record<string, string> = { sweep: sweepScript(short(), sweep, { language: 'en' })! };
      configs.forEach((c, i) => (scripts[`single${i}`] = pytorchScript(c, { language: 'en' }).text));
      const runs = await runInOneProcess(scripts, { csvFiles: [], timeoutMs: 120_000 });
      expect(runs.sweep.exitCode, runs.sweep.output.slice(-2000)).toBe(0);
      const line = runs.sweep.output.split('\n').find((l) => l.startsWith('SWEEP '))!;
      const results = JSON.parse(line.slice(6)) as Array<{ value: unknown; val_loss: number; epochs: number }>;
      expect(results.map((r) => r.value)).toEqual(sweep.values);
      results.forEach((r, i) => {
        const single = runs[`single${i}`].final!;
        expect(r.epochs).toBe(single.epochs);
        expect(r.val_loss).toBeCloseTo(single.val_loss as number, 4);
      });
    }
  }, 240_000);
});
