import { describe, expect, it } from 'vitest';
import { defaultConfig, defaultScheduler } from '../../engine/train/config';
import { batchesPerEpoch, nearestPowerOfTwo, schedulerSteps, trainSize } from './loader';

describe('run length', () => {
  it('counts batches as len(DataLoader): ceil, or floor with drop_last', () => {
    expect(batchesPerEpoch(320, 16, false)).toBe(20);
    expect(batchesPerEpoch(321, 16, false)).toBe(21);
    expect(batchesPerEpoch(321, 16, true)).toBe(20);
    expect(batchesPerEpoch(10, 32, true)).toBe(0);
    expect(batchesPerEpoch(10, 32, false)).toBe(1);
  });

  it('takes the training split from the worker, or estimates it from size and validation fraction', () => {
    const c = defaultConfig(); // 400 points, 20 % validation
    expect(trainSize(c, null)).toBe(320);
    expect(trainSize(c, { train: { n: 318 } })).toBe(318);
    c.data.dataset = 'digits'; // 1,797 rows
    expect(trainSize(c, null)).toBe(Math.round(1797 * (1 - c.data.validationFraction)));
  });

  it('counts scheduler steps in epochs, or in batches for a schedule that steps every batch', () => {
    const c = defaultConfig();
    expect(schedulerSteps(c, 20)).toBe(200);
    c.scheduler = defaultScheduler('oneCycleLR'); // steps every batch by default
    expect(schedulerSteps(c, 20)).toBe(4000);
  });

  it('snaps slider batch sizes to powers of two', () => {
    expect([1, 3, 5, 12, 100, 130, 700, 5000].map((v) => nearestPowerOfTwo(v))).toEqual([1, 4, 4, 16, 128, 128, 512, 1024]);
  });
});
