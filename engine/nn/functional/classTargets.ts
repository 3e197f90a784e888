/**
 * Shapes and targets of classification losses. Input is [N, C] (or [N, C, d1, ...], or [C] for one
 * sample): C class scores per position. A "position" is one (sample, d1, ...) with its own target.
 */
import type { Tensor } from '../../tensor';
import { shapeText } from './reduction';
import { float64, int32 } from '../../arena';

export interface ClassLayout {
  /** samples N (1 for unbatched input) */
  outer: number;
  numClasses: number;
  /** positions per sample: d1·d2·… (1 for [N, C]) */
  inner: number;
  /** shape of the unreduced loss (one value per position) and of class-index targets */
  positionsShape: number[];
}

export function classLayout(input: Tensor): ClassLayout {
  const shape = input.shape;
  if (shape.length === 0) throw new Error('Expected 1 or more dimensions (got 0)');
  if (shape.length === 1) return { outer: 1, numClasses: shape[0], inner: 1, positionsShape: [] };
  return {
    outer: shape[0],
    numClasses: shape[1],
    inner: shape.slice(2).reduce((p, d) => p * d, 1),
    positionsShape: [shape[0], ...shape.slice(2)],
  };
}

/** Class weights must give one weight per class. */
export function checkClassWeight(weight: Tensor | null, numClasses: number): void {
  if (weight !== null && (weight.shape.length !== 1 || weight.shape[0] !== numClasses)) {
    throw new Error(
      `weight tensor should be defined either for all ${numClasses} classes or no classes ` +
        `but got weight tensor of shape: ${shapeText(weight.shape)}`,
    );
  }
}

export interface ClassTargets {
  /** the class of each position, or -1 where the target is `ignoreIndex` */
  classes: Int32Array;
  /** weight[class] of each position (1 without weights; 0 where ignored) */
  weights: Float64Array;
  /** Σ weights: what 'mean' divides by */
  totalWeight: number;
}

/** Reads and checks class-index targets: whole numbers in [0, C), or `ignoreIndex`. */
export function readClassTargets(
  input: Tensor,
  target: Tensor,
  layout: ClassLayout,
  weight: Tensor | null,
  ignoreIndex: number,
): ClassTargets {
  const { numClasses, positionsShape } = layout;
  if (input.shape.length >= 2 && target.shape.length >= 1 && target.shape[0] !== input.shape[0]) {
    throw new Error(`Expected input batch_size (${input.shape[0]}) to match target batch_size (${target.shape[0]}).`);
  }
  if (target.shape.length !== positionsShape.length || target.shape.some((d, i) => d !== positionsShape[i])) {
    throw new Error(
      `Expected a target of shape ${shapeText(positionsShape)} (one class index per sample) for input of shape ` +
        `${shapeText(input.shape)}; got ${shapeText(target.shape)}`,
    );
  }
  const n = target.data.length;
  const classes = int32(n);
  const weights = float64(n);
  let totalWeight = 0;
  for (let j = 0; j < n; j++) {
    const t = target.data[j];
    if (t === ignoreIndex) {
      classes[j] = -1;
      continue;
    }
    if (!Number.isInteger(t)) {
      throw new Error(`Target ${t} is not a class index: targets must be whole numbers from 0 to ${numClasses - 1}`);
    }
    if (t < 0 || t >= numClasses) {
      throw new Error(`Target ${t} is out of bounds for ${numClasses} classes (class indices are 0 to ${numClasses - 1})`);
    }
    classes[j] = t;
    weights[j] = weight === null ? 1 : weight.data[t];
    totalWeight += weights[j];
  }
  return { classes, weights, totalWeight };
}
