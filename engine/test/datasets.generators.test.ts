/** The synthetic data sets: sizes, imbalance, determinism, clean shapes at noise 0, noise meaning. */
import { describe, expect, it } from 'vitest';
import { Generator } from '../random';
import {
  CIRCLES_INNER_RADIUS,
  CIRCLES_RING,
  POINT_SETS,
  REGRESSION_SETS,
  blobCentre,
  classCounts,
  classSizes,
  gaussianBumpsSurface,
  makeBlobs,
  makeCircles,
  makeMoons,
  makePolynomial,
  makeSine,
  makeSpiral,
  makeStep,
  makeXor,
  planeSurface,
  polynomialCurve,
  sineCurve,
  stepCurve,
  type ClassificationData,
  type PointSetName,
  type RegressionSetName,
} from '../data/sets';

const pointSetNames = Object.keys(POINT_SETS) as PointSetName[];
const regressionSetNames = Object.keys(REGRESSION_SETS) as RegressionSetName[];

function counts(data: ClassificationData): number[] {
  return Array.from(classCounts(data.y, data.classes));
}

/** Standard deviation of (a - b), entry by entry. */
function stdOfDifference(a: Float32Array, b: Float32Array): number {
  let sum = 0;
  let sumSquares = 0;
  for (let i = 0; i < a.length; i++) {
    const d = a[i] - b[i];
    sum += d;
    sumSquares += d * d;
  }
  const mean = sum / a.length;
  return Math.sqrt(sumSquares / a.length - mean * mean);
}

describe('classSizes: the meaning of the imbalance ratio', () => {
  it('splits evenly at ratio 1, the remainder going to the first classes', () => {
    expect(Array.from(classSizes(600, 2))).toEqual([300, 300]);
    expect(Array.from(classSizes(601, 2))).toEqual([301, 300]);
    expect(Array.from(classSizes(100, 3))).toEqual([34, 33, 33]);
  });

  it('gives the first class r times as many as the last, geometric in between', () => {
    expect(Array.from(classSizes(600, 2, 5))).toEqual([500, 100]);
    expect(Array.from(classSizes(700, 3, 4))).toEqual([400, 200, 100]);
    // 300 · [1, 20^-½, 1/20] / 1.2736 = [235.55, 52.67, 11.78] → largest remainders to classes 2, 1
    expect(Array.from(classSizes(300, 3, 20))).toEqual([235, 53, 12]);
    expect(Array.from(classSizes(1050, 2, 20))).toEqual([1000, 50]);
  });

  it('always adds up to n and leaves no class empty', () => {
    expect(Array.from(classSizes(20, 2, 100))).toEqual([19, 1]);
    for (const [n, k, r] of [[997, 5, 7.3], [10, 5, 50], [1234, 4, 1.1]]) {
      const sizes = classSizes(n, k, r);
      expect(sizes.reduce((a, b) => a + b, 0)).toBe(n);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(1);
    }
  });

  it('rejects settings a person could type, with sentences naming the value', () => {
    expect(() => classSizes(600, 2, 0.5)).toThrow('Class imbalance ratio must be a number of at least 1 (1 means balanced, 5 means 5:1); got 0.5');
    expect(() => classSizes(2, 3)).toThrow('Number of points (with 3 classes) must be a whole number from 3 to 100000; got 2');
    expect(() => classSizes(10.5, 2)).toThrow('got 10.5');
  });
});

describe('2-D classification sets', () => {
  it('have the asked number of points, 2 features, and exact class counts under imbalance', () => {
    const generator = new Generator(1);
    expect(counts(makeCircles({ n: 600, imbalanceRatio: 5 }, generator))).toEqual([500, 100]);
    expect(counts(makeXor({ n: 601 }, generator))).toEqual([301, 300]);
    expect(counts(makeMoons({ n: 600, imbalanceRatio: 5 }, generator))).toEqual([500, 100]);
    expect(counts(makeBlobs({ n: 700, classes: 3, imbalanceRatio: 4 }, generator))).toEqual([400, 200, 100]);
    expect(counts(makeBlobs({ n: 500, classes: 5 }, generator))).toEqual([100, 100, 100, 100, 100]);
    expect(counts(makeSpiral({ n: 300, arms: 3, imbalanceRatio: 20 }, generator))).toEqual([235, 53, 12]);
    const spiral = makeSpiral({ n: 400 }, generator);
    expect([spiral.n, spiral.features, spiral.x.length, spiral.y.length, spiral.classes]).toEqual([400, 2, 800, 400, 2]);
    expect(spiral.featureNames).toEqual(['x1', 'x2']);
  });

  it('are deterministic: same seed, same bytes; other seed, other points', () => {
    for (const name of pointSetNames) {
      const options = { n: 200, noise: 0.3, imbalanceRatio: 2 };
      const a = POINT_SETS[name](options, new Generator(7));
      const b = POINT_SETS[name](options, new Generator(7));
      const c = POINT_SETS[name](options, new Generator(8));
      expect(new Uint8Array(a.x.buffer)).toEqual(new Uint8Array(b.x.buffer));
      expect(a.y).toEqual(b.y);
      expect(c.x).not.toEqual(a.x);
    }
  });

  it('lie inside the square [-1, 1]² at noise 0, and noise pushes some out', () => {
    for (const name of pointSetNames) {
      const clean = POINT_SETS[name]({ n: 2000, classes: 5, arms: 3 }, new Generator(2));
      expect(Math.max(...clean.x.map(Math.abs)), name).toBeLessThanOrEqual(1);
      expect(Math.max(...clean.x.map(Math.abs)), name).toBeGreaterThan(0.6); // fills the square
      const noisy = POINT_SETS[name]({ n: 2000, noise: 1, classes: 5, arms: 3 }, new Generator(2));
      expect(Math.max(...noisy.x.map(Math.abs)), name).toBeGreaterThan(1);
    }
  });

  it('circles at noise 0: every inner point is nearer the centre than every ring point', () => {
    const data = makeCircles({ n: 1000 }, new Generator(3));
    const radii = [[], []] as number[][];
    for (let i = 0; i < data.n; i++) radii[data.y[i]].push(Math.hypot(data.x[2 * i], data.x[2 * i + 1]));
    expect([CIRCLES_INNER_RADIUS, ...CIRCLES_RING]).toEqual([0.5, 0.7, 1]);
    expect(Math.max(...radii[0])).toBeLessThanOrEqual(0.5 + 1e-6);
    expect(Math.max(...radii[0])).toBeGreaterThan(0.49);
    expect(Math.min(...radii[1])).toBeGreaterThanOrEqual(0.7 - 1e-6);
    expect(Math.max(...radii[1])).toBeLessThanOrEqual(1 + 1e-6);
  });

  it('XOR at noise 0: class 0 exactly where x1 and x2 share a sign, away from the axes', () => {
    const data = makeXor({ n: 1000 }, new Generator(4));
    for (let i = 0; i < data.n; i++) {
      const [a, b] = [data.x[2 * i], data.x[2 * i + 1]];
      expect(data.y[i]).toBe(a * b > 0 ? 0 : 1);
      expect(Math.min(Math.abs(a), Math.abs(b))).toBeGreaterThanOrEqual(0.05 - 1e-6);
    }
  });

  it('blobs at noise 0: every point is nearest its own centre', () => {
    for (const classes of [2, 3, 4, 5]) {
      const data = makeBlobs({ n: 2000, classes }, new Generator(5));
      let misplaced = 0;
      for (let i = 0; i < data.n; i++) {
        const distances = Array.from({ length: classes }, (_, c) => {
          const [cx, cy] = blobCentre(c, classes);
          return Math.hypot(data.x[2 * i] - cx, data.x[2 * i + 1] - cy);
        });
        if (distances.indexOf(Math.min(...distances)) !== data.y[i]) misplaced++;
      }
      expect(misplaced, `${classes} blobs`).toBe(0);
    }
  });

  it('spiral at noise 0: each point sits on its own arm, angle 2π(1.75 r + arm/arms)', () => {
    for (const arms of [2, 3]) {
      const data = makeSpiral({ n: 600, arms }, new Generator(6));
      for (let i = 0; i < data.n; i++) {
        const [a, b] = [data.x[2 * i], data.x[2 * i + 1]];
        const r = Math.hypot(a, b);
        if (r < 1e-3) continue; // the angle at the centre is undefined
        const expected = 2 * Math.PI * (1.75 * r + data.y[i] / arms);
        const gap = Math.atan2(a, b) - expected;
        const wrapped = Math.abs(gap - 2 * Math.PI * Math.round(gap / (2 * Math.PI)));
        expect(wrapped).toBeLessThan(1e-4);
      }
    }
  });

  it('moons at noise 0: two half circles of radius 2/3, upper and lower', () => {
    const data = makeMoons({ n: 400 }, new Generator(7));
    const centres = [[-1 / 3, -1 / 6], [1 / 3, 1 / 6]];
    for (let i = 0; i < data.n; i++) {
      const label = data.y[i];
      const [cx, cy] = centres[label];
      const [a, b] = [data.x[2 * i], data.x[2 * i + 1]];
      expect(Math.hypot(a - cx, b - cy)).toBeCloseTo(2 / 3, 5);
      if (label === 0) expect(b).toBeGreaterThanOrEqual(cy - 1e-6);
      else expect(b).toBeLessThanOrEqual(cy + 1e-6);
    }
  });

  it('noise ν moves the same points by Gaussian steps of σ = 0.25 ν', () => {
    for (const name of pointSetNames) {
      const clean = POINT_SETS[name]({ n: 4000 }, new Generator(9));
      const noisy = POINT_SETS[name]({ n: 4000, noise: 0.4 }, new Generator(9));
      expect(noisy.y, name).toEqual(clean.y); // same points, same order
      expect(stdOfDifference(noisy.x, clean.x), name).toBeCloseTo(0.1, 2);
    }
  });

  it('keeps points sorted by class when asked not to shuffle', () => {
    const data = makeCircles({ n: 10, shuffle: false }, new Generator(1));
    expect(Array.from(data.y)).toEqual([0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    const shuffled = makeCircles({ n: 10 }, new Generator(1));
    expect(Array.from(shuffled.y)).not.toEqual(Array.from(data.y));
  });

  it('rejects bad settings with sentences', () => {
    const generator = new Generator(0);
    expect(() => makeCircles({ n: 100, noise: 1.5 }, generator)).toThrow('Noise must be a number from 0 to 1; got 1.5');
    expect(() => makeBlobs({ n: 100, classes: 6 }, generator)).toThrow('Number of blobs must be a whole number from 2 to 5; got 6');
    expect(() => makeSpiral({ n: 100, arms: 4 }, generator)).toThrow('A spiral has 2 or 3 arms; got 4');
    expect(() => makeMoons({ n: 0 }, generator)).toThrow('from 2 to 100000; got 0');
  });
});

describe('regression sets', () => {
  it('sample inputs uniformly in [-1, 1] and, at noise 0, give exactly the curve', () => {
    const curves = [
      [makeSine, sineCurve],
      [makeStep, stepCurve],
      [makePolynomial, polynomialCurve],
    ] as const;
    for (const [make, curve] of curves) {
      const data = make({ n: 500 }, new Generator(11));
      expect([data.n, data.features, data.task]).toEqual([500, 1, 'regression']);
      expect(Math.min(...data.x)).toBeGreaterThanOrEqual(-1);
      expect(Math.max(...data.x)).toBeLessThan(1);
      expect(Math.min(...data.x)).toBeLessThan(-0.95);
      for (let i = 0; i < data.n; i++) expect(data.y[i]).toBe(Math.fround(curve(data.x[i])));
    }
  });

  it('know their curves: sin(πx), the ±1 step, 4x³ - 3x, (x1 + x2)/2, six bumps', () => {
    expect(sineCurve(0.5)).toBeCloseTo(1, 12);
    expect([stepCurve(-0.01), stepCurve(0)]).toEqual([-1, 1]);
    expect([polynomialCurve(0.5), polynomialCurve(-0.5), polynomialCurve(1)]).toEqual([-1, 1, 1]);
    expect(planeSurface(0.2, 0.4)).toBeCloseTo(0.3, 12);
    // A peak of height 1 less the tails of the neighbours: e^(-0.8²/0.125) = 0.00598 at 0.8 away,
    // e^(-1/0.125) = 0.00034 at 1 away (signs alternate).
    expect(gaussianBumpsSurface(-0.8, 0.5)).toBeCloseTo(1 - 0.00598 - 0.00034, 4);
    expect(gaussianBumpsSurface(0, 0.5)).toBeCloseTo(-1 + 2 * 0.00598 + 0.00034, 4);
    expect(Math.abs(gaussianBumpsSurface(0.4, 0))).toBeLessThan(0.01); // between the bumps
  });

  it('2-D sets: inputs in [-1, 1]², targets the surface at noise 0 and within [-1, 1]', () => {
    for (const name of ['plane', 'gaussianBumps'] as const) {
      const data = REGRESSION_SETS[name]({ n: 1000 }, new Generator(12));
      const surface = name === 'plane' ? planeSurface : gaussianBumpsSurface;
      expect([data.features, data.x.length]).toEqual([2, 2000]);
      expect(Math.max(...data.x.map(Math.abs))).toBeLessThanOrEqual(1);
      for (let i = 0; i < data.n; i++) {
        expect(data.y[i]).toBe(Math.fround(surface(data.x[2 * i], data.x[2 * i + 1])));
      }
      expect(Math.max(...data.y.map(Math.abs))).toBeLessThanOrEqual(1);
    }
  });

  it('noise ν adds N(0, (0.25 ν)²) to the targets and leaves the inputs alone', () => {
    for (const name of regressionSetNames) {
      const clean = REGRESSION_SETS[name]({ n: 4000 }, new Generator(13));
      const noisy = REGRESSION_SETS[name]({ n: 4000, noise: 0.8 }, new Generator(13));
      expect(noisy.x, name).toEqual(clean.x);
      expect(stdOfDifference(noisy.y, clean.y), name).toBeCloseTo(0.2, 2);
    }
  });

  it('are deterministic per seed', () => {
    for (const name of regressionSetNames) {
      const a = REGRESSION_SETS[name]({ n: 100, noise: 0.2 }, new Generator(1));
      const b = REGRESSION_SETS[name]({ n: 100, noise: 0.2 }, new Generator(1));
      const c = REGRESSION_SETS[name]({ n: 100, noise: 0.2 }, new Generator(2));
      expect(new Uint8Array(a.y.buffer)).toEqual(new Uint8Array(b.y.buffer));
      expect(c.x).not.toEqual(a.x);
    }
  });
});
