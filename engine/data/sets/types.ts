/**
 * The one shape every data set of the playground takes, whether drawn by a generator or parsed
 * from a CSV file: a table of `n` rows with `features` numbers each, and one label per row.
 * It feeds `TensorDataset` (x as an n × features tensor, y as an n-vector) and the UI (names,
 * classes, the 8 × 8 picture of a digit).
 */

/** Row-major storage shared by every data set: row i is `x.subarray(i * features, (i + 1) * features)`. */
interface DataTable {
  /** Inputs, n × features, row-major. */
  x: Float32Array;
  /** One label per row: a class index (0, 1, …) for classification, the target value for regression. */
  y: Float32Array;
  /** Number of rows (examples). */
  n: number;
  /** Numbers per row. */
  features: number;
  /** One name per feature, for axes and tables: `['x1', 'x2']`, `['sepal length (cm)', …]`. */
  featureNames: string[];
  /** Set when each row is a picture: [height, width], row-major, so features = height · width. */
  imageShape?: [number, number];
}

/** Each row belongs to one of `classes` classes; `y` holds the class index 0 … classes-1. */
export interface ClassificationData extends DataTable {
  task: 'classification';
  classes: number;
  /** One name per class, in index order: `['setosa', 'versicolor', 'virginica']`. */
  classNames: string[];
}

/** Each row has a real-valued target in `y`. */
export interface RegressionData extends DataTable {
  task: 'regression';
  /** What the target measures, for the axis label: `'y'`, `'disease progression after one year'`. */
  targetName: string;
}

export type LabeledData = ClassificationData | RegressionData;

/**
 * The rows `indices` of `data`, in that order, as a new data set of the same kind (copies, so the
 * result can be changed without touching the original).
 */
export function selectRows<D extends LabeledData>(data: D, indices: ArrayLike<number>): D {
  const features = data.features;
  const x = new Float32Array(indices.length * features);
  const y = new Float32Array(indices.length);
  for (let k = 0; k < indices.length; k++) {
    const i = indices[k];
    if (!(i >= 0 && i < data.n) || !Number.isInteger(i)) {
      throw new Error(`Row index must be an integer from 0 to ${data.n - 1}; got ${i}`);
    }
    x.set(data.x.subarray(i * features, (i + 1) * features), k * features);
    y[k] = data.y[i];
  }
  return { ...data, x, y, n: indices.length };
}

/** How many rows carry each class label: `counts[c]` = number of i with y[i] = c. */
export function classCounts(y: Float32Array, classes: number): Int32Array {
  const counts = new Int32Array(classes);
  for (let i = 0; i < y.length; i++) {
    const c = y[i];
    if (!(c >= 0 && c < classes) || !Number.isInteger(c)) {
      throw new Error(`Class labels must be integers from 0 to ${classes - 1}; row ${i} has ${c}`);
    }
    counts[c]++;
  }
  return counts;
}

/** The row indices of each class, in row order: `byClass[c]` lists the rows with label c. */
export function rowsByClass(y: Float32Array, classes: number): Int32Array[] {
  const counts = classCounts(y, classes);
  const byClass = Array.from(counts, (count) => new Int32Array(count));
  const filled = new Int32Array(classes);
  for (let i = 0; i < y.length; i++) byClass[y[i]][filled[y[i]]++] = i;
  return byClass;
}
