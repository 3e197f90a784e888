/**
 * Standardisation: shift and scale each feature to mean 0 and standard deviation 1, with the
 * statistics of the TRAINING rows only. Fitting on all rows would let the validation rows leak
 * into training (a classic mistake, and worth showing); so the validation part comes out with a
 * mean near, but not at, 0.
 */
import type { LabeledData } from './types';

/** Like scikit-learn's StandardScaler: z = (x - mean) / std, per feature, population std. */
export class Standardizer {
  /** Per-feature mean of the rows it was fitted on. */
  mean = new Float64Array(0);
  /** Per-feature standard deviation (divide by n); 1 for a feature that never changes. */
  std = new Float64Array(0);

  /** Number of features it was fitted on; 0 before `fit`. */
  get features(): number {
    return this.mean.length;
  }

  /** Learns mean and std of each column of `x` (n × features, row-major). */
  fit(x: Float32Array, features: number): this {
    if (!Number.isInteger(features) || features < 1 || x.length % features !== 0) {
      throw new Error(`A table of ${x.length} numbers cannot have ${features} features per row`);
    }
    const n = x.length / features;
    if (n === 0) throw new Error('Cannot standardise with statistics of 0 rows; the training part is empty');
    const mean = new Float64Array(features);
    const variance = new Float64Array(features);
    for (let i = 0; i < n; i++) for (let j = 0; j < features; j++) mean[j] += x[i * features + j];
    for (let j = 0; j < features; j++) mean[j] /= n;
    // Two passes: subtracting the mean first keeps the variance accurate for large values.
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < features; j++) variance[j] += (x[i * features + j] - mean[j]) ** 2;
    }
    const std = new Float64Array(features);
    for (let j = 0; j < features; j++) {
      const s = Math.sqrt(variance[j] / n);
      // A constant feature carries no information; dividing by ~0 would blow its rounding up.
      std[j] = s > 1e-7 * Math.max(1, Math.abs(mean[j])) ? s : 1;
    }
    this.mean = mean;
    this.std = std;
    return this;
  }

  /** (x - mean) / std per feature, into `out` (a new array unless given; may be `x` itself). */
  transform(x: Float32Array, out: Float32Array = new Float32Array(x.length)): Float32Array {
    const features = this.checkFitted(x, out);
    for (let k = 0; k < x.length; k++) {
      const j = k % features;
      out[k] = (x[k] - this.mean[j]) / this.std[j];
    }
    return out;
  }

  /** Back to the original units: z · std + mean per feature (for predictions of a scaled target). */
  inverseTransform(z: Float32Array, out: Float32Array = new Float32Array(z.length)): Float32Array {
    const features = this.checkFitted(z, out);
    for (let k = 0; k < z.length; k++) {
      const j = k % features;
      out[k] = z[k] * this.std[j] + this.mean[j];
    }
    return out;
  }

  private checkFitted(x: Float32Array, out: Float32Array): number {
    const features = this.features;
    if (features === 0) throw new Error('The standardizer must be fitted (fit) before it can transform');
    if (x.length % features !== 0 || out.length !== x.length) {
      throw new Error(`The standardizer was fitted on ${features} features; a table of ${x.length} numbers does not fit`);
    }
    return features;
  }
}

export interface StandardizeOptions {
  /**
   * Regression only: also standardise the target. Losses are then in squared standard deviations
   * of the training target (an MSE of 0.25 is an error of half a standard deviation); multiply an
   * MSE by `targetScaler.std[0]²`, or pass predictions to `targetScaler.inverseTransform`, to get
   * the original units back.
   */
  target?: boolean;
}

export interface StandardizedSplit<D extends LabeledData> {
  train: D;
  validation: D;
  /** Fitted on the training inputs; apply it to anything the model is shown later (grids, new rows). */
  inputScaler: Standardizer;
  /** Fitted on the training targets when `target` was asked for, else null. */
  targetScaler: Standardizer | null;
}

/** Standardises the inputs (and optionally the target) of both parts with training statistics. */
export function standardizeSplit<D extends LabeledData>(
  split: { train: D; validation: D },
  options: StandardizeOptions = {},
): StandardizedSplit<D> {
  const { train, validation } = split;
  const inputScaler = new Standardizer().fit(train.x, train.features);
  let targetScaler: Standardizer | null = null;
  if (options.target) {
    if (train.task !== 'regression') {
      throw new Error('Only a regression target can be standardised; class labels must stay 0, 1, 2, …');
    }
    targetScaler = new Standardizer().fit(train.y, 1);
  }
  const scaled = (part: D): D => ({
    ...part,
    x: inputScaler.transform(part.x),
    y: targetScaler ? targetScaler.transform(part.y) : part.y.slice(),
  });
  return { train: scaled(train), validation: scaled(validation), inputScaler, targetScaler };
}
