/**
 * Evaluation metrics as a learner meets them: accuracy, per-class precision and recall and the
 * confusion matrix for classification; MSE, MAE and R² for regression.
 */

export interface ClassificationMetrics {
  accuracy: number;
  /** confusion[t][p]: how many samples of true class t were predicted as p */
  confusion: number[][];
  /** per class: of the samples predicted as c, the fraction that are c (NaN when none predicted) */
  precision: number[];
  /** per class: of the samples of class c, the fraction predicted as c (NaN when the class is absent) */
  recall: number[];
}

export interface RegressionMetrics {
  mse: number;
  mae: number;
  /** 1 − SS_res / SS_tot: 0 means "no better than predicting the mean", 1 is perfect */
  r2: number;
}

/** Adds each row's predicted class (argmax of its logits) to `confusion[truth][prediction]`. */
export function countPredictions(logits: Float32Array, targets: Float32Array, classes: number, confusion: number[][]): void {
  for (let i = 0; i < targets.length; i++) {
    const row = i * classes;
    let best = 0;
    for (let c = 1; c < classes; c++) if (logits[row + c] > logits[row + best]) best = c;
    confusion[targets[i]][best]++;
  }
}

export function emptyConfusion(classes: number): number[][] {
  return Array.from({ length: classes }, () => new Array<number>(classes).fill(0));
}

/** Accuracy, precision and recall from a confusion matrix. */
export function metricsFromConfusion(confusion: number[][]): ClassificationMetrics {
  const classes = confusion.length;
  let correct = 0;
  let n = 0;
  const precision = new Array<number>(classes);
  const recall = new Array<number>(classes);
  for (let c = 0; c < classes; c++) {
    let predicted = 0;
    let actual = 0;
    for (let k = 0; k < classes; k++) {
      predicted += confusion[k][c];
      actual += confusion[c][k];
    }
    correct += confusion[c][c];
    n += actual;
    precision[c] = predicted === 0 ? NaN : confusion[c][c] / predicted;
    recall[c] = actual === 0 ? NaN : confusion[c][c] / actual;
  }
  return { accuracy: n === 0 ? NaN : correct / n, confusion, precision, recall };
}

/** Metrics from logits [n × classes] (row-major) and class-index targets. */
export function classificationMetrics(logits: Float32Array, targets: Float32Array, classes: number): ClassificationMetrics {
  const confusion = emptyConfusion(classes);
  countPredictions(logits, targets, classes, confusion);
  return metricsFromConfusion(confusion);
}

/** Sums from which MSE, MAE and R² follow; they add up over batches. */
export interface RegressionSums {
  n: number;
  squaredError: number;
  absoluteError: number;
  target: number;
  targetSquared: number;
}

export function emptyRegressionSums(): RegressionSums {
  return { n: 0, squaredError: 0, absoluteError: 0, target: 0, targetSquared: 0 };
}

export function addRegression(predictions: Float32Array, targets: Float32Array, sums: RegressionSums): void {
  for (let i = 0; i < targets.length; i++) {
    const error = predictions[i] - targets[i];
    sums.squaredError += error * error;
    sums.absoluteError += Math.abs(error);
    sums.target += targets[i];
    sums.targetSquared += targets[i] * targets[i];
  }
  sums.n += targets.length;
}

export function metricsFromSums(s: RegressionSums): RegressionMetrics {
  const total = s.targetSquared - (s.target * s.target) / s.n;
  return { mse: s.squaredError / s.n, mae: s.absoluteError / s.n, r2: total <= 0 ? NaN : 1 - s.squaredError / total };
}

/** Metrics from predictions and targets of the same length (any number of outputs, flattened). */
export function regressionMetrics(predictions: Float32Array, targets: Float32Array): RegressionMetrics {
  const n = targets.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += targets[i];
  mean /= n;
  let squared = 0;
  let absolute = 0;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const error = predictions[i] - targets[i];
    squared += error * error;
    absolute += Math.abs(error);
    total += (targets[i] - mean) * (targets[i] - mean);
  }
  return { mse: squared / n, mae: absolute / n, r2: total === 0 ? NaN : 1 - squared / total };
}

export interface ActivationStats {
  /** index of the activation module in the Sequential */
  layer: number;
  mean: number;
  std: number;
  /** fraction of all activation values that are exactly 0 */
  zeroFraction: number;
  /** fraction of units that are 0 for every sample: "dead" ReLUs that no longer learn */
  deadFraction: number;
}

/** Mean, std and dead-unit fraction of one layer's outputs [n × units]. */
export function activationStats(layer: number, values: Float32Array, units: number): ActivationStats {
  const n = values.length / units;
  let sum = 0;
  let sumSquares = 0;
  let zeros = 0;
  let dead = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    sum += v;
    sumSquares += v * v;
    if (v === 0) zeros++;
  }
  for (let u = 0; u < units; u++) {
    let alive = false;
    for (let i = 0; i < n && !alive; i++) alive = values[i * units + u] !== 0;
    if (!alive) dead++;
  }
  const mean = sum / values.length;
  return {
    layer,
    mean,
    std: Math.sqrt(Math.max(0, sumSquares / values.length - mean * mean)),
    zeroFraction: zeros / values.length,
    deadFraction: dead / units,
  };
}
