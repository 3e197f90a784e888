import { describe, expect, it } from 'vitest';
import { extent, fitSummary, linear, paddedRange, ticksWithin, niceCeil, niceStep, niceTicks, symmetricLimit } from './scale';

describe('scales', () => {
  it('finds the finite extent of several arrays', () => {
    expect(extent(new Float32Array([3, -2]), [NaN, 7])).toEqual([-2, 7]);
    expect(extent([], [NaN])).toBeNull();
  });

  it('picks round steps and ticks that cover the data', () => {
    expect(niceStep(2, 4)).toBe(0.5);
    expect(niceTicks(-1, 1, 4)).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(niceTicks(25, 346, 4)).toEqual([0, 100, 200, 300, 400]);
    expect(niceTicks(-1.13, 1.08, 4)).toEqual([-2, -1, 0, 1, 2]);
    expect(ticksWithin(-1.13, 1.08, 4)).toEqual([-1, 0, 1]);
    expect(paddedRange([25, 346])).toEqual([25 - 0.06 * 321, 346 + 0.06 * 321]);
    expect(niceTicks(0.1, 0.3, 2)).toEqual([0.1, 0.2, 0.3]);
    const flat = niceTicks(2, 2);
    expect(flat[0]).toBeLessThan(2);
    expect(flat[flat.length - 1]).toBeGreaterThan(2);
  });

  it('rounds colour-scale limits up to a readable number', () => {
    expect(niceCeil(1)).toBe(1);
    expect(niceCeil(1.13)).toBe(1.2);
    expect(niceCeil(0.034)).toBe(0.04);
    expect(niceCeil(0)).toBe(1);
    expect(symmetricLimit(new Float32Array([-1.3, 0.2]), [0.9])).toBe(1.5);
  });

  it('maps a domain onto a range linearly (flipped for SVG y)', () => {
    const y = linear(0, 10, 100, 0);
    expect(y(0)).toBe(100);
    expect(y(2.5)).toBe(75);
  });

  it('scores a fit by R² and mean absolute error', () => {
    expect(fitSummary([1, 2, 3], [1, 2, 3])).toEqual({ r2: 1, mae: 0 });
    const mean = fitSummary([1, 2, 3], [2, 2, 2]);
    expect(mean.r2).toBe(0);
    expect(mean.mae).toBeCloseTo(2 / 3);
    expect(fitSummary([1, 2, 3, 4], [1, 2, 5, NaN]).mae).toBeCloseTo(2 / 3);
    expect(fitSummary([], []).r2).toBeNaN();
  });
});
