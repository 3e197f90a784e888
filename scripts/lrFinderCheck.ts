/**
 * Checks the learning-rate finder against real runs: for each bundled data set and optimizer, trains
 * a grid of rates (1e-4 … 3) and prints the best validation loss of each, the finder's suggestion,
 * and the validation loss a run at the suggestion reaches. `npx tsx scripts/lrFinderCheck.ts`.
 * (A check for people changing the finder, not a test: it takes a few minutes.)
 */
import { defaultConfig, DATASETS, type DatasetName, type ExperimentConfig } from '../engine/train/config';
import { findLr } from '../engine/train/lrFinder';
import { bestValidation, datasetTexts } from '../engine/test/realRuns';
import { defaultOptimizer } from '../engine/train/config/defaults';

function experiment(dataset: DatasetName, optimizer: 'adam' | 'sgd', epochs: number): ExperimentConfig {
  const c = defaultConfig();
  c.data.dataset = dataset;
  if (DATASETS[dataset].task === 'regression') c.loss.type = 'mse';
  if (optimizer === 'sgd') c.optimizer = { ...defaultOptimizer('sgd'), momentum: 0.9 } as ExperimentConfig['optimizer'];
  c.training.epochs = epochs;
  return c;
}

const GRID = [1e-4, 3e-4, 1e-3, 3e-3, 1e-2, 3e-2, 0.1, 0.3, 1, 3];
const CASES: Array<[DatasetName, 'adam' | 'sgd', number]> = [
  ['spiral', 'adam', 60],
  ['spiral', 'sgd', 60],
  ['moons', 'adam', 30],
  ['circles', 'sgd', 30],
  ['digits', 'adam', 10],
  ['digits', 'sgd', 10],
  ['iris', 'adam', 60],
  ['wine', 'adam', 40],
  ['breastCancer', 'sgd', 30],
  ['sine', 'adam', 60],
  ['diabetes', 'adam', 60],
];

const fmt = (v: number): string => (Number.isFinite(v) ? v.toFixed(3) : 'div');
console.log('| set / optimizer | best rate of the grid (val loss) | suggestion (val loss) | steepest | minimum | finder ms |');
console.log('|---|---|---|---|---|---|');
for (const [dataset, optimizer, epochs] of CASES) {
  const c = experiment(dataset, optimizer, epochs);
  const losses = GRID.map((lr) => bestValidation(c, lr));
  const best = losses.reduce((a, v, i) => (Number.isFinite(v) && !(losses[a] <= v) ? i : a), 0);
  const t0 = performance.now();
  const found = findLr(c, datasetTexts(c), null);
  const ms = performance.now() - t0;
  const at = found.suggestion === null ? Infinity : bestValidation(c, found.suggestion);
  const e = (v: number | null): string => (v === null ? '–' : v.toExponential(1));
  console.log(`| ${dataset} / ${optimizer} ${epochs} ep | ${GRID[best]} (${fmt(losses[best])}) | ${e(found.suggestion)} (${fmt(at)}) | ${e(found.steepest)} | ${e(found.minimum)} | ${ms.toFixed(0)} |`);
}
