import { describe, expect, it } from 'vitest';
import { CLASS_RGB, DIVERGING_LEVELS, DIVERGING_STOPS, DIVERGING_TABLE, divergingLevel, divergingRgb, parseHexColour, type Rgb } from './colour';
import { classGroups, classPixels, MAX_TINT, NOT_A_NUMBER, valueGroups, valuePixels, VALUE_BINS, type PlanePoints } from './paint';

const white: Rgb = [255, 255, 255];
const blue = CLASS_RGB[0];
const orange = CLASS_RGB[1];
const cell = (pixels: Uint8ClampedArray, i: number) => Array.from(pixels.slice(i * 4, i * 4 + 4));
const mix = (colour: Rgb, amount: number) => colour.map((c, k) => Math.round(white[k] + (c - white[k]) * amount));

describe('classPixels', () => {
  it('colours each cell by its likeliest class, as strongly as the network is sure, in grid order', () => {
    // sure of class 0, sure of class 1, a coin toss, 75 % class 1, a diverged cell
    const grid = new Float32Array([1, 0, 0, 1, 0.5, 0.5, 0.25, 0.75, NaN, NaN]);
    const pixels = classPixels(grid, 2, white);
    expect(cell(pixels, 0)).toEqual([...mix(blue, MAX_TINT), 255]);
    expect(cell(pixels, 1)).toEqual([...mix(orange, MAX_TINT), 255]);
    expect(cell(pixels, 2)).toEqual([255, 255, 255, 255]);
    // Uint8ClampedArray rounds halves to even: allow one level
    cell(pixels, 3).forEach((v, k) => expect(Math.abs(v - [...mix(orange, MAX_TINT / 2), 255][k])).toBeLessThanOrEqual(1));
    expect(cell(pixels, 4)).toEqual([...NOT_A_NUMBER, 255]);
  });

  it('measures sureness from chance level with more classes (1/3 for three) and reuses the buffer it is given', () => {
    const grid = new Float32Array([1 / 3, 1 / 3, 1 / 3, 0, 0, 1]);
    const out = new Uint8ClampedArray(8);
    const pixels = classPixels(grid, 3, white, out);
    expect(pixels).toBe(out);
    expect(cell(pixels, 0)).toEqual([255, 255, 255, 255]);
    expect(cell(pixels, 1)).toEqual([...mix(CLASS_RGB[2], MAX_TINT), 255]);
  });
});

describe('valuePixels and the diverging map', () => {
  it('maps −limit to dark blue, 0 to near-white, +limit to dark orange, clamping beyond', () => {
    const pixels = valuePixels(new Float32Array([-2, 0, 2, 50, -50, Infinity]), 2);
    expect(cell(pixels, 0)).toEqual([...DIVERGING_STOPS[0], 255]);
    expect(cell(pixels, 1).slice(0, 3).every((c) => c > 240)).toBe(true);
    expect(cell(pixels, 2)).toEqual([...DIVERGING_STOPS[DIVERGING_STOPS.length - 1], 255]);
    expect(cell(pixels, 3)).toEqual(cell(pixels, 2));
    expect(cell(pixels, 4)).toEqual(cell(pixels, 0));
    expect(cell(pixels, 5)).toEqual([...NOT_A_NUMBER, 255]);
  });

  it('is symmetric: blue below zero, orange above', () => {
    const [r1, , b1] = divergingRgb(-0.5, 1);
    const [r2, , b2] = divergingRgb(0.5, 1);
    expect(b1).toBeGreaterThan(r1);
    expect(r2).toBeGreaterThan(b2);
    expect(divergingLevel(0, 1)).toBe(Math.round((DIVERGING_LEVELS - 1) / 2));
    expect(DIVERGING_TABLE.length).toBe(DIVERGING_LEVELS * 3);
  });

  it('reads the stylesheet colours and refuses anything else', () => {
    expect(parseHexColour(' #1b1d29')).toEqual([0x1b, 0x1d, 0x29]);
    expect(parseHexColour('rgb(1 2 3)')).toBeNull();
  });
});

describe('point groups', () => {
  const points: PlanePoints = {
    x: new Float32Array([-1, 1, 1, -1, 0, 0, NaN, 0]),
    y: new Float32Array([0, 1, 1, 0]),
    n: 4,
  };

  it('places x₁ = −1 at the left and x₂ = +1 at the top, one group per class, dropping bad points', () => {
    const groups = classGroups(points, 2, 100);
    expect(groups.map((g) => g.colour)).toEqual([blue, orange]);
    expect(Array.from(groups[0].centres)).toEqual([0, 0]);
    expect(Array.from(groups[1].centres)).toEqual([100, 100, 50, 50]);
  });

  it('bins regression points by target so neighbours in value share a colour', () => {
    const groups = valueGroups({ x: new Float32Array([0, 0, 0, 0, 0, 0]), y: new Float32Array([-1, 1, 1]), n: 3 }, 1, 10);
    expect(groups).toHaveLength(2);
    expect(groups[0].centres.length).toBe(2);
    expect(groups[1].centres.length).toBe(4);
    expect(groups[0].colour[2]).toBeGreaterThan(groups[0].colour[0]); // blue for −1
    expect(groups[1].colour[0]).toBeGreaterThan(groups[1].colour[2]); // orange for +1
    expect(VALUE_BINS).toBeGreaterThan(16);
  });
});

