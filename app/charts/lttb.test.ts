import { describe, expect, it } from 'vitest';
import { downsample, lttbIndices, pick } from './lttb';

const range = (n: number) => Float64Array.from({ length: n }, (_, i) => i);

describe('lttbIndices (Largest-Triangle-Three-Buckets)', () => {
  it('returns every index when the series is no longer than the threshold', () => {
    expect(Array.from(lttbIndices([0, 1, 2, 3], [5, 1, 4, 2], 4))).toEqual([0, 1, 2, 3]);
    expect(Array.from(lttbIndices([0, 1, 2], [5, 1, 4], 1000))).toEqual([0, 1, 2]);
    expect(lttbIndices([], [], 10)).toHaveLength(0);
  });

  it('keeps exactly `threshold` points, ascending, with the first and the last', () => {
    const n = 10_000;
    const x = range(n);
    const y = Float32Array.from(x, (v) => Math.sin(v / 100) + 0.1 * Math.sin(v * 7.3));
    const kept = lttbIndices(x, y, 500);
    expect(kept).toHaveLength(500);
    expect(kept[0]).toBe(0);
    expect(kept[499]).toBe(n - 1);
    for (let i = 1; i < kept.length; i++) expect(kept[i]).toBeGreaterThan(kept[i - 1]);
  });

  it('keeps a single spike that every-n-th sampling would miss', () => {
    const n = 5000;
    const y = new Float32Array(n).fill(1);
    y[2345] = 40;
    y[4001] = -30;
    const kept = Array.from(lttbIndices(range(n), y, 100));
    expect(kept).toContain(2345);
    expect(kept).toContain(4001);
  });

  it('keeps the turning points of a triangle wave within one bucket', () => {
    // peaks at 0, 200, 400, …; 50 buckets of ~20 points each
    const n = 1001;
    const y = Float64Array.from({ length: n }, (_, i) => Math.abs(((i + 100) % 200) - 100));
    const kept = Array.from(lttbIndices(range(n), y, 52));
    for (const peak of [100, 300, 500, 700, 900]) {
      expect(Math.min(...kept.map((k) => Math.abs(k - peak)))).toBeLessThanOrEqual(1);
    }
  });

  it('picks from the buckets of the classic 3-bucket example', () => {
    // 2 + 2 points in the middle, one bucket each: the largest triangles are at 1 (10) and 4 (−8)
    const x = [0, 1, 2, 3, 4, 5];
    const y = [0, 10, 1, 1, -8, 0];
    expect(Array.from(lttbIndices(x, y, 4))).toEqual([0, 1, 4, 5]);
  });

  it('prefers drawable points over NaN and Infinity', () => {
    const x = range(9);
    const y = [1, Number.NaN, 2, Infinity, 3, Number.NaN, 4, 5, 6];
    const kept = Array.from(lttbIndices(x, y, 5));
    expect(kept).toHaveLength(5);
    expect(kept.slice(1, -1).every((i) => Number.isFinite(y[i]))).toBe(true);
  });
});

describe('downsample', () => {
  it('returns at most `threshold` points as arrays of x and y', () => {
    const x = range(200_000);
    const y = Float32Array.from(x, (v) => 1 / (1 + v / 1000));
    const points = downsample(x, y, 1000);
    expect(points.x).toHaveLength(1000);
    expect(points.x[0]).toBe(0);
    expect(points.x[999]).toBe(199_999);
    expect(points.y[0]).toBe(1);
  });

  it('is the identity on a short series', () => {
    const points = downsample([1, 2, 3], [0.5, 0.25, 0.125], 1000);
    expect(Array.from(points.x)).toEqual([1, 2, 3]);
    expect(Array.from(points.y)).toEqual([0.5, 0.25, 0.125]);
  });

  it('leaves out what cannot be drawn: NaN, Infinity, and on a log axis zero and below', () => {
    const x = [0, 1, 2, 3, 4];
    const y = [1, Number.NaN, 0, -2, Infinity];
    expect(Array.from(pick(x, y, [0, 1, 2, 3, 4]).y)).toEqual([1, 0, -2]);
    expect(Array.from(pick(x, y, [0, 1, 2, 3, 4], true).y)).toEqual([1]);
  });
});
