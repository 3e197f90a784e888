/**
 * What the exported script says while it runs is what the page shows: its per-epoch training loss
 * is the page's (the mean of the epoch's batch losses, weighted by batch size, in train mode — not a
 * second pass in eval mode), and where an old PyTorch cannot do what the page does, it says so.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultOptimizer, defaultScheduler, type ExperimentConfig } from '../../engine/train/config';
import { buildExperiment } from '../../engine/train/build';
import { filesFor } from '../../engine/train/data';
import type { EvaluationRecord, StepRecord } from '../../engine/train/trainer';
import { pytorchScript } from './script';
import { EXPERIMENTS } from './testing/experiments';

function withOptimizer(type: 'adam' | 'adamw' | 'sgd'): ExperimentConfig {
  const config = structuredClone(EXPERIMENTS.cancerCyclic);
  config.optimizer = { ...defaultOptimizer(type), ...(type === 'sgd' ? { momentum: 0.9 } : {}) };
  config.scheduler = { ...defaultScheduler('cyclicLR'), baseLr: 0.001, maxLr: 0.01, stepSizeUp: 50, cycleMomentum: true };
  return config;
}

/** The lines of the `except ValueError:` branch, up to the next line at the try's own indentation. */
function exceptBranch(code: string): string[] {
  const lines = code.split('\n');
  const start = lines.indexOf('except ValueError:');
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && line.length > 0 && !line.startsWith(' '));
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

describe('the script says at run time when PyTorch drops β1 cycling', () => {
  it.each(['adam', 'adamw'] as const)('%s + CyclicLR: the fallback prints a line', (type) => {
    for (const language of ['en', 'zh-CN'] as const) {
      const branch = exceptBranch(pytorchScript(withOptimizer(type), { language }).text);
      expect(branch.some((line) => line.includes('cycle_momentum=False'))).toBe(true);
      const prints = branch.filter((line) => line.trimStart().startsWith('print('));
      expect(prints).toHaveLength(1);
      expect(prints[0]).toContain('{torch.__version__}');
      expect(prints[0]).toContain('only the learning rate cycles');
    }
  });

  it('SGD + CyclicLR cycles momentum in every PyTorch: no fallback, nothing printed', () => {
    const code = pytorchScript(withOptimizer('sgd'), { language: 'en' }).text;
    expect(exceptBranch(code)).toEqual([]);
    expect(code).not.toContain('cannot cycle');
  });
});

describe('the script\'s training loss is the one the page plots', () => {
  it.each(['en', 'zh-CN'] as const)('(%s) it averages the epoch\'s batch losses by batch size, and evaluates only the validation split', (language) => {
    const code = pytorchScript(EXPERIMENTS.digitsAdamWCosine, { language }).text;
    const start = code.indexOf('for epoch in range(1, EPOCHS + 1):');
    const loop = code.slice(start, code.indexOf('\n# ──', start));
    expect(loop).toContain('running_loss += loss_value * len(yb)');
    expect(loop).toContain('seen += len(yb)');
    expect(loop).toContain('train_loss = running_loss / seen');
    expect(loop).toContain('train_metric = metric_of(torch.cat(outputs), torch.cat(targets))');
    expect(loop).not.toContain('evaluate(X_train, y_train)');
    expect(loop).toContain('evaluate(X_val, y_val)');
  });

  it('the script\'s formula, on the page\'s batch losses, gives the page\'s plotted training loss (the last batch is smaller)', () => {
    const config = structuredClone(EXPERIMENTS.digitsAdamWCosine);
    config.training.epochs = 3;
    const texts = Object.fromEntries(filesFor(config.data.dataset).map((f) => [f, readFileSync(`public/datasets/${f}`, 'utf8')]));
    const steps: StepRecord[] = [];
    const evaluations: EvaluationRecord[] = [];
    const { trainer, setup } = buildExperiment(config, texts, { onStep: (r) => steps.push(r), onEvaluation: (r) => evaluations.push(r) });
    while (trainer.canStep) trainer.runEpoch();
    const n = setup.train.y.shape[0];
    const batch = config.training.batchSize;
    const perEpoch = setup.trainLoader.length;
    expect(n % batch).not.toBe(0);
    expect(evaluations.map((e) => e.epoch)).toEqual([1, 2, 3]);
    for (const evaluation of evaluations) {
      const epochSteps = steps.filter((s) => s.epoch === evaluation.epoch - 1);
      expect(epochSteps).toHaveLength(perEpoch);
      let runningLoss = 0;
      let seen = 0;
      epochSteps.forEach((s, i) => {
        const size = i < perEpoch - 1 ? batch : n - batch * (perEpoch - 1);
        runningLoss += s.loss * size;
        seen += size;
      });
      expect(evaluation.train.kind).toBe('running');
      expect(evaluation.train.loss).toBeCloseTo(runningLoss / seen, 6);
    }
  });
});
