/**
 * What the generators' shared settings mean, checked in one place so that "noise 0.2" or
 * "imbalance 1:5" means the same thing on every synthetic data set.
 *
 * - Coordinates: every 2-D set is drawn in the square [-1, 1]²; noise-free points lie inside it
 *   (noise may push a few out). 1-D and 2-D regression inputs are uniform in [-1, 1] (or [-1, 1]²)
 *   and their noise-free targets lie in [-1, 1].
 * - Noise ν ∈ [0, 1]: every coordinate (classification) or target (regression) gets an independent
 *   Gaussian displacement with standard deviation σ = NOISE_SIGMA_AT_ONE · ν = 0.25 ν, in the units
 *   of that square. At ν = 1, σ is an eighth of the square's width: every set is mostly overlap.
 * - Class imbalance ratio r ≥ 1: class c of K gets a share proportional to r^(-c/(K-1)), so the first
 *   class has r times as many points as the last and the classes between shrink geometrically.
 *   Counts are whole numbers that add up to n (largest remainder), each class at least 1.
 */
import type { Generator } from '../../random';

/** Half the width of the square [-1, 1]² that every 2-D set is drawn in. */
export const PLANE_HALF_WIDTH = 1;

/** σ of the Gaussian displacement at noise 1; at noise ν it is ν times this. */
export const NOISE_SIGMA_AT_ONE = 0.25;

/** More points than this would make the page slow to draw and a URL could ask for gigabytes. */
export const MAX_POINTS = 100_000;

/** Checks a number of points (or rows): a whole number from `min` to MAX_POINTS. */
export function checkPointCount(n: number, min = 1, what = 'Number of points'): void {
  if (!Number.isInteger(n) || n < min || n > MAX_POINTS) {
    throw new Error(`${what} must be a whole number from ${min} to ${MAX_POINTS}; got ${n}`);
  }
}

/** Checks a noise level and returns its σ (NOISE_SIGMA_AT_ONE · noise). */
export function noiseSigma(noise: number): number {
  if (!(noise >= 0 && noise <= 1)) throw new Error(`Noise must be a number from 0 to 1; got ${noise}`);
  return NOISE_SIGMA_AT_ONE * noise;
}

/** Checks an imbalance ratio r (the first class has r times as many points as the last). */
export function checkImbalanceRatio(ratio: number): void {
  if (!(ratio >= 1) || !Number.isFinite(ratio)) {
    throw new Error(
      `Class imbalance ratio must be a number of at least 1 (1 means balanced, 5 means 5:1); got ${ratio}`,
    );
  }
}

/**
 * How many of `n` points each of `classes` classes gets at imbalance ratio r: shares proportional
 * to r^(-c/(classes-1)), rounded by largest remainder (ties to the lower class) so they add up to n,
 * then every empty class takes one point from the largest. Example: 600 points, 2 classes, r = 5
 * → [500, 100]; 700 points, 3 classes, r = 4 → [400, 200, 100].
 */
export function classSizes(n: number, classes: number, ratio = 1): Int32Array {
  checkImbalanceRatio(ratio);
  if (!Number.isInteger(classes) || classes < 1) {
    throw new Error(`Number of classes must be a whole number of at least 1; got ${classes}`);
  }
  checkPointCount(n, classes, `Number of points (with ${classes} classes)`);
  const shares = Array.from({ length: classes }, (_, c) =>
    classes === 1 ? 1 : Math.pow(ratio, -c / (classes - 1)),
  );
  const total = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((s) => (n * s) / total);
  const sizes = Int32Array.from(exact, Math.floor);
  let left = n - sizes.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((e, c) => ({ c, remainder: e - Math.floor(e) }))
    .sort((a, b) => b.remainder - a.remainder || a.c - b.c);
  for (let k = 0; left > 0; k++, left--) sizes[byRemainder[k].c]++;
  // A class with no points would make the set a (K-1)-class set in disguise.
  for (let c = 0; c < classes; c++) {
    if (sizes[c] === 0) {
      sizes[sizes.indexOf(Math.max(...sizes))]--;
      sizes[c] = 1;
    }
  }
  return sizes;
}

/**
 * Adds N(0, σ²) to every entry of `values`, in place. It draws its normals even when σ = 0, so that
 * what comes after (the shuffle) is the same at every noise level: moving the noise slider moves
 * the points, it does not deal new ones.
 */
export function addGaussian(values: Float32Array, sigma: number, generator: Generator): void {
  for (let i = 0; i < values.length; i++) values[i] += sigma * generator.normal();
}

/**
 * Puts the rows of (x, y) in a random order, in place: generators build class by class, and a
 * set sorted by class would teach the wrong thing to a loader without shuffling.
 */
export function shuffleRows(x: Float32Array, y: Float32Array, features: number, generator: Generator): void {
  const order = generator.randperm(y.length);
  const xCopy = x.slice();
  const yCopy = y.slice();
  for (let k = 0; k < order.length; k++) {
    const i = order[k];
    y[k] = yCopy[i];
    x.set(xCopy.subarray(i * features, (i + 1) * features), k * features);
  }
}
