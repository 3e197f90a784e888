/**
 * The experiment's data: the data set the config names, its class imbalance, the train/validation
 * split and the input scaling — the part of a run that depends only on `config.data`.
 */
import { Generator } from '../random';
import * as sets from '../data/sets';
import type { LabeledData } from '../data/sets';
import { USER_DATA_FILE, userData, type DataConfig, type DatasetName } from './config';
import { readUserTable, tableData } from '../data/sets/userTable';

/** CSV text of the real data sets, by file name under `public/datasets/` (the worker fetches them). */
export type DatasetTexts = Readonly<Partial<Record<string, string>>>;

export const REAL_DATASETS = ['digits', 'iris', 'wine', 'breastCancer', 'diabetes'] as const;

/** The files a data set needs fetched before it can be built (none for the generated ones). */
export function filesFor(dataset: DatasetName): readonly string[] {
  if (dataset === 'custom') return [USER_DATA_FILE];
  return (sets.REAL_DATASET_FILES as Record<string, readonly string[]>)[dataset] ?? [];
}

export interface PreparedData {
  /** The scaled splits the model trains and is evaluated on. */
  train: LabeledData;
  validation: LabeledData;
  /** The same splits before scaling, in the data's own units (for pictures and tables). */
  raw: { train: LabeledData; validation: LabeledData };
  /** How raw inputs become model inputs (applied to prediction grids too). */
  scaleInput: (x: Float32Array) => Float32Array;
  /** How model outputs become targets in the data's own units (regression); identity otherwise. */
  unscaleTarget: (y: Float32Array) => Float32Array;
  /** What scaling was applied, in words for the code view and tooltips. */
  scaling: 'none' | 'standardize' | 'pixels/16';
}

function text(texts: DatasetTexts, file: string): string {
  const value = texts[file];
  if (value === undefined) throw new Error(`The data file ${file} has not been loaded.`);
  return value;
}

/** Draws or parses the whole data set, before any split. */
export function loadDataset(config: DataConfig, texts: DatasetTexts, generator: Generator): LabeledData {
  const n = config.points;
  const noise = config.noise;
  const imbalanceRatio = config.imbalance;
  switch (config.dataset) {
    case 'circles': return sets.makeCircles({ n, noise, imbalanceRatio }, generator);
    case 'xor': return sets.makeXor({ n, noise, imbalanceRatio }, generator);
    case 'moons': return sets.makeMoons({ n, noise, imbalanceRatio }, generator);
    case 'blobs': return sets.makeBlobs({ n, noise, imbalanceRatio, classes: config.classes }, generator);
    case 'spiral': return sets.makeSpiral({ n, noise, imbalanceRatio, arms: config.classes === 3 ? 3 : 2 }, generator);
    case 'sine': return sets.makeSine({ n, noise }, generator);
    case 'step': return sets.makeStep({ n, noise }, generator);
    case 'polynomial': return sets.makePolynomial({ n, noise }, generator);
    case 'plane': return sets.makePlane({ n, noise }, generator);
    case 'bumps': return sets.makeGaussianBumps({ n, noise }, generator);
    case 'diabetes': return sets.parseDiabetes(text(texts, 'diabetes_data.csv'), text(texts, 'diabetes_target.csv'));
    case 'custom': {
      const info = userData();
      if (info === null) throw new Error('No table of your own is loaded: load a CSV in the Data panel.');
      const table = tableData(readUserTable(text(texts, USER_DATA_FILE)), info.target, info.task);
      return imbalanceRatio > 1 && table.task === 'classification' ? sets.subsampleToRatio(table, imbalanceRatio, generator) : table;
    }
    default: {
      const parse = { digits: sets.parseDigits, iris: sets.parseIris, wine: sets.parseWine, breastCancer: sets.parseBreastCancer }[config.dataset];
      const table = parse(text(texts, filesFor(config.dataset)[0]));
      return imbalanceRatio > 1 ? sets.subsampleToRatio(table, imbalanceRatio, generator) : table;
    }
  }
}

const identity = (x: Float32Array): Float32Array => x;

/**
 * Loads, splits (stratified for classes) and scales the data. Generated sets already live in
 * [-1, 1] and stay as they are, so the picture and the model see the same coordinates. Tables are
 * standardised with training statistics only (fitting on all rows would leak the validation set).
 * Digits are divided by 16: all pixels share one scale, and per-pixel standardising would blow up
 * the nearly-constant border pixels (and would make a one-pixel shift meaningless).
 */
export function prepareData(config: DataConfig, texts: DatasetTexts): PreparedData {
  const generator = new Generator(config.seed);
  const all = loadDataset(config, texts, generator);
  const split = sets.trainValidationSplit(all, config.validationFraction, generator);
  if (!(REAL_DATASETS as readonly string[]).includes(config.dataset) && config.dataset !== 'custom') {
    return { train: split.train, validation: split.validation, raw: split, scaleInput: identity, unscaleTarget: identity, scaling: 'none' };
  }
  if (config.dataset === 'digits') {
    const scale = (x: Float32Array) => x.map((v) => v / sets.DIGIT_MAX_PIXEL);
    return {
      train: { ...split.train, x: scale(split.train.x) },
      validation: { ...split.validation, x: scale(split.validation.x) },
      raw: split,
      scaleInput: scale,
      unscaleTarget: identity,
      scaling: 'pixels/16',
    };
  }
  const scaled = sets.standardizeSplit(split, { target: all.task === 'regression' });
  const targetScaler = scaled.targetScaler;
  return {
    train: scaled.train,
    validation: scaled.validation,
    raw: split,
    scaleInput: (x) => scaled.inputScaler.transform(x),
    unscaleTarget: targetScaler ? (y) => targetScaler.inverseTransform(y) : identity,
    scaling: 'standardize',
  };
}
