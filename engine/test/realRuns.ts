/** Real runs for tests and checks: the bundled files a data set needs, and a run's best validation loss. */
import { readFileSync } from 'node:fs';
import type { ExperimentConfig } from '../train/config';
import { buildExperiment } from '../train/build';
import { filesFor } from '../train/data';

/** The CSV texts `config`'s data set needs, read from public/datasets/ (as the worker fetches them). */
export function datasetTexts(config: ExperimentConfig): Record<string, string> {
  return Object.fromEntries(filesFor(config.data.dataset).map((f) => [f, readFileSync(new URL(`../../public/datasets/${f}`, import.meta.url), 'utf8')]));
}

/** The lowest validation loss of `config` trained to the end at learning rate `lr` (Infinity when it diverged). */
export function bestValidation(config: ExperimentConfig, lr: number): number {
  const run = structuredClone(config);
  run.optimizer.lr = lr;
  let best = Infinity;
  const built = buildExperiment(run, datasetTexts(run), { onEvaluation: (e) => (best = Math.min(best, e.validation.loss)) });
  while (built.trainer.canStep) built.trainer.runEpoch();
  return built.trainer.status.state === 'diverged' ? Infinity : best;
}
