import { describe, expect, it } from 'vitest';
import { curvePath, linePoints } from './curve';

describe('a neuron over x on a 1-D data set', () => {
  it('knows how many x the worker sampled, when the layers match', () => {
    const layer = (units: number) => ({ units, values: new Float32Array(units * 24) });
    expect(linePoints([layer(16), layer(8)], [16, 8])).toBe(24);
    expect(linePoints([layer(16)], [16, 8])).toBe(0);
    expect(linePoints([layer(16), layer(8)], [16, 4])).toBe(0);
    expect(linePoints(null, [16])).toBe(0);
  });

  it('draws the output as a path, larger values up, with the zero line', () => {
    // a ReLU of x sampled at 5 points: 0, 0, 0, 0.5, 1
    const values = new Float32Array([9, 9, 9, 9, 9, 0, 0, 0, 0.5, 1]);
    const curve = curvePath(values, 1, 5, 104, 44);
    expect(curve.d).toBe('M2 42 L27 42 L52 42 L77 22 L102 2');
    expect(curve.zero).toBe(42);
    expect([curve.min, curve.max]).toEqual([0, 1]);
  });

  it('draws a flat unit across the middle and skips NaN', () => {
    expect(curvePath(new Float32Array([0, 0, 0]), 0, 3, 104, 44)).toEqual({ d: 'M2 22 L52 22 L102 22', zero: 22, min: 0, max: 0 });
    expect(curvePath(new Float32Array([1, Number.NaN, 2]), 0, 3, 104, 44).d).toBe('M2 42 M102 2');
    expect(curvePath(new Float32Array([1, 2]), 0, 2, 104, 44).zero).toBeNull();
  });
});
