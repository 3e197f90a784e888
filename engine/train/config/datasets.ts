/**
 * What each data set is: its task, how many input features and classes it has, and how big it is.
 * The worker uses this to size the model's input and output layers, the validator to check settings
 * that depend on the data set (class weights, cross-entropy, the weighted sampler), and the page to
 * show which settings apply.
 */
import type { DatasetName, ExperimentConfig } from './types';
import { userData } from './userData';

export type Task = 'classification' | 'regression';

export interface DatasetInfo {
  task: Task;
  /** Synthetic sets are drawn from `data.seed`, `data.points` and `data.noise`; real sets are fixed files; `user`: a person's own CSV. */
  source: 'synthetic' | 'real' | 'user';
  /** Number of input features: 2 for 2-D sets, 1 for 1-D curves, 64 pixels for digits, the table's columns otherwise. */
  features: number;
  /** Number of classes when it is fixed; 0 for regression. */
  classes: number;
  /** When `data.classes` chooses the number of classes, the counts it may take. */
  classRange?: { min: number; max: number };
  /** Rows in a real set (before the validation split); absent for synthetic sets, which use `data.points`. */
  size?: number;
  /** Side of the square image for image sets (digits are 8×8). */
  imageSide?: number;
}

export const DATASETS: { readonly [D in DatasetName]: Readonly<DatasetInfo> } = {
  circles: { task: 'classification', source: 'synthetic', features: 2, classes: 2 },
  xor: { task: 'classification', source: 'synthetic', features: 2, classes: 2 },
  blobs: { task: 'classification', source: 'synthetic', features: 2, classes: 2, classRange: { min: 2, max: 5 } },
  spiral: { task: 'classification', source: 'synthetic', features: 2, classes: 2, classRange: { min: 2, max: 3 } },
  moons: { task: 'classification', source: 'synthetic', features: 2, classes: 2 },
  sine: { task: 'regression', source: 'synthetic', features: 1, classes: 0 },
  step: { task: 'regression', source: 'synthetic', features: 1, classes: 0 },
  polynomial: { task: 'regression', source: 'synthetic', features: 1, classes: 0 },
  plane: { task: 'regression', source: 'synthetic', features: 2, classes: 0 },
  bumps: { task: 'regression', source: 'synthetic', features: 2, classes: 0 },
  digits: { task: 'classification', source: 'real', features: 64, classes: 10, size: 1797, imageSide: 8 },
  iris: { task: 'classification', source: 'real', features: 4, classes: 3, size: 150 },
  wine: { task: 'classification', source: 'real', features: 13, classes: 3, size: 178 },
  breastCancer: { task: 'classification', source: 'real', features: 30, classes: 2, size: 569 },
  diabetes: { task: 'regression', source: 'real', features: 10, classes: 0, size: 442 },
  // replaced below by a getter: the table loaded now (userData.ts)
  custom: { task: 'classification', source: 'user', features: 0, classes: 0, size: 0 },
};

Object.defineProperty(DATASETS, 'custom', {
  enumerable: true,
  get: (): DatasetInfo => {
    const table = userData();
    return table === null
      ? { task: 'classification', source: 'user', features: 0, classes: 0, size: 0 }
      : { task: table.task, source: 'user', features: table.features, classes: table.classes, size: table.size };
  },
});

export function datasetInfo(config: ExperimentConfig): Readonly<DatasetInfo> {
  return DATASETS[config.data.dataset];
}

export function taskOf(config: ExperimentConfig): Task {
  return DATASETS[config.data.dataset].task;
}

export function isClassification(config: ExperimentConfig): boolean {
  return taskOf(config) === 'classification';
}

/** Classes of the chosen data set: `data.classes` for blobs and spiral, the set's own count otherwise, 0 for regression. */
export function numClasses(config: ExperimentConfig): number {
  const info = DATASETS[config.data.dataset];
  return info.classRange ? config.data.classes : info.classes;
}

/** Width of the model's last layer: one logit per class, or one value for regression. */
export function numOutputs(config: ExperimentConfig): number {
  return isClassification(config) ? numClasses(config) : 1;
}

export function numFeatures(config: ExperimentConfig): number {
  return DATASETS[config.data.dataset].features;
}

/** All rows before the split: `data.points` for synthetic sets, the file's size for real ones. */
export function datasetSize(config: ExperimentConfig): number {
  return DATASETS[config.data.dataset].size ?? config.data.points;
}
