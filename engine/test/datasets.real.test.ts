/** The real data sets parsed from the files in public/datasets, their errors, and subsampling. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Generator } from '../random';
import {
  REAL_DATASET_FILES,
  classCounts,
  parseBreastCancer,
  parseDiabetes,
  parseDigits,
  parseIris,
  parseWine,
  subsampleToRatio,
  type ClassificationData,
} from '../data/sets';

function file(name: string): string {
  return readFileSync(new URL(`../../public/datasets/${name}`, import.meta.url), 'utf8');
}

function counts(data: ClassificationData): number[] {
  return Array.from(classCounts(data.y, data.classes));
}

function row(data: { x: Float32Array; features: number }, i: number): number[] {
  return Array.from(data.x.subarray(i * data.features, (i + 1) * data.features));
}

const iris = parseIris(file('iris.csv'));
const breastCancer = parseBreastCancer(file('breast_cancer.csv'));

describe('parsing the shipped files', () => {
  it('digits: 1797 pictures of 8 × 8 grey levels 0 … 16, ten classes', () => {
    const digits = parseDigits(file('digits.csv'));
    expect([digits.n, digits.features, digits.classes]).toEqual([1797, 64, 10]);
    expect(digits.imageShape).toEqual([8, 8]);
    expect(counts(digits)).toEqual([178, 182, 177, 183, 181, 182, 181, 179, 174, 180]);
    expect(row(digits, 0).slice(0, 8)).toEqual([0, 0, 5, 13, 9, 1, 0, 0]);
    expect([digits.y[0], digits.y[1]]).toEqual([0, 1]);
    expect([Math.min(...digits.x), Math.max(...digits.x)]).toEqual([0, 16]);
    expect([digits.featureNames[0], digits.featureNames[63]]).toEqual(['pixel_0_0', 'pixel_7_7']);
  });

  it('iris: 150 flowers, 4 measurements, 50 of each species', () => {
    expect([iris.n, iris.features, iris.task]).toEqual([150, 4, 'classification']);
    expect(iris.classNames).toEqual(['setosa', 'versicolor', 'virginica']);
    expect(counts(iris)).toEqual([50, 50, 50]);
    expect(row(iris, 0)).toBeAllclose([5.1, 3.5, 1.4, 0.2]);
    expect(iris.featureNames[2]).toBe('petal length (cm)');
  });

  it('wine: 178 wines, 13 measurements, classes of 59, 71 and 48', () => {
    const wine = parseWine(file('wine_data.csv'));
    expect([wine.n, wine.features]).toEqual([178, 13]);
    expect(counts(wine)).toEqual([59, 71, 48]);
    expect(row(wine, 0)[12]).toBe(1065);
    expect(wine.featureNames[12]).toBe('proline');
  });

  it('breast cancer: 569 rows, 30 features, 212 malignant and 357 benign', () => {
    expect([breastCancer.n, breastCancer.features]).toEqual([569, 30]);
    expect(breastCancer.classNames).toEqual(['malignant', 'benign']);
    expect(counts(breastCancer)).toEqual([212, 357]);
    expect(row(breastCancer, 0)[3]).toBe(1001);
    expect([breastCancer.featureNames[0], breastCancer.featureNames[29]]).toEqual([
      'mean radius',
      'worst fractal dimension',
    ]);
  });

  it('diabetes: 442 patients, 10 measurements, progression from 25 to 346', () => {
    const diabetes = parseDiabetes(file('diabetes_data.csv'), file('diabetes_target.csv'));
    expect([diabetes.n, diabetes.features, diabetes.task]).toEqual([442, 10, 'regression']);
    expect(row(diabetes, 0)).toBeAllclose([59, 2, 32.1, 101, 157, 93.2, 38, 4, 4.8598, 87]);
    expect(diabetes.y[0]).toBe(151);
    expect([Math.min(...diabetes.y), Math.max(...diabetes.y)]).toEqual([25, 346]);
  });

  it('names the files of every real set, all present in public/datasets', () => {
    for (const names of Object.values(REAL_DATASET_FILES)) {
      for (const name of names) expect(file(name).length, name).toBeGreaterThan(1000);
    }
  });

  it('reads Windows line ends and a missing final newline the same way', () => {
    const windows = parseIris(file('iris.csv').replace(/\n/g, '\r\n').trimEnd());
    expect(windows.x).toEqual(iris.x);
    expect(windows.y).toEqual(iris.y);
  });
});

describe('malformed files give sentences naming the file, line and value', () => {
  const header = '3,4,a,b,c\n';
  const good = '5.1,3.5,1.4,0.2,0\n4.9,3.0,1.4,0.2,1\n6.3,3.3,6.0,2.5,2\n';

  it('accepts a small well-formed table', () => {
    expect(counts(parseIris(header + good))).toEqual([1, 1, 1]);
  });

  it('says what is wrong, where', () => {
    expect(() => parseIris('')).toThrow('iris.csv is empty; expected rows of numbers');
    expect(() => parseIris('<!doctype html><html>')).toThrow(
      'iris.csv is an HTML page, not a table of numbers; the file is probably missing',
    );
    expect(() => parseIris(header + good.replace('0.2,1', '1'))).toThrow(
      'iris.csv, line 3: expected 5 values (4 features and a class label); got 4',
    );
    expect(() => parseIris(header + good.replace('3.3', 'abc'))).toThrow(
      'iris.csv, line 4, column 2: expected a number; got "abc"',
    );
    expect(() => parseIris(header + good.replace('3.3', ''))).toThrow('line 4, column 2: expected a number; got ""');
    expect(() => parseIris(header + good.replace('2.5,2', '2.5,3'))).toThrow(
      'iris.csv, line 4: the class label must be a whole number from 0 to 2; got 3',
    );
    expect(() => parseIris('4,4,a,b,c\n' + good)).toThrow('iris.csv: the header promises 4 rows of data; the file has 3');
    expect(() => parseIris('3,5,a,b,c\n' + good)).toThrow(
      'iris.csv, line 1: expected a header row "number of rows,4,name of class 0,name of class 1,…"; got "3,5,a,b,c"',
    );
    expect(() => parseIris(good)).toThrow('iris.csv, line 1: expected a header row');
    expect(() => parseIris('3,4,a\n' + good)).toThrow('expected a header row');
    expect(() => parseDigits('0,'.repeat(63) + '17,3\n')).toThrow(
      'digits.csv, line 1, column 64: pixels are grey levels from 0 to 16; got 17',
    );
    expect(() => parseDigits('0,'.repeat(64) + '10\n')).toThrow('the class label must be a whole number from 0 to 9; got 10');
    expect(() => parseDiabetes('1 2 3 4 5 6 7 8 9 10\n', '151\n75\n')).toThrow(
      'diabetes_data.csv has 1 rows but diabetes_target.csv has 2; they must match line for line',
    );
    expect(() => parseDiabetes('1,2,3,4,5,6,7,8,9,10\n', '151\n')).toThrow(
      'diabetes_data.csv, line 1: expected 10 values (10 measurements separated by spaces); got 1',
    );
  });
});

describe('subsampleToRatio: a more imbalanced breast cancer set', () => {
  it('keeps the classes in the asked ratio, as many rows as possible', () => {
    const at = (ratio: number) => counts(subsampleToRatio(breastCancer, ratio, new Generator(1)));
    expect(at(20)).toEqual([18, 357]); // 357 / 20 = 17.85
    expect(at(5)).toEqual([71, 357]);
    expect(at(1.5)).toEqual([212, 318]); // the malignant rows run out first: 212 · 1.5
    expect(at(1)).toEqual([212, 212]);
  });

  it('ranks classes by size for more than two classes: wine at 4 → 71 : 36 : 18', () => {
    const wine = parseWine(file('wine_data.csv'));
    expect(counts(subsampleToRatio(wine, 4, new Generator(2)))).toEqual([36, 71, 18]);
  });

  it('keeps original rows, in their order, chosen by the seed', () => {
    const a = subsampleToRatio(breastCancer, 20, new Generator(3));
    const b = subsampleToRatio(breastCancer, 20, new Generator(3));
    const c = subsampleToRatio(breastCancer, 20, new Generator(4));
    expect(a.x).toEqual(b.x);
    expect(c.x).not.toEqual(a.x);
    // Every kept row is a row of the original, found further on each time.
    let from = 0;
    for (let i = 0; i < a.n; i++) {
      const kept = row(a, i).join();
      while (row(breastCancer, from).join() !== kept) from++;
      expect(breastCancer.y[from]).toBe(a.y[i]);
      from++;
    }
  });

  it('rejects a ratio below 1', () => {
    expect(() => subsampleToRatio(breastCancer, 0, new Generator(0))).toThrow('Class imbalance ratio must be a number of at least 1');
  });
});
