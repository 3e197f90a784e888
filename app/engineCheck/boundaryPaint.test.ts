import { describe, expect, it } from 'vitest';
import { boundaryPixels, CLASS_COLOURS_LIGHT, MAX_TINT, parseHexColour, type Rgb } from './boundaryPaint';
import { formatAccuracy, formatEpoch, formatLoss } from './format';

const white: Rgb = [255, 255, 255];
const blue = CLASS_COLOURS_LIGHT[0];
const orange = CLASS_COLOURS_LIGHT[1];

describe('boundaryPixels', () => {
  it('colours each cell by its likelier class, as strongly as the network is sure, in grid order', () => {
    // cells: sure of class 0, sure of class 1, a coin toss, 75 % class 1
    const grid = new Float32Array([1, 0, 0, 1, 0.5, 0.5, 0.25, 0.75]);
    const pixels = boundaryPixels(grid, 2, CLASS_COLOURS_LIGHT, white);
    const cell = (i: number) => Array.from(pixels.slice(i * 4, i * 4 + 4));
    const mix = (colour: Rgb, amount: number) => colour.map((c, k) => Math.round(white[k] + (c - white[k]) * amount));

    expect(cell(0)).toEqual([...mix(blue, MAX_TINT), 255]);
    expect(cell(1)).toEqual([...mix(orange, MAX_TINT), 255]);
    expect(cell(2)).toEqual([255, 255, 255, 255]);
    expect(cell(3)).toEqual([...mix(orange, MAX_TINT / 2), 255]);
  });
});

describe('parseHexColour', () => {
  it('reads the stylesheet colours and refuses anything else', () => {
    expect(parseHexColour(' #1b1d29')).toEqual([0x1b, 0x1d, 0x29]);
    expect(parseHexColour('rgb(1 2 3)')).toBeNull();
  });
});

describe('formatting', () => {
  it('keeps a fixed number of decimals and a dash for no value yet', () => {
    expect(formatLoss(0.69314)).toBe('0.693');
    expect(formatLoss(null)).toBe('–');
    expect(formatLoss(Number.NaN)).toBe('NaN');
    expect(formatAccuracy(0.9)).toBe('90.0%');
    expect(formatAccuracy(null)).toBe('–');
    expect(formatEpoch(12, 200)).toBe('12 / 200');
  });
});
