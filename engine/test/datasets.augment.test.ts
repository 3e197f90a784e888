/** Augmentation: jitter, pixel noise and one-pixel shifts, seeded, shape and labels kept. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Generator } from '../random';
import {
  ONE_PIXEL_SHIFTS,
  addJitter,
  addPixelNoise,
  augmentBatch,
  makeMoons,
  parseDigits,
  randomShifts,
  shiftImage,
} from '../data/sets';

const digits = parseDigits(readFileSync(new URL('../../public/datasets/digits.csv', import.meta.url), 'utf8'));

/** A 3 × 4 picture with pixels 1 … 12, row by row. */
const picture = Float32Array.from({ length: 12 }, (_, k) => k + 1);
const shape: [number, number] = [3, 4];

describe('shiftImage: one picture moved by whole pixels, zero fill', () => {
  it('moves every pixel exactly', () => {
    expect(Array.from(shiftImage(picture, shape, 1, 0))).toEqual([0, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8]); // down
    expect(Array.from(shiftImage(picture, shape, -1, 0))).toEqual([5, 6, 7, 8, 9, 10, 11, 12, 0, 0, 0, 0]); // up
    expect(Array.from(shiftImage(picture, shape, 0, 1))).toEqual([0, 1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11]); // right
    expect(Array.from(shiftImage(picture, shape, 0, -1))).toEqual([2, 3, 4, 0, 6, 7, 8, 0, 10, 11, 12, 0]); // left
    expect(Array.from(shiftImage(picture, shape, 0, 0))).toEqual(Array.from(picture));
  });

  it('works in place', () => {
    const copy = picture.slice();
    shiftImage(copy, shape, 0, 1, copy);
    expect(Array.from(copy)).toEqual([0, 1, 2, 3, 0, 5, 6, 7, 0, 9, 10, 11]);
  });

  it('refuses a picture of the wrong size', () => {
    expect(() => shiftImage(new Float32Array(10), shape, 1, 0)).toThrow('A 3 × 4 picture has 12 pixels; got 10');
  });
});

describe('randomShifts on a batch of digits', () => {
  const batch = digits.x.slice(0, 64 * 500);

  it('moves each picture by one of stay/up/down/left/right, each about 1 in 5', () => {
    const out = randomShifts(batch, [8, 8], new Generator(1));
    expect(out.length).toBe(batch.length);
    const seen = new Array<number>(ONE_PIXEL_SHIFTS.length).fill(0);
    for (let i = 0; i < 500; i++) {
      const original = batch.subarray(i * 64, (i + 1) * 64);
      const moved = Array.from(out.subarray(i * 64, (i + 1) * 64)).join();
      const which = ONE_PIXEL_SHIFTS.findIndex(([d, r]) => Array.from(shiftImage(original, [8, 8], d, r)).join() === moved);
      expect(which).toBeGreaterThanOrEqual(0);
      seen[which]++;
    }
    for (const count of seen) expect(count).toBeGreaterThan(70); // expected 100 each
    expect(out).not.toEqual(batch);
  });

  it('is repeatable with the seed and works in place', () => {
    const a = randomShifts(batch, [8, 8], new Generator(2));
    const inPlace = batch.slice();
    expect(randomShifts(inPlace, [8, 8], new Generator(2), inPlace)).toBe(inPlace);
    expect(inPlace).toEqual(a);
    expect(randomShifts(batch, [8, 8], new Generator(3))).not.toEqual(a);
  });
});

describe('noise: jitter for points and tables, pixel noise for pictures', () => {
  it('jitter adds Gaussian steps of the given σ, same seed same steps', () => {
    const points = makeMoons({ n: 5000 }, new Generator(0));
    const jittered = addJitter(points.x, 0.05, new Generator(4));
    expect(jittered.length).toBe(points.x.length);
    let sumSquares = 0;
    for (let k = 0; k < jittered.length; k++) sumSquares += (jittered[k] - points.x[k]) ** 2;
    expect(Math.sqrt(sumSquares / jittered.length)).toBeCloseTo(0.05, 2);
    expect(addJitter(points.x, 0.05, new Generator(4))).toEqual(jittered);
    expect(addJitter(points.x, 0, new Generator(4))).toEqual(points.x);
    expect(() => addJitter(points.x, -1, new Generator(4))).toThrow('Jitter σ must be a number of at least 0; got -1');
  });

  it('pixel noise changes grey levels but keeps them within 0 … 16 unless told otherwise', () => {
    const batch = digits.x.slice(0, 64 * 100);
    const noisy = addPixelNoise(batch, 2, new Generator(5));
    expect(noisy).not.toEqual(batch);
    expect([Math.min(...noisy), Math.max(...noisy)]).toEqual([0, 16]);
    const unclipped = addPixelNoise(batch, 2, new Generator(5), null);
    expect(Math.min(...unclipped)).toBeLessThan(-2);
  });
});

describe('augmentBatch', () => {
  it('changes the inputs, keeps the shape, leaves the batch and its labels alone', () => {
    const x = digits.x.slice(0, 64 * 32);
    const y = digits.y.slice(0, 32);
    const before = x.slice();
    const out = augmentBatch(x, { shifts: true, pixelNoise: 1 }, new Generator(6), [8, 8]);
    expect(out.length).toBe(x.length);
    expect(out).not.toEqual(x);
    expect(x).toEqual(before);
    expect(y).toEqual(digits.y.slice(0, 32));
    expect(augmentBatch(x, { shifts: true, pixelNoise: 1 }, new Generator(6), [8, 8])).toEqual(out);
    expect(augmentBatch(x, {}, new Generator(6))).toEqual(x);
  });

  it('works in place and refuses picture options on points', () => {
    const x = Float32Array.from([0.1, 0.2, 0.3, 0.4]);
    expect(augmentBatch(x, { jitter: 0.1 }, new Generator(7), undefined, x)).toBe(x);
    expect(Array.from(x)).not.toEqual(Array.from(Float32Array.from([0.1, 0.2, 0.3, 0.4])));
    expect(() => augmentBatch(x, { shifts: true }, new Generator(7))).toThrow(
      'Pixel shifts and pixel noise apply to pictures only; this data set has no image shape',
    );
  });
});
