/** The playground's own run of an experiment, as the worker builds it, for comparison with the script. */
import { readFileSync } from 'node:fs';
import type { ExperimentConfig } from '../../../engine/train/config';
import { buildExperiment } from '../../../engine/train/build';
import { filesFor } from '../../../engine/train/data';

/** The CSV texts a real data set needs, read from public/datasets/ (the worker fetches the same files). */
export function datasetTexts(config: ExperimentConfig): Record<string, string> {
  return Object.fromEntries(filesFor(config.data.dataset).map((f) => [f, readFileSync(`public/datasets/${f}`, 'utf8')]));
}

export interface PlaygroundResult {
  state: string;
  epochs: number;
  validationLoss: number;
  /** Validation accuracy (classification) or R² (regression) of the model as the run ends. */
  validationMetric: number;
}

/** Trains to the end, epoch by epoch, then measures the final model (after early stopping: the best weights). */
export function runPlayground(config: ExperimentConfig): PlaygroundResult {
  const built = buildExperiment(config, datasetTexts(config));
  while (built.trainer.canStep) built.trainer.runEpoch();
  const evaluation = built.trainer.evaluate();
  const validation = evaluation.validation;
  return {
    state: built.trainer.status.state,
    epochs: built.trainer.status.epoch,
    validationLoss: validation.loss,
    validationMetric: validation.classification?.accuracy ?? validation.regression!.r2,
  };
}
