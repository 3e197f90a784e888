/** Before training: stratified split, standardisation with training statistics, class weights. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Generator } from '../random';
import {
  Standardizer,
  balancedClassWeights,
  classCounts,
  makeCircles,
  makeSine,
  parseBreastCancer,
  parseDiabetes,
  parseDigits,
  parseIris,
  parseWine,
  sampleWeights,
  standardizeSplit,
  trainValidationSplit,
  type ClassificationData,
  type LabeledData,
} from '../data/sets';

function file(name: string): string {
  return readFileSync(new URL(`../../public/datasets/${name}`, import.meta.url), 'utf8');
}

const iris = parseIris(file('iris.csv'));
const wine = parseWine(file('wine_data.csv'));
const breastCancer = parseBreastCancer(file('breast_cancer.csv'));
const diabetes = parseDiabetes(file('diabetes_data.csv'), file('diabetes_target.csv'));

function counts(data: ClassificationData): number[] {
  return Array.from(classCounts(data.y, data.classes));
}

/** Per-feature mean and population std, in float64. */
function columnStats(data: LabeledData): { mean: number[]; std: number[] } {
  const mean = new Array<number>(data.features).fill(0);
  const variance = new Array<number>(data.features).fill(0);
  for (let i = 0; i < data.n; i++) for (let j = 0; j < data.features; j++) mean[j] += data.x[i * data.features + j] / data.n;
  for (let i = 0; i < data.n; i++) {
    for (let j = 0; j < data.features; j++) variance[j] += (data.x[i * data.features + j] - mean[j]) ** 2 / data.n;
  }
  return { mean, std: variance.map(Math.sqrt) };
}

describe('trainValidationSplit', () => {
  it('splits every class in the asked fraction (stratified)', () => {
    const irisSplit = trainValidationSplit(iris, 0.2, new Generator(1));
    expect(counts(irisSplit.validation)).toEqual([10, 10, 10]);
    expect(counts(irisSplit.train)).toEqual([40, 40, 40]);
    // wine 59/71/48 at 0.25: 14.75 → 15, 17.75 → 18, 12
    const wineSplit = trainValidationSplit(wine, 0.25, new Generator(1));
    expect(counts(wineSplit.validation)).toEqual([15, 18, 12]);
    expect(counts(wineSplit.train)).toEqual([44, 53, 36]);
    const circles = makeCircles({ n: 600, imbalanceRatio: 5 }, new Generator(2));
    expect(counts(trainValidationSplit(circles, 0.2, new Generator(3)).validation)).toEqual([100, 20]);
  });

  it('keeps each class within one row of its exact share at any fraction', () => {
    for (const fraction of [0.1, 0.15, 0.3, 0.33, 0.5, 0.9]) {
      const split = trainValidationSplit(breastCancer, fraction, new Generator(4));
      const held = counts(split.validation);
      [212, 357].forEach((count, c) => expect(Math.abs(held[c] - count * fraction)).toBeLessThanOrEqual(1));
    }
  });

  it('uses every row exactly once, and the indices say where each came from', () => {
    const split = trainValidationSplit(wine, 0.3, new Generator(5));
    const all = [...split.trainIndices, ...split.validationIndices].sort((a, b) => a - b);
    expect(all).toEqual(Array.from({ length: wine.n }, (_, i) => i));
    for (const [part, indices] of [[split.train, split.trainIndices], [split.validation, split.validationIndices]] as const) {
      for (let k = 0; k < part.n; k++) {
        const i = indices[k];
        expect(part.y[k]).toBe(wine.y[i]);
        expect(part.x.subarray(k * 13, (k + 1) * 13)).toEqual(wine.x.subarray(i * 13, (i + 1) * 13));
      }
    }
  });

  it('shuffles the rows (iris comes sorted by class) and repeats with the seed', () => {
    const a = trainValidationSplit(iris, 0.2, new Generator(6));
    const b = trainValidationSplit(iris, 0.2, new Generator(6));
    const c = trainValidationSplit(iris, 0.2, new Generator(7));
    expect(a.trainIndices).toEqual(b.trainIndices);
    expect(c.trainIndices).not.toEqual(a.trainIndices);
    expect(Array.from(a.train.y.slice(0, 20)).every((label) => label === a.train.y[0])).toBe(false);
  });

  it('splits regression rows without classes: diabetes at 0.2 → 88 of 442', () => {
    const split = trainValidationSplit(diabetes, 0.2, new Generator(8));
    expect([split.train.n, split.validation.n]).toEqual([354, 88]);
    expect(split.train.task).toBe('regression');
  });

  it('allows no validation at all, keeps a training row for every class, refuses fraction 1', () => {
    expect(trainValidationSplit(iris, 0, new Generator(0)).validation.n).toBe(0);
    const tiny: ClassificationData = { ...iris, n: 3, x: iris.x.slice(0, 12), y: Float32Array.from([0, 0, 1]) };
    const split = trainValidationSplit(tiny, 0.6, new Generator(0));
    expect(counts(split.train)).toEqual([1, 1, 0]);
    expect(() => trainValidationSplit(iris, 1, new Generator(0))).toThrow(
      'Validation fraction must be a number from 0 up to (not including) 1; got 1',
    );
  });
});

describe('Standardizer and standardizeSplit', () => {
  it('gives training inputs mean 0 and std 1, with statistics of the training rows only', () => {
    const split = trainValidationSplit(wine, 0.3, new Generator(9));
    const { train, validation, inputScaler } = standardizeSplit(split);
    const trainStats = columnStats(train);
    expect(trainStats.mean).toBeAllclose(new Array(13).fill(0), { atol: 1e-5 });
    expect(trainStats.std).toBeAllclose(new Array(13).fill(1), { atol: 1e-5 });
    const raw = columnStats(split.train);
    expect(Array.from(inputScaler.mean)).toBeAllclose(raw.mean, { rtol: 1e-9 });
    expect(Array.from(inputScaler.std)).toBeAllclose(raw.std, { rtol: 1e-6 });
    // Not fitted on all rows: the full set's mean of alcohol is another number.
    expect(Math.abs(inputScaler.mean[0] - columnStats(wine).mean[0])).toBeGreaterThan(1e-3);
    // Validation rows are scaled with the training numbers, so their mean is near but not at 0.
    const validationMeans = columnStats(validation).mean;
    expect(Math.max(...validationMeans.map(Math.abs))).toBeGreaterThan(0.05);
    expect(Math.max(...validationMeans.map(Math.abs))).toBeLessThan(1);
    const first = Array.from(split.validation.x.subarray(0, 13), (v, j) => (v - raw.mean[j]) / raw.std[j]);
    expect(validation.x.subarray(0, 13)).toBeAllclose(first, { atol: 1e-5 });
    // The originals are untouched.
    expect(split.train.x[0]).not.toBe(train.x[0]);
  });

  it('gives a constant feature std 1, so it becomes 0 instead of dividing by zero', () => {
    const digits = parseDigits(file('digits.csv'));
    const scaler = new Standardizer().fit(digits.x, 64);
    expect([scaler.mean[0], scaler.std[0]]).toEqual([0, 1]); // the top-left pixel is always blank
    const z = scaler.transform(digits.x);
    expect(z.every(Number.isFinite)).toBe(true);
    expect(z[0]).toBe(0);
    expect(new Standardizer().fit(Float32Array.from([3.7, 3.7, 3.7]), 1).std[0]).toBe(1);
  });

  it('inverts its transform, also in place', () => {
    const scaler = new Standardizer().fit(iris.x, 4);
    const z = scaler.transform(iris.x);
    expect(scaler.inverseTransform(z)).toBeAllclose(iris.x, { atol: 1e-5 });
    const copy = iris.x.slice();
    expect(scaler.transform(copy, copy)).toBe(copy);
    expect(copy).toEqual(z);
  });

  it('optionally standardises a regression target and says in which units', () => {
    const split = trainValidationSplit(diabetes, 0.2, new Generator(10));
    const { train, validation, targetScaler } = standardizeSplit(split, { target: true });
    expect(targetScaler).not.toBeNull();
    const trainTargets = { ...train, x: train.y, features: 1 };
    expect(columnStats(trainTargets).mean[0]).toBeCloseTo(0, 5);
    expect(columnStats(trainTargets).std[0]).toBeCloseTo(1, 5);
    expect(targetScaler!.std[0]).toBeCloseTo(columnStats({ ...split.train, x: split.train.y, features: 1 }).std[0], 3);
    expect(targetScaler!.inverseTransform(validation.y)).toBeAllclose(split.validation.y, { atol: 1e-3 });
    expect(standardizeSplit(split).train.y).toEqual(split.train.y);
    expect(() => standardizeSplit(trainValidationSplit(iris, 0.2, new Generator(0)), { target: true })).toThrow(
      'Only a regression target can be standardised',
    );
  });

  it('refuses to transform before fitting or with the wrong number of features', () => {
    expect(() => new Standardizer().transform(iris.x)).toThrow('The standardizer must be fitted (fit) before it can transform');
    const scaler = new Standardizer().fit(iris.x, 4);
    expect(() => scaler.transform(new Float32Array(6))).toThrow('fitted on 4 features; a table of 6 numbers does not fit');
    expect(() => new Standardizer().fit(new Float32Array(0), 4)).toThrow('Cannot standardise with statistics of 0 rows');
  });
});

describe('class weights', () => {
  it('balanced: n / (classes · count), so every class adds up to the same total', () => {
    const weights = balancedClassWeights(breastCancer.y, 2);
    expect(weights).toBeAllclose([569 / (2 * 212), 569 / (2 * 357)]);
    expect(weights).toBeAllclose([1.341981, 0.796919]);
    const wineWeights = balancedClassWeights(wine.y, 3);
    expect(wineWeights).toBeAllclose([178 / 177, 178 / 213, 178 / 144]);
    [59, 71, 48].forEach((count, c) => expect(count * wineWeights[c]).toBeCloseTo(178 / 3, 4));
  });

  it('per-sample weights 1 / count of the class, for WeightedRandomSampler', () => {
    const weights = sampleWeights(breastCancer.y, 2);
    expect(weights.length).toBe(569);
    for (let i = 0; i < 569; i++) expect(weights[i]).toBeCloseTo(breastCancer.y[i] === 0 ? 1 / 212 : 1 / 357, 9);
    let totalMalignant = 0;
    weights.forEach((w, i) => (totalMalignant += breastCancer.y[i] === 0 ? w : 0));
    expect(totalMalignant).toBeCloseTo(1, 5);
  });

  it('refuses to weight a class with no rows', () => {
    expect(() => balancedClassWeights(Float32Array.from([0, 0, 2]), 3)).toThrow('Class 1 has no rows in these labels');
    expect(() => sampleWeights(Float32Array.from([0, 5]), 3)).toThrow('Class labels must be integers from 0 to 2; row 1 has 5');
  });
});

describe('regression sets split and standardise too', () => {
  it('sine: training x mean 0', () => {
    const split = trainValidationSplit(makeSine({ n: 300, noise: 0.1 }, new Generator(1)), 0.25, new Generator(2));
    expect([split.train.n, split.validation.n]).toEqual([225, 75]);
    expect(columnStats(standardizeSplit(split).train).mean[0]).toBeCloseTo(0, 5);
  });
});
