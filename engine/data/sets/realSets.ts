/**
 * The real data sets, parsed from the CSV text the app ships in public/datasets/ (copied from
 * scikit-learn 1.2's `sklearn/datasets/data/`; origin and licence in public/datasets/README.md).
 * The worker fetches the text; these functions only read and check it.
 */
import { expectFieldCount, readLabel, readNumber, readRows, type TextRow } from './csv';
import type { ClassificationData, RegressionData } from './types';

/** The files each real set is read from, relative to public/datasets/. */
export const REAL_DATASET_FILES = {
  digits: ['digits.csv'],
  iris: ['iris.csv'],
  wine: ['wine_data.csv'],
  breastCancer: ['breast_cancer.csv'],
  diabetes: ['diabetes_data.csv', 'diabetes_target.csv'],
} as const;

export type RealDatasetName = keyof typeof REAL_DATASET_FILES;

// Feature names as scikit-learn gives them (`load_iris().feature_names` and so on).
export const IRIS_FEATURE_NAMES = [
  'sepal length (cm)',
  'sepal width (cm)',
  'petal length (cm)',
  'petal width (cm)',
];

export const WINE_FEATURE_NAMES = [
  'alcohol',
  'malic_acid',
  'ash',
  'alcalinity_of_ash',
  'magnesium',
  'total_phenols',
  'flavanoids',
  'nonflavanoid_phenols',
  'proanthocyanins',
  'color_intensity',
  'hue',
  'od280/od315_of_diluted_wines',
  'proline',
];

const CELL_MEASURES = [
  'radius',
  'texture',
  'perimeter',
  'area',
  'smoothness',
  'compactness',
  'concavity',
  'concave points',
  'symmetry',
  'fractal dimension',
];
/** Ten measures of the cell nuclei, each as mean, standard error and worst value. */
export const BREAST_CANCER_FEATURE_NAMES = [
  ...CELL_MEASURES.map((m) => `mean ${m}`),
  ...CELL_MEASURES.map((m) => `${m} error`),
  ...CELL_MEASURES.map((m) => `worst ${m}`),
];

/** Age, sex, body mass index, blood pressure and six blood serum measurements (s1 … s6). */
export const DIABETES_FEATURE_NAMES = ['age', 'sex', 'bmi', 'bp', 's1', 's2', 's3', 's4', 's5', 's6'];

/** Digits are 8 × 8 pictures, 64 pixels each with a grey level from 0 (white) to 16 (black). */
export const DIGIT_IMAGE_SHAPE: [number, number] = [8, 8];
export const DIGIT_MAX_PIXEL = 16;

/**
 * A table in scikit-learn's layout: a header row `rows,features,className0,className1,…`, then
 * `rows` lines of `features` numbers and a class label.
 */
function parseLabeledTable(text: string, file: string, featureNames: string[]): ClassificationData {
  const rows = readRows(text, file, ',');
  const header = rows[0];
  const declaredRows = Number(header.fields[0]);
  const declaredFeatures = Number(header.fields[1]);
  if (
    header.fields.length < 4 ||
    !Number.isInteger(declaredRows) ||
    declaredRows < 1 ||
    declaredFeatures !== featureNames.length
  ) {
    throw new Error(
      `${file}, line ${header.line}: expected a header row "number of rows,${featureNames.length},` +
        `name of class 0,name of class 1,…"; got "${header.fields.join(',')}"`,
    );
  }
  const dataRows = rows.slice(1);
  if (dataRows.length !== declaredRows) {
    throw new Error(`${file}: the header promises ${declaredRows} rows of data; the file has ${dataRows.length}`);
  }
  const classNames = header.fields.slice(2);
  const features = featureNames.length;
  const x = new Float32Array(declaredRows * features);
  const y = new Float32Array(declaredRows);
  dataRows.forEach((row, i) => {
    expectFieldCount(row, features + 1, file, `${features} features and a class label`);
    for (let j = 0; j < features; j++) x[i * features + j] = readNumber(row, j, file);
    y[i] = readLabel(row, features, classNames.length, file);
  });
  return {
    task: 'classification',
    x,
    y,
    n: declaredRows,
    features,
    featureNames: featureNames.slice(),
    classes: classNames.length,
    classNames,
  };
}

/** Fisher's iris flowers: 150 rows, 4 measurements (cm), 3 species of 50 each. */
export function parseIris(text: string): ClassificationData {
  return parseLabeledTable(text, 'iris.csv', IRIS_FEATURE_NAMES);
}

/** Wines of three cultivars: 178 rows, 13 chemical measurements, classes of 59, 71 and 48. */
export function parseWine(text: string): ClassificationData {
  return parseLabeledTable(text, 'wine_data.csv', WINE_FEATURE_NAMES);
}

/**
 * Breast cancer diagnosis from cell nuclei: 569 rows, 30 features, class 0 malignant (212) and
 * class 1 benign (357) — imbalanced; `subsampleToRatio` makes it more so.
 */
export function parseBreastCancer(text: string): ClassificationData {
  return parseLabeledTable(text, 'breast_cancer.csv', BREAST_CANCER_FEATURE_NAMES);
}

/**
 * Handwritten digits: each line is 64 grey levels (0 … 16, an 8 × 8 picture row by row) and the
 * digit 0 … 9. The shipped file has 1797 rows and no header.
 */
export function parseDigits(text: string): ClassificationData {
  const file = 'digits.csv';
  const rows = readRows(text, file, ',');
  const pixels = DIGIT_IMAGE_SHAPE[0] * DIGIT_IMAGE_SHAPE[1];
  const x = new Float32Array(rows.length * pixels);
  const y = new Float32Array(rows.length);
  rows.forEach((row: TextRow, i) => {
    expectFieldCount(row, pixels + 1, file, `${pixels} pixels and a digit`);
    for (let j = 0; j < pixels; j++) {
      const value = readNumber(row, j, file);
      if (value < 0 || value > DIGIT_MAX_PIXEL) {
        throw new Error(
          `${file}, line ${row.line}, column ${j + 1}: pixels are grey levels from 0 to ${DIGIT_MAX_PIXEL}; got ${value}`,
        );
      }
      x[i * pixels + j] = value;
    }
    y[i] = readLabel(row, pixels, 10, file);
  });
  const featureNames: string[] = [];
  for (let r = 0; r < DIGIT_IMAGE_SHAPE[0]; r++) {
    for (let c = 0; c < DIGIT_IMAGE_SHAPE[1]; c++) featureNames.push(`pixel_${r}_${c}`);
  }
  return {
    task: 'classification',
    x,
    y,
    n: rows.length,
    features: pixels,
    featureNames,
    classes: 10,
    classNames: Array.from({ length: 10 }, (_, d) => String(d)),
    imageShape: [DIGIT_IMAGE_SHAPE[0], DIGIT_IMAGE_SHAPE[1]],
  };
}

/**
 * Diabetes (Efron et al. 2004): 442 patients, 10 measurements separated by spaces in
 * diabetes_data.csv (unscaled: age in years, sex 1 or 2, …) and, line for line in
 * diabetes_target.csv, a measure of disease progression one year later (25 … 346).
 */
export function parseDiabetes(dataText: string, targetText: string): RegressionData {
  const dataFile = 'diabetes_data.csv';
  const targetFile = 'diabetes_target.csv';
  const dataRows = readRows(dataText, dataFile, 'whitespace');
  const targetRows = readRows(targetText, targetFile, 'whitespace');
  if (dataRows.length !== targetRows.length) {
    throw new Error(
      `${dataFile} has ${dataRows.length} rows but ${targetFile} has ${targetRows.length}; they must match line for line`,
    );
  }
  const features = DIABETES_FEATURE_NAMES.length;
  const x = new Float32Array(dataRows.length * features);
  const y = new Float32Array(dataRows.length);
  dataRows.forEach((row, i) => {
    expectFieldCount(row, features, dataFile, `${features} measurements separated by spaces`);
    for (let j = 0; j < features; j++) x[i * features + j] = readNumber(row, j, dataFile);
  });
  targetRows.forEach((row, i) => {
    expectFieldCount(row, 1, targetFile, 'one target per line');
    y[i] = readNumber(row, 0, targetFile);
  });
  return {
    task: 'regression',
    x,
    y,
    n: dataRows.length,
    features,
    featureNames: DIABETES_FEATURE_NAMES.slice(),
    targetName: 'disease progression after one year',
  };
}
