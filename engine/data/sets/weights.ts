/**
 * Two ways to make a rare class count as much as a common one: weight its loss (the `weight`
 * argument of CrossEntropyLoss) or draw it more often (WeightedRandomSampler's per-sample weights).
 */
import { classCounts } from './types';

function countsOfEveryClass(y: Float32Array, classes: number): Int32Array {
  const counts = classCounts(y, classes);
  const missing = counts.indexOf(0);
  if (missing >= 0) {
    throw new Error(
      `Class ${missing} has no rows in these labels, so it cannot be weighted; use more rows or fewer classes`,
    );
  }
  return counts;
}

/**
 * scikit-learn's "balanced" class weights, n_samples / (n_classes · count_c): a class with half
 * the average number of rows weighs 2, and every class then adds the same total to the loss.
 * Pass them as `nn.CrossEntropyLoss({ weight })`. Compute them from the TRAINING labels.
 */
export function balancedClassWeights(y: Float32Array, classes: number): Float32Array {
  const counts = countsOfEveryClass(y, classes);
  return Float32Array.from(counts, (count) => y.length / (classes * count));
}

/**
 * One weight per row, 1 / (number of rows of its class), for `WeightedRandomSampler`: each class
 * is then drawn equally often in expectation, however rare it is.
 */
export function sampleWeights(y: Float32Array, classes: number): Float32Array {
  const counts = countsOfEveryClass(y, classes);
  return Float32Array.from(y, (label) => 1 / counts[label]);
}
