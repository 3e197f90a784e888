import { describe, expect, it } from 'vitest';
import { smooth, SmoothingCache } from './smoothing';

describe('smooth (TensorBoard\'s debiased EMA)', () => {
  it('starts at the first value instead of creeping up from zero', () => {
    const out = smooth([10, 10, 10], 0.9);
    expect(out[0]).toBeCloseTo(10, 12);
    expect(out[2]).toBeCloseTo(10, 12);
  });

  it('matches the formula step by step', () => {
    // w = 0.5: last = 0.5·0 + 0.5·2 = 1 → 1/(1−0.5) = 2; last = 0.5 + 0.5·4 = 2.5 → 2.5/0.75
    const out = smooth([2, 4, 0], 0.5);
    expect(Array.from(out)).toBeAllclose([2, 2.5 / 0.75, 1.25 / 0.875], { atol: 1e-12 });
  });

  it('returns the values themselves with weight 0', () => {
    expect(Array.from(smooth([3, 1, 4, 1, 5], 0))).toEqual([3, 1, 4, 1, 5]);
  });

  it('removes most of the noise of a noisy constant', () => {
    const n = 5000;
    let seed = 1;
    const noise = () => ((seed = (seed * 16807) % 2147483647) / 2147483647 - 0.5) * 2;
    const values = Float32Array.from({ length: n }, () => 1 + 0.5 * noise());
    const out = smooth(values, 0.99);
    let worst = 0;
    for (let i = 1000; i < n; i++) worst = Math.max(worst, Math.abs(out[i] - 1));
    expect(worst).toBeLessThan(0.12);
  });

  it('passes NaN through without poisoning what follows', () => {
    const out = smooth([1, Number.NaN, 1], 0.6);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBeCloseTo(1, 12);
  });
});

describe('SmoothingCache', () => {
  it('continues a growing series and gives what smoothing it whole gives', () => {
    const cache = new SmoothingCache();
    const owner = {};
    const values = Float64Array.from({ length: 3000 }, (_, i) => Math.sin(i / 10) + i / 1000);
    cache.smooth(owner, 'loss', values.subarray(0, 10), 0.8);
    cache.smooth(owner, 'loss', values.subarray(0, 1500), 0.8);
    const grown = cache.smooth(owner, 'loss', values, 0.8);
    expect(grown).toHaveLength(3000);
    expect(Array.from(grown)).toBeAllclose(Array.from(smooth(values, 0.8)), { atol: 1e-12 });
  });

  it('starts again when the weight changes or the series is another one', () => {
    const cache = new SmoothingCache();
    const owner = {};
    cache.smooth(owner, 'loss', [1, 2, 3], 0.5);
    expect(Array.from(cache.smooth(owner, 'loss', [1, 2, 3], 0))).toEqual([1, 2, 3]);
    expect(Array.from(cache.smooth({}, 'loss', [7, 7], 0.5))).toEqual([7, 7]);
  });
});
