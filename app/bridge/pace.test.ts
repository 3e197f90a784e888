import { describe, expect, it } from 'vitest';
import { FAST_STEPS_PER_SECOND, NORMAL_MAX, NORMAL_MIN, stepsPerSecond, WATCH_SECONDS } from './pace';

describe('the pace of each speed', () => {
  it('Normal spreads a run over about 30 s, between 2 and 60 steps a second', () => {
    // 60 epochs × 20 batches: 1,200 steps in 30 s
    expect(stepsPerSecond('normal', 1200)).toBe(40);
    expect(1200 / stepsPerSecond('normal', 1200)!).toBe(WATCH_SECONDS);
    // class imbalance: 20 epochs × 13 batches → 9 steps a second, 29 s
    expect(stepsPerSecond('normal', 260)).toBe(9);
    // the default run, 4,000 steps: capped, 67 s
    expect(stepsPerSecond('normal', 4000)).toBe(NORMAL_MAX);
    expect(stepsPerSecond('normal', 10)).toBe(NORMAL_MIN);
    // not known yet (no data): the cap, until the data arrives
    expect(stepsPerSecond('normal', 0)).toBe(NORMAL_MAX);
  });

  it("a guided experiment's own pace wins at Normal and scales Slow, not Fast or Max", () => {
    expect(stepsPerSecond('normal', 4000, 2)).toBe(2);
    expect(stepsPerSecond('slow', 4000, 3)).toBe(1);
    expect(stepsPerSecond('fast', 4000, 2)).toBe(FAST_STEPS_PER_SECOND);
    expect(stepsPerSecond('max', 4000, 2)).toBeNull();
  });

  it('Slow is a third of Normal, in half steps, never stopped', () => {
    expect(stepsPerSecond('slow', 4000)).toBe(20);
    expect(stepsPerSecond('slow', 1200)).toBe(13.5);
    expect(stepsPerSecond('slow', 10)).toBe(0.5);
    expect(stepsPerSecond('slow', 10, 0.5)).toBe(0.5);
  });
});
