import { describe, expect, it } from 'vitest';
import { compactNumber, compactPercent, layerHealth, statsByLayer } from './stats';

const stats = (mean: number, std: number, deadFraction: number) => ({ layer: 1, mean, std, zeroFraction: deadFraction, deadFraction });

describe('activation statistics', () => {
  it('read in a few characters', () => {
    expect(compactNumber(0.1234)).toBe('0.12');
    expect(compactNumber(1.56)).toBe('1.6');
    expect(compactNumber(12.3)).toBe('12');
    expect(compactNumber(123.4)).toBe('123');
    expect(compactNumber(12345)).toBe('1.2e4');
    expect(compactNumber(0.00012)).toBe('1.2e\u22124');
    expect(compactNumber(-0.5)).toBe('\u22120.5');
    expect(compactNumber(0)).toBe('0');
    expect(compactNumber(Number.NaN)).toBe('—');
    expect(compactNumber(Infinity)).toBe('∞');
    expect(compactPercent(0.034)).toBe('3%');
    expect(compactPercent(0.001)).toBe('<1%');
    expect(compactPercent(0)).toBe('0%');
    expect(compactPercent(1)).toBe('100%');
  });

  it('flag many dead units, exploding and fading outputs', () => {
    expect(layerHealth(stats(0.4, 0.6, 0.05)).warnings).toEqual([]);
    expect(layerHealth(stats(0.4, 0.6, 0.44)).warnings).toEqual([]);
    expect(layerHealth(stats(0.4, 0.6, 0.5)).warnings).toEqual(['dead']);
    expect(layerHealth(stats(40, 320, 0)).warnings).toEqual(['exploding']);
    expect(layerHealth(stats(Number.NaN, Number.NaN, 0)).warnings).toEqual(['exploding']);
    expect(layerHealth(stats(1e-6, 2e-6, 0)).warnings).toEqual(['fading']);
    // a layer that is all dead is dead, not fading
    expect(layerHealth(stats(0, 0, 1)).warnings).toEqual(['dead']);
    expect(layerHealth(stats(0.25, 0.5, 0.5))).toEqual({ mean: '0.25', std: '0.5', dead: '50%', warnings: ['dead'] });
  });

  it('belong to the layers drawn, or to none', () => {
    const two = [stats(0, 1, 0), stats(0, 2, 0)];
    expect(statsByLayer(two, 2)).toEqual(two);
    expect(statsByLayer(two, 3)).toEqual([null, null, null]);
    expect(statsByLayer(null, 1)).toEqual([null]);
  });
});
