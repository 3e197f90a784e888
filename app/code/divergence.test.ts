/**
 * The page and the exported script stop a run as diverged by one rule (engine/train/divergence.ts):
 * the script carries the same constants and the same test, so replaying the script's rule on the
 * page's own step losses stops at the page's step.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { defaultConfig, type ExperimentConfig } from '../../engine/train/config';
import { buildExperiment } from '../../engine/train/build';
import { filesFor } from '../../engine/train/data';
import { DIVERGENCE_FACTOR, LOSS_SMOOTHING } from '../../engine/train/divergence';
import { pytorchScript } from './script';

/** The repro: sine, MSE, SGD lr 0.5 momentum 0.9, 30 epochs, training seed 1. */
function sineTooFast(): ExperimentConfig {
  const base = defaultConfig();
  return {
    ...base,
    data: { ...base.data, dataset: 'sine' },
    loss: { ...base.loss, type: 'mse' },
    optimizer: { type: 'sgd', lr: 0.5, momentum: 0.9, dampening: 0, nesterov: false, weightDecay: 0 },
    training: { ...base.training, epochs: 30, seed: 1 },
  };
}

function constant(code: string, name: string): number {
  const match = new RegExp(`^${name} = ([0-9.e+-]+)$`, 'm').exec(code);
  if (match === null) throw new Error(`${name} is not in the script`);
  return Number(match[1]);
}

describe('one divergence rule for page and script', () => {
  it.each(['en', 'zh-CN'] as const)('the script (%s) writes the engine\'s constants and tests the smoothed loss', (language) => {
    const code = pytorchScript(sineTooFast(), { language }).text;
    expect(constant(code, 'DIVERGENCE_FACTOR')).toBe(DIVERGENCE_FACTOR);
    expect(constant(code, 'LOSS_SMOOTHING')).toBe(LOSS_SMOOTHING);
    expect(code).toContain('smoothed_loss += LOSS_SMOOTHING * (loss_value - smoothed_loss)');
    expect(code).toContain('if not math.isfinite(loss_value) or (first_loss > 0 and smoothed_loss > DIVERGENCE_FACTOR * first_loss):');
  });

  it('replaying the script\'s rule on the page\'s losses stops at the page\'s step', () => {
    const config = sineTooFast();
    const texts = Object.fromEntries(filesFor(config.data.dataset).map((f) => [f, readFileSync(`public/datasets/${f}`, 'utf8')]));
    const losses: number[] = [];
    const { trainer } = buildExperiment(config, texts, { onStep: (r) => losses.push(r.loss) });
    while (trainer.canStep) trainer.runEpoch();
    expect(trainer.status.state).toBe('diverged');
    const pageStep = trainer.status.divergedAtStep!;
    // The rejected step is not reported (no update is made with it): the script's rule, replayed on
    // every reported loss, lets each one pass, and the page stopped at the very next step.
    const code = pytorchScript(config, { language: 'en' }).text;
    const factor = constant(code, 'DIVERGENCE_FACTOR');
    const smoothing = constant(code, 'LOSS_SMOOTHING');
    let first: number | null = null;
    let smoothed = 0;
    for (const loss of losses) {
      if (first === null) first = smoothed = loss;
      smoothed += smoothing * (loss - smoothed);
      expect(Number.isFinite(loss) && !(first > 0 && smoothed > factor * first)).toBe(true);
    }
    expect(pageStep).toBe(losses.length + 1);
    expect(pageStep).toBeLessThan(30 * trainer.setup.trainLoader.length);
  });
});
