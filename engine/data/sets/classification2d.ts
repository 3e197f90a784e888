/**
 * The 2-D classification sets drawn in the playground: circles, XOR, Gaussian blobs, spiral and
 * moons. They follow the well-known generators (TensorFlow Playground for circles, XOR and
 * spiral; scikit-learn's make_moons and make_blobs), rescaled so that every set lives in the same
 * square [-1, 1]², and share one meaning of noise and class imbalance (see settings.ts).
 *
 * Each point is built in three steps, always drawing the same random numbers in the same order:
 * the noise-free shape, then the Gaussian noise, then a shuffle. So the same seed gives the same
 * bytes, and changing only the noise moves the same points further from their shape.
 */
import type { Generator } from '../../random';
import { addGaussian, classSizes, noiseSigma, shuffleRows } from './settings';
import type { ClassificationData } from './types';

export interface PointSetOptions {
  /** How many points in all. */
  n: number;
  /** 0 … 1: σ = 0.25 · noise of Gaussian displacement per coordinate. Default 0. */
  noise?: number;
  /** r ≥ 1: the first class has r times as many points as the last. Default 1 (balanced). */
  imbalanceRatio?: number;
  /** Put the points in random order (default true); false keeps them sorted by class. */
  shuffle?: boolean;
}

export interface BlobsOptions extends PointSetOptions {
  /** Number of blobs, one class each: 2 to 5. Default 3. */
  classes?: number;
}

export interface SpiralOptions extends PointSetOptions {
  /** Number of arms, one class each: 2 or 3. Default 2. */
  arms?: number;
}

/** Places point `index` (of `count`) of class `label`; returns its noise-free [x1, x2]. */
type PlacePoint = (label: number, index: number, count: number) => [number, number];

function pointSet(
  options: PointSetOptions,
  classes: number,
  place: PlacePoint,
  generator: Generator,
): ClassificationData {
  const sigma = noiseSigma(options.noise ?? 0);
  const sizes = classSizes(options.n, classes, options.imbalanceRatio ?? 1);
  const x = new Float32Array(options.n * 2);
  const y = new Float32Array(options.n);
  let row = 0;
  for (let label = 0; label < classes; label++) {
    for (let i = 0; i < sizes[label]; i++, row++) {
      const [x1, x2] = place(label, i, sizes[label]);
      x[2 * row] = x1;
      x[2 * row + 1] = x2;
      y[row] = label;
    }
  }
  addGaussian(x, sigma, generator);
  if (options.shuffle ?? true) shuffleRows(x, y, 2, generator);
  return {
    task: 'classification',
    x,
    y,
    n: options.n,
    features: 2,
    featureNames: ['x1', 'x2'],
    classes,
    classNames: Array.from({ length: classes }, (_, c) => String(c)),
  };
}

/** Radii of the circles set: class 0 fills the disc r ≤ 0.5, class 1 the ring 0.7 ≤ r ≤ 1. */
export const CIRCLES_INNER_RADIUS = 0.5;
export const CIRCLES_RING: readonly [number, number] = [0.7, 1];

/**
 * A disc inside a ring (TensorFlow Playground's "circle", scaled by 1/5): class 0 at radius
 * uniform in [0, 0.5], class 1 at radius uniform in [0.7, 1], angles uniform.
 */
export function makeCircles(options: PointSetOptions, generator: Generator): ClassificationData {
  return pointSet(
    options,
    2,
    (label) => {
      const radius =
        label === 0
          ? generator.uniform(0, CIRCLES_INNER_RADIUS)
          : generator.uniform(CIRCLES_RING[0], CIRCLES_RING[1]);
      const angle = generator.uniform(0, 2 * Math.PI);
      return [radius * Math.sin(angle), radius * Math.cos(angle)];
    },
    generator,
  );
}

/** Noise-free XOR points keep this distance from both axes, so the classes never touch. */
export const XOR_PADDING = 0.05;

/**
 * Four quadrants (TensorFlow Playground's "exclusive or"): class 0 where x1 and x2 have the same
 * sign, class 1 where they differ; |x1| and |x2| uniform in [0.05, 1].
 */
export function makeXor(options: PointSetOptions, generator: Generator): ClassificationData {
  return pointSet(
    options,
    2,
    (label) => {
      const a = generator.uniform(XOR_PADDING, 1);
      const b = generator.uniform(XOR_PADDING, 1);
      const sign = generator.random() < 0.5 ? -1 : 1;
      return label === 0 ? [sign * a, sign * b] : [sign * a, -sign * b];
    },
    generator,
  );
}

/** Centres of the blobs lie on this circle, evenly spaced, the first at 45°. */
export const BLOB_CENTRE_RADIUS = 0.7;
/** σ of each blob before noise is added (make_blobs' cluster_std, in our units). */
export const BLOB_SPREAD = 0.08;

/** The fixed centre of blob `label` of `classes`. */
export function blobCentre(label: number, classes: number): [number, number] {
  const angle = Math.PI / 4 + (2 * Math.PI * label) / classes;
  return [BLOB_CENTRE_RADIUS * Math.cos(angle), BLOB_CENTRE_RADIUS * Math.sin(angle)];
}

/**
 * Gaussian blobs (like make_blobs with fixed centres): class c around `blobCentre(c, classes)`,
 * spread σ = 0.08 in each coordinate (neighbouring centres are at least 0.82 apart, so at noise 0
 * the blobs do not touch), noise adding to that. 2 to 5 classes.
 */
export function makeBlobs(options: BlobsOptions, generator: Generator): ClassificationData {
  const classes = options.classes ?? 3;
  if (!Number.isInteger(classes) || classes < 2 || classes > 5) {
    throw new Error(`Number of blobs must be a whole number from 2 to 5; got ${classes}`);
  }
  return pointSet(
    options,
    classes,
    (label) => {
      const [cx, cy] = blobCentre(label, classes);
      return [cx + BLOB_SPREAD * generator.normal(), cy + BLOB_SPREAD * generator.normal()];
    },
    generator,
  );
}

/** How many turns each spiral arm makes from the centre to radius 1 (TensorFlow Playground's). */
export const SPIRAL_TURNS = 1.75;

/**
 * Interleaved spiral arms (TensorFlow Playground's "spiral", scaled by 1/5): point i of m on arm c
 * sits at radius t = i/m and angle 2π·(1.75 t + c/arms). 2 or 3 arms, one class each.
 */
export function makeSpiral(options: SpiralOptions, generator: Generator): ClassificationData {
  const arms = options.arms ?? 2;
  if (arms !== 2 && arms !== 3) throw new Error(`A spiral has 2 or 3 arms; got ${arms}`);
  return pointSet(
    options,
    arms,
    (label, index, count) => {
      const t = index / count;
      const angle = 2 * Math.PI * (SPIRAL_TURNS * t + label / arms);
      return [t * Math.sin(angle), t * Math.cos(angle)];
    },
    generator,
  );
}

/**
 * Two interleaving half circles (scikit-learn's make_moons), mapped from its [-1, 2] × [-0.5, 1]
 * onto [-1, 1] × [-0.5, 0.5] by (x - 0.5)/1.5, (y - 0.25)/1.5. Class 0 is the upper moon, centred
 * at (-1/3, -1/6); class 1 the lower one, centred at (1/3, 1/6); both of radius 2/3.
 */
export function makeMoons(options: PointSetOptions, generator: Generator): ClassificationData {
  return pointSet(
    options,
    2,
    (label, index, count) => {
      const angle = count === 1 ? 0 : (Math.PI * index) / (count - 1); // numpy.linspace(0, π, count)
      const [mx, my] =
        label === 0 ? [Math.cos(angle), Math.sin(angle)] : [1 - Math.cos(angle), 0.5 - Math.sin(angle)];
      return [(mx - 0.5) / 1.5, (my - 0.25) / 1.5];
    },
    generator,
  );
}

/** The 2-D classification sets by the names the experiment config uses. */
export const POINT_SETS = {
  circles: makeCircles,
  xor: makeXor,
  blobs: makeBlobs,
  spiral: makeSpiral,
  moons: makeMoons,
} as const;

export type PointSetName = keyof typeof POINT_SETS;
