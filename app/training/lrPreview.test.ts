import { describe, expect, it } from 'vitest';
import { defaultScheduler, type SchedulerConfig } from '../../engine/train/config';
import { computeLrPreview, LrPreviewRun, type LrPreviewInput } from './lrPreview';

/** Every scheduler step as its own column, so the envelope is the curve itself. */
function curve(input: LrPreviewInput): number[] {
  const preview = computeLrPreview(input, { buckets: 1e9 });
  expect(Array.from(preview.min)).toEqual(Array.from(preview.max));
  return Array.from(preview.min);
}

const input = (scheduler: SchedulerConfig, more: Partial<LrPreviewInput> = {}): LrPreviewInput => ({
  scheduler,
  lr: 0.1,
  epochs: 100,
  stepsPerEpoch: 20,
  ...more,
});

describe('learning-rate preview', () => {
  it('StepLR: lr · γ^⌊t / stepSize⌋ at every epoch', () => {
    const lrs = curve(input({ ...defaultScheduler('stepLR'), stepSize: 30, gamma: 0.5 }));
    expect(lrs).toHaveLength(100);
    for (const t of [0, 29, 30, 59, 60, 99]) expect(lrs[t]).toBeCloseTo(0.1 * 0.5 ** Math.floor(t / 30), 12);
  });

  it('warm-up starts at 1 % of the learning rate and reaches all of it after `warmup` steps', () => {
    const lrs = curve(input({ ...defaultScheduler('stepLR'), stepSize: 30, gamma: 0.1, warmup: 10 }));
    expect(lrs[0]).toBeCloseTo(0.001, 12);
    expect(lrs[5]).toBeCloseTo(0.1 * (0.01 + (0.99 * 5) / 10), 12);
    expect(lrs[10]).toBeCloseTo(0.1, 12);
    // the main schedule starts counting at the end of the warm-up: the first drop is at 10 + 30
    expect(lrs[39]).toBeCloseTo(0.1, 12);
    expect(lrs[40]).toBeCloseTo(0.01, 12);
  });

  it('counts batches when the schedule steps every batch: epochs × steps per epoch', () => {
    const preview = computeLrPreview(input({ ...defaultScheduler('exponentialLR'), interval: 'step', gamma: 0.99 }));
    expect(preview.unit).toBe('step');
    expect(preview.total).toBe(2000);
    expect(preview.min.length).toBe(160);
    expect(preview.last).toBeCloseTo(0.1 * 0.99 ** 1999, 10);
  });

  it('CosineAnnealingLR falls along half a cosine to eta_min at T_max', () => {
    const lrs = curve(input({ ...defaultScheduler('cosineAnnealingLR'), tMax: 50, etaMin: 0.001 }));
    expect(lrs[25]).toBeCloseTo(0.001 + (0.1 - 0.001) / 2, 10);
    expect(lrs[50]).toBeCloseTo(0.001, 10);
  });

  it('OneCycleLR starts at max/div, peaks at max after pct_start of the run and ends far below', () => {
    const scheduler = { ...defaultScheduler('oneCycleLR'), maxLr: 0.2, divFactor: 25, pctStart: 0.3 };
    const preview = computeLrPreview(input(scheduler));
    expect(preview.first).toBeCloseTo(0.2 / 25, 10);
    expect(preview.peak).toBeCloseTo(0.2, 6);
    expect(preview.last).toBeLessThan(0.2 / 25 / 1000);
    const lrs = curve(input(scheduler));
    expect(lrs.indexOf(Math.max(...lrs))).toBeCloseTo(0.3 * 2000, -1);
  });

  it('no schedule is a flat line at the learning rate; ReduceLROnPlateau too, flagged as depending on the validation loss', () => {
    const none = computeLrPreview(input({ ...defaultScheduler('none'), warmup: 5 }));
    expect([none.first, none.last, none.peak, none.low]).toEqual([0.1, 0.1, 0.1, 0.1]);
    expect(none.unit).toBe('epoch');
    const plateau = computeLrPreview(input(defaultScheduler('reduceLROnPlateau')));
    expect(plateau.dependsOnValidation).toBe(true);
    expect([plateau.peak, plateau.low]).toEqual([0.1, 0.1]);
  });

  it('steps a long run in slices and stops at maxSteps', () => {
    const run = new LrPreviewRun(input({ ...defaultScheduler('cyclicLR'), stepSizeUp: 100 }, { epochs: 10000, stepsPerEpoch: 1000 }), {
      maxSteps: 50_000,
    });
    expect(run.advance(20_000)).toBe(false);
    expect(run.advance(20_000)).toBe(false);
    expect(run.advance(20_000)).toBe(true);
    const preview = run.result();
    expect(preview.total).toBe(10_000_000);
    expect(preview.shown).toBe(50_000);
    // CyclicLR's triangle between base_lr and max_lr shows as a full-height envelope in every column
    expect(preview.low).toBeCloseTo(0.001, 10);
    expect(preview.peak).toBeCloseTo(0.01, 10);
    expect(preview.max[80] - preview.min[80]).toBeCloseTo(0.009, 6);
  });
});
