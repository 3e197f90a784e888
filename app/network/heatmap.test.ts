import { describe, expect, it } from 'vitest';
import { gridSide, heatColor, inputPlaneValues, largestMagnitude, paintUnit, parseHex, unitRange, unitScale } from './heatmap';

const colors = { positive: [0, 114, 178], negative: [230, 159, 0], zero: [244, 244, 247] } as const;

describe('heat map', () => {
  it('finds a unit’s range, ignoring NaN, and calls an all-zero unit flat', () => {
    const values = new Float32Array([0, 0, 0, 0, -1, 2, Number.NaN, 0.5]);
    expect(unitRange(values, 0, 4)).toEqual({ min: 0, max: 0, flat: true });
    expect(unitRange(values, 1, 4)).toEqual({ min: -1, max: 2, flat: false });
    expect(largestMagnitude(values)).toBe(2);
  });

  it('knows the grid side from the number of values', () => {
    expect(gridSide(16 * 24 * 24, 16)).toBe(24);
    expect(gridSide(100, 3)).toBe(0);
    expect(gridSide(0, 4)).toBe(0);
  });

  it('colours 0 pale, +scale blue, −scale orange, and half-way in between', () => {
    expect(heatColor(0, 1, colors)).toEqual([244, 244, 247]);
    expect(heatColor(1, 1, colors)).toEqual([0, 114, 178]);
    expect(heatColor(-3, 1, colors)).toEqual([230, 159, 0]);
    expect(heatColor(-0.5, 1, colors)).toEqual([237, 202, 124]);
    expect(heatColor(Number.NaN, 1, colors)).toEqual([244, 244, 247]);
  });

  it('scales a unit by its own range, but not below its layer’s floor', () => {
    expect(unitScale({ min: -0.2, max: 0.1, flat: false }, 0)).toBe(0.2);
    expect(unitScale({ min: 0, max: 0.01, flat: false }, 0.5)).toBe(0.5);
  });

  it('paints row 0 (x₂ = +1) at the top of its cell, at the offset asked', () => {
    // 2 × 2 unit: top row positive, bottom row negative
    const values = new Float32Array([1, 1, -1, -1]);
    const image = new Uint8ClampedArray(4 * 2 * 4); // 4 px wide, 2 rows
    const range = paintUnit(image, 4, 2, 0, values, 0, 2, 0, colors);
    expect(range).toEqual({ min: -1, max: 1, flat: false });
    const pixel = (x: number, y: number) => Array.from(image.slice((y * 4 + x) * 4, (y * 4 + x) * 4 + 4));
    expect(pixel(2, 0)).toEqual([0, 114, 178, 255]);
    expect(pixel(3, 1)).toEqual([230, 159, 0, 255]);
    expect(pixel(0, 0)).toEqual([0, 0, 0, 0]);
    expect(paintUnit(image, 4, 0, 0, values, 1, 2, 0, colors)).toBeNull();
  });

  it('draws the inputs as ramps: x₁ left to right, x₂ bottom to top', () => {
    const v = inputPlaneValues(3);
    expect(Array.from(v.slice(0, 3))).toEqual([-1, 0, 1]);
    expect([v[9], v[12], v[15]]).toEqual([1, 0, -1]);
  });

  it('reads theme colours', () => {
    expect(parseHex('#0072b2')).toEqual([0, 114, 178]);
    expect(parseHex('#fff')).toEqual([255, 255, 255]);
    expect(parseHex('rgb(1,2,3)')).toEqual([128, 128, 128]);
  });
});
