/**
 * Picking another data set in one click. Some settings only make sense with some data sets
 * (cross-entropy needs classes, class weights need the right number of classes, shift augmentation
 * needs images), and the experiment's validator refuses a mix that does not fit. So the patch that
 * switches the data set carries the few changes the new set needs, and a click is never refused.
 */
import {
  DATASETS,
  numClasses,
  type DataConfig,
  type DatasetName,
  type ExperimentConfig,
  type LossConfig,
  type TrainingConfig,
} from '../../engine/train/config';

export interface DatasetPatch {
  data: Partial<DataConfig>;
  loss?: LossConfig;
  training?: Partial<TrainingConfig>;
}

/**
 * The patch for `training.changeConfig` that makes `dataset` the data set of `config`:
 *
 * - a regression set gets MSE (no class weights, no label smoothing, no weighted sampler);
 * - a classification set gets cross-entropy, unless the user already had MSE on a classification
 *   set (then that was a choice, and it is kept);
 * - class weights given as a list stay only if the new set has that many classes;
 * - the number of classes is brought into the new set's range (blobs 2–5, spiral arms 2–3);
 * - shift augmentation (digits only) becomes input jitter on other sets.
 */
export function datasetSwitchPatch(config: ExperimentConfig, dataset: DatasetName): DatasetPatch {
  const from = DATASETS[config.data.dataset];
  const to = DATASETS[dataset];
  const data: Partial<DataConfig> = { dataset };
  if (to.classRange) {
    const classes = Math.min(to.classRange.max, Math.max(to.classRange.min, config.data.classes));
    if (classes !== config.data.classes) data.classes = classes;
  }
  if (config.data.augmentation === 'shift' && dataset !== 'digits') data.augmentation = 'jitter';
  const patch: DatasetPatch = { data };

  const loss: LossConfig = { ...config.loss };
  if (to.task === 'regression') {
    loss.type = 'mse';
    loss.classWeights = 'none';
    loss.labelSmoothing = 0;
    if (config.training.sampler === 'weighted') patch.training = { sampler: 'none' };
  } else {
    const keptMse = from.task === 'classification' && config.loss.type === 'mse';
    loss.type = keptMse ? 'mse' : 'crossEntropy';
    const classes = numClasses({ ...config, data: { ...config.data, ...data } });
    const weights = loss.classWeights;
    if (loss.type === 'mse' || (Array.isArray(weights) && weights.length !== classes)) loss.classWeights = 'none';
    if (loss.type === 'mse') loss.labelSmoothing = 0;
  }
  const lossChanged =
    loss.type !== config.loss.type || loss.classWeights !== config.loss.classWeights || loss.labelSmoothing !== config.loss.labelSmoothing;
  if (lossChanged) patch.loss = loss;
  return patch;
}
