import { describe, expect, it } from 'vitest';
import { CLASS_COLORS, rgb } from '../palette';
import { CLASSIFICATION_THUMBNAILS, paintThumbnail, REGRESSION_THUMBNAILS, thumbnailPixels, thumbnailSample, type ThumbnailSet } from './thumbnails';

const SIZE = 64;
const BLUE = rgb(CLASS_COLORS[0]);
const ORANGE = rgb(CLASS_COLORS[1]);
const GREEN = rgb(CLASS_COLORS[2]);

type Pixels = Uint8ClampedArray;
const at = (p: Pixels, col: number, row: number) => Array.from(p.subarray((row * SIZE + col) * 4, (row * SIZE + col) * 4 + 4));
const near = (a: readonly number[], b: readonly number[], tolerance = 12) => a.slice(0, 3).every((v, i) => Math.abs(v - b[i]) <= tolerance);

/** Fully painted pixels of colour `colour` in the box [c0, c1) × [r0, r1). */
function count(p: Pixels, colour: readonly number[], c0 = 0, c1 = SIZE, r0 = 0, r1 = SIZE): number {
  let n = 0;
  for (let r = r0; r < r1; r++) for (let c = c0; c < c1; c++) if (at(p, c, r)[3] === 255 && near(at(p, c, r), colour)) n++;
  return n;
}

/** Mean row of the painted pixels in columns [c0, c1): small is high up. */
function meanRow(p: Pixels, c0: number, c1: number): number {
  let sum = 0;
  let n = 0;
  for (let r = 0; r < SIZE; r++) for (let c = c0; c < c1; c++) if (at(p, c, r)[3] > 200) (sum += r), n++;
  return sum / n;
}

describe('data set thumbnails', () => {
  it('come from the engine generators with a fixed seed', () => {
    expect(thumbnailSample('spiral')).toMatchObject({ task: 'classification', n: 200, classes: 2 });
    expect(thumbnailSample('blobs')).toMatchObject({ classes: 3 });
    expect(thumbnailSample('sine')).toMatchObject({ task: 'regression', features: 1 });
    expect(thumbnailSample('bumps')).toMatchObject({ task: 'regression', features: 2 });
    expect(paintThumbnail('moons', SIZE)).toEqual(paintThumbnail('moons', SIZE));
  });

  it('have size² RGBA pixels, transparent where there is nothing to show', () => {
    for (const name of [...CLASSIFICATION_THUMBNAILS, ...REGRESSION_THUMBNAILS] as ThumbnailSet[]) {
      const p = paintThumbnail(name, SIZE);
      expect(p.length).toBe(SIZE * SIZE * 4);
      let painted = 0;
      for (let i = 3; i < p.length; i += 4) if (p[i] > 0) painted++;
      expect(painted, name).toBeGreaterThan(SIZE * SIZE * 0.08);
      if (name !== 'plane' && name !== 'bumps') expect(painted, name).toBeLessThan(SIZE * SIZE * 0.8);
    }
  });

  it('put XOR classes in the right quadrants (y up)', () => {
    const p = paintThumbnail('xor', SIZE);
    const h = SIZE / 2;
    // top right: x1 > 0, x2 > 0, same signs → class 0 (blue); top left: opposite signs → class 1 (orange)
    expect(count(p, BLUE, h + 4, SIZE, 0, h - 4)).toBeGreaterThan(50);
    expect(count(p, ORANGE, h + 4, SIZE, 0, h - 4)).toBe(0);
    expect(count(p, ORANGE, 0, h - 4, 0, h - 4)).toBeGreaterThan(50);
    expect(count(p, BLUE, 0, h - 4, 0, h - 4)).toBe(0);
  });

  it('draw circles as a blue disc inside an orange ring', () => {
    const p = paintThumbnail('circles', SIZE);
    const h = SIZE / 2;
    expect(count(p, BLUE, h - 6, h + 6, h - 6, h + 6)).toBeGreaterThan(20);
    expect(count(p, ORANGE, h - 6, h + 6, h - 6, h + 6)).toBe(0);
    expect(count(p, ORANGE, 0, SIZE, 0, 8)).toBeGreaterThan(10);
    expect(at(p, 0, 0)[3]).toBe(0); // the corner is outside the ring
  });

  it('give each blob its own colour', () => {
    const p = paintThumbnail('blobs', SIZE);
    for (const colour of [BLUE, ORANGE, GREEN]) expect(count(p, colour)).toBeGreaterThan(40);
  });

  it('draw the sine wave low on the left and high on the right', () => {
    const p = paintThumbnail('sine', SIZE);
    expect(meanRow(p, 4, 28)).toBeGreaterThan(SIZE / 2 + 6);
    expect(meanRow(p, 36, 60)).toBeLessThan(SIZE / 2 - 6);
  });

  it('tint the plane blue at the bottom left and orange at the top right', () => {
    const p = paintThumbnail('plane', SIZE);
    const topRight = at(p, SIZE - 2, 1);
    const bottomLeft = at(p, 1, SIZE - 2);
    expect(topRight[0]).toBeGreaterThan(topRight[2]); // orange: more red than blue
    expect(bottomLeft[2]).toBeGreaterThan(bottomLeft[0]);
    expect(at(p, 1, 1)[3]).toBeLessThan(topRight[3]); // (−1, 1) lies on the zero line: hardly tinted
  });

  it('paint once per name and size', () => {
    expect(thumbnailPixels('spiral', 56)).toBe(thumbnailPixels('spiral', 56));
    expect(thumbnailPixels('spiral', 112).length).toBe(112 * 112 * 4);
    expect(() => paintThumbnail('spiral', 0)).toThrow(/from 8 to 1024/);
  });
});
