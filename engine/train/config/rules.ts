/**
 * Rules between settings: each field may be fine alone and wrong with another (cross-entropy on a
 * regression set). A broken rule names the field to change, says why, and knows the safe value
 * that `parseConfig` puts there instead. Rules run in order on the progressively fixed experiment,
 * so a fix that breaks a later rule (cross-entropy → MSE, then label smoothing) is caught too.
 */
import { userData } from './userData';
import { DATASETS, numClasses } from './datasets';
import type { ConfigError, ErrorList } from './errors';
import { fieldAt } from './table';
import { formatValue } from './spec';
import type { ExperimentConfig } from './types';

interface Broken {
  path: string;
  message: string;
  got: string;
  /** Puts a value there that keeps the rule. */
  fix: (config: ExperimentConfig) => void;
}

type Rule = (config: ExperimentConfig) => Broken | null;

const task = (c: ExperimentConfig) => DATASETS[c.data.dataset].task;
const shown = (value: unknown) => formatValue(value);

const RULES: readonly Rule[] = [
  (c) => {
    if (c.data.dataset !== 'custom' || userData() !== null) return null;
    return {
      path: 'data.dataset',
      message: 'data.dataset "custom" is a CSV of your own, and none is loaded on this page (a link never carries the data); load it in the Data panel',
      got: shown(c.data.dataset),
      fix: (x) => void (x.data.dataset = 'spiral'),
    };
  },
  (c) => {
    const range = DATASETS[c.data.dataset].classRange;
    if (!range || (c.data.classes >= range.min && c.data.classes <= range.max)) return null;
    return {
      path: 'data.classes',
      message: `data.classes must be from ${range.min} to ${range.max} for ${c.data.dataset}; got ${shown(c.data.classes)}`,
      got: shown(c.data.classes),
      fix: (x) => void (x.data.classes = range.min),
    };
  },
  (c) => {
    if (c.data.augmentation !== 'shift' || c.data.dataset === 'digits') return null;
    return {
      path: 'data.augmentation',
      message: `data.augmentation "shift" moves images by a pixel, so it needs the digits data set, not ${c.data.dataset}; use "jitter" or "none"`,
      got: shown(c.data.augmentation),
      fix: (x) => void (x.data.augmentation = 'none'),
    };
  },
  (c) => {
    if (c.loss.type !== 'crossEntropy' || task(c) === 'classification') return null;
    return {
      path: 'loss.type',
      message:
        `loss.type "crossEntropy" needs a classification data set, but ${c.data.dataset} is regression: ` +
        'cross-entropy scores the probability given to the true class, and a regression target is a number, not a class; use "mse"',
      got: shown(c.loss.type),
      fix: (x) => void (x.loss.type = 'mse'),
    };
  },
  (c) => {
    if (c.loss.classWeights === 'none') return null;
    const why =
      task(c) === 'regression'
        ? `${c.data.dataset} is a regression data set and has no classes`
        : c.loss.type === 'mse'
          ? 'class weights need loss.type "crossEntropy" (PyTorch\'s MSELoss takes no weights)'
          : null;
    if (!why) return null;
    return {
      path: 'loss.classWeights',
      message: `loss.classWeights must be "none" here: ${why}; got ${shown(c.loss.classWeights)}`,
      got: shown(c.loss.classWeights),
      fix: (x) => void (x.loss.classWeights = 'none'),
    };
  },
  (c) => {
    const weights = c.loss.classWeights;
    if (!Array.isArray(weights) || weights.length === numClasses(c)) return null;
    return {
      path: 'loss.classWeights',
      message: `loss.classWeights must have one weight per class: ${numClasses(c)} for ${c.data.dataset}; got a list of ${weights.length}`,
      got: shown(weights),
      fix: (x) => void (x.loss.classWeights = 'none'),
    };
  },
  (c) => {
    if (c.loss.labelSmoothing === 0 || c.loss.type === 'crossEntropy') return null;
    return {
      path: 'loss.labelSmoothing',
      message: `loss.labelSmoothing needs loss.type "crossEntropy" (it softens class targets); with "mse" it must be 0; got ${shown(c.loss.labelSmoothing)}`,
      got: shown(c.loss.labelSmoothing),
      fix: (x) => void (x.loss.labelSmoothing = 0),
    };
  },
  (c) => {
    const o = c.optimizer;
    if (o.type !== 'sgd' || !o.nesterov || (o.momentum > 0 && o.dampening === 0)) return null;
    return {
      path: 'optimizer.nesterov',
      message: `optimizer.nesterov needs optimizer.momentum above 0 and optimizer.dampening 0, as in PyTorch; got momentum ${shown(o.momentum)} and dampening ${shown(o.dampening)}`,
      got: 'true',
      fix: (x) => void (x.optimizer.type === 'sgd' && (x.optimizer.nesterov = false)),
    };
  },
  (c) => {
    if (c.training.sampler !== 'weighted' || task(c) === 'classification') return null;
    return {
      path: 'training.sampler',
      message: `training.sampler "weighted" evens out classes, so it needs a classification data set; ${c.data.dataset} is regression`,
      got: shown(c.training.sampler),
      fix: (x) => void (x.training.sampler = 'none'),
    };
  },
  (c) => {
    const s = c.scheduler;
    if ((s.type !== 'oneCycleLR' && s.type !== 'cyclicLR') || !s.cycleMomentum || c.optimizer.type !== 'adagrad') return null;
    return {
      path: 'scheduler.cycleMomentum',
      message: `scheduler.cycleMomentum needs an optimizer with momentum or betas; adagrad has neither, so it must be false`,
      got: 'true',
      fix: (x) => void ((x.scheduler.type === 'oneCycleLR' || x.scheduler.type === 'cyclicLR') && (x.scheduler.cycleMomentum = false)),
    };
  },
  (c) => {
    const s = c.scheduler;
    if (s.type !== 'cyclicLR' || s.baseLr <= s.maxLr) return null;
    return {
      path: 'scheduler.baseLr',
      message: `scheduler.baseLr is the bottom of the cycle, so it must not be above scheduler.maxLr (${s.maxLr}); got ${shown(s.baseLr)}`,
      got: shown(s.baseLr),
      fix: (x) => {
        if (x.scheduler.type !== 'cyclicLR') return;
        x.scheduler.baseLr = Math.min(fieldAt('scheduler.baseLr', 'cyclicLR')!.default as number, x.scheduler.maxLr);
      },
    };
  },
];

/**
 * Checks every rule in order; each broken one is reported and, in `config`, replaced by its safe
 * value. A field that was not given (or was bad, and already reported) is fixed without a word: the
 * person never chose cross-entropy for diabetes, the default did, so MSE is simply the default there.
 */
export function applyRules(config: ExperimentConfig, errors: ErrorList): void {
  for (const rule of RULES) {
    const broken = rule(config);
    if (!broken) continue;
    broken.fix(config);
    if (errors.isDefaulted(broken.path)) continue;
    const error: ConfigError = { path: broken.path, code: 'conflict', message: broken.message, got: broken.got };
    errors.add(error);
  }
}
