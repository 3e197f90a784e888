/** What every part of the generator needs to know about the experiment, worked out once. */
import {
  DATASETS,
  numClasses,
  numFeatures,
  numOutputs,
  type DatasetName,
  type ExperimentConfig,
} from '../../engine/train/config';
import { COMMENTS_EN, type Comments } from './comments.en';
import { COMMENTS_ZH_CN } from './comments.zh-CN';
import type { CodeLanguage } from './types';

export interface Context {
  config: ExperimentConfig;
  /** The comments in the chosen language. */
  t: Comments;
  dataset: DatasetName;
  task: 'classification' | 'regression';
  synthetic: boolean;
  /** Classes of the data set (0 for regression). */
  classes: number;
  features: number;
  /** Width of the model's last layer. */
  outputs: number;
  /** MSE on class labels: targets become one-hot rows. */
  mseOnClasses: boolean;
}

export function commentsFor(language: CodeLanguage): Comments {
  return language === 'zh-CN' ? COMMENTS_ZH_CN : COMMENTS_EN;
}

export function contextOf(config: ExperimentConfig, language: CodeLanguage): Context {
  const info = DATASETS[config.data.dataset];
  return {
    config,
    t: commentsFor(language),
    dataset: config.data.dataset,
    task: info.task,
    synthetic: info.source === 'synthetic',
    classes: numClasses(config),
    features: numFeatures(config),
    outputs: numOutputs(config),
    mseOnClasses: info.task === 'classification' && config.loss.type === 'mse',
  };
}
