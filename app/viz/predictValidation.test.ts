/** session.predictValidation (the worker method the digit grid and the scatter plot read). */
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../../engine/train/config';
import type { EvaluationRecord } from '../../engine/train/trainer';
import type { MetricsBatch } from '../../workers/session';
import { TrainingSession } from '../../workers/session';
import { fitsPoints } from './useValidationPredictions';

const loadText = (file: string) => readFile(`public/datasets/${file}`, 'utf8');

async function session(dataset: string) {
  const config = defaultConfig();
  config.data.dataset = dataset as typeof config.data.dataset;
  if (dataset === 'diabetes') config.loss.type = 'mse';
  const evaluations: EvaluationRecord[] = [];
  const s = new TrainingSession({ loadText });
  const result = await s.init(config, (b: MetricsBatch) => void evaluations.push(...b.evaluations));
  expect(result.errors).toEqual([]);
  return { s, evaluations };
}

describe('predictValidation', () => {
  it('gives class probabilities for every validation image, agreeing with the evaluation', async () => {
    const { s, evaluations } = await session('digits');
    s.step(5);
    const points = s.points()!;
    const probabilities = s.predictValidation()!;
    expect(fitsPoints(probabilities, points)).toBe(true);
    expect(probabilities.length).toBe(points.validation.n * 10);
    for (let row = 0; row < 3; row++) {
      const sum = probabilities.slice(row * 10, row * 10 + 10).reduce((a, b) => a + b, 0);
      expect(sum).toBeCloseTo(1, 5);
    }
    // the untrained model's evaluation at step 0 counted the same argmax: check with a fresh reset
    await s.reset();
    const fresh = s.predictValidation()!;
    let correct = 0;
    for (let i = 0; i < points.validation.n; i++) {
      let best = 0;
      for (let c = 1; c < 10; c++) if (fresh[i * 10 + c] > fresh[i * 10 + best]) best = c;
      if (best === points.validation.y[i]) correct++;
    }
    const atStart = evaluations.filter((e) => e.step === 0).at(-1)!;
    expect(correct / points.validation.n).toBeCloseTo(atStart.validation.classification!.accuracy, 6);
  });

  it('gives values in the data’s own units for regression on a table', async () => {
    const { s } = await session('diabetes');
    s.step('epoch');
    const points = s.points()!;
    const values = s.predictValidation()!;
    expect(values.length).toBe(points.validation.n);
    expect(values.every(Number.isFinite)).toBe(true);
    // targets are disease progression scores (25 … 346): predictions are on that scale, not standardised
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    expect(mean).toBeGreaterThan(20);
  });
});
