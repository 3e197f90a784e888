/** The learning-rate range test: exponential rates, fastai's debiased smoothing, the stop at divergence, the suggestion. */
import { describe, expect, it } from 'vitest';
import { buildExperiment } from '../train/build';
import { defaultConfig } from '../train/config';
import { findLr, suggest } from '../train/lrFinder';

describe('findLr', () => {
  it('raises the rate exponentially from 1e-7, smooths the loss and stops once it blows up', () => {
    // Adam on the sine with MSE: at 1e-7 nothing happens, the loss falls, and large rates blow it up
    const config = defaultConfig();
    config.data.dataset = 'sine';
    config.loss.type = 'mse';
    const result = findLr(config, {}, null);
    expect(result.lrs[0]).toBeCloseTo(1e-7, 15);
    // a constant ratio per batch: 1e8 over 99 steps
    expect(result.lrs[1] / result.lrs[0]).toBeCloseTo(10 ** (8 / 99), 10);
    // debiased EMA: the first smoothed loss is the first loss
    expect(result.smoothed[0]).toBeCloseTo(result.losses[0], 6);
    const b = 0.98;
    const average = (1 - b) * result.losses[0] * b + (1 - b) * result.losses[1];
    expect(result.smoothed[1]).toBeCloseTo(average / (1 - b ** 2), 6);
    expect(result.diverged).toBe(true);
    expect(result.lrs.length).toBeLessThan(100);
    const start = result.smoothed[0];
    expect(Math.min(...result.smoothed)).toBeLessThan(start - 0.02);
    expect(result.steepest).not.toBeNull();
    expect(result.steepest!).toBeGreaterThan(1e-5);
    expect(result.steepest!).toBeLessThan(result.minimum!);
    expect(result.suggestion).toBe(result.steepest);
  });

  it('is deterministic, and leaves the weights it started from alone', () => {
    const built = buildExperiment(defaultConfig());
    const state = built.setup.model.stateDict();
    const before = Array.from(state['0.weight'].data);
    const a = findLr(defaultConfig(), {}, state, { numIter: 40 });
    const b = findLr(defaultConfig(), {}, state, { numIter: 40 });
    expect(a).toEqual(b);
    expect(Array.from(built.setup.model.stateDict()['0.weight'].data)).toEqual(before);
  });

  it('suggests the steepest fall per decade, skipping the ends, or a tenth of the minimum', () => {
    const lrs = Array.from({ length: 30 }, (_, i) => 10 ** (-6 + i / 5));
    // flat, a fall between points 15 and 16, flat, then up
    const smoothed = lrs.map((_, i) => (i <= 15 ? 1 : i < 25 ? 0.5 : 2));
    expect(suggest(lrs, smoothed)).toEqual({ steepest: lrs[15], minimum: lrs[16], suggestion: lrs[15] });
    const flat = lrs.map(() => 1);
    expect(suggest(lrs, flat)).toEqual({ steepest: null, minimum: lrs[0], suggestion: lrs[0] / 10 });
    expect(suggest([], [])).toEqual({ steepest: null, minimum: null, suggestion: null });
  });
});
