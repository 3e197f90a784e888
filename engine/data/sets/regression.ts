/**
 * Regression sets: a curve to fit in 1-D (sine, step, polynomial) and a surface in 2-D (plane,
 * Gaussian bumps, after TensorFlow Playground's). Inputs are uniform in [-1, 1] (or [-1, 1]²),
 * noise-free targets lie in [-1, 1], and noise ν adds N(0, (0.25 ν)²) to each target.
 *
 * Inputs are drawn first and the noise after them, so changing only the noise keeps the inputs
 * and moves the targets.
 */
import type { Generator } from '../../random';
import { addGaussian, checkPointCount, noiseSigma } from './settings';
import type { RegressionData } from './types';

export interface RegressionOptions {
  /** How many points. */
  n: number;
  /** 0 … 1: σ = 0.25 · noise of the Gaussian added to each target. Default 0. */
  noise?: number;
}

/** One full wave over [-1, 1]: y = sin(π x). */
export function sineCurve(x: number): number {
  return Math.sin(Math.PI * x);
}

/** A jump at 0: y = -1 for x < 0, +1 for x ≥ 0 (hard for smooth activations, easy for ReLU). */
export function stepCurve(x: number): number {
  return x < 0 ? -1 : 1;
}

/** The cubic 4x³ - 3x (Chebyshev T₃): two bends, values in [-1, 1] on [-1, 1]. */
export function polynomialCurve(x: number): number {
  return 4 * x * x * x - 3 * x;
}

/** A tilted plane: y = (x1 + x2) / 2. */
export function planeSurface(x1: number, x2: number): number {
  return (x1 + x2) / 2;
}

/** Six bumps of alternating sign, 2 × 3 on a grid (TensorFlow Playground's layout, scaled by 1/5). */
export const GAUSSIAN_BUMPS: readonly { centre: [number, number]; height: number }[] = [
  { centre: [-0.8, 0.5], height: 1 },
  { centre: [0, 0.5], height: -1 },
  { centre: [0.8, 0.5], height: 1 },
  { centre: [-0.8, -0.5], height: -1 },
  { centre: [0, -0.5], height: 1 },
  { centre: [0.8, -0.5], height: -1 },
];
/** σ of each bump: neighbours (0.8 apart) overlap by less than 1%. */
export const GAUSSIAN_BUMP_WIDTH = 0.25;

/** y = Σ height · exp(-|x - centre|² / (2 · 0.25²)) over the six bumps. */
export function gaussianBumpsSurface(x1: number, x2: number): number {
  let sum = 0;
  for (const { centre, height } of GAUSSIAN_BUMPS) {
    const d2 = (x1 - centre[0]) ** 2 + (x2 - centre[1]) ** 2;
    sum += height * Math.exp(-d2 / (2 * GAUSSIAN_BUMP_WIDTH ** 2));
  }
  return sum;
}

function curveSet(
  options: RegressionOptions,
  curve: (x: number) => number,
  generator: Generator,
): RegressionData {
  const sigma = noiseSigma(options.noise ?? 0);
  checkPointCount(options.n);
  const x = new Float32Array(options.n);
  const y = new Float32Array(options.n);
  for (let i = 0; i < options.n; i++) x[i] = generator.uniform(-1, 1);
  for (let i = 0; i < options.n; i++) y[i] = curve(x[i]);
  addGaussian(y, sigma, generator);
  return { task: 'regression', x, y, n: options.n, features: 1, featureNames: ['x'], targetName: 'y' };
}

function surfaceSet(
  options: RegressionOptions,
  surface: (x1: number, x2: number) => number,
  generator: Generator,
): RegressionData {
  const sigma = noiseSigma(options.noise ?? 0);
  checkPointCount(options.n);
  const x = new Float32Array(options.n * 2);
  const y = new Float32Array(options.n);
  for (let i = 0; i < x.length; i++) x[i] = generator.uniform(-1, 1);
  for (let i = 0; i < options.n; i++) y[i] = surface(x[2 * i], x[2 * i + 1]);
  addGaussian(y, sigma, generator);
  return {
    task: 'regression',
    x,
    y,
    n: options.n,
    features: 2,
    featureNames: ['x1', 'x2'],
    targetName: 'y',
  };
}

/** Points of y = sin(π x), x uniform in [-1, 1]. */
export function makeSine(options: RegressionOptions, generator: Generator): RegressionData {
  return curveSet(options, sineCurve, generator);
}

/** Points of the step y = sign(x) (±1), x uniform in [-1, 1]. */
export function makeStep(options: RegressionOptions, generator: Generator): RegressionData {
  return curveSet(options, stepCurve, generator);
}

/** Points of y = 4x³ - 3x, x uniform in [-1, 1]. */
export function makePolynomial(options: RegressionOptions, generator: Generator): RegressionData {
  return curveSet(options, polynomialCurve, generator);
}

/** Points of the plane y = (x1 + x2)/2, inputs uniform in [-1, 1]². */
export function makePlane(options: RegressionOptions, generator: Generator): RegressionData {
  return surfaceSet(options, planeSurface, generator);
}

/** Points of six Gaussian bumps of alternating sign, inputs uniform in [-1, 1]². */
export function makeGaussianBumps(options: RegressionOptions, generator: Generator): RegressionData {
  return surfaceSet(options, gaussianBumpsSurface, generator);
}

/** The regression sets by the names the experiment config uses. */
export const REGRESSION_SETS = {
  sine: makeSine,
  step: makeStep,
  polynomial: makePolynomial,
  plane: makePlane,
  gaussianBumps: makeGaussianBumps,
} as const;

export type RegressionSetName = keyof typeof REGRESSION_SETS;
