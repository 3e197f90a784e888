import { describe, expect, it } from 'vitest';
import { addLayer, layerLimits, parseWidth, removeLayer, stepWidth, withWidth } from './limits';

const limits = { maxLayers: 6, minWidth: 1, maxWidth: 256 };

describe('layer limits', () => {
  it('come from the schema: 0–6 hidden layers of 1–256 units', () => {
    expect(layerLimits()).toEqual(limits);
  });

  it('step widths along the ladder, one at a time while small, then by about ×1.5', () => {
    expect(stepWidth(3, 1, limits)).toBe(4);
    expect(stepWidth(8, 1, limits)).toBe(10);
    expect(stepWidth(16, 1, limits)).toBe(24);
    expect(stepWidth(16, -1, limits)).toBe(12);
    expect(stepWidth(128, 1, limits)).toBe(192);
    // a typed width off the ladder goes to its neighbours on it
    expect(stepWidth(20, 1, limits)).toBe(24);
    expect(stepWidth(20, -1, limits)).toBe(16);
  });

  it('never step past the limits', () => {
    expect(stepWidth(1, -1, limits)).toBe(1);
    expect(stepWidth(256, 1, limits)).toBe(256);
    expect(stepWidth(48, 1, { ...limits, maxWidth: 50 })).toBe(50);
  });

  it('add a layer as wide as the last one, up to the maximum', () => {
    expect(addLayer([16, 4], limits)).toEqual([16, 4, 4]);
    expect(addLayer([], limits)).toEqual([8]);
    expect(addLayer([1, 2, 3, 4, 5, 6], limits)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(removeLayer([16, 4])).toEqual([16]);
    expect(removeLayer([])).toEqual([]);
    expect(withWidth([16, 16, 16], 1, 64)).toEqual([16, 64, 16]);
  });

  it('accept a typed width only when it is a whole number within the limits', () => {
    expect(parseWidth('12', limits)).toBe(12);
    expect(parseWidth(' 64 ', limits)).toBe(64);
    expect(parseWidth('256', limits)).toBe(256);
    for (const bad of ['0', '257', '1.5', '-3', 'abc', '', '1e2']) expect(parseWidth(bad, limits)).toBeNull();
  });
});
